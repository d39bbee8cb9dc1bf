"""Importing candidates (optionally applying each to a job): the candidates kind of the import mechanism.

Rows are saved through the same services a person adding one candidate uses; an undo keeps the records a
colleague already worked on.
"""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import Count, ProtectedError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate, CandidateEvent, CandidateEventKind
from rekrut.candidates.services import candidate_create
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.intake.columns import candidate_columns_guess
from rekrut.intake.import_kind import ImportKind, RowChecker, nothing
from rekrut.intake.import_rows import IMPORT_FIELDS, CheckedRow, duplicates_check, row_check
from rekrut.intake.models import CandidateImport
from rekrut.jobs.models import Job, JobStatus
from rekrut.jobs.selectors import job_is_managed_by
from rekrut.pipeline.models import Application, Transition
from rekrut.pipeline.services import application_create


def job_check(actor: User, job: Job) -> None:
    if not job_is_managed_by(user=actor, job=job):
        raise AccessDenied(_("You can only import into jobs whose hiring team you manage."))
    if job.status == JobStatus.CLOSED:
        raise DomainError(_("This job is closed and takes no new applications."), code="job_closed")


def _permission(actor: User, candidate_import: CandidateImport | None) -> None:
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can import candidates."))
    if candidate_import is not None and candidate_import.job is not None:
        job_check(actor, candidate_import.job)


def _checker(candidate_import: CandidateImport, saving: bool) -> RowChecker:
    seen: dict[tuple[str, str], int] = {}

    def check(number: int, values: dict[str, str]) -> CheckedRow:
        row = row_check(number, values, candidate_import.source)
        if not saving:
            duplicates_check(row, seen, importer=candidate_import.created_by)
        return row

    return check


def _save(candidate_import: CandidateImport, row: CheckedRow) -> int:
    actor = candidate_import.created_by
    candidate = candidate_create(actor=actor, **row.fields)
    if candidate_import.job is not None:
        application_create(actor=actor, candidate=candidate, job=candidate_import.job)
    return candidate.pk


def _remove(candidate_import: CandidateImport, ids: list[int]) -> list[str]:
    job_id = candidate_import.job_id
    touched = _touched(ids, job_id=job_id)
    removable = [pk for pk in ids if pk not in touched]
    try:
        with transaction.atomic():
            _delete(removable)
    except ProtectedError:  # an interview or a decision hangs on one of them: find which, one by one
        for pk in list(removable):
            try:
                with transaction.atomic():
                    _delete([pk])
            except ProtectedError:
                touched.add(pk)
    return [f"{c.full_name} (#{c.pk})" for c in Candidate.objects.filter(pk__in=touched).order_by("pk")]


def _touched(ids: list[int], *, job_id: int | None) -> set[int]:
    """The candidates among `ids` that someone other than the import has worked on since it saved them."""
    applications = Application.objects.filter(candidate_id__in=ids)
    other_jobs = applications.exclude(job_id=job_id) if job_id else applications
    moved = (
        Transition.objects.filter(application__candidate_id__in=ids)
        .values("application_id")
        .annotate(rows=Count("id"))
        .filter(rows__gt=1)
        .values_list("application__candidate_id", flat=True)
    )
    edited = CandidateEvent.objects.filter(candidate_id__in=ids).exclude(kind=CandidateEventKind.CREATED)
    merged = Candidate.objects.filter(pk__in=ids, merged_into__isnull=False)
    merged_into = Candidate.objects.filter(merged_into_id__in=ids)
    return {
        *other_jobs.values_list("candidate_id", flat=True),
        *moved,
        *edited.values_list("candidate_id", flat=True),
        *merged.values_list("pk", flat=True),
        *merged_into.values_list("merged_into_id", flat=True),
    }


def _delete(ids: list[int]) -> None:
    if not ids:
        return
    # The "applied" history rows are append-only, and rightly refuse a delete: but these describe an
    # application that, for the user, never happened (the import is all or nothing), so the compensating
    # step takes them out with the rows they describe, on purpose past the append-only guard.
    models.QuerySet.delete(Transition.objects.filter(application__candidate_id__in=ids))
    Application.objects.filter(candidate_id__in=ids).delete()
    Candidate.objects.filter(pk__in=ids).delete()  # their "added" events go with them (CASCADE)


def _kept_message(kept: list[str]) -> str:
    names = ", ".join(kept[:20])
    return ngettext(
        "%(count)s candidate was kept because a colleague already worked on the record meanwhile: %(names)s.",
        "%(count)s candidates were kept because colleagues already worked on the records meanwhile: "
        "%(names)s.",
        len(kept),
    ) % {"count": len(kept), "names": names + (" …" if len(kept) > 20 else "")}


CANDIDATES = ImportKind(
    code="candidates",
    fields=IMPORT_FIELDS,
    required="full_name",
    required_message=_("Choose the column that holds the candidate's name."),
    notes_field="notes",
    guess=candidate_columns_guess,
    checker=_checker,
    prepare=nothing,
    save=_save,
    remove=_remove,
    cleanup=nothing,
    kept_message=_kept_message,
    permission=_permission,
)
