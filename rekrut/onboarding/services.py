"""Writes for onboarding: starting an application's checklist, ticking items, sending the new employee
their link, and the hand-off (the hire through the pipeline, which closes a filled job, and the record to
payroll's webhooks).

Each runs in one transaction with its audit row. Audit rows never carry a NIK, an NPWP, a bank account or
a salary: they say what changed, never what it says.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.limits import OUT_OF_RANGE
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_links_revoke_for
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.services import message_queue
from rekrut.notifications.webhooks.events import event_register
from rekrut.notifications.webhooks.services import webhooks_announce
from rekrut.onboarding.access import OnboardingAccess, onboarding_access_for
from rekrut.onboarding.models import (
    ChecklistTemplate,
    DocumentKind,
    EmployeeDetails,
    FinancialDetails,
    JobTemplate,
    Onboarding,
    Task,
)
from rekrut.onboarding.records import accepted_offer, employee_record
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock, application_move
from rekrut.pipeline.transitions import ApplicationStatus

action_register("onboarding.started", _("Onboarding started"))
action_register("onboarding.task_done", _("Onboarding item ticked"))
action_register("onboarding.task_reopened", _("Onboarding item unticked"))
action_register("onboarding.link_sent", _("Onboarding link sent to the new employee"))
action_register("onboarding.handed_off", _("New employee handed off to payroll"))
event_register("employee.hired", _("A new employee was handed off to payroll (their record)"))

LINK_PURPOSE = "onboarding_documents"
# The link stays open a week past the first working day (papers still missing then), at least a week.
LINK_AFTER_START = timedelta(days=7)
LINK_AT_LEAST = timedelta(days=7)

STALE = _("Someone else changed this onboarding meanwhile. The page now shows its current state.")
# What the new employee's own entries must contain before a document item counts as given.
NUMBER_OF = {
    DocumentKind.KTP: "nik",
    DocumentKind.NPWP: "npwp",
    DocumentKind.BPJS_KESEHATAN: "bpjs_kesehatan",
    DocumentKind.BPJS_KETENAGAKERJAAN: "bpjs_ketenagakerjaan",
}


def _manage_check(access: OnboardingAccess) -> None:
    if not access.application.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can run the onboarding."))
    if not access.is_open:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")


def _locked(onboarding: Onboarding, expected_version: int | None) -> Onboarding:
    # The row alone is locked, then read with its relations (see pipeline.services.application_lock).
    Onboarding.objects.select_for_update().filter(pk=onboarding.pk).values_list("pk", flat=True).get()
    locked = Onboarding.objects.select_related("application__candidate", "application__job").get(
        pk=onboarding.pk
    )
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(STALE)
    return locked


# ---- starting --------------------------------------------------------------------------------------


def template_for(application: Application) -> ChecklistTemplate | None:
    """The job's own template if it has one in use, else the company's default."""
    own = JobTemplate.objects.filter(job_id=application.job_id, template__is_active=True).first()
    if own is not None:
        return own.template
    return ChecklistTemplate.objects.filter(is_default=True, is_active=True).first()


def _start_date_check(start_date: date | None) -> date:
    if start_date is None:
        raise DomainError(
            _("Enter the first working day: there is no accepted offer to take it from."), code="no_start"
        )
    if not 2000 <= start_date.year <= 2099:
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if start_date < timezone.localdate():
        raise DomainError(
            _("The first working day cannot be in the past. Enter today or a later day."), code="in_the_past"
        )
    return start_date


@transaction.atomic
def onboarding_start(
    *,
    actor: User,
    application: Application,
    start_date: date | None = None,
    template: ChecklistTemplate | None = None,
) -> Onboarding:
    """Creates the application's checklist from the template (the job's, else the default), each item due
    a number of days from the first working day: the accepted offer's start date, else the one entered."""
    app = application_lock(application)  # one start at a time per application
    _manage_check(onboarding_access_for(user=actor, application=app))
    if Onboarding.objects.filter(application=app).exists():
        raise DomainError(_("The onboarding of this application has already started."), code="started")
    offer = accepted_offer(Onboarding(application=app))
    day = offer.start_date if offer is not None else _start_date_check(start_date)
    template = template or template_for(app)
    if template is None or not template.is_active:
        raise DomainError(
            _("There is no checklist template in use. An HR admin adds one in Settings."), code="no_template"
        )
    items = list(template.items.filter(is_active=True).order_by("position", "pk"))
    if not items:
        raise DomainError(
            _("The checklist template “%(name)s” has no items.") % {"name": template}, code="empty"
        )
    onboarding = Onboarding.objects.create(
        application=app,
        template=template,
        start_date=day,
        start_from_offer=offer is not None,
        started_by=actor,
    )
    Task.objects.bulk_create(
        Task(
            onboarding=onboarding,
            position=n,
            kind=item.kind,
            name_id=item.name_id,
            name_en=item.name_en,
            owner=item.owner,
            due_date=day + timedelta(days=item.due_days),
            is_required=item.is_required,
            document=item.document,
        )
        for n, item in enumerate(items)
    )
    audit_record(
        actor=actor,
        action="onboarding.started",
        subject=onboarding,
        changes={
            "template": {"id": template.pk, "label": str(template)},
            "start_date": day.isoformat(),
            "from_offer": offer.pk if offer is not None else None,
        },
    )
    return onboarding


