"""The exit rule of the offer stage, answered for pipeline's `exit_blockers` hook (registered in
OffersConfig.ready()): an application leaves the offer stage forward only once the candidate has accepted
the offer. HR may override it with a reason, like every exit rule. One query for a whole board."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import Job, StageKind
from rekrut.offers.models import Offer, OfferStatus
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application

NOT_ACCEPTED = "offer_not_accepted"
MESSAGE = _("The candidate has not accepted an offer yet.")


def offer_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    if not applications:
        return {}
    accepted = Offer.objects.filter(application=OuterRef("pk"), status=OfferStatus.ACCEPTED)
    waiting = (
        Application.objects.filter(pk__in=[a.pk for a in applications], stage__kind=StageKind.OFFER)
        .annotate(accepted=Exists(accepted))
        .filter(accepted=False)
        .values_list("pk", flat=True)
    )
    return {application_id: [Blocker(NOT_ACCEPTED, MESSAGE)] for application_id in waiting}
