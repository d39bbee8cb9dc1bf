"""Bringing a person in: add the candidate and, when a job is chosen, their application, as one change."""

from django.db import transaction

from rekrut.accounts.models import User
from rekrut.candidates import services as candidate_services
from rekrut.candidates.models import Candidate
from rekrut.candidates.services import CVUpload
from rekrut.jobs.models import Job
from rekrut.pipeline.services import application_create


@transaction.atomic
def candidate_intake(
    *, actor: User, job: Job | None, cv: CVUpload | None, allow_duplicate: bool, **fields: object
) -> Candidate:
    candidate = candidate_services.candidate_create(
        actor=actor, cv=cv, allow_duplicate=allow_duplicate, **fields
    )
    if job is not None:
        application_create(actor=actor, candidate=candidate, job=job)
    return candidate
