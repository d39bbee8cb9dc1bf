"""Access matrix, jobs: creating a job, its page, its settings and stages, the job-ad check."""

import pytest

from rekrut.jobs.models import JobRequirements
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    hr_staff,
    job_call,
    params,
    team_hr_owner,
    team_members,
)

PAGES: tuple[Page, ...] = (
    Page("jobs:create", hr_staff),
    # Stateless: warns about discriminatory wording in posted text, reads and reveals no data.
    Page(
        "jobs:ad_check",
        anyone,
        method="post",
        call=lambda world, team: Call(data={"title": "Staf Admin", "requirements": "Wanita, maks. 25 tahun"}),
    ),
    Page("jobs:detail", team_members, teams=TEAMS, call=job_call),
    Page("jobs:edit", team_hr_owner, teams=TEAMS, call=job_call),
    Page("jobs:stages", team_hr_owner, teams=TEAMS, call=job_call),
    # Saving the requirements for ranking (the page itself is behind the same rule).
    Page(
        "jobs:requirements",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(args=(world.jobs[team or ""].pk,), data={"must_have": "Excel"}),
        happened=lambda world, team: JobRequirements.objects.filter(
            job=world.jobs[team or ""], must_have=["Excel"]
        ).exists(),
        success=("jobs:detail",),
    ),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
