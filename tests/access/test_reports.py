"""Access matrix, reports: everyone but interviewers sees reports, over the jobs whose team they are on
(HR admins: the company); only HR admins change the report settings."""

import pytest

from tests.access.matrix import (
    ALLOWED,
    FORBIDDEN,
    JOB_TITLES,
    TEAMS,
    Call,
    Case,
    Outcome,
    Page,
    World,
    access_check,
    hr_admin_only,
    job_call,
    params,
    sees,
)

INTERVIEWERS = {"interviewer", "outsider"}  # their role is Interviewer (tests/conftest.py)


def report_viewer(persona: str, team: str | None) -> Outcome:
    return FORBIDDEN if persona in INTERVIEWERS else ALLOWED


def job_report_viewer(persona: str, team: str | None) -> Outcome:
    """The role is checked first (an interviewer is told reports are not for them), then the job."""
    assert team
    if persona in INTERVIEWERS:
        return FORBIDDEN
    return ALLOWED if sees(persona, team) else Outcome.NOT_FOUND


def _teams_in_filters(persona: str) -> set[str]:
    return {team for team in TEAMS if sees(persona, team)}


PAGES: tuple[Page, ...] = (
    Page("reports:dashboard", report_viewer, listed=_teams_in_filters, listed_text=JOB_TITLES),
    Page(
        "reports:report",
        report_viewer,
        call=lambda world, team: Call(args=("funnel",)),
        listed=_teams_in_filters,
        listed_text=JOB_TITLES,
    ),
    Page("reports:export", report_viewer, call=lambda world, team: Call(args=("sources", "sources", "csv"))),
    Page("reports:job_summary", job_report_viewer, teams=TEAMS, call=job_call),
    Page("reports:settings", hr_admin_only),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
