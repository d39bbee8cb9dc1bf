"""Merging two records of one person: the one write path, which keeps every application's history whole.

Candidates sit below the pipeline, so folding the records' fields is the candidates app's
(candidate_fields_merge); moving the applications, and writing a history row for each one moved, is
done here, in the same transaction.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.candidates.services import candidate_fields_merge, candidates_lock_for_merge
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.models import Application, Transition, TransitionKind


@transaction.atomic
def candidate_merge(*, actor: User, keep: Candidate, duplicate: Candidate) -> Candidate:
    """Folds `duplicate` into `keep`: its applications move over (each with a history row), empty fields
    are filled, notes joined. The duplicate row stays, pointing at `keep`, so links naming it resolve."""
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can merge candidates."))
    keep, duplicate = candidates_lock_for_merge(keep=keep, duplicate=duplicate)
    kept_jobs = set(Application.objects.filter(candidate=keep).values_list("job_id", flat=True))
    moving = list(Application.objects.select_for_update().filter(candidate=duplicate).order_by("pk"))
    clash = [application for application in moving if application.job_id in kept_jobs]
    if clash:
        raise DomainError(
            # A person has one application per job, whatever its status, so no later step clears this.
            _(
                "Both records have an application for the same job (%(job)s), and a person can have "
                "only one application per job. These records cannot be merged."
            )
            % {"job": clash[0].job.title},
            code="same_job",
        )
    now = timezone.now()
    for application in moving:
        application.candidate = keep
        application.version += 1
        application.save(update_fields=["candidate", "version"])
    Transition.objects.bulk_create(
        Transition(
            application=application,
            actor=actor,
            at=now,
            kind=TransitionKind.MERGED,
            from_stage=application.stage,
            to_stage=application.stage,
            from_status=application.status,
            to_status=application.status,
            params={"from_candidate": duplicate.pk},
        )
        for application in moving
    )
    return candidate_fields_merge(actor=actor, keep=keep, duplicate=duplicate)


@dataclass(frozen=True)
class MergeRecord:
    candidate: Candidate
    applications: list[Application]
    hidden: int  # applications on jobs this user may not see: they move too, but are not named


def merge_preview(*, user: User, keep: Candidate, duplicate: Candidate) -> list[MergeRecord]:
    """The two records side by side, each with the applications this user may see."""
    applications = list(
        Application.objects.filter(candidate__in=[keep, duplicate])
        .select_related("job", "stage")
        .order_by("-applied_at")
    )
    visible_jobs = set(
        jobs_visible_to(user=user)
        .filter(pk__in={a.job_id for a in applications})
        .values_list("pk", flat=True)
    )
    records = []
    for candidate in (keep, duplicate):
        own = [a for a in applications if a.candidate_id == candidate.pk]
        shown = [a for a in own if a.job_id in visible_jobs]
        records.append(MergeRecord(candidate=candidate, applications=shown, hidden=len(own) - len(shown)))
    return records
