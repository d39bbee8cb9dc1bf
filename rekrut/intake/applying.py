"""Applying from the careers site: the person (found by e-mail or added), their application, their answers
to the job's screening questions, their consents and the "application received" e-mail, as one change.

Nothing is half-saved: every check that can refuse runs before the first write, and the writes share one
transaction. Applying again for the same job returns the application already there (no second one)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.applicants import candidate_by_email, candidate_from_applicant
from rekrut.candidates.consent import consent_record
from rekrut.candidates.jsonresume import resume_import
from rekrut.candidates.models import ConsentPurpose
from rekrut.candidates.services import CVUpload
from rekrut.core.errors import DomainError
from rekrut.intake.purposes import RECEIVED
from rekrut.intake.screening import answers_save, screening_questions_of
from rekrut.jobs.models import Job, JobStatus
from rekrut.notifications.services import message_queue
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_create


@dataclass
class Applicant:
    """What the applicant sent, already checked by the form (rekrut/careers/forms.py)."""

    full_name: str
    email: str
    phone: str
    city: str
    cv: CVUpload
    language: str
    consents: tuple[str, ...]  # the purposes they agreed to (ConsentPurpose)
    answers: dict[int, str] = field(default_factory=dict)  # question id -> cleaned answer
    resume: dict[str, Any] | None = None  # a JSON Resume document already validated against the schema
    ip: str | None = None
    user_agent: str = ""


@dataclass(frozen=True)
class Applied:
    application: Application
    created: bool  # False: they had applied for this job before; that application is returned unchanged


def job_takes_applications(job: Job, *, today: date | None = None) -> bool:
    """Open, and its closing day (if any) not yet past in the company's time zone."""
    today = today or timezone.localdate()
    return job.status == JobStatus.OPEN and (job.valid_through is None or job.valid_through >= today)


def application_existing(*, job: Job, email: str) -> Application | None:
    candidate = candidate_by_email(email)
    if candidate is None:
        return None
    return Application.objects.filter(job=job, candidate=candidate).first()


@transaction.atomic
def application_submit(*, job: Job, applicant: Applicant) -> Applied:
    """The applicant applies for `job` (see the module's docstring)."""
    # One applicant at a time per job: two clicks on "Send" make one person and one application.
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not job_takes_applications(job):
        raise DomainError(_("This job no longer takes applications."), code="job_closed")
    if ConsentPurpose.APPLICATION not in applicant.consents:
        raise DomainError(
            _("Agree to the processing of your data for this application to send it."),
            code="consent_required",
        )
    existing = application_existing(job=job, email=applicant.email)
    if existing is not None:
        return Applied(application=existing, created=False)
    questions = screening_questions_of(job=job)
    unanswered = [q for q in questions if q.is_required and not applicant.answers.get(q.pk)]
    if unanswered:
        raise DomainError(_("Answer every required question."), code="answer_required")
    candidate = candidate_from_applicant(
        fields={
            "full_name": applicant.full_name,
            "email": applicant.email,
            "phone": applicant.phone,
            "city": applicant.city,
        },
        cv=applicant.cv,
        language=applicant.language,
    )
    application = application_create(actor=None, candidate=candidate, job=job, by_candidate=True)
    answers_save(application=application, answers=applicant.answers, questions=questions)
    for purpose in applicant.consents:
        consent_record(
            candidate=candidate,
            purpose=purpose,
            language=applicant.language,
            job=job,
            ip=applicant.ip,
            user_agent=applicant.user_agent,
        )
    if applicant.resume is not None:
        # Imported last, so it fills only what the form left empty (resume_import never overwrites).
        resume_import(candidate=candidate, document=applicant.resume)
    message_queue(
        key=f"application-{application.pk}-received",
        to=candidate.email,
        template=RECEIVED,
        language=applicant.language,
        context={"person": candidate.full_name, "job": job.title, "company": settings.COMPANY_NAME},
    )
    return Applied(application=application, created=True)
