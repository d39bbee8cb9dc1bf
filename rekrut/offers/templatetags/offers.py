"""`{% load offers %}`: whether a page links to an application's offer, asked of rekrut.offers.access (the
page itself checks again when opened)."""

from django import template

from rekrut.jobs.access import JobAccess
from rekrut.jobs.models import StageKind
from rekrut.offers.access import job_shows_offers

register = template.Library()

# The stages from which an application has, or is about to have, an offer.
OFFER_STAGES = frozenset({StageKind.OFFER, StageKind.CONTRACT, StageKind.ONBOARDING})


@register.filter
def shows_offer(job: JobAccess | None, stage_kind: str) -> bool:
    """`{% if access|shows_offer:stage.kind %}`: an offer link for this stage, to this person."""
    return job is not None and stage_kind in OFFER_STAGES and job_shows_offers(job)
