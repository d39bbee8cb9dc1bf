"""Candidates and a job's applications as CSV or XLSX for HR, so nothing HR keeps in Rekrut is locked in.

Only what the person exporting may see is written (pipeline.access decides, once): a recruiter's export
holds the candidates of their own teams' jobs, each with only the applications they may see. Every cell
goes through core.exports, which neutralises formulas. A bulk export of personal data is written to the
audit log (UU 27/2022 PDP Ps 31: a record of who processed which personal data).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Source
from rekrut.core.errors import AccessDenied
from rekrut.core.exports import Cell
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.access import JobAccess
from rekrut.pipeline.models import Application
from rekrut.pipeline.search import CandidateFilters, candidates_search

action_register("candidates.exported", _("Candidates exported"))
action_register("job.applications_exported", _("Applications exported"))

CANDIDATE_COLUMNS = (
    _("ID"),
    _("Full name"),
    _("E-mail"),
    _("Phone"),
    _("City"),
    _("Source"),
    _("Links"),
    _("Notes"),
    _("Added on"),
    _("Applications"),
)
APPLICATION_COLUMNS = (
    _("Application ID"),
    _("Candidate ID"),
    _("Full name"),
    _("E-mail"),
    _("Phone"),
    _("City"),
    _("Source"),
    _("Stage"),
    _("Status"),
    _("Applied on"),
    _("In this stage since"),
)
CHUNK = 500  # rows read per query: a large export never holds every candidate in memory at once


def _date(value: Any) -> Any:
    return timezone.localtime(value).date() if value else None


def candidates_export(*, user: User, filters: CandidateFilters) -> tuple[list[str], Iterator[list[Cell]]]:
    """The headers and rows of the candidates `user` may see under `filters` (the list page's), each with
    the applications `user` may see. Only HR exports; the export is recorded in the audit log."""
    if not user.is_hr:
        raise AccessDenied(_("Only HR can export candidates."))
    # The search prefetches each candidate's applications, limited to those `user` may see.
    candidates = candidates_search(user=user, filters=filters)
    audit_record(
        actor=user,
        action="candidates.exported",
        subject=user,
        changes={"count": candidates.count(), "filters": _filters_text(filters)},
    )
    sources = dict(Source.choices)

    def rows() -> Iterator[list[Cell]]:
        for candidate in candidates.iterator(chunk_size=CHUNK):
            applications = "; ".join(
                f"{a.job.title} — {a.stage.name} ({a.get_status_display()})"
                for a in candidate.applications.all()
            )
            yield [
                candidate.pk,
                candidate.full_name,
                candidate.email,
                candidate.phone,
                candidate.city,
                str(sources.get(candidate.source, candidate.source)),
                " ".join(candidate.links),
                candidate.notes,
                _date(candidate.created_at),
                applications,
            ]

    return [str(header) for header in CANDIDATE_COLUMNS], rows()


def applications_export(*, user: User, access: JobAccess) -> tuple[list[str], Iterator[list[Cell]]]:
    """The headers and rows of a job's applications, for HR on its team (or an HR admin)."""
    if not (access.can_view and user.is_hr):
        raise AccessDenied(_("Only HR on the job's team can export its applications."))
    applications = (
        Application.objects.filter(job=access.job)
        .select_related("candidate", "stage")
        .order_by("applied_at", "pk")
    )
    audit_record(
        actor=user,
        action="job.applications_exported",
        subject=access.job,
        changes={"count": applications.count()},
    )
    sources = dict(Source.choices)

    def rows() -> Iterator[list[Cell]]:
        for application in applications.iterator(chunk_size=CHUNK):
            candidate = application.candidate
            yield [
                application.pk,
                candidate.pk,
                candidate.full_name,
                candidate.email,
                candidate.phone,
                candidate.city,
                str(sources.get(candidate.source, candidate.source)),
                application.stage.name,
                application.get_status_display(),
                _date(application.applied_at),
                _date(application.stage_entered_at),
            ]

    return [str(header) for header in APPLICATION_COLUMNS], rows()


def _filters_text(filters: CandidateFilters) -> dict[str, str]:
    return {name: str(value) for name, value in vars(filters).items() if value}
