"""Bringing a person in: add the candidate and, when a job is chosen, their application, as one change."""

import hashlib
from typing import Any

from django.conf import settings
from django.db import transaction

from rekrut.accounts.models import User
from rekrut.candidates import services as candidate_services
from rekrut.candidates.jsonresume import resume_import
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
    resume: dict[str, Any] | None = None,
    **fields: object,
) -> Candidate:
    """Adds the person (and their application); the same `idempotency_key` again returns the first
    record, so a double click on "Save" adds one candidate. `resume` is what was read from the CV (JSON
    Resume: work, education, skills...), kept on the record for HR and the ranking."""
    cv_digest = hashlib.sha256(cv.data).hexdigest() if cv is not None else ""
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="candidate.intake",
        inputs={**fields, "job": job, "cv": cv_digest, "allow_duplicate": allow_duplicate},
        run=lambda: _intake(
            actor=actor, job=job, cv=cv, allow_duplicate=allow_duplicate, resume=resume, **fields
        ),
    )


def _resume_keep(*, candidate: Candidate, resume: dict[str, Any], actor: User) -> None:
    # The record's fields as HR saved them are the truth (they may have corrected what the CV gave), so the
    # stored document's basics are the record's, and resume_import has nothing of its own to fill in.
    basics: dict[str, Any] = {"name": candidate.full_name}
    if candidate.email:
        basics["email"] = candidate.email
    if candidate.phone:
        basics["phone"] = candidate.phone
    if candidate.city:
        basics["location"] = {"city": candidate.city}
    if candidate.links:
        basics["profiles"] = [{"url": url} for url in candidate.links]
    resume_import(candidate=candidate, document={**resume, "basics": basics}, actor=actor)


@transaction.atomic
def candidate_edit(
    *,
    actor: User,
    candidate: Candidate,
    loaded_version: str | None,
    cv: CVUpload | None,
    resume: dict[str, Any] | None = None,
    **fields: object,
) -> Candidate:
    """Saves an edit (rekrut.candidates.services.candidate_update) and, with a new CV, what was read
    from it."""
    saved = candidate_services.candidate_update(
        actor=actor, candidate=candidate, loaded_version=loaded_version, cv=cv, **fields
    )
    if resume is not None:
        _resume_keep(candidate=saved, resume=resume, actor=actor)
    return saved


@transaction.atomic
def _intake(
    *,
    actor: User,
    job: Job | None,
    cv: CVUpload | None,
    allow_duplicate: bool,
    resume: dict[str, Any] | None,
    **fields: object,
) -> Candidate:
    candidate = candidate_services.candidate_create(
        actor=actor, cv=cv, allow_duplicate=allow_duplicate, **fields
    )
    if resume is not None:
        _resume_keep(candidate=candidate, resume=resume, actor=actor)
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
