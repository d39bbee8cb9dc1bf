"""Sources: applications, interviews, offers and hires per candidate source, with conversion."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Source
from rekrut.core.db import reports_database
from rekrut.offers.models import Offer
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.reports.filters import ReportFilters
from rekrut.reports.formatting import percent_text
from rekrut.reports.scope import ReportScope
from rekrut.reports.selectors.common import cohort, freshness
from rekrut.reports.tables import Chart, Col, Report, Table, percent


def sources_report(*, scope: ReportScope, filters: ReportFilters) -> Report:
    # Offers are not in the pipeline's history, so whether one was sent is read live.
    offered = Exists(
        Offer.objects.using(reports_database()).filter(
            application=OuterRef("application_id"), sent_at__isnull=False
        )
    )
    rows = (
        cohort(scope, filters)
        .values("candidate__source")
        .annotate(
            applications=Count("pk"),
            interviewed=Count("pk", filter=Q(interviewed=True)),
            offered=Count("pk", filter=Q(offered)),
            hired=Count("pk", filter=Q(status=ApplicationStatus.HIRED)),
        )
        .order_by("-applications")
    )
    labels = dict(Source.choices)
    sources = Table(
        "sources",
        _("Applications per source"),
        [
            _("Source"),
            _("Applications"),
            _("Interviewed"),
            _("Offered"),
            _("Hired"),
            _("Applications to interview (%)"),
            _("Applications to offer (%)"),
            _("Applications to hire (%)"),
        ],
        [Col.TEXT, Col.COUNT, Col.COUNT, Col.COUNT, Col.COUNT, Col.PERCENT, Col.PERCENT, Col.PERCENT],
    )
    hires: list[tuple[float, str]] = []  # (share hired, source) of sources with ten applications or more
    for row in rows:
        n = row["applications"]
        if n >= 10 and row["hired"]:
            hires.append(
                (100 * row["hired"] / n, str(labels.get(row["candidate__source"], row["candidate__source"])))
            )
        sources.rows.append(
            [
                str(labels.get(row["candidate__source"], row["candidate__source"])),
                n,
                row["interviewed"],
                row["offered"],
                row["hired"],
                percent(row["interviewed"], n),
                percent(row["offered"], n),
                percent(row["hired"], n),
            ]
        )
    report = Report(
        "sources",
        _("Sources"),
        notes=[
            _(
                "Applications received in the period, by where the candidate came from. Interviewed: reached "
                "an interview stage; offered: an offer was sent; hired: hired by now."
            )
        ],
        tables=[sources],
        freshness=freshness(
            _("Applications, interviews and hires per source"), _("Offers and each candidate's source")
        ),
        charts=[Chart(sources, [4, 3, 2], stacked=False, title=_("Interviews, offers and hires per source"))],
    )
    # The source whose applications most often end in a hire, among those with at least ten applications.
    if hires:
        share, source = max(hires)
        report.sentences.append(
            gettext(
                "%(source)s brings the most hires for its applications: %(share)s of its applications "
                "were hired."
            )
            % {"source": source, "share": percent_text(round(share, 1))}
        )
    return report
