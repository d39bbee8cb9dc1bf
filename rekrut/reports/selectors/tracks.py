"""The two tracks: how the HR round's and the user round's recommendations agree, and how each relates to
the evaluation's decision.

A round's verdict on an application is "yes" when its interviewers' recommendations average yes or
better (≥ 2.5 on strong no 1 … strong yes 4), else "no". The decision is the last one recorded for the
application (interviews.Decision: proceed, hold or reject).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.models import DecisionOutcome, RoundType
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import number, percent_text
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import freshness
from rekrut.reports.selectors.scorecards import track_rows
from rekrut.reports.tables import Chart, Col, Report, Table, percent

YES_FROM = 2.5
ANY = object()  # no condition on this part of the key


def tracks_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    # (HR yes?, user yes?, last decision) -> applications
    tally: dict[tuple, int] = {}
    for hr, user, outcome, n in track_rows(scope, filters, yes_from=YES_FROM):
        key = (None if hr is None else bool(hr), None if user is None else bool(user), outcome)
        tally[key] = tally.get(key, 0) + int(n)

    def total(hr=ANY, user=ANY, outcome=ANY) -> int:
        return sum(
            n
            for (h, u, o), n in tally.items()
            if (hr is ANY or h is hr) and (user is ANY or u is user) and (outcome is ANY or o == outcome)
        )

    both = (
        total(hr=True, user=True)
        + total(hr=True, user=False)
        + total(hr=False, user=True)
        + total(hr=False, user=False)
    )
    cells = {
        (True, True): _("HR yes, user yes"),
        (True, False): _("HR yes, user no"),
        (False, True): _("HR no, user yes"),
        (False, False): _("HR no, user no"),
    }
    agreement = Table(
        "agreement",
        _("HR round and user round"),
        [_("Recommendations"), _("Applications"), _("Share of applications with both rounds (%)")],
        [Col.TEXT, Col.COUNT, Col.PERCENT],
    )
    if both:
        for (hr, user), label in cells.items():
            n = total(hr=hr, user=user)
            agreement.rows.append([str(label), n, percent(n, both)])

    outcomes = [DecisionOutcome.PROCEED, DecisionOutcome.HOLD, DecisionOutcome.REJECT]
    versus = Table(
        "decisions",
        _("Each round's recommendation and the decision"),
        [
            _("Round"),
            _("Recommendation"),
            *[label for value, label in DecisionOutcome.choices if value in outcomes],
            _("The decision followed the round (%)"),
        ],
        [Col.TEXT, Col.TEXT, Col.COUNT, Col.COUNT, Col.COUNT, Col.PERCENT],
    )
    followed_share = {}
    for kind, round_label in ((RoundType.HR, _("HR interview")), (RoundType.USER, _("User interview"))):
        followed_total = counted_total = 0
        for verdict, verdict_label in ((True, _("Yes")), (False, _("No"))):
            said = {"hr": verdict} if kind == RoundType.HR else {"user": verdict}
            counts = {outcome: total(**said, outcome=outcome) for outcome in outcomes}
            followed = counts[DecisionOutcome.PROCEED] if verdict else counts[DecisionOutcome.REJECT]
            counted = sum(counts.values())
            followed_total += followed
            counted_total += counted
            if counted:
                versus.rows.append(
                    [str(round_label), str(verdict_label), *counts.values(), percent(followed, counted)]
                )
        followed_share[kind] = percent(followed_total, counted_total)

    report = Report(
        "tracks",
        _("The two interview tracks"),
        notes=[
            _(
                "Applications whose HR or user interview took place in the period. A round says yes when its "
                "interviewers' recommendations average yes or better (strong no = 1 … strong yes = 4, "
                "yes from "
                "2.5). The decision is the last evaluation decision recorded for the application; a decision "
                "followed a round when a yes led to proceed or a no to reject."
            )
        ],
        tables=[agreement, versus],
        freshness=freshness(None, _("All figures of this report")),
        charts=[
            Chart(agreement, [1], title=_("HR round and user round")),
            Chart(versus, [2, 3, 4], stacked=True, title=_("Each round's recommendation and the decision")),
        ],
    )
    hr_yes = total(hr=True, user=True) + total(hr=True, user=False)
    hr_no = total(hr=False, user=True) + total(hr=False, user=False)
    if hr_yes:
        overturned = total(hr=True, user=False)
        report.sentences.append(
            gettext(
                "In %(period)s the user interview overturned HR's yes in %(share)s of applications "
                "(%(n)s of %(total)s that HR passed)."
            )
            % {
                "period": filters.period.label,
                "share": percent_text(percent(overturned, hr_yes)),
                "n": number(overturned),
                "total": number(hr_yes),
            }
        )
    if hr_no:
        rescued = total(hr=False, user=True)
        report.sentences.append(
            gettext(
                "The user said yes after HR's no in %(share)s of applications (%(n)s of %(total)s that "
                "HR did not pass)."
            )
            % {
                "share": percent_text(percent(rescued, hr_no)),
                "n": number(rescued),
                "total": number(hr_no),
            }
        )
    if followed_share.get(RoundType.HR) is not None or followed_share.get(RoundType.USER) is not None:
        report.sentences.append(
            gettext(
                "The decision followed the HR interview in %(hr)s of decided applications and the user "
                "interview in %(user)s."
            )
            % {
                "hr": percent_text(followed_share.get(RoundType.HR)),
                "user": percent_text(followed_share.get(RoundType.USER)),
            }
        )
    return report
