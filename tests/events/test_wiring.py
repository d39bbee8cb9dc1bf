"""Each audited act writes its row: job edits, team and stage changes, decision policies, CV views and
downloads."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from rekrut.core.errors import StaleEdit
from rekrut.events.models import AuditEvent
from rekrut.interviews import policy
from rekrut.interviews.models import DecisionPolicy
from rekrut.interviews.services.decisions import decision_policy_reset, decision_policy_set
from rekrut.jobs.services import StageSpec, TeamSpec, job_stages_configure, job_update
from tests.candidates.filebuilders import pdf_bytes
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def rows(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_a_job_edit_records_the_fields_that_changed(personas, team_a_job):
    job_update(actor=personas.recruiter, job=team_a_job, loaded_at=None, headcount=3, title="CS Officer")
    (event,) = rows("job.updated")
    assert (event.actor, event.subject, event.subject_label) == (personas.recruiter, team_a_job, "CS Officer")
    assert event.changes == {
        "title": {"before": "Customer Service Officer", "after": "CS Officer"},
        "headcount": {"before": 1, "after": 3},
    }


def test_an_edit_that_changes_nothing_records_nothing(personas, team_a_job):
    job_update(actor=personas.recruiter, job=team_a_job, loaded_at=None, title=team_a_job.title)
    assert not AuditEvent.objects.exists()


def test_a_refused_edit_records_nothing(personas, team_a_job):
    from datetime import timedelta

    with pytest.raises(StaleEdit):
        job_update(
            actor=personas.recruiter,
            job=team_a_job,
            loaded_at=team_a_job.updated_at - timedelta(minutes=5),
            title="Nope",
        )
    assert not AuditEvent.objects.exists()


def test_a_team_change_records_the_team_before_and_after(personas, team_a_job):
    team = TeamSpec(hr_owner=personas.recruiter, user=personas.other_manager)
    job_update(actor=personas.hr_admin, job=team_a_job, loaded_at=None, team=team)
    (event,) = rows("job.team_changed")
    before, after = event.changes["team"]["before"], event.changes["team"]["after"]
    member = {"user": {"id": personas.other_manager.pk, "label": str(personas.other_manager)}, "role": "user"}
    assert member in after and member not in before
    assert len(before) == 4 and len(after) == 2
    assert not rows("job.updated")


def test_a_stage_change_records_the_stages_before_and_after(personas, team_a_job):
    stages = list(team_a_job.stages.order_by("position"))
    specs = [
        StageSpec(
            s.pk,
            s.name_id,
            "Phone screen" if s.kind == "screening" else s.name_en,
            s.kind,
            s.is_optional,
            s.is_active,
        )
        for s in stages
    ]
    job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=specs)
    (event,) = rows("job.stages_changed")
    before, after = event.changes["stages"]["before"], event.changes["stages"]["after"]
    assert [s["id"] for s in before] == [s["id"] for s in after] == [s.pk for s in stages]
    assert {s["name_en"] for s in after} - {s["name_en"] for s in before} == {"Phone screen"}
    # Saving the same stages again changes nothing, and records nothing.
    job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=specs)
    assert len(rows("job.stages_changed")) == 1


def test_setting_and_resetting_a_jobs_decision_policy_are_recorded(personas, team_a_job):
    rules = policy.Rules(
        hr_is_gate=False,
        user_decides=True,
        strong_user_yes_weight=2,
        managerial_requires_superior_and_director=True,
    )
    row = decision_policy_set(actor=personas.recruiter, job=team_a_job, rules=rules)
    (changed,) = rows("decision_policy.changed")
    assert changed.subject == row and changed.actor == personas.recruiter
    assert changed.changes["hr_is_gate"] == {"before": None, "after": False}
    assert changed.changes["strong_user_yes_weight"] == {"before": None, "after": 2}

    decision_policy_reset(actor=personas.recruiter, job=team_a_job)
    assert not DecisionPolicy.objects.filter(job=team_a_job).exists()
    (reset,) = rows("decision_policy.reset")
    assert reset.subject_label == str(team_a_job)
    assert reset.changes["hr_is_gate"] == {"before": False, "after": None}


def test_changing_the_company_default_records_only_what_changed(personas):
    row = DecisionPolicy.objects.get(job=None)
    rules = policy.Rules(
        hr_is_gate=row.hr_is_gate,
        user_decides=not row.user_decides,
        strong_user_yes_weight=row.strong_user_yes_weight,
        managerial_requires_superior_and_director=row.managerial_requires_superior_and_director,
    )
    decision_policy_set(actor=personas.hr_admin, job=None, rules=rules)
    (event,) = rows("decision_policy.changed")
    assert event.changes == {"user_decides": {"before": row.user_decides, "after": not row.user_decides}}


@pytest.fixture
def with_cv(team_a_job, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    candidate = application_make(job=team_a_job, full_name="Putri Maharani").candidate
    candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Curriculum vitae")))
    return candidate


def test_a_cv_preview_and_a_download_each_write_one_row(personas, client_for, with_cv):
    client = client_for(personas.hiring_manager)
    url = reverse("desk:candidate_cv", args=[with_cv.pk])
    assert client.get(url, {"inline": "1"}, REMOTE_ADDR="203.0.113.5").status_code == 200
    assert client.get(url, REMOTE_ADDR="203.0.113.6").status_code in {200, 302}  # 302: a bucket's link
    viewed, downloaded = AuditEvent.objects.order_by("pk")
    assert (viewed.action, viewed.actor, viewed.subject, viewed.ip) == (
        "cv.viewed",
        personas.hiring_manager,
        with_cv,
        "203.0.113.5",
    )
    assert (downloaded.action, downloaded.ip) == ("cv.downloaded", "203.0.113.6")


def test_a_refused_cv_request_writes_nothing(personas, client_for, with_cv):
    response = client_for(personas.outsider).get(reverse("desk:candidate_cv", args=[with_cv.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.exists()
