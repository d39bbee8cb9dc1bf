"""The checklist: started from the template with due dates counted from the first working day (the
accepted offer's, else the one entered), ticked by its owners, overdue flagged, and the hand-off: the hire
through the pipeline, the record to payroll's webhooks, the job closed when its headcount is filled."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import JobStatus, StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.webhooks.models import WebhookEndpoint
from rekrut.onboarding.guards import onboarding_exit_blockers
from rekrut.onboarding.models import ChecklistTemplate, ItemOwner, Onboarding, Task, TemplateItem
from rekrut.onboarding.selectors import is_overdue, onboardings_for
from rekrut.onboarding.services import onboarding_hand_off, onboarding_start, task_tick
from rekrut.pipeline import services as pipeline_services
from rekrut.pipeline.guards import Blocker, exit_blockers
from rekrut.pipeline.transitions import ApplicationStatus
from tests.onboarding.factories import details_give, offer_accepted_make, onboarding_make, start_in
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_onboarding_rules(monkeypatch):
    """The exit rules of the stages before the hire are other apps' (the contract's signature);
    here only the onboarding's own rule holds the hire back."""
    monkeypatch.setattr(exit_blockers, "_receivers", [onboarding_exit_blockers])


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job, stage_kind=StageKind.CONTRACT, full_name="Putri Maharani")


def _required_done(onboarding: Onboarding, actor) -> None:
    details_give(onboarding)
    for task in onboarding.tasks.filter(is_required=True, done_at=None):
        task_tick(actor=actor, task=task, done=True)


def test_the_checklist_falls_due_counted_from_the_first_working_day(personas, application):
    day = start_in(14)
    onboarding = onboarding_start(actor=personas.recruiter, application=application, start_date=day)
    items = TemplateItem.objects.filter(template__is_default=True, is_active=True)
    tasks = {task.name_id: task for task in onboarding.tasks.all()}
    assert len(tasks) == items.count() > 0
    for item in items:
        assert tasks[item.name_id].due_date == day + timedelta(days=item.due_days)
    assert tasks["KTP dan NIK"].due_date == day - timedelta(days=7)
    assert not onboarding.start_from_offer
    assert AuditEvent.objects.filter(action="onboarding.started").count() == 1


def test_the_accepted_offer_gives_the_first_working_day(personas, application):
    offer = offer_accepted_make(application=application, actor=personas.recruiter)
    onboarding = onboarding_start(actor=personas.recruiter, application=application, start_date=start_in(3))
    assert onboarding.start_date == offer.start_date
    assert onboarding.start_from_offer


def test_a_jobs_own_template_is_used(personas, application):
    from rekrut.onboarding.models import JobTemplate

    own = ChecklistTemplate.objects.create(name_id="Gudang", name_en="Warehouse")
    TemplateItem.objects.create(
        template=own, kind="equipment", name_id="Sepatu safety", owner="hr", due_days=-2, is_required=True
    )
    JobTemplate.objects.create(job=application.job, template=own)
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    assert list(onboarding.tasks.values_list("name_id", flat=True)) == ["Sepatu safety"]


@pytest.mark.parametrize(
    ("start", "code"),
    [(None, "no_start"), (-1, "in_the_past")],
)
def test_a_missing_or_past_first_day_is_refused(personas, application, start, code):
    day = None if start is None else timezone.localdate() + timedelta(days=start)
    with pytest.raises(DomainError) as refused:
        onboarding_start(actor=personas.recruiter, application=application, start_date=day)
    assert refused.value.code == code
    assert not Onboarding.objects.exists()


def test_only_hr_starts_and_only_once(personas, application):
    with pytest.raises(AccessDenied):
        onboarding_make(application=application, actor=personas.hiring_manager)
    onboarding_make(application=application, actor=personas.recruiter)
    with pytest.raises(DomainError) as refused:
        onboarding_make(application=application, actor=personas.recruiter)
    assert refused.value.code == "started"


def test_owners_tick_their_items(personas, application):
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    buddy = onboarding.tasks.get(owner=ItemOwner.MANAGER, kind="buddy")
    laptop = onboarding.tasks.get(owner=ItemOwner.IT)
    assert task_tick(actor=personas.hiring_manager, task=buddy, done=True).is_done
    with pytest.raises(AccessDenied):
        task_tick(actor=personas.hiring_manager, task=laptop, done=True)
    with pytest.raises(AccessDenied):
        task_tick(actor=personas.interviewer, task=buddy, done=False)
    assert task_tick(actor=personas.recruiter, task=laptop, done=True).is_done


