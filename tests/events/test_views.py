"""The audit log page: HR admins only, newest first, filtered by action and person, a fixed query count."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils.functional import Promise

from rekrut.events.actions import ACTIONS
from rekrut.events.services import audit_record
from rekrut.jobs.services import job_update
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def logged(personas, team_a_job):
    """Rina edits a job, then Budi views three CVs, one a minute."""
    with time_machine.travel(START, tick=False) as traveller:
        job_update(actor=personas.recruiter, job=team_a_job, loaded_at=None, headcount=2)
        for n in range(3):
            traveller.shift(timedelta(minutes=1))
            audit_record(
                actor=personas.hiring_manager,
                action="cv.viewed",
                subject=CandidateFactory(full_name=f"Pelamar {n}"),
            )


def rows_of(response) -> list[str]:
    return [str(event.subject_label) for event in response.context["page"]]


def test_hr_admins_read_the_log_newest_first(personas, client_for, logged):
    response = client_for(personas.hr_admin).get(reverse("events:log"))
    assert response.status_code == 200
    assert rows_of(response) == ["Pelamar 2", "Pelamar 1", "Pelamar 0", "Customer Service Officer"]
    html = response.content.decode()
    assert "CV viewed" in html and "Job edited" in html
    assert "Headcount" in html  # the changed field, named in the viewer's language


def test_labels_are_stored_as_codes_and_worded_in_the_viewers_language(personas, client, logged, settings):
    assert all(isinstance(label, Promise) for label in ACTIONS.values())  # translated when shown, not stored
    client.force_login(personas.hr_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get(reverse("events:log")).content.decode()
    assert "Jumlah kebutuhan" in html and "Headcount" not in html


@pytest.mark.parametrize("persona", ["recruiter", "hiring_manager", "interviewer", "director", "outsider"])
def test_nobody_else_reads_it(personas, client_for, logged, persona):
    assert client_for(getattr(personas, persona)).get(reverse("events:log")).status_code == 403


def test_the_log_filters_by_action_and_by_person(personas, client_for, logged):
    client = client_for(personas.hr_admin)
    url = reverse("events:log")
    assert rows_of(client.get(url, {"action": "job.updated"})) == ["Customer Service Officer"]
    assert len(rows_of(client.get(url, {"actor": personas.hiring_manager.pk}))) == 3
    assert rows_of(client.get(url, {"actor": personas.hiring_manager.pk, "action": "job.updated"})) == []


def test_the_navigation_links_the_log_for_hr_admins_only(personas, client_for):
    url = reverse("events:log")
    assert url in client_for(personas.hr_admin).get(reverse("accounts:preferences")).content.decode()
    assert url not in client_for(personas.recruiter).get(reverse("accounts:preferences")).content.decode()


def test_a_page_of_the_log_costs_the_same_queries_however_long_it_is(
    personas, client_for, logged, django_assert_max_num_queries
):
    client = client_for(personas.hr_admin)
    client.get(reverse("events:log"))  # warms the content-type cache, as any running server has
    # Session, user, count, the people in the "who" filter, the page of rows with actors and types.
    with django_assert_max_num_queries(5):
        short = client.get(reverse("events:log"))
    for n in range(60):
        audit_record(
            actor=personas.recruiter, action="cv.downloaded", subject=CandidateFactory(full_name=f"P{n}")
        )
    with django_assert_max_num_queries(5):
        long = client.get(reverse("events:log"))
    assert len(short.context["page"]) == 4 and len(long.context["page"]) == 50


def test_changes_read_as_what_changed_in_the_viewers_words(personas, team_a_job):
    from rekrut.events.models import AuditEvent
    from rekrut.events.templatetags.audit import audit_changes
    from rekrut.jobs.services import StageSpec, TeamSpec, job_stages_configure

    job_update(
        actor=personas.recruiter,
        job=team_a_job,
        loaded_at=None,
        status="on_hold",
        team=TeamSpec(
            hr_owner=personas.recruiter, user=personas.hiring_manager, director=personas.other_manager
        ),
    )
    stages = list(team_a_job.stages.order_by("position"))
    specs = [StageSpec(s.pk, s.name_id, s.name_en, s.kind, s.is_optional, s.is_active) for s in stages]
    superior = next(i for i, s in enumerate(specs) if s.kind == "superior_interview")
    specs[superior] = StageSpec(**{**vars(specs[superior]), "is_active": False})
    specs[1], specs[2] = specs[2], specs[1]
    job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=specs)

    rows = {
        row.field: (row.before, row.after)
        for event in AuditEvent.objects.order_by("pk")
        for row in audit_changes(event)
    }
    assert rows["status"] == (["Open"], ["On hold"])
    # Who left and who joined, each with their role's label.
    assert rows["hiring team"] == (
        [f"{personas.director} · Director", f"{personas.interviewer} · Interviewer"],
        [f"{personas.other_manager} · Director"],
    )
    superior_name = stages[superior].name_en
    assert rows[f"stages: {superior_name}"] == (["in use: yes"], ["in use: no"])
    before, after = rows["stages: Order"]
    assert (after[1], after[2]) == (before[2], before[1])
