"""The offer page through the approval chain, as each person sees it, and the links to it from the
candidate page and the board."""

import pytest
from django.urls import reverse

from rekrut.jobs.models import StageKind
from rekrut.offers.models import OfferStatus
from tests.offers.factories import offer_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(
        job=team_a_job, full_name="Putri Maharani", email="putri@example.com", stage_kind=StageKind.OFFER
    )


def test_from_draft_to_sent_on_the_page(client, personas, application) -> None:
    offer = offer_make(application=application, actor=personas.recruiter)
    detail = reverse("offers:detail", args=[application.pk])
    client.force_login(personas.recruiter)
    assert "Submit for approval" in client.get(detail).content.decode()
    client.post(
        reverse("offers:submit", args=[application.pk, offer.pk]), {"lock_version": offer.lock_version}
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.IN_APPROVAL
    html = client.get(detail).content.decode()
    assert 'data-step="hr" data-state="waiting"' in html
    assert "Return with comment" not in html  # the submitter does not approve the HR step

    client.force_login(personas.hr_admin)
    assert "Return with comment" in client.get(detail).content.decode()
    decide = reverse("offers:decide", args=[application.pk, offer.pk])
    client.post(decide, {"decision": "approved", "round": 1, "step": "hr"})
    # A second click from a page that is no longer current is refused, not applied to the next step.
    stale = client.post(decide, {"decision": "approved", "round": 1, "step": "hr"}, follow=True)
    assert "moved on" in stale.content.decode()

    client.force_login(personas.hiring_manager)
    client.post(decide, {"decision": "approved", "round": 1, "step": "manager"})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.APPROVED

    client.force_login(personas.recruiter)
    assert "Send to the candidate" in client.get(detail).content.decode()
    client.post(reverse("offers:send", args=[application.pk, offer.pk]), {"lock_version": offer.lock_version})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert 'data-offer-state="sent"' in client.get(detail).content.decode()


def test_the_director_of_the_job_reads_the_offer(client, personas, application) -> None:
    offer_make(application=application, actor=personas.recruiter)
    client.force_login(personas.director)
    assert client.get(reverse("offers:detail", args=[application.pk])).status_code == 200


def test_the_candidate_page_and_the_board_link_the_offer_to_who_may_see_it(
    client, personas, application
) -> None:
    candidate_page = reverse("desk:candidate", args=[application.candidate_id])
    board = reverse("desk:board", args=[application.job_id])
    offer_url = reverse("offers:detail", args=[application.pk])
    client.force_login(personas.hiring_manager)
    assert offer_url in client.get(candidate_page).content.decode()
    assert offer_url in client.get(board).content.decode()
    client.force_login(personas.interviewer)
    assert offer_url not in client.get(candidate_page).content.decode()


def test_no_offer_link_before_the_offer_stage(client, personas, team_a_job) -> None:
    early = application_make(job=team_a_job, full_name="Bayu Saputra")
    client.force_login(personas.recruiter)
    html = client.get(reverse("desk:candidate", args=[early.candidate_id])).content.decode()
    assert reverse("offers:detail", args=[early.pk]) not in html