# ---- ticking ---------------------------------------------------------------------------------------


def document_given(task: Task, employee: EmployeeDetails | None, financial: FinancialDetails | None) -> bool:
    """Whether the new employee's entries hold what a document item asks for (a number, the bank account)."""
    if task.document == DocumentKind.BANK:
        return financial is not None
    field = NUMBER_OF.get(DocumentKind(task.document)) if task.document else None
    return field is None or bool(employee and getattr(employee, field))


@transaction.atomic
def task_tick(*, actor: User, task: Task, done: bool) -> Task:
    """Ticks an item done (or back to open). Items asking for a number need the number first: the new
    employee enters it through their link, so what is handed to payroll is never an empty tick."""
    locked = Task.objects.select_for_update(of=("self",)).select_related("onboarding").get(pk=task.pk)
    onboarding = _locked(locked.onboarding, None)
    access = onboarding_access_for(user=actor, application=onboarding.application)
    if not access.can_tick(locked):
        raise AccessDenied(_("This item is ticked by HR or by its owner."))
    if onboarding.handed_off_at is not None and not done:
        raise DomainError(
            _("This onboarding was handed off to payroll; its items can no longer be unticked."),
            code="handed_off",
        )
    if locked.is_done == done:
        return locked  # ticked twice (two tabs, a double click): nothing more to do
    if done and locked.document:
        employee = EmployeeDetails.objects.filter(onboarding=onboarding).first()
        financial = FinancialDetails.objects.filter(onboarding=onboarding).first()
        if not document_given(locked, employee, financial):
            raise DomainError(
                _("“%(item)s” needs the number itself: send the new employee their link to enter it.")
                % {"item": locked.name},
                code="number_missing",
            )
    locked.done_at, locked.done_by = (timezone.now(), actor) if done else (None, None)
    locked.done_by_candidate = False
    locked.save(update_fields=["done_at", "done_by", "done_by_candidate"])
    onboarding.version += 1
    onboarding.save(update_fields=["version"])
    audit_record(
        actor=actor,
        action="onboarding.task_done" if done else "onboarding.task_reopened",
        subject=onboarding,
        changes={"item": locked.name_id},
    )
    return locked


# ---- the new employee's link -------------------------------------------------------------------------


def link_context(onboarding: Onboarding, *, language: str) -> dict:
    application = onboarding.application
    with translation.override(language):
        return {
            "person": application.candidate.full_name,
            "job": application.job.title,
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "start_date": onboarding.start_date,
        }


