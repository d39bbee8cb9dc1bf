"""Sending the approved offer and the candidate's answer through their link: accept (time, address and the
exact terms recorded), decline with a reason, ask to discuss; expiry, a replaced version, webhooks, and
the offer stage's exit rule."""

import pytest
import time_machine
from django.urls import reverse

from rekrut.core.errors import DomainError
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import Channel, OutboxMessage
from rekrut.notifications.webhooks.models import WebhookEndpoint
from rekrut.offers.guards import NOT_ACCEPTED
from rekrut.offers.letter import offer_terms_hash
from rekrut.offers.models import AnswerKind, OfferAnswer, OfferStatus
from rekrut.offers.sending import offer_send, offers_expire
from rekrut.pipeline.guards import blockers_of
from rekrut.pipeline.services import application_move
from tests.offers.factories import offer_approved, offer_make, offer_sent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

PHONE = {"HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile", "REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture
def application(team_a_job):
    """At the offer stage; the candidate reads English (one test reads her mail in Bahasa Indonesia)."""
    return application_make(
        job=team_a_job,
        full_name="Putri Maharani",
        email="putri@example.com",
        stage_kind=StageKind.OFFER,
        language="en",
    )


@pytest.fixture
def webhook(personas):
    return WebhookEndpoint.objects.create(
        url="https://hris.example.com/hooks",
        events=["offer.sent", "offer.accepted", "offer.declined"],
        created_by=personas.hr_admin,
    )


def sent(personas, application, **overrides):
    return offer_sent(
        application=application,
        actor=personas.recruiter,
        approvers=[personas.hr_admin, personas.hiring_manager],
        **overrides,
    )


def webhook_events() -> list[str]:
    return [
        m.payload["body"]["event"]
        for m in OutboxMessage.objects.filter(channel=Channel.WEBHOOK).order_by("pk")
    ]


def test_sending_mails_the_candidate_in_their_language_with_the_anti_scam_footer(
    personas, application, webhook
) -> None:
    application.candidate.language = "id"
    application.candidate.save()
    offer, token = sent(personas, application)
    assert offer.status == OfferStatus.SENT
    assert offer.terms_hash == offer_terms_hash(offer)
    mail = OutboxMessage.objects.get(to="putri@example.com")
    assert mail.language == "id"
    assert "Surat penawaran" in mail.subject or "Penawaran" in mail.subject, mail.subject
    assert reverse("offers:answer", args=[token]) in mail.body
    assert "8 Desember 2026" in mail.body
    assert "tidak pernah meminta uang" in mail.body  # the anti-scam footer, in Bahasa Indonesia
    assert webhook_events() == ["offer.sent"]
    assert AuditEvent.objects.filter(action="offer.sent", subject_id=offer.pk).exists()


def test_the_candidate_accepts_at_phone_size_and_the_exact_terms_are_recorded(
    client, personas, application, webhook
) -> None:
    offer, token = sent(personas, application)
    url = reverse("offers:answer", args=[token])
    page = client.get(url, **PHONE)
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert 'name="viewport"' in html
    assert "Rp7.000.000" in html and "Accept the offer" in html

    unconfirmed = client.post(url, {"action": "accept", "terms": offer.terms_hash}, follow=True, **PHONE)
    assert "Tick the box" in unconfirmed.content.decode()
    response = client.post(
        url, {"action": "accept", "confirm": "1", "terms": offer.terms_hash}, follow=True, **PHONE
    )
    assert "You accepted the offer" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    answer = OfferAnswer.objects.get(offer=offer)
    assert (answer.kind, answer.ip, answer.terms_hash) == (
        AnswerKind.ACCEPTED,
        "203.0.113.7",
        offer.terms_hash,
    )
    assert "Android" in answer.user_agent
    assert offer.sent_terms["base_salary"] == 7_000_000
    assert webhook_events() == ["offer.sent", "offer.accepted"]
    assert OutboxMessage.objects.filter(to=personas.recruiter.email, key__startswith="offer-answer-").exists()
    # Answering twice changes nothing.
    again = client.post(url, {"action": "decline", "reason": "x", "terms": offer.terms_hash}, follow=True)
    assert "already accepted" in again.content.decode()
    assert OfferAnswer.objects.filter(offer=offer).count() == 1


def test_acceptance_of_other_terms_than_sent_is_refused(client, personas, application) -> None:
    offer, token = sent(personas, application)
    url = reverse("offers:answer", args=[token])
    response = client.post(url, {"action": "accept", "confirm": "1", "terms": "0" * 64}, follow=True)
    assert "not the current one" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_declining_needs_a_reason(client, personas, application, webhook) -> None:
    offer, token = sent(personas, application)
    url = reverse("offers:answer", args=[token])
    empty = client.post(url, {"action": "decline", "reason": " ", "terms": offer.terms_hash}, follow=True)
    assert "why you decline" in empty.content.decode()
    client.post(
        url, {"action": "decline", "reason": "Saya menerima tawaran lain.", "terms": offer.terms_hash}
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert OfferAnswer.objects.get(offer=offer).text == "Saya menerima tawaran lain."
    assert webhook_events()[-1] == "offer.declined"


def test_asking_to_discuss_tells_hr_and_keeps_the_offer_open(client, personas, application) -> None:
    offer, token = sent(personas, application)
    url = reverse("offers:answer", args=[token])
    client.post(
        url,
        {
            "action": "discuss",
            "message": "Bisakah mulai satu minggu lebih lambat?",
            "terms": offer.terms_hash,
        },
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    mail = OutboxMessage.objects.get(to=personas.recruiter.email, key__startswith="offer-answer-")
    assert "Bisakah mulai satu minggu lebih lambat?" in mail.body


def test_an_expired_offer_cannot_be_answered_and_the_sweep_marks_it(client, personas, application) -> None:
    offer, token = sent(personas, application)
    url = reverse("offers:answer", args=[token])
    # 8 December is the last day (WIB); the next morning the link and the offer are over.
    with time_machine.travel("2026-12-09 01:00:00+00:00", tick=False):
        response = client.get(url)
        assert response.status_code == 410
        assert offers_expire() == 1
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    assert AuditEvent.objects.filter(action="offer.expired", subject_id=offer.pk).exists()
    assert offers_expire() == 0


def test_the_last_day_still_counts(client, personas, application) -> None:
    offer, token = sent(personas, application)
    with time_machine.travel("2026-12-08 16:30:00+00:00", tick=False):  # 23.30 WIB on the last day
        assert offers_expire() == 0
        response = client.post(
            reverse("offers:answer", args=[token]),
            {"action": "accept", "confirm": "1", "terms": offer.terms_hash},
        )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED


def test_a_replaced_offer_says_so_and_cannot_be_accepted(client, personas, application) -> None:
    offer, token = sent(personas, application)
    offer_make(application=application, actor=personas.recruiter, base_salary=7_500_000)
    url = reverse("offers:answer", args=[token])
    page = client.get(url).content.decode()
    assert "replaced by a revised one" in page
    assert "Rp7.000.000" not in page
    client.post(url, {"action": "accept", "confirm": "1", "terms": offer.terms_hash})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUPERSEDED
    assert not OfferAnswer.objects.exists()


def test_sending_refuses_a_passed_expiry_and_a_candidate_without_email(personas, application) -> None:
    offer = offer_approved(
        application=application,
        actor=personas.recruiter,
        approvers=[personas.hr_admin, personas.hiring_manager],
    )
    with (
        time_machine.travel("2026-12-09 01:00:00+00:00", tick=False),
        pytest.raises(DomainError, match="valid until"),
    ):
        offer_send(actor=personas.recruiter, offer=offer)
    application.candidate.email = ""
    application.candidate.save()
    with pytest.raises(DomainError, match="no e-mail"):
        offer_send(actor=personas.recruiter, offer=offer)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.APPROVED


def test_the_offer_stage_is_left_only_with_an_accepted_offer(client, personas, application) -> None:
    job = application.job
    assert [b.code for b in blockers_of(job=job, applications=[application])[application.pk]] == [
        NOT_ACCEPTED
    ]
    following = job.stages.filter(is_active=True, position__gt=application.stage.position).first()
    with pytest.raises(DomainError, match="not accepted an offer"):
        application_move(
            application=application,
            to_stage=following,
            actor=personas.recruiter,
            expected_version=application.version,
        )
    offer, token = sent(personas, application)
    client.post(
        reverse("offers:answer", args=[token]),
        {"action": "accept", "confirm": "1", "terms": offer.terms_hash},
    )
    application.refresh_from_db()
    assert blockers_of(job=job, applications=[application])[application.pk] == []
    moved = application_move(
        application=application,
        to_stage=following,
        actor=personas.recruiter,
        expected_version=application.version,
    )
    assert moved.stage == following
