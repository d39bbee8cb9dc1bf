"""Sending a test: the application's assessment of the test's type gets one attempt and the candidate an
e-mail with a signed link, in their language. Sending again before the candidate starts moves the deadline
and withdraws the earlier link; once started, the one attempt cannot be sent again."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.models import Assessment, AssessmentMode, AssessmentStatus
from rekrut.assessments.services.assessments import assessment_assign
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.limits import moment_in_range
from rekrut.core.localization import local_datetime
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_links_revoke_for
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.services import message_queue
from rekrut.online_tests.models import Attempt, AttemptStatus, OnlineTest
from rekrut.pipeline.access import application_access
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock

action_register("online_test.sent", _("Online test sent to the candidate"))
action_register("online_test.withdrawn", _("Online test withdrawn: its assessment was cancelled"))

LINK_PURPOSE = "online_test"
INVITED_TEMPLATE = "online_tests/email/invited"
# The link keeps opening for a while after the deadline, so the candidate reads "the deadline has passed"
# or "your answers were received" instead of a bare "link expired".
LINK_AFTER_DEADLINE = timedelta(days=14)
OPEN_STATUSES = (AssessmentStatus.ASSIGNED, AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED)


def _send_access(actor: User, application: Application) -> None:
    access = application_access(user=actor, application=application)
    if not access.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can send online tests."))
    if not access.is_open:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")


def invitation_context(attempt: Attempt, *, language: str) -> dict:
    application = attempt.assessment.application
    zone = application.job.location.time_zone
    with translation.override(language):
        return {
            "person": application.candidate.full_name,
            "job": application.job.title,
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "test": attempt.test.name,
            "minutes": attempt.test.time_limit_minutes,
            "due": local_datetime(attempt.due_at, zone),
        }


def _assessment_for(*, actor: User, application: Application, test: OnlineTest) -> Assessment:
    """The application's open assessment of the test's type, or one assigned now (the assessments app's
    one write path for that)."""
    found = (
        Assessment.objects.select_for_update()
        .filter(application=application, assessment_type=test.assessment_type, status__in=OPEN_STATUSES)
        .first()
    )
    if found is not None:
        return found
    return assessment_assign(actor=actor, application=application, assessment_type=test.assessment_type)


@transaction.atomic
def online_test_send(
    *, actor: User, application: Application, test: OnlineTest, due_at: datetime
) -> tuple[Attempt, IssuedLink]:
    """Sends `test` to the application's candidate, to be finished by `due_at`."""
    application = application_lock(application)
    _send_access(actor, application)
    now = timezone.now()
    if timezone.is_naive(due_at) or not moment_in_range(due_at):
        raise DomainError(_("Enter a date between the years 2000 and 2099."), code="out_of_range")
    if due_at < now + timedelta(minutes=test.time_limit_minutes):
        raise DomainError(
            _("Give the candidate a deadline at least the test's time limit from now."), code="too_soon"
        )
    candidate = application.candidate
    if not candidate.email:
        raise DomainError(
            _("The candidate has no e-mail address. Add one before sending the test."), code="no_email"
        )
    assessment = _assessment_for(actor=actor, application=application, test=test)
    attempt = Attempt.objects.select_for_update().filter(assessment=assessment).first()
    if attempt is not None and attempt.status != AttemptStatus.SENT:
        raise DomainError(
            _("The candidate has already started this test: there is only one attempt."), code="started"
        )
    if attempt is None:
        attempt = Attempt(assessment=assessment, test=test, sent_by=actor)
    attempt.test, attempt.due_at, attempt.sent_at, attempt.sent_by = test, due_at, now, actor
    attempt.language = candidate.language or settings.LANGUAGE_CODE
    if attempt.pk:
        attempt.version += 1
    attempt.save()
    Assessment.objects.filter(pk=assessment.pk).update(
        status=AssessmentStatus.INVITED,
        deadline=due_at,
        invited_at=now,
        mode=AssessmentMode.ONLINE,
        version=assessment.version + 1,
    )
    signed_links_revoke_for(subject=attempt, actor=actor, purpose=LINK_PURPOSE)
    issued = signed_link_issue(
        purpose=LINK_PURPOSE,
        subject=attempt,
        valid_for=due_at + LINK_AFTER_DEADLINE - now,
        created_by=actor,
        url_name="online_tests:take",
    )
    message_queue(
        key=f"online-test-{attempt.pk}-{issued.link.pk}",
        to=candidate.email,
        template=INVITED_TEMPLATE,
        context={**invitation_context(attempt, language=attempt.language), "url": issued.url},
        language=attempt.language,
    )
    audit_record(
        actor=actor,
        action="online_test.sent",
        subject=assessment,
        changes={"test": test.name_id, "due_at": due_at.isoformat(), "to": candidate.email},
    )
    return attempt, issued


def portal_link_issue(*, attempt: Attempt) -> IssuedLink:
    """A fresh link for a candidate signed in to the portal (the e-mail's token is never stored)."""
    return signed_link_issue(
        purpose=LINK_PURPOSE,
        subject=attempt,
        valid_for=max(attempt.due_at + LINK_AFTER_DEADLINE - timezone.now(), timedelta(minutes=5)),
        created_by=None,
        url_name="online_tests:take",
    )


def attempt_withdraw(assessment: Assessment, actor: User) -> None:
    """The assessments app's cancel service (hook `assessment_cancelling`, in its transaction): the test's
    links stop opening, and an attempt not yet submitted ends unscored (its saved answers are kept), so
    neither the candidate nor the worker's closing can turn the cancelled assessment into a result."""
    attempt = Attempt.objects.select_for_update().filter(assessment=assessment).first()
    if attempt is None:
        return
    signed_links_revoke_for(subject=attempt, actor=actor, purpose=LINK_PURPOSE)
    if attempt.status not in (AttemptStatus.SENT, AttemptStatus.IN_PROGRESS):
        return
    was = attempt.status
    attempt.status = AttemptStatus.WITHDRAWN
    attempt.version += 1
    attempt.save(update_fields=["status", "version"])
    audit_record(actor=actor, action="online_test.withdrawn", subject=assessment, changes={"was": was})
