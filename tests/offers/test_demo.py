"""The demo's offers: one waiting for the hiring manager, one accepted; a second run adds nothing."""

import pytest

from rekrut.demo.offers import offers_demo_make
from rekrut.jobs.models import StageKind
from rekrut.offers.chain import current_step
from rekrut.offers.models import Offer, OfferStatus
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_offer_in_approval_and_one_accepted(personas, team_a_job) -> None:
    for n, name in enumerate(["Putri Maharani", "Bayu Saputra"]):
        application_make(
            job=team_a_job, full_name=name, email=f"kandidat{n}@example.com", stage_kind=StageKind.OFFER
        )
    assert offers_demo_make({"sari": personas.hr_admin}) == 2
    waiting, accepted = Offer.objects.order_by("application_id")
    assert (waiting.status, current_step(waiting)) == (OfferStatus.IN_APPROVAL, "manager")
    assert accepted.status == OfferStatus.ACCEPTED
    assert accepted.answers.get().terms_hash == accepted.terms_hash
    assert offers_demo_make({"sari": personas.hr_admin}) == 0
