"""Funnel and pass-through per stage, and where and why applications stopped.

An application "reached" a stage when a transition row took it there (pipeline.Transition): the funnel
counts each application once per stage however often it went back and forth. Across jobs stages are
grouped by kind, since each job names its own; for one job its own stages are shown in its order.
"""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.core.db import reports_database
from rekrut.jobs.models import Stage
from rekrut.pipeline.models import RejectReason
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import number, percent_text
from rekrut.reports.models import StageReached
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import KIND_LABELS, KIND_ORDER, cohort, freshness, stage_kinds
from rekrut.reports.tables import Chart, Col, Report, Table, percent


def _reached(scope: ReportScope, filters: ReportFilters, *, by_stage: bool) -> dict:
    """Applications of the cohort that reached each stage (or kind of stage: once per kind)."""
    rows = (
        StageReached.objects.using(reports_database())
        .filter(filters.job_q(scope), applied_at__gte=filters.period.start, applied_at__lt=filters.period.end)
        .order_by()
    )
    if not by_stage and not kinds_repeat_in_a_job():
        # Each kind at most once per job: counting per stage (no join, no DISTINCT) and adding up per kind
        # counts each application once per kind, and is what keeps the funnel quick.
        kinds = stage_kinds()
        per_kind: dict[object, int] = defaultdict(int)
        for stage, n in rows.values("stage_id").annotate(n=Count("pk")).values_list("stage_id", "n"):
            per_kind[kinds.get(stage)] += n
        return dict(per_kind)
    key = "stage_id" if by_stage else "stage__kind"
    return dict(
        rows.values(key).annotate(n=Count("application_id", distinct=not by_stage)).values_list(key, "n")
    )


def kinds_repeat_in_a_job() -> bool:
    """Some job has two stages of the same kind (then the funnel counts distinct applications per kind)."""
    return (
        Stage.objects.using(reports_database())
        .values("job_id", "kind")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by()
        .exists()
    )


def funnel_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    applications = cohort(scope, filters)
    by_stage = filters.job is not None
    reached = _reached(scope, filters, by_stage=by_stage)
    if by_stage:
        assert filters.job is not None
        stages = list(Stage.objects.using(reports_database()).filter(job=filters.job).order_by("position"))
        steps: list[tuple[object, str]] = [
            (stage.pk, str(stage.name)) for stage in stages if stage.is_active or reached.get(stage.pk)
        ]
    else:
        steps = [(kind, str(KIND_LABELS[kind])) for kind in KIND_ORDER if reached.get(kind)]
    statuses = dict(
        applications.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    total = sum(statuses.values())

    funnel = Table(
        "funnel",
        _("Applications per stage"),
        [_("Stage"), _("Reached"), _("Share of applications (%)"), _("Passed on from the stage before (%)")],
        [Col.TEXT, Col.COUNT, Col.PERCENT, Col.PERCENT],
    )
    before = None
    for step, label in steps:
        n = reached.get(step, 0)
        funnel.rows.append(
            [str(label), n, percent(n, total), percent(n, before) if before is not None else None]
        )
        before = n
    if total == 0:
        funnel.rows = []

    stops = Table(
        "drop_off",
        _("Why applications stopped"),
        [_("Reason"), _("Applications"), _("Share of those that stopped (%)")],
        [Col.TEXT, Col.COUNT, Col.PERCENT],
    )
    reasons = (
        applications.filter(status__in=[ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN])
        .values("status", "reject_reason_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    reason_names = {reason.pk: reason.name for reason in RejectReason.objects.using(reports_database()).all()}
    stopped = sum(row["n"] for row in reasons)
    for row in reasons:
        if row["status"] == ApplicationStatus.WITHDRAWN:
            label = gettext("Withdrawn by the candidate")
        else:
            label = reason_names.get(row["reject_reason_id"]) or gettext("Rejected, no reason given")
        stops.rows.append([label, row["n"], percent(row["n"], stopped)])

    where = Table(
        "stopped_at",
        _("Where applications stopped"),
        [_("Stage"), _("Rejected"), _("Withdrawn")],
        [Col.TEXT, Col.COUNT, Col.COUNT],
    )
    # Counted per stage (each application is in one), then per kind here: no join on every row.
    kinds = stage_kinds() if not by_stage else {}
    at: dict[object, dict[str, int]] = {}
    for stage, state, n in (
        applications.filter(status__in=[ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN])
        .values("stage_id", "status")
        .annotate(n=Count("pk"))
        .values_list("stage_id", "status", "n")
    ):
        place = stage if by_stage else kinds.get(stage)
        at.setdefault(place, {})[state] = at.get(place, {}).get(state, 0) + n
    for step, label in steps:
        if step in at:
            where.rows.append(
                [
                    str(label),
                    at[step].get(ApplicationStatus.REJECTED, 0),
                    at[step].get(ApplicationStatus.WITHDRAWN, 0),
                ]
            )

    report = Report(
        "funnel",
        _("Funnel and drop-off"),
        notes=[
            _(
                "Applications received in the period, and every stage they reached by now (an application is "
                "counted once per stage, even when it was moved back). Across jobs, stages are grouped by "
                "their kind; choose one job to see its own stages."
            )
        ],
        tables=[funnel, stops, where],
        freshness=freshness(_("All figures of this report"), None),
    )
    report.charts = [
        Chart(funnel, [1], title=_("Applications per stage")),
        Chart(stops, [1], title=_("Why applications stopped")),
        Chart(where, [1, 2], stacked=True, title=_("Where applications stopped")),
    ]
    if total:
        hired = statuses.get(ApplicationStatus.HIRED, 0)
        report.sentences.append(
            gettext("Of %(total)s applications received in %(period)s, %(hired)s (%(share)s) were hired.")
            % {
                "total": number(total),
                "period": filters.period.label,
                "hired": number(hired),
                "share": percent_text(percent(hired, total)),
            }
        )
    return report
