"""The scorecards of the interviews held in the period, aggregated by the database for the interviewers'
and the two tracks' reports: a few rows come back however many interviews there were.

A recommendation counts as a number on the same 1–4 scale as the ratings (strong no 1 … strong yes 4),
so interviewers and rounds can be compared.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connections

from rekrut.core.db import reports_database
from rekrut.interviews.models import Decision, Interview, PlanRound, Scorecard
from rekrut.interviews.selectors.interviews import OVERDUE_AFTER
from rekrut.pipeline.models import Application
from rekrut.reports.filters import ReportFilters
from rekrut.reports.scope import ReportScope
from rekrut.reports.sql import seconds_between, table

SCORE_SQL = (
    "CASE sc.recommendation WHEN 'strong_no' THEN 1.0 WHEN 'no' THEN 2.0 "
    "WHEN 'yes' THEN 3.0 WHEN 'strong_yes' THEN 4.0 END"
)
IV, IU, SC, P, A, D = (
    table(Interview),
    table(Interview.interviewers.through),
    table(Scorecard),
    table(PlanRound),
    table(Application),
    table(Decision),
)


def _held(scope: ReportScope, filters: ReportFilters) -> tuple[str, tuple]:
    """FROM-less WHERE for interviews `i` held in the period, within the scope."""
    jobs_sql, jobs_params = filters.job_sql(scope, "a.job_id")
    scoped = ""
    if jobs_sql != "1 = 1":
        scoped = f"AND i.application_id IN (SELECT a.id FROM {A} a WHERE {jobs_sql})"  # noqa: S608
    where = f"i.starts_at >= %s AND i.starts_at < %s AND i.status <> 'cancelled' {scoped}"
    return where, (filters.period.start, filters.period.end, *jobs_params)


def _rows(sql: str, params: tuple) -> list[tuple]:
    with connections[reports_database()].cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def timeliness_rows(scope: ReportScope, filters: ReportFilters, *, now: datetime) -> list[tuple]:
    """(interviewer, on time, late, overdue, not due yet) per assigned interviewer."""
    where, params = _held(scope, filters)
    due = f"i.duration_minutes * 60 + {int(OVERDUE_AFTER.total_seconds())}"
    submitted_after = seconds_between("sc.submitted_at", "i.starts_at")
    since_start = seconds_between("%s", "i.starts_at")
    sql = f"""
        SELECT iu.user_id,
            SUM(CASE WHEN sc.id IS NOT NULL AND {submitted_after} <= {due} THEN 1 ELSE 0 END),
            SUM(CASE WHEN sc.id IS NOT NULL AND {submitted_after} > {due} THEN 1 ELSE 0 END),
            SUM(CASE WHEN sc.id IS NULL AND {since_start} > {due} THEN 1 ELSE 0 END),
            SUM(CASE WHEN sc.id IS NULL AND {since_start} <= {due} THEN 1 ELSE 0 END)
        FROM {IU} iu JOIN {IV} i ON i.id = iu.interview_id
        LEFT JOIN {SC} sc ON sc.interview_id = iu.interview_id AND sc.interviewer_id = iu.user_id
            AND sc.status = 'submitted'
        WHERE {where}
        GROUP BY iu.user_id
    """  # noqa: S608 (SQL written here; values are parameters)
    return _rows(sql, (now, now, *params))


def recommendation_rows(scope: ReportScope, filters: ReportFilters) -> list[tuple]:
    """(interviewer, recommendation, scorecards)."""
    where, params = _held(scope, filters)
    sql = f"""
        SELECT sc.interviewer_id, sc.recommendation, COUNT(*)
        FROM {SC} sc JOIN {IV} i ON i.id = sc.interview_id
        WHERE sc.status = 'submitted' AND {where}
        GROUP BY sc.interviewer_id, sc.recommendation
    """  # noqa: S608
    return _rows(sql, params)


def calibration_rows(scope: ReportScope, filters: ReportFilters) -> list[tuple]:
    """(interviewer, shared applications, own mean, peers' mean, mean difference): on every application that
    at least one other interviewer judged, the interviewer's mean against the mean of the others' means."""
    where, params = _held(scope, filters)
    sql = f"""
        WITH s AS (
            SELECT i.application_id AS app, sc.interviewer_id AS who, AVG({SCORE_SQL}) AS m
            FROM {SC} sc JOIN {IV} i ON i.id = sc.interview_id
            WHERE sc.status = 'submitted' AND {where}
            GROUP BY i.application_id, sc.interviewer_id
        ), shared AS (
            SELECT app, SUM(m) AS total, COUNT(*) AS n FROM s
            WHERE m IS NOT NULL GROUP BY app HAVING COUNT(*) >= 2
        )
        SELECT s.who, COUNT(*), AVG(s.m), AVG((shared.total - s.m) / (shared.n - 1)),
               AVG(s.m - (shared.total - s.m) / (shared.n - 1))
        FROM s JOIN shared ON shared.app = s.app
        WHERE s.m IS NOT NULL
        GROUP BY s.who
    """  # noqa: S608
    return _rows(sql, params)


def track_rows(scope: ReportScope, filters: ReportFilters, *, yes_from: float) -> list[tuple]:
    """(HR said yes, the user said yes, last decision, applications): each None when there was none."""
    where, params = _held(scope, filters)
    sql = f"""
        WITH r AS (
            SELECT i.application_id AS app,
                   AVG(CASE WHEN p.round_type = 'hr' THEN {SCORE_SQL} END) AS hr,
                   AVG(CASE WHEN p.round_type = 'user' THEN {SCORE_SQL} END) AS usr
            FROM {SC} sc JOIN {IV} i ON i.id = sc.interview_id JOIN {P} p ON p.id = i.round_id
            WHERE sc.status = 'submitted' AND p.round_type IN ('hr', 'user') AND {where}
            GROUP BY i.application_id
        ), d AS (
            SELECT application_id AS app, outcome,
                   ROW_NUMBER() OVER (PARTITION BY application_id ORDER BY at DESC, id DESC) AS rn
            FROM {D} WHERE application_id IN (SELECT app FROM r)
        )
        SELECT CASE WHEN r.hr IS NULL THEN NULL WHEN r.hr >= %s THEN 1 ELSE 0 END AS hr_yes,
               CASE WHEN r.usr IS NULL THEN NULL WHEN r.usr >= %s THEN 1 ELSE 0 END AS user_yes,
               d.outcome, COUNT(*)
        FROM r LEFT JOIN d ON d.app = r.app AND d.rn = 1
        GROUP BY 1, 2, 3
    """  # noqa: S608
    return _rows(sql, (*params, yes_from, yes_from))


def names_of(people: set[int]) -> dict[int, str]:
    from rekrut.accounts.models import User

    return {
        user.pk: str(user)
        for user in User.objects.using(reports_database())
        .filter(pk__in=people)
        .only("pk", "first_name", "last_name", "username")
    }
