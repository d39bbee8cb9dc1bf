"""Every report runs a fixed number of queries, whatever the data size."""

import pytest
from django.urls import reverse

from rekrut.reports.registry import REPORTS
from tests.reports.conftest import Q3, company_build

pytestmark = pytest.mark.django_db

# Session, user, the report's own queries and the filter form's three lists (jobs, departments, locations).
# Speed: its percentiles take two steps over the summary (bands, then the exact values of two bands), plus
# the stages' kinds and the time of the summary's last refresh.
MAX_QUERIES = {"funnel": 14, "speed": 16, "sources": 10, "offers": 11, "interviewers": 13, "tracks": 13}


@pytest.mark.parametrize("key", list(REPORTS))
def test_a_report_runs_a_fixed_number_of_queries(
    company, today, client_for, django_assert_max_num_queries, key
):
    client = client_for(company.personas.hr_admin)
    client.get(reverse("reports:report", args=[key]), Q3)  # warm caches (content types, sessions)
    with django_assert_max_num_queries(MAX_QUERIES[key]):
        small = client.get(reverse("reports:report", args=[key]), Q3)
    assert small.status_code == 200
    # Five times the data: the same number of queries.
    from tests.conftest import personas_make

    for _ in range(4):
        company_build(personas_make_fresh())
    with django_assert_max_num_queries(MAX_QUERIES[key]):
        larger = client.get(reverse("reports:report", args=[key]), Q3)
    assert larger.status_code == 200
    _ = personas_make


_counter = iter(range(1, 1000))


def personas_make_fresh():
    """Another company's people (the usernames differ), for more data of the same shape."""
    from rekrut.accounts.models import Role
    from tests.accounts.factories import UserFactory
    from tests.conftest import Personas

    n = next(_counter)
    roles = {
        "hr_admin": Role.HR_ADMIN,
        "recruiter": Role.RECRUITER,
        "hiring_manager": Role.HIRING_MANAGER,
        "interviewer": Role.INTERVIEWER,
        "director": Role.DIRECTOR,
        "other_recruiter": Role.RECRUITER,
        "other_manager": Role.HIRING_MANAGER,
        "outsider": Role.INTERVIEWER,
    }
    return Personas(**{name: UserFactory(username=f"{name}{n}", role=role) for name, role in roles.items()})
