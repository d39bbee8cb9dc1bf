"""Speed: time in each stage, time to first contact, time to hire and to fill against HR's targets, and
stalled applications. Durations are medians and 90th percentiles computed by the database (reports.sql).
"""

from datetime import timedelta

from django.db.models import Count, Q, Value
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.core.db import reports_database
from rekrut.jobs.models import Job, Level, Stage
from rekrut.pipeline.models import Application, Transition
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import number
from rekrut.reports.models import ReportSettings, SpeedTarget, StageStay
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import KIND_LABELS, KIND_ORDER, cohort, freshness, stage_kinds
from rekrut.reports.sql import EMPTY, seconds_between, spreads, spreads_banded, spreads_counted, table
from rekrut.reports.tables import Chart, Col, Report, Table, days, percent

T, A, J, S = table(Transition), table(Application), table(Job), table(Stage)


def report_settings() -> ReportSettings:
    return ReportSettings.objects.using(reports_database()).filter(pk=1).first() or ReportSettings()


def _both(inner: str, params: tuple) -> tuple[str, tuple]:
    """Each row once per level and once for all levels together (group '')."""
    return (
        f"SELECT grp, secs FROM ({inner}) AS a UNION ALL SELECT '' AS grp, secs FROM ({inner}) AS b",  # noqa: S608
        params + params,
    )


def stage_times(scope: ReportScope, filters: ReportFilters) -> dict:
    """How long applications stayed in a stage they left in the period: from entering it (the transition
    before) to leaving it. Grouped by the stage's kind, or by stage for one job. From the summary rows:
    counts per stage and band, then the exact values of the bands the percentiles fall in (sql.py)."""
    stays = (
        StageStay.objects.using(reports_database())
        .filter(filters.job_q(scope), left_at__gte=filters.period.start, left_at__lt=filters.period.end)
        .order_by()
    )
    kinds = {} if filters.job else stage_kinds()

    def group_of(stage: int) -> object:
        return stage if filters.job else kinds.get(stage)

    def exact(wanted: dict) -> list:
        where = Q()
        for (_group, band), stages in wanted.items():
            where |= Q(stage_id__in=sorted(stages), band=band)
        return list(stays.filter(where).values_list("stage_id", "tenths").annotate(n=Count("pk")))

    rows = stays.values_list("stage_id", "band").annotate(n=Count("pk"))
    return spreads_banded(rows, group_of, exact)


