"""Moving and rejecting through the API: the board's rules, history rows and e-mails, as JSON."""

import datetime as dt

import pytest
import time_machine
from django.utils.functional import lazy
from django.utils.translation import get_language

from rekrut.core.errors import DomainError
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.models import RejectReason
from rekrut.pipeline.selectors import reject_reasons
from tests.pipeline.factories import application_make

WIB = dt.timezone(dt.timedelta(hours=7))


def move(client, application, *, to_stage, version=None, note=""):
    return client.post(
        f"/api/v1/applications/{application.pk}/move",
        {
            "to_stage": to_stage.pk,
            "version": application.version if version is None else version,
            "note": note,
        },
        content_type="application/json",
    )


def reject(client, application, *, reason, version=None, **extra):
    return client.post(
        f"/api/v1/applications/{application.pk}/reject",
        {"reason": reason.pk, "version": application.version if version is None else version, **extra},
        content_type="application/json",
    )


@pytest.fixture
def application(world):
    return world.team_a_application


@pytest.fixture
def as_rina(api_client_for, personas):
    return api_client_for(personas.recruiter)


def test_moving_forward_records_who_when_and_why(as_rina, application, personas) -> None:
    screening = application.job.stages.get(kind="screening")

    # After the application was made (now), so the move is the last row of its history.
    with time_machine.travel(dt.datetime(2031, 3, 17, 10, 0, tzinfo=WIB), tick=False):
        response = move(as_rina, application, to_stage=screening, note="CV cocok")

    assert response.status_code == 200
    body = response.json()
    assert body["stage"] == {"id": screening.pk, "name": "CV screening", "kind": "screening"}
    assert body["version"] == application.version + 1
    assert body["history"][-1] == {
        "kind": "moved",
        "at": "2031-03-17T03:00:00Z",
        "actor": {"id": personas.recruiter.pk, "name": personas.recruiter.get_full_name()},
        "by_candidate": False,
        "from_stage": {"id": application.stage_id, "name": "Applied", "kind": "applied"},
        "to_stage": {"id": screening.pk, "name": "CV screening", "kind": "screening"},
        "from_status": "active",
        "to_status": "active",
        "reason": None,
        "note": "CV cocok",
        "is_override": False,
        "override_reason": "",
    }
    application.refresh_from_db()
    assert application.stage == screening


def test_a_move_that_skips_a_required_stage_is_refused(as_rina, application) -> None:
    hr_interview = application.job.stages.get(kind="hr_interview")

    response = move(as_rina, application, to_stage=hr_interview)

    assert response.status_code == 400
    assert response.json() == {"code": "skips_required", "message": "That move would skip a required stage."}
    application.refresh_from_db()
    assert application.stage.kind == "applied"
    assert application.transitions.count() == 1


def test_a_move_backward_is_refused(as_rina, application) -> None:
    applied = application.stage
    screening = application.job.stages.get(kind="screening")
    moved = move(as_rina, application, to_stage=screening).json()

    response = move(as_rina, application, to_stage=applied, version=moved["version"])

    assert response.status_code == 400
    assert response.json()["code"] == "backward"


def test_a_stage_of_another_job_is_refused(as_rina, application, world) -> None:
    other_jobs_stage = world.team_b_application.job.stages.get(kind="screening")

    response = move(as_rina, application, to_stage=other_jobs_stage)

    assert response.status_code == 400
    assert response.json()["code"] == "unknown_stage"


def test_a_move_from_a_stale_version_is_a_conflict(as_rina, application, api_client_for, personas) -> None:
    screening = application.job.stages.get(kind="screening")
    seen_version = application.version
    # Budi moves it first, from his own screen.
    assert move(api_client_for(personas.hiring_manager), application, to_stage=screening).status_code == 200
    hr_interview = application.job.stages.get(kind="hr_interview")

    response = move(as_rina, application, to_stage=hr_interview, version=seen_version)

    assert response.status_code == 409
    assert response.json()["code"] == "stale"
    application.refresh_from_db()
    assert application.stage == screening


def test_rejecting_records_the_reason_and_tells_the_candidate(as_rina, application) -> None:
    reason = reject_reasons().get(name_en="Experience not relevant enough")

    response = reject(as_rina, application, reason=reason, note="Belum ada pengalaman CS")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "rejected"
    assert body["reject_reason"] == {"id": reason.pk, "name": "Experience not relevant enough"}
    last = body["history"][-1]
    assert (last["kind"], last["reason"]["id"], last["note"]) == (
        "rejected",
        reason.pk,
        "Belum ada pengalaman CS",
    )
    assert OutboxMessage.objects.filter(to=application.candidate.email).count() == 1


def test_rejecting_without_notifying_sends_nothing(as_rina, application) -> None:
    response = reject(as_rina, application, reason=reject_reasons().first(), notify_candidate=False)

    assert response.status_code == 200
    assert not OutboxMessage.objects.exists()


def test_a_rejected_application_cannot_be_rejected_again(as_rina, application) -> None:
    reason = reject_reasons().first()
    version = reject(as_rina, application, reason=reason).json()["version"]

    response = reject(as_rina, application, reason=reason, version=version)

    assert response.status_code == 400
    assert response.json()["code"] == "illegal_status"


def test_a_reject_from_a_stale_version_is_a_conflict(as_rina, application) -> None:
    response = reject(as_rina, application, reason=reject_reasons().first(), version=application.version + 1)

    assert response.status_code == 409
    application.refresh_from_db()
    assert application.status == "active"


