"""The few SQL pieces the ORM does not write the same way on SQLite and PostgreSQL: the seconds between
two timestamps, and percentiles.

Percentiles are the nearest-rank kind (the value at rank ⌈p·n⌉ of the sorted values), computed by the
database with ROW_NUMBER() and COUNT() windows, which both support: only two rows per group come back,
however many values there are. PostgreSQL's percentile_cont would interpolate and SQLite has none, so
the same definition is used on both and the tests give the same figures on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections

from rekrut.core.db import reports_database


def seconds_between(later: str, earlier: str) -> str:
    """SQL for the seconds from `earlier` to `later` (two column expressions)."""
    if connections[reports_database()].vendor == "postgresql":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
    return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


@dataclass(frozen=True)
class Spread:
    """Durations of one group, in days."""

    count: int
    median: float | None
    p90: float | None


EMPTY = Spread(0, None, None)


def spreads(inner_sql: str, params: Sequence[Any]) -> dict[object, Spread]:
    """Median and 90th percentile per group of `inner_sql`, which selects (grp, secs) rows; in one query."""
    # Integer arithmetic gives ⌈p·n/100⌉ on both databases: (p·n + 99) / 100.
    sql = f"""
        SELECT grp, rn, cnt, secs FROM (
            SELECT grp, secs,
                   ROW_NUMBER() OVER (PARTITION BY grp ORDER BY secs) AS rn,
                   COUNT(*) OVER (PARTITION BY grp) AS cnt
            FROM ({inner_sql}) AS durations WHERE secs IS NOT NULL
        ) AS ranked
        WHERE rn = (50 * cnt + 99) / 100 OR rn = (90 * cnt + 99) / 100
    """  # noqa: S608 (only SQL written in this app; values are parameters)
    found: dict[object, dict[str, Any]] = {}
    with connections[reports_database()].cursor() as cursor:
        cursor.execute(sql, list(params))
        for grp, rn, cnt, secs in cursor.fetchall():
            row = found.setdefault(grp, {"count": int(cnt)})
            days = float(secs) / 86400
            if rn == (50 * cnt + 99) // 100:
                row["median"] = days
            if rn == (90 * cnt + 99) // 100:
                row["p90"] = days
    return {grp: Spread(int(row["count"]), row.get("median"), row.get("p90")) for grp, row in found.items()}


def table(model) -> str:
    return connections[reports_database()].ops.quote_name(model._meta.db_table)


def spreads_counted(rows: Iterable[tuple[object, int, int]]) -> dict[object, Spread]:
    """Median and 90th percentile per group from (grp, tenths of a day, how many) rows.

    The summary stores each duration rounded as the report shows it (reports.summary.tenths_of); rounding
    keeps the order, so the nearest-rank value among the rounded durations is the rounded nearest-rank
    value: the same figure as `spreads`, from a few hundred counts instead of every row sorted."""
    groups: dict[object, list[tuple[int, int]]] = {}
    for grp, tenths, n in rows:
        groups.setdefault(grp, []).append((int(tenths), int(n)))
    found: dict[object, Spread] = {}
    for grp, values in groups.items():
        values.sort()
        count = sum(n for _tenths, n in values)
        wanted = {50: (50 * count + 99) // 100, 90: (90 * count + 99) // 100}
        picked: dict[int, float] = {}
        seen = 0
        for tenths, n in values:
            seen += n
            for p, rank in wanted.items():
                if p not in picked and seen >= rank:
                    picked[p] = tenths / 10
        found[grp] = Spread(count, picked.get(50), picked.get(90))
    return found


def spreads_banded(rows, group_of, exact) -> dict[object, Spread]:
    """Median and 90th percentile per group of stays in two small steps instead of sorting every stay.

    `rows` are (stage, band, how many): counting them finds the band each percentile falls in; `exact`
    is then called once with {(group, band): stages} and returns (stage, tenths, how many) rows of those
    bands only, among which the percentile is picked. The same nearest-rank value as `spreads`."""
    bands: dict[object, dict[int, int]] = {}
    stages_of: dict[object, set] = {}
    for stage, band, n in rows:
        group = group_of(stage)
        bands.setdefault(group, {})
        bands[group][int(band)] = bands[group].get(int(band), 0) + int(n)
        stages_of.setdefault(group, set()).add(stage)
    # (group, percentile) -> (band, rank within the band)
    where: dict[tuple[object, int], tuple[int, int]] = {}
    for group, counts in bands.items():
        count = sum(counts.values())
        for p in (50, 90):
            rank, seen = (p * count + 99) // 100, 0
            for band in sorted(counts):
                if seen + counts[band] >= rank:
                    where[(group, p)] = (band, rank - seen)
                    break
                seen += counts[band]
    wanted = {(group, band): stages_of[group] for (group, _p), (band, _rank) in where.items()}
    values: dict[tuple[object, int], dict[int, int]] = {}
    stage_group = {stage: group for group, stages in stages_of.items() for stage in stages}
    from rekrut.reports.summary import band_of  # the summary's own bands (it imports the models)

    for stage, tenths, n in exact(wanted) if wanted else []:
        key = (stage_group.get(stage), band_of(int(tenths)))
        if key in wanted:
            values.setdefault(key, {})
            values[key][int(tenths)] = values[key].get(int(tenths), 0) + int(n)
    found: dict[object, Spread] = {}
    for group, counts in bands.items():
        picked: dict[int, float] = {}
        for p in (50, 90):
            band, rank = where[(group, p)]
            seen = 0
            for tenths, n in sorted(values.get((group, band), {}).items()):
                seen += n
                if seen >= rank:
                    picked[p] = tenths / 10
                    break
        found[group] = Spread(sum(counts.values()), picked.get(50), picked.get(90))
    return found
