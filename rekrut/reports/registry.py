"""Every report by its key, in the order the dashboard lists them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rekrut.reports.filters import ReportFilters
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.funnel import funnel_report
from rekrut.reports.selectors.interviewers import interviewers_report
from rekrut.reports.selectors.offers import offers_report
from rekrut.reports.selectors.sources import sources_report
from rekrut.reports.selectors.speed import speed_report
from rekrut.reports.selectors.tracks import tracks_report
from rekrut.reports.tables import Report


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: StrOrPromise
    summary: StrOrPromise
    build: Callable[..., Report]

    def run(self, scope: ReportScope, filters: ReportFilters) -> Report:
        return self.build(scope=scope, filters=filters)


REPORTS = {
    kind.key: kind
    for kind in (
        ReportKind(
            "funnel",
            _("Funnel and drop-off"),
            _("How many applications reach each stage, and why they stop."),
            funnel_report,
        ),
        ReportKind(
            "speed",
            _("Speed"),
            _("Time in each stage, to first contact, to hire and to fill; stalled applications."),
            speed_report,
        ),
        ReportKind(
            "sources",
            _("Sources"),
            _("Applications, interviews, offers and hires per source."),
            sources_report,
        ),
        ReportKind(
            "offers",
            _("Offers"),
            _("Acceptance, time to accept, declines and pay against the range."),
            offers_report,
        ),
        ReportKind(
            "interviewers",
            _("Interviewers"),
            _("Scorecards on time, and who judges harsher or softer than peers."),
            interviewers_report,
        ),
        ReportKind(
            "tracks",
            _("The two interview tracks"),
            _("How HR's and the user's recommendations agree, and the decisions."),
            tracks_report,
        ),
    )
}