def test_a_retired_reason_is_refused(as_rina, application) -> None:
    retired = RejectReason.objects.create(name_id="Lama", name_en="Old", is_active=False)

    response = reject(as_rina, application, reason=retired)

    assert response.status_code == 400
    assert response.json()["code"] == "unknown_reason"
    application.refresh_from_db()
    assert application.status == "active"


def test_reject_reasons_are_listed_in_the_requests_language(api_client_for, personas) -> None:
    in_english = api_client_for(personas.recruiter, language="en").get("/api/v1/reject-reasons")
    in_indonesian = api_client_for(personas.recruiter, language="id").get("/api/v1/reject-reasons")

    assert in_english.json()[-1]["name"] == "Other"
    assert in_indonesian.json()[-1]["name"] == "Lainnya"
    assert in_indonesian["Content-Language"] == "id"
    assert len(in_english.json()) == reject_reasons().count()


def test_stage_names_follow_the_requests_language(api_client_for, personas, application) -> None:
    as_indonesian = api_client_for(personas.recruiter, language="id")

    body = as_indonesian.get(f"/api/v1/applications/{application.pk}").json()

    assert body["stage"]["name"] == "Lamaran masuk"


@pytest.mark.parametrize(("language", "expected"), [("id", "id"), ("en", "en")])
def test_error_messages_are_rendered_in_the_requests_language(
    api_client_for, personas, application, monkeypatch, language, expected
) -> None:
    # The .po files are filled later; a message that spells out the active language proves the message is
    # rendered while the request's language is active, not at import time or in the server's default.
    def refuse(**kwargs):
        raise DomainError(lazy(get_language, str)(), code="probe")

    monkeypatch.setattr("rekrut.pipeline.services.application_move", refuse)
    screening = application.job.stages.get(kind="screening")

    response = move(api_client_for(personas.recruiter, language=language), application, to_stage=screening)

    assert response.status_code == 400
    assert response.json() == {"code": "probe", "message": expected}


def move_back(client, application, *, reason, version=None):
    return client.post(
        f"/api/v1/applications/{application.pk}/move-back",
        {"reason": reason, "version": application.version if version is None else version},
        content_type="application/json",
    )


@pytest.fixture
def in_hr_interview(team_a_job):
    """Nobody has held its HR interview yet, so leaving it is blocked (see tests/interviews)."""
    return application_make(job=team_a_job, stage_kind="hr_interview", full_name="Rudi Hartono")


def test_a_blocked_move_is_refused_with_its_reasons(as_rina, in_hr_interview) -> None:
    user_interview = in_hr_interview.job.stages.get(kind="user_interview")

    response = move(as_rina, in_hr_interview, to_stage=user_interview)

    assert response.status_code == 400
    assert response.json() == {
        "code": "exit_blocked",
        "message": "The application cannot leave “HR interview” yet. "
        "No scorecard of the “HR interview” round has been submitted yet.",
    }


def test_hr_overrides_a_blocked_move_with_a_reason_and_the_history_says_so(as_rina, in_hr_interview) -> None:
    user_interview = in_hr_interview.job.stages.get(kind="user_interview")

    response = as_rina.post(
        f"/api/v1/applications/{in_hr_interview.pk}/move",
        {
            "to_stage": user_interview.pk,
            "version": in_hr_interview.version,
            "override_reason": "Interview HR dilakukan di pameran kerja, di atas kertas",
        },
        content_type="application/json",
    )

    assert response.status_code == 200
    last = response.json()["history"][-1]
    assert (last["kind"], last["is_override"], last["override_reason"]) == (
        "moved",
        True,
        "Interview HR dilakukan di pameran kerja, di atas kertas",
    )


def test_the_hiring_manager_cannot_override(api_client_for, personas, in_hr_interview) -> None:
    user_interview = in_hr_interview.job.stages.get(kind="user_interview")

    response = api_client_for(personas.hiring_manager).post(
        f"/api/v1/applications/{in_hr_interview.pk}/move",
        {"to_stage": user_interview.pk, "version": in_hr_interview.version, "override_reason": "Saya yakin"},
        content_type="application/json",
    )

    assert response.status_code == 403
    in_hr_interview.refresh_from_db()
    assert in_hr_interview.stage.kind == "hr_interview"


def test_hr_moves_an_application_back_with_a_reason(as_rina, in_hr_interview, personas) -> None:
    response = move_back(as_rina, in_hr_interview, reason="Salah geser")

    assert response.status_code == 200
    body = response.json()
    assert body["stage"]["kind"] == "screening"
    assert (body["history"][-1]["kind"], body["history"][-1]["note"]) == ("moved_back", "Salah geser")


@pytest.mark.parametrize(
    ("persona", "reason", "status", "code"),
    [
        ("hiring_manager", "Salah geser", 403, "forbidden"),
        ("recruiter", " ", 400, "reason_required"),
        ("other_recruiter", "Salah geser", 404, "not_found"),
    ],
)
def test_moving_back_is_for_the_jobs_hr_with_a_reason(
    api_client_for, personas, in_hr_interview, persona, reason, status, code
) -> None:
    response = move_back(api_client_for(getattr(personas, persona)), in_hr_interview, reason=reason)

    assert (response.status_code, response.json()["code"]) == (status, code)
    in_hr_interview.refresh_from_db()
    assert in_hr_interview.stage.kind == "hr_interview"


def test_moving_back_from_the_first_stage_is_refused(as_rina, application) -> None:
    response = move_back(as_rina, application, reason="Salah geser")

    assert (response.status_code, response.json()["code"]) == (400, "first_stage")


def test_moving_back_from_a_stale_version_is_a_conflict(as_rina, in_hr_interview) -> None:
    response = move_back(as_rina, in_hr_interview, reason="Salah geser", version=in_hr_interview.version + 1)

    assert response.status_code == 409