def speed_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    jobs_sql, jobs_params = filters.job_sql(scope, "a.job_id")
    start, end = filters.period.start, filters.period.end
    settings = report_settings()
    targets = {target.level: target for target in SpeedTarget.objects.using(reports_database()).all()}

    in_stage = stage_times(scope, filters)
    if filters.job:
        steps: list[tuple[object, str]] = [
            (s.pk, str(s.name))
            for s in Stage.objects.using(reports_database()).filter(job=filters.job).order_by("position")
        ]
    else:
        steps = [(kind, str(KIND_LABELS[kind])) for kind in KIND_ORDER]
    stage_table = Table(
        "stage_time",
        _("Time in each stage (days)"),
        [_("Stage"), _("Stays ended in the period"), _("Median days"), _("90th percentile days")],
        [Col.TEXT, Col.COUNT, Col.DAYS, Col.DAYS],
    )
    for step, label in steps:
        spread = in_stage.get(step)
        if spread:
            stage_table.rows.append([str(label), spread.count, days(spread.median), days(spread.p90)])

    cohort_rows = cohort(scope, filters)
    received = cohort_rows.count()
    contact = spreads_counted(
        cohort_rows.filter(first_contact_tenths__isnull=False)
        .annotate(grp=Value("all"))
        .values_list("grp", "first_contact_tenths")
        .annotate(n=Count("pk"))
        .order_by()
    ).get("all", EMPTY)
    contact_table = Table(
        "first_contact",
        _("Time to first contact (days)"),
        [_("Applications received"), _("Taken on so far"), _("Median days"), _("90th percentile days")],
        [Col.COUNT, Col.COUNT, Col.DAYS, Col.DAYS],
    )
    if received:
        contact_table.rows.append([received, contact.count, days(contact.median), days(contact.p90)])

    hire_inner = f"""
        SELECT j.level AS grp, {seconds_between("t.at", "a.applied_at")} AS secs
        FROM {T} t JOIN {A} a ON a.id = t.application_id JOIN {J} j ON j.id = a.job_id
        WHERE t.kind = 'hired' AND t.at >= %s AND t.at < %s AND {jobs_sql}
    """  # noqa: S608
    to_hire = spreads(*_both(hire_inner, (start, end, *jobs_params)))
    fill_inner = f"""
        SELECT grp, secs FROM (
            SELECT j.level AS grp, MIN(t.at) AS first_hire,
                   {seconds_between("MIN(t.at)", "COALESCE(j.published_at, j.created_at)")} AS secs
            FROM {T} t JOIN {A} a ON a.id = t.application_id JOIN {J} j ON j.id = a.job_id
            WHERE t.kind = 'hired' AND {jobs_sql}
            GROUP BY j.id, j.level, j.published_at, j.created_at
        ) AS fills WHERE first_hire >= %s AND first_hire < %s AND secs >= 0
    """  # noqa: S608
    to_fill = spreads(*_both(fill_inner, (*jobs_params, start, end)))

    level_table = Table(
        "hire_and_fill",
        _("Time to hire and to fill, against the targets (days)"),
        [
            _("Level"),
            _("Hires"),
            _("Median days to hire"),
            _("90th percentile days to hire"),
            _("Target days to hire"),
            _("Jobs filled"),
            _("Median days to fill"),
            _("Target days to fill"),
        ],
        [Col.TEXT, Col.COUNT, Col.DAYS, Col.DAYS, Col.DAYS, Col.COUNT, Col.DAYS, Col.DAYS],
    )
    late: list[str] = []
    levels: list[tuple[str, str]] = [(str(value), str(name)) for value, name in Level.choices]
    for level, label in [*levels, ("", str(_("All levels")))]:
        hire, fill = to_hire.get(level, EMPTY), to_fill.get(level, EMPTY)
        if not hire.count and not fill.count:
            continue
        target = targets.get(level)
        hire_target = target.days_to_hire if target else None
        fill_target = target.days_to_fill if target else None
        level_table.rows.append(
            [
                str(label),
                hire.count,
                days(hire.median),
                days(hire.p90),
                hire_target,
                fill.count,
                days(fill.median),
                fill_target,
            ]
        )
        if hire_target and hire.median and hire.median > hire_target:
            late.append(
                gettext("%(level)s: hiring took %(days)s days (median), the target is %(target)s.")
                % {"level": label, "days": number(round(hire.median, 1), 1), "target": number(hire_target)}
            )

    stalled_since = timezone.now() - timedelta(days=settings.stalled_after_days)
    stall_key = "stage_id" if filters.job else "stage__kind"
    stall_rows = {
        row[stall_key]: row
        for row in Application.objects.using(reports_database())
        .filter(filters.job_q(scope), status=ApplicationStatus.ACTIVE)
        .values(stall_key)
        .annotate(active=Count("pk"), stalled=Count("pk", filter=Q(stage_entered_at__lt=stalled_since)))
    }
    stalled_table = Table(
        "stalled",
        _("Stalled applications now"),
        [_("Stage"), _("Active applications"), _("Stalled"), _("Share stalled (%)")],
        [Col.TEXT, Col.COUNT, Col.COUNT, Col.PERCENT],
    )
    for step, label in steps:
        row = stall_rows.get(step)
        if row:
            stalled_table.rows.append(
                [str(label), row["active"], row["stalled"], percent(row["stalled"], row["active"])]
            )

    report = Report(
        "speed",
        _("Speed"),
        notes=[
            _(
                "Time in a stage: from entering a stage to leaving it, for stays that ended in the "
                "period. Time "
                "to first contact: from applying to the first move out of the first stage (the "
                "application was "
                "read and taken on); applications rejected straight away are not counted. Time to hire: from "
                "applying to the hire, for hires in the period. Time to fill: from the job's opening "
                "(when it was "
                "last published, or created) to its first hire, for jobs first filled in the period. "
                "Medians and 90th percentiles are nearest-rank."
            ),
            gettext(
                "An application is stalled when it has been in the same stage for more than %(days)s days "
                "without a move (whatever the period); HR admins change this under Report settings."
            )
            % {"days": number(settings.stalled_after_days)},
        ],
        sentences=late,
        tables=[stage_table, contact_table, level_table, stalled_table],
        freshness=freshness(
            _("Time in each stage and time to first contact"),
            _("Time to hire, time to fill and stalled applications"),
        ),
    )
    report.charts = [
        Chart(stage_table, [2, 3], title=_("Time in each stage (days)")),
        Chart(level_table, [2, 4], title=_("Median days to hire against the target")),
        Chart(stalled_table, [2], title=_("Stalled applications now")),
    ]
    return report
