"""HR moves an application back to the stage it was in before, to undo a mistaken move: with a reason, a
version check and a history row like every move."""

import pytest

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.jobs.models import StageKind
from rekrut.pipeline import services
from rekrut.pipeline.models import Application, RejectReason, TransitionKind
from rekrut.pipeline.selectors import move_back_targets
from rekrut.pipeline.transitions import ApplicationStatus
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

REASON = "Salah geser kartu di papan"


def move_back(application, actor, reason=REASON, version=None):
    return services.application_move_back(
        application=application,
        actor=actor,
        expected_version=application.version if version is None else version,
        reason=reason,
    )


@pytest.mark.parametrize("persona", ["recruiter", "hr_admin"])
def test_hr_moves_an_application_back_and_the_move_is_recorded(personas, team_a_job, persona):
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    actor = getattr(personas, persona)

    back = move_back(application, actor)

    assert back.stage.kind == StageKind.SCREENING and back.version == application.version + 1
    last = back.transitions.order_by("pk").last()
    assert (last.kind, last.actor, last.from_stage.kind, last.to_stage.kind, last.note) == (
        TransitionKind.MOVED_BACK,
        actor,
        StageKind.HR_INTERVIEW,
        StageKind.SCREENING,
        REASON,
    )
    assert (last.from_status, last.to_status) == (ApplicationStatus.ACTIVE, ApplicationStatus.ACTIVE)


@pytest.mark.parametrize(
    ("persona", "reason", "stage_kind", "refusal"),
    [
        pytest.param("hiring_manager", REASON, StageKind.HR_INTERVIEW, AccessDenied, id="hiring-manager"),
        pytest.param("interviewer", REASON, StageKind.HR_INTERVIEW, AccessDenied, id="interviewer"),
        pytest.param("director", REASON, StageKind.HR_INTERVIEW, AccessDenied, id="director"),
        pytest.param("other_recruiter", REASON, StageKind.HR_INTERVIEW, AccessDenied, id="other-teams-hr"),
        pytest.param("outsider", REASON, StageKind.HR_INTERVIEW, AccessDenied, id="outsider"),
        pytest.param("recruiter", "", StageKind.HR_INTERVIEW, "reason_required", id="no-reason"),
        pytest.param("recruiter", "  \n", StageKind.HR_INTERVIEW, "reason_required", id="blank-reason"),
        pytest.param("recruiter", REASON, "", "first_stage", id="from-the-first-stage"),
    ],
)
def test_moving_back_is_refused(personas, team_a_job, persona, reason, stage_kind, refusal):
    application = application_make(job=team_a_job, stage_kind=stage_kind)
    before = (application.version, application.stage_id, application.transitions.count())
    expected = refusal if isinstance(refusal, type) else DomainError
    with pytest.raises(expected) as refused:
        move_back(application, getattr(personas, persona), reason=reason)
    if isinstance(refusal, str):
        assert refused.value.code == refusal
    application.refresh_from_db()
    assert (application.version, application.stage_id, application.transitions.count()) == before


def test_a_closed_application_is_reopened_not_moved_back(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    rejected = services.application_reject(
        application=application,
        reason=RejectReason.objects.first(),
        actor=personas.recruiter,
        expected_version=None,
        notify_candidate=False,
    )
    with pytest.raises(DomainError) as refused:
        move_back(rejected, personas.recruiter)
    assert refused.value.code == "not_open"


def test_moving_back_from_the_last_stage_undoes_the_hire(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.ONBOARDING)
    assert application.status == ApplicationStatus.HIRED

    back = move_back(application, personas.recruiter)

    assert (back.status, back.stage.kind) == (ApplicationStatus.ACTIVE, StageKind.CONTRACT)
    last = back.transitions.order_by("pk").last()
    assert (last.from_status, last.to_status) == (ApplicationStatus.HIRED, ApplicationStatus.ACTIVE)


def test_moving_back_returns_to_where_it_came_from_not_to_a_skipped_optional_stage(personas, team_a_job):
    # The superior interview is optional and in use; the factory skips it on the way to the medical.
    application = application_make(job=team_a_job, stage_kind=StageKind.MEDICAL)
    assert team_a_job.stages.get(kind=StageKind.SUPERIOR_INTERVIEW).is_active

    assert move_back(application, personas.recruiter).stage.kind == StageKind.EVALUATION


def test_a_stale_page_moves_nothing_back(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    with pytest.raises(StaleEdit):
        move_back(application, personas.recruiter, version=application.version - 1)


def test_the_board_learns_where_each_card_would_go_back_in_two_queries(
    personas, team_a_job, django_assert_max_num_queries
):
    first = application_make(job=team_a_job)
    at_medical = application_make(job=team_a_job, stage_kind=StageKind.MEDICAL)
    at_hr = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    cards = list(Application.objects.filter(job=team_a_job).only("pk", "status", "stage_id"))
    with django_assert_max_num_queries(2):
        targets = move_back_targets(job=team_a_job, applications=cards)
    assert first.pk not in targets
    assert targets[at_medical.pk].kind == StageKind.EVALUATION
    assert targets[at_hr.pk].kind == StageKind.SCREENING
