"""Deciding from the e-mail: each approver's own link, used once; a tampered, expired or outdated link
decides nothing and says why."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.core.models import SignedLink
from rekrut.notifications.models import OutboxMessage
from rekrut.offers.chain import APPROVAL_LINK_DAYS, current_step, offer_decide
from rekrut.offers.models import ApprovalVia, OfferApproval, OfferStatus
from tests.offers.factories import offer_make, offer_submitted
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/offers/approval/([A-Za-z0-9_-]{43})/")


@pytest.fixture(autouse=True)
def reads_english(client):
    """The approvers' e-mail language is Bahasa Indonesia; these pages are read in English, as chosen."""
    client.cookies["rekrut_language"] = "en"


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani", email="putri@example.com")


def link_in_mail(to: str) -> str:
    message = OutboxMessage.objects.filter(to=to, key__startswith="offer-approval-").latest("pk")
    found = LINK.search(message.body)
    assert found, message.body
    return reverse("offers:approval_link", args=[found.group(1)])


def test_the_approver_decides_from_the_mail_once(client, personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.recruiter)
    mail = OutboxMessage.objects.get(to=personas.hr_admin.email, key__startswith="offer-approval-")
    assert "Putri Maharani" in mail.subject
    url = link_in_mail(personas.hr_admin.email)

    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert "Rp7.000.000" in page.content.decode()  # the approver reads the terms they approve

    done = client.post(url, {"decision": "approved"})
    assert "you approved the offer" in done.content.decode()
    row = OfferApproval.objects.get(offer=offer, step="hr")
    assert (row.actor, row.via) == (personas.hr_admin, ApprovalVia.EMAIL)
    offer.refresh_from_db()
    assert current_step(offer) == "manager"
    # The hiring manager now has their own link.
    assert link_in_mail(personas.hiring_manager.email) != url

    again = client.post(url, {"decision": "approved"})
    assert again.status_code == 410
    assert OfferApproval.objects.filter(offer=offer).count() == 1


def test_a_return_from_the_mail_needs_a_comment(client, personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.recruiter)
    url = link_in_mail(personas.hr_admin.email)
    refused = client.post(url, {"decision": "returned", "comment": ""})
    assert "what needs to change" in refused.content.decode()
    assert SignedLink.objects.filter(purpose="offer_approve", use_count=0).exists()  # not used up
    client.post(url, {"decision": "returned", "comment": "Gaji pokok terlalu rendah."})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT


def test_a_tampered_link_opens_nothing(client, personas, application) -> None:
    offer_submitted(application=application, actor=personas.recruiter)
    url = link_in_mail(personas.hr_admin.email)
    token = url.rstrip("/").rsplit("/", 1)[1]
    tampered = reverse("offers:approval_link", args=[token[:-1] + ("A" if token[-1] != "A" else "B")])
    response = client.post(tampered, {"decision": "approved"})
    assert response.status_code == 404
    assert "Putri" not in response.content.decode()
    assert not OfferApproval.objects.exists()


def test_an_expired_link_opens_nothing(client, personas, application) -> None:
    offer_submitted(application=application, actor=personas.recruiter)
    url = link_in_mail(personas.hr_admin.email)
    with time_machine.travel(timezone.now() + timedelta(days=APPROVAL_LINK_DAYS, minutes=1)):
        response = client.post(url, {"decision": "approved"})
    assert response.status_code == 410
    assert not OfferApproval.objects.exists()


def test_the_other_approvers_links_stop_once_the_step_is_decided(client, personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.recruiter)
    # Two HR admins were asked (the factory's and Sari); Sari decides on the page.
    factory_admin_url = link_in_mail("factory-hr-admin@example.co.id")
    offer_decide(actor=personas.hr_admin, offer=offer, decision="approved")
    response = client.get(factory_admin_url)
    assert response.status_code == 410


def test_a_link_to_a_replaced_version_decides_nothing(client, personas, application) -> None:
    offer_submitted(application=application, actor=personas.recruiter)
    url = link_in_mail(personas.hr_admin.email)
    offer_make(application=application, actor=personas.recruiter, base_salary=7_100_000)
    assert client.post(url, {"decision": "approved"}).status_code == 410
    assert not OfferApproval.objects.exists()
