"""Bringing a person in: add the candidate and, when a job is chosen, their application, as one change."""

import hashlib

from django.conf import settings
from django.db import transaction

from rekrut.accounts.models import User
from rekrut.candidates import services as candidate_services
from rekrut.candidates.models import Candidate
from rekrut.candidates.services import CVUpload
from rekrut.core.idempotency import idempotent_run
from rekrut.intake.purposes import RECEIVED
from rekrut.jobs.models import Job
from rekrut.notifications.services import message_queue
from rekrut.pipeline.services import application_create


def candidate_intake(
    *,
    actor: User,
    job: Job | None,
    cv: CVUpload | None,
    allow_duplicate: bool,
    idempotency_key: str = "",
    **fields: object,
) -> Candidate:
    """Adds the person (and their application); the same `idempotency_key` again returns the first
    record, so a double click on "Save" adds one candidate."""
    cv_digest = hashlib.sha256(cv.data).hexdigest() if cv is not None else ""
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="candidate.intake",
        inputs={**fields, "job": job, "cv": cv_digest, "allow_duplicate": allow_duplicate},
        run=lambda: _intake(actor=actor, job=job, cv=cv, allow_duplicate=allow_duplicate, **fields),
    )


@transaction.atomic
def _intake(
    *, actor: User, job: Job | None, cv: CVUpload | None, allow_duplicate: bool, **fields: object
) -> Candidate:
    candidate = candidate_services.candidate_create(
        actor=actor, cv=cv, allow_duplicate=allow_duplicate, **fields
    )
    if job is not None:
        application = application_create(actor=actor, candidate=candidate, job=job)
        if candidate.email:
            # The candidate hears that their application arrived, in their language.
            message_queue(
                key=f"application-{application.pk}-received",
                to=candidate.email,
                template=RECEIVED,
                language=candidate.language,
                context={"person": candidate.full_name, "job": job.title, "company": settings.COMPANY_NAME},
            )
    return candidate
