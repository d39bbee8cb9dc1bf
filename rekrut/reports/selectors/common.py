"""Rows every report starts from, already narrowed to the viewer's scope and the filters."""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise

from rekrut.core.db import reports_database
from rekrut.jobs.models import Stage, StageKind
from rekrut.reports.filters import ReportFilters
from rekrut.reports.models import ApplicationFacts, SummaryState
from rekrut.reports.scope import ReportScope

# Stage kinds in pipeline order: where stage names differ per job, reports group stages by their kind.
KIND_ORDER = [kind for kind, _label in StageKind.choices]
KIND_LABELS = dict(StageKind.choices)


def stage_kinds() -> dict[int, str]:
    """Every stage's kind (a few hundred rows): summary rows are counted per stage, then per kind here."""
    return dict(Stage.objects.using(reports_database()).values_list("pk", "kind"))


def cohort(scope: ReportScope, filters: ReportFilters) -> QuerySet[ApplicationFacts]:
    """Applications received in the period (funnel, drop-off, sources), as their summary rows."""
    return ApplicationFacts.objects.using(reports_database()).filter(
        filters.job_q(scope),
        applied_at__gte=filters.period.start,
        applied_at__lt=filters.period.end,
    )


def summary_refreshed_at():
    """When the summary rows were last brought up to date (None before the worker's first sweep)."""
    return (
        SummaryState.objects.using(reports_database())
        .filter(pk=1)
        .values_list("refreshed_at", flat=True)
        .first()
    )


def freshness(summarised: StrOrPromise | None, live: StrOrPromise | None) -> str:
    """Which figures of a report are live and which are up to a sweep old, with the time of the refresh."""
    parts: list[str] = []
    if summarised:
        refreshed = summary_refreshed_at()
        if refreshed is None:
            parts.append(
                gettext(
                    "%(what)s come from a summary the background worker has not built yet: they appear "
                    "within a minute of it starting."
                )
                % {"what": summarised}
            )
        else:
            parts.append(
                gettext(
                    "%(what)s come from a summary the background worker brings up to date every 30 "
                    "seconds (last at %(time)s)."
                )
                % {"what": summarised, "time": date_format(timezone.localtime(refreshed), "DATETIME_FORMAT")}
            )
    if live:
        parts.append(gettext("%(what)s are live.") % {"what": live})
    return " ".join(parts)