def test_a_number_item_needs_the_number_before_it_is_ticked(personas, application):
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    ktp = onboarding.tasks.get(document="ktp")
    with pytest.raises(DomainError) as refused:
        task_tick(actor=personas.recruiter, task=ktp, done=True)
    assert refused.value.code == "number_missing"
    assert not Task.objects.get(pk=ktp.pk).is_done


def test_overdue_items_are_flagged(personas, application):
    onboarding = onboarding_make(application=application, actor=personas.recruiter, start_date=start_in(3))
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        ktp = onboarding.tasks.get(document="ktp")  # due 7 days before the start: 4 days ago by then
        laptop = onboarding.tasks.get(owner=ItemOwner.IT)  # due 3 days before: yesterday by then
        assert is_overdue(ktp) and is_overdue(laptop)
        row = onboardings_for(user=personas.recruiter).get()
        assert row.overdue == onboarding.tasks.filter(due_date__lt=timezone.localdate()).count() > 0


def test_the_hire_waits_for_the_required_items(personas, application, only_onboarding_rules):
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    with pytest.raises(DomainError) as refused:
        onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=None)
    assert refused.value.code == "items_open"
    # The board's move to the last stage is held back too (pipeline's exit rule).
    last = application.job.stages.filter(is_active=True).order_by("-position").first()
    with pytest.raises(DomainError) as blocked:
        pipeline_services.application_move(
            application=application, to_stage=last, actor=personas.recruiter, expected_version=None
        )
    assert blocked.value.code == "exit_blocked"
    assert "required onboarding item" in str(blocked.value.message)


def test_the_hand_off_hires_sends_the_record_and_closes_the_filled_job(
    personas, application, only_onboarding_rules
):
    hook = WebhookEndpoint.objects.create(
        url="https://hris.example.com/hooks", events=["employee.hired"], created_by=personas.hr_admin
    )
    offer_accepted_make(application=application, actor=personas.recruiter)
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    _required_done(onboarding, personas.recruiter)
    assert application.job.headcount == 1

    handed = onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=None)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED
    assert application.stage.kind == StageKind.ONBOARDING
    assert handed.handed_off_at is not None
    message = OutboxMessage.objects.get(key=f"webhook-{hook.pk}-employee-hired-{onboarding.pk}")
    body = message.payload["body"]
    assert body["event"] == "employee.hired"
    assert body["data"]["employee"]["nik"] == "3174011708900001"
    assert body["data"]["pay"]["base_salary"] == 6_000_000
    application.job.refresh_from_db()
    assert application.job.status == JobStatus.CLOSED
    with pytest.raises(DomainError):
        onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=None)


def test_a_job_with_room_left_stays_open(personas, application, only_onboarding_rules):
    job = application.job
    job.headcount = 2
    job.save(update_fields=["headcount"])
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    _required_done(onboarding, personas.recruiter)
    onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=None)
    job.refresh_from_db()
    assert job.status != JobStatus.CLOSED


def test_the_hand_off_needs_the_job_hr(personas, application):
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    _required_done(onboarding, personas.recruiter)
    with pytest.raises(AccessDenied):
        onboarding_hand_off(actor=personas.hiring_manager, onboarding=onboarding, expected_version=None)
    with pytest.raises(DomainError):
        onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=1)


def test_another_apps_exit_rule_refuses_the_hand_off_and_nothing_is_sent(personas, application, monkeypatch):
    """Another app's rule on the stage before the hire (say, the contract is not signed) refuses it with its
    reason, and nothing is handed off or sent."""

    def contract_unsigned(job, applications):
        return {a.pk: [Blocker("contract_unsigned", "The contract is not signed yet.")] for a in applications}

    monkeypatch.setattr(exit_blockers, "_receivers", [onboarding_exit_blockers, contract_unsigned])
    WebhookEndpoint.objects.create(
        url="https://hris.example.com/hooks", events=["employee.hired"], created_by=personas.hr_admin
    )
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    _required_done(onboarding, personas.recruiter)
    with pytest.raises(DomainError) as refused:
        onboarding_hand_off(actor=personas.recruiter, onboarding=onboarding, expected_version=None)
    assert refused.value.code == "exit_blocked"
    assert "The contract is not signed yet." in str(refused.value.message)
    assert Onboarding.objects.get(pk=onboarding.pk).handed_off_at is None
    assert not OutboxMessage.objects.filter(key__contains="employee-hired").exists()