@transaction.atomic
def onboarding_link_send(*, actor: User, onboarding: Onboarding) -> IssuedLink:
    """A link for the new employee to give their numbers and documents, e-mailed in their language when
    they have an address; HR may also pass it on by WhatsApp. A new link withdraws the earlier ones."""
    locked = _locked(onboarding, None)
    _manage_check(onboarding_access_for(user=actor, application=locked.application))
    if locked.handed_off_at is not None:
        raise DomainError(_("This onboarding was already handed off to payroll."), code="handed_off")
    signed_links_revoke_for(subject=locked, actor=actor, purpose=LINK_PURPOSE)
    first_day = timezone.make_aware(datetime.combine(locked.start_date, time.min))
    valid_for = max(first_day + LINK_AFTER_START - timezone.now(), LINK_AT_LEAST)
    issued = signed_link_issue(
        purpose=LINK_PURPOSE,
        subject=locked,
        valid_for=valid_for,
        created_by=actor,
        url_name="onboarding:candidate",
    )
    candidate = locked.application.candidate
    if candidate.email:
        message_queue(
            key=f"onboarding-link-{locked.pk}-{issued.link.pk}",
            to=candidate.email,
            template="onboarding/email/link",
            context={**link_context(locked, language=candidate.language), "url": issued.url},
            language=candidate.language,
        )
    audit_record(
        actor=actor, action="onboarding.link_sent", subject=locked, changes={"to": candidate.email or None}
    )
    return issued


# ---- the hand-off ----------------------------------------------------------------------------------


def open_required(onboarding: Onboarding) -> list[Task]:
    return list(onboarding.tasks.filter(is_required=True, done_at=None).order_by("due_date", "position"))


@transaction.atomic
def onboarding_hand_off(*, actor: User, onboarding: Onboarding, expected_version: int | None) -> Onboarding:
    """When every required item is done: the hire (the pipeline's move to the job's last stage, with its
    exit rules; it closes the job once its headcount is filled), then the new employee's record to the
    webhooks subscribed to `employee.hired`. An application hired earlier is handed off without a move."""
    locked = _locked(onboarding, expected_version)
    _manage_check(onboarding_access_for(user=actor, application=locked.application))
    if locked.handed_off_at is not None:
        raise DomainError(_("This new employee was already handed off to payroll."), code="handed_off")
    missing = open_required(locked)
    if missing:
        names = ", ".join(f"“{task.name}”" for task in missing[:3]) + (", …" if len(missing) > 3 else "")
        raise DomainError(
            ngettext(
                "%(count)d required item is not done yet: %(items)s.",
                "%(count)d required items are not done yet: %(items)s.",
                len(missing),
            )
            % {"count": len(missing), "items": names},
            code="items_open",
        )
    app = locked.application
    if app.status == ApplicationStatus.ACTIVE:
        last = app.job.stages.filter(is_active=True).order_by("-position").first()
        assert last is not None  # an application is always in one of its job's stages in use
        if last.pk == app.stage_id:
            raise DomainError(_("This application cannot be hired from its stage."), code="not_hireable")
        app = application_move(
            application=app,
            to_stage=last,
            actor=actor,
            expected_version=None,
            note=str(_("Onboarding done.")),
        )
    if app.status != ApplicationStatus.HIRED:
        raise DomainError(_("Only an active or hired application can be handed off."), code="not_hired")
    locked.application = app
    locked.handed_off_at, locked.handed_off_by = timezone.now(), actor
    locked.version += 1
    locked.save(update_fields=["handed_off_at", "handed_off_by", "version"])
    # The new employee's link closes: what payroll received is what stays.
    signed_links_revoke_for(subject=locked, actor=actor, purpose=LINK_PURPOSE)
    sent = webhooks_announce(
        event="employee.hired", key=f"employee-hired-{locked.pk}", data=employee_record(locked)
    )
    audit_record(actor=actor, action="onboarding.handed_off", subject=locked, changes={"webhooks": sent})
    # A hire that fills the job closes it in the pipeline's move, whichever page made it.
    return locked
