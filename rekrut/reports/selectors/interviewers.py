"""Interviewers: scorecards on time and overdue, and calibration against peers on the same applications.

Overdue follows the interviews app (interviews.selectors.interviews.OVERDUE_AFTER): a scorecard is due a
day after its interview ended. Calibration: on every application that another interviewer also judged,
an interviewer's recommendation (strong no 1 … strong yes 4) minus the mean of the others'; the mean of
those differences says who is consistently harsher (below 0) or softer (above 0). It is flagged only from
a set number of shared applications and a difference of half a step, so a few cases flag nobody.
"""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.models import Recommendation
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import number
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import freshness
from rekrut.reports.selectors.scorecards import (
    calibration_rows,
    names_of,
    recommendation_rows,
    timeliness_rows,
)
from rekrut.reports.selectors.speed import report_settings
from rekrut.reports.tables import Chart, Col, Report, Table, percent

# Half a step of the four-step scale: smaller mean differences are within the usual spread of judgement.
CALIBRATION_FLAG_DIFFERENCE = 0.5


def interviewers_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    settings = report_settings()
    timeliness = {row[0]: row[1:] for row in timeliness_rows(scope, filters, now=timezone.now())}
    spread: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for person, recommendation, n in recommendation_rows(scope, filters):
        spread[person][recommendation] += n
    calibrated = {
        row[0]: (int(row[1]), float(row[2]), float(row[3]), float(row[4]))
        for row in calibration_rows(scope, filters)
    }
    names = names_of(set(timeliness) | set(spread) | set(calibrated))
    order = sorted(set(timeliness) | set(spread), key=lambda person: names.get(person, ""))

    on_time = Table(
        "timeliness",
        _("Scorecards on time and overdue"),
        [
            _("Interviewer"),
            _("Submitted on time"),
            _("Submitted late"),
            _("Overdue, not submitted"),
            _("Not due yet"),
            _("On time (%)"),
        ],
        [Col.TEXT, Col.COUNT, Col.COUNT, Col.COUNT, Col.COUNT, Col.PERCENT],
    )
    for person in order:
        if person not in timeliness:
            continue
        in_time, late, overdue, waiting = (int(n or 0) for n in timeliness[person])
        on_time.rows.append(
            [
                names.get(person, ""),
                in_time,
                late,
                overdue,
                waiting,
                percent(in_time, in_time + late + overdue),
            ]
        )

    levels = [Recommendation.STRONG_NO, Recommendation.NO, Recommendation.YES, Recommendation.STRONG_YES]
    distribution = Table(
        "recommendations",
        _("Each interviewer's recommendations (%)"),
        [
            _("Interviewer"),
            _("Scorecards"),
            *[f"{label} (%)" for value, label in Recommendation.choices if value in levels],
        ],
        [Col.TEXT, Col.COUNT, Col.PERCENT, Col.PERCENT, Col.PERCENT, Col.PERCENT],
    )
    for person in order:
        counts = spread[person]
        total = sum(counts.values())
        if total:
            distribution.rows.append(
                [names.get(person, ""), total, *[percent(counts[level], total) for level in levels]]
            )

    peers = Table(
        "calibration",
        _("Calibration against peers on the same applications"),
        [
            _("Interviewer"),
            _("Shared applications"),
            _("Own mean (1–4)"),
            _("Peers' mean (1–4)"),
            _("Difference"),
            _("Reading"),
        ],
        [Col.TEXT, Col.COUNT, Col.SCORE, Col.SCORE, Col.SCORE, Col.TEXT],
    )
    flagged = []
    for person in sorted(calibrated, key=lambda person: calibrated[person][3]):
        n, own, peer, difference = calibrated[person]
        if n < settings.calibration_min_applications:
            reading = gettext("Too few shared applications to tell")
        elif difference <= -CALIBRATION_FLAG_DIFFERENCE:
            reading = gettext("Harsher than peers")
        elif difference >= CALIBRATION_FLAG_DIFFERENCE:
            reading = gettext("Softer than peers")
        else:
            reading = gettext("In line with peers")
        if n >= settings.calibration_min_applications and abs(difference) >= CALIBRATION_FLAG_DIFFERENCE:
            flagged.append(
                gettext("%(name)s: %(reading)s by %(difference)s on %(n)s shared applications.")
                % {
                    "name": names.get(person, ""),
                    "reading": reading.lower(),
                    "difference": number(round(abs(difference), 2), 2),
                    "n": number(n),
                }
            )
        peers.rows.append(
            [names.get(person, ""), n, round(own, 2), round(peer, 2), round(difference, 2), reading]
        )

    report = Report(
        "interviewers",
        _("Interviewers"),
        notes=[
            _(
                "Interviews held in the period (not cancelled). A scorecard is due one day after its "
                "interview "
                "ended; submitted after that it was late, not submitted by then it is overdue."
            ),
            gettext(
                "Calibration compares each interviewer's recommendation (strong no = 1, no = 2, yes = 3, "
                "strong "
                "yes = 4) with the mean of the other interviewers of the same applications. A difference "
                "of at "
                "least %(step)s on at least %(n)s shared applications is flagged as harsher or softer."
            )
            % {
                "step": number(CALIBRATION_FLAG_DIFFERENCE, 1),
                "n": number(settings.calibration_min_applications),
            },
        ],
        sentences=flagged,
        tables=[on_time, distribution, peers],
        freshness=freshness(None, _("All figures of this report")),
    )
    report.charts = [
        Chart(on_time, [1, 2, 3], stacked=True, title=_("Scorecards on time and overdue")),
        Chart(
            distribution,
            [2, 3, 4, 5],
            stacked=True,
            percent=True,
            title=_("Each interviewer's recommendations (%)"),
        ),
    ]
    return report
