"""Offers: acceptance rate, time to accept, declines with their reasons, and pay against the job's range.

Counted per offer sent in the period, the version the candidate last saw: an offer replaced by a newer
version is neither accepted nor declined, so versions marked superseded are left out.
"""

from datetime import datetime
from typing import cast

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.core.db import reports_database
from rekrut.offers.models import AnswerKind, Offer, OfferAnswer, OfferStatus
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import percent_text
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import freshness
from rekrut.reports.tables import Chart, Col, Report, Table, days, percent

# The newest declines listed with their reasons; the counts cover them all.
DECLINES_LISTED = 50


def _nearest_rank(values: list[float], p: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(p * len(ordered) + 99) // 100 - 1]


def offers_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    offers = list(
        Offer.objects.using(reports_database())
        .filter(
            filters.job_q(scope, "application__job"),
            sent_at__gte=filters.period.start,
            sent_at__lt=filters.period.end,
        )
        .exclude(status=OfferStatus.SUPERSEDED)
        .exclude(sent_at__isnull=True)
        .values(
            "pk",
            "status",
            "sent_at",
            "base_salary",
            "application__job__title",
            "application__job__salary_min",
            "application__job__salary_max",
        )
    )
    answers: dict[int, OfferAnswer] = {}
    for answer in (
        OfferAnswer.objects.using(reports_database())
        .filter(
            offer_id__in=[offer["pk"] for offer in offers],
            kind__in=[AnswerKind.ACCEPTED, AnswerKind.DECLINED],
        )
        .order_by("answered_at", "pk")
    ):
        answers.setdefault(answer.offer_id, answer)  # the first final answer

    accepted = [o for o in offers if o["status"] == OfferStatus.ACCEPTED]
    declined = [o for o in offers if o["status"] == OfferStatus.DECLINED]
    expired = [o for o in offers if o["status"] == OfferStatus.EXPIRED]
    waiting = len(offers) - len(accepted) - len(declined) - len(expired)
    answered = len(accepted) + len(declined)
    to_accept = [
        (answers[o["pk"]].answered_at - cast(datetime, o["sent_at"])).total_seconds() / 86400
        for o in accepted
        if o["pk"] in answers
    ]
    summary = Table(
        "offers",
        _("Offers sent"),
        [
            _("Offers sent"),
            _("Accepted"),
            _("Declined"),
            _("Expired"),
            _("Awaiting an answer"),
            _("Acceptance rate of answered offers (%)"),
            _("Median days to accept"),
            _("90th percentile days to accept"),
        ],
        [Col.COUNT, Col.COUNT, Col.COUNT, Col.COUNT, Col.COUNT, Col.PERCENT, Col.DAYS, Col.DAYS],
    )
    if offers:
        summary.rows.append(
            [
                len(offers),
                len(accepted),
                len(declined),
                len(expired),
                waiting,
                percent(len(accepted), answered),
                days(_nearest_rank(to_accept, 50)),
                days(_nearest_rank(to_accept, 90)),
            ]
        )

    pay = Table(
        "pay_vs_range",
        _("Offered pay against the job's salary range"),
        [_("Base salary"), _("Offers"), _("Share (%)")],
        [Col.TEXT, Col.COUNT, Col.PERCENT],
    )
    bands = {"below": 0, "within": 0, "above": 0, "none": 0}
    for o in offers:
        low, high, pay_amount = (
            o["application__job__salary_min"],
            o["application__job__salary_max"],
            o["base_salary"],
        )
        if low is None and high is None:
            bands["none"] += 1
        elif low is not None and pay_amount < low:
            bands["below"] += 1
        elif high is not None and pay_amount > high:
            bands["above"] += 1
        else:
            bands["within"] += 1
    band_labels = {
        "below": _("Below the range"),
        "within": _("Within the range"),
        "above": _("Above the range"),
        "none": _("The job has no range"),
    }
    if offers:
        for band, label in band_labels.items():
            pay.rows.append([str(label), bands[band], percent(bands[band], len(offers))])

    reasons = Table(
        "declines",
        _("Declined offers and the candidates' reasons"),
        [_("Declined on"), _("Job"), _("Reason given")],
        [Col.DATE, Col.TEXT, Col.TEXT],
    )
    for o in sorted(declined, key=lambda o: cast(datetime, o["sent_at"]), reverse=True)[:DECLINES_LISTED]:
        given = answers.get(o["pk"])
        reasons.rows.append(
            [
                timezone.localdate(given.answered_at if given else o["sent_at"]),
                o["application__job__title"],
                (given.text.strip() if given else "") or gettext("No reason given"),
            ]
        )
    report = Report(
        "offers",
        _("Offers"),
        notes=[
            _(
                "Offers sent to candidates in the period (the last version of each). The acceptance rate "
                "counts "
                "answered offers only: accepted out of accepted and declined. Time to accept: from "
                "sending to "
                "the candidate's acceptance."
            )
        ],
        tables=[summary, pay, reasons],
        freshness=freshness(None, _("All figures of this report")),
        charts=[Chart(pay, [1], title=_("Offered pay against the job's salary range"))],
    )
    if answered:
        report.sentences.append(
            gettext("In %(period)s candidates accepted %(share)s of the offers they answered.")
            % {"period": filters.period.label, "share": percent_text(percent(len(accepted), answered))}
        )
    return report
