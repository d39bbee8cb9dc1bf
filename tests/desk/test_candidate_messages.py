"""The candidate page's messages: what Rekrut sent the candidate, newest first, each opened as received;
and the WhatsApp link with a greeting already written."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekrut.notifications.models import MessageStatus, OutboxMessage
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def outbox_make(to: str, n: int = 0, **fields) -> OutboxMessage:
    values = {
        "key": f"test-{to}-{n}-{fields.get('subject', '')}",
        "to": to,
        "subject": f"Message {n}",
        "body": f"Body {n}",
        "next_attempt_at": timezone.now(),
    }
    return OutboxMessage.objects.create(**(values | fields))


@pytest.fixture
def candidate(team_a_job):
    return application_make(
        job=team_a_job, full_name="Putri Maharani", email="putri@example.com", phone="+6281234567890"
    ).candidate


def page(client, candidate) -> str:
    response = client.get(reverse("desk:candidate", args=[candidate.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_candidate_page_lists_the_messages_sent_to_the_candidate_newest_first(
    client_for, personas, candidate
):
    outbox_make(
        "putri@example.com",
        1,
        subject="Application received",
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
    )
    outbox_make("PUTRI@example.com", 2, subject="Interview invitation")  # mail addresses ignore case
    outbox_make("other@example.com", 3, subject="Someone else's invitation")
    outbox_make("putri@example.com", 4, subject="Webhook", channel="webhook")  # not a message to her
    html = page(client_for(personas.recruiter), candidate)
    assert html.index("Interview invitation") < html.index("Application received")
    assert "Someone else" not in html and "Webhook" not in html
    assert "Waiting to be sent" in html and ">Sent<" in html


def test_the_status_is_written_in_the_viewers_language(client_for, personas, candidate):
    outbox_make("putri@example.com", 1, status=MessageStatus.FAILED, attempts=5)
    client = client_for(personas.recruiter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert "Gagal setelah beberapa kali dicoba" in page(client, candidate)


def test_a_retried_message_says_when_it_is_tried_again(client_for, personas, candidate):
    outbox_make(
        "putri@example.com",
        1,
        attempts=2,
        next_attempt_at=timezone.now() + timedelta(minutes=4),
        last_error="SMTPServerDisconnected: secret relay detail",
    )
    html = page(client_for(personas.recruiter), candidate)
    assert "tried again at" in html
    assert "secret relay detail" not in html


@pytest.mark.parametrize("count", [1, 60])
def test_the_candidate_page_reads_messages_in_one_query_however_many(
    client_for, personas, candidate, django_assert_max_num_queries, count
):
    client = client_for(personas.recruiter)
    page(client, candidate)  # session, caches
    outbox_make("putri@example.com", 0)
    with django_assert_max_num_queries(100) as few:
        page(client, candidate)
    for n in range(1, count):
        outbox_make("putri@example.com", n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = page(client, candidate)
    if count > 50:
        assert "Only the newest 50 messages are shown." in html


def test_a_message_opens_as_the_candidate_received_it(client_for, personas, candidate):
    message = outbox_make(
        "putri@example.com",
        1,
        subject="Undangan wawancara",
        body="Halo Putri,\n\nKami mengundang Anda.",
        attachments=[{"filename": "undangan.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}],
        last_error="SMTP 451 relay detail",
    )
    response = client_for(personas.hiring_manager).get(
        reverse("desk:candidate_message", args=[candidate.pk, message.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Undangan wawancara" in html and "Halo Putri,\n\nKami mengundang Anda." in html
    assert "undangan.ics" in html and "BEGIN:VCALENDAR" not in html
    assert "relay detail" not in html  # HR admins read the server's words on Sent mail; the team does not


def test_a_message_to_someone_else_is_not_found_through_a_candidate_one_may_see(
    client_for, personas, candidate, team_b_job
):
    other = outbox_make("other@example.com", 1)
    client = client_for(personas.recruiter)
    assert client.get(reverse("desk:candidate_message", args=[candidate.pk, other.pk])).status_code == 404


def test_a_candidate_without_e_mail_has_no_messages(client_for, personas, team_a_job):
    candidate = application_make(job=team_a_job, full_name="Tanpa Surel", email="").candidate
    outbox_make("", 1)
    html = page(client_for(personas.recruiter), candidate)
    assert "has no e-mail address" in html
    message = OutboxMessage.objects.get()
    client = client_for(personas.recruiter)
    assert client.get(reverse("desk:candidate_message", args=[candidate.pk, message.pk])).status_code == 404


def test_the_whatsapp_link_greets_in_the_candidates_language_naming_the_job(
    client_for, personas, candidate, settings
):
    settings.COMPANY_NAME = "PT Maju & Jaya"
    candidate.language = "id"
    candidate.save(update_fields=["language"])
    html = page(client_for(personas.recruiter), candidate)
    url = next(part.split('"')[0] for part in html.split('href="') if part.startswith("https://wa.me/"))
    split = urlsplit(url.replace("&amp;", "&"))
    assert split.path == "/6281234567890"
    text = parse_qs(split.query)["text"][0]
    assert "Putri Maharani" in text and "PT Maju & Jaya" in text and "Customer Service Officer" in text
    assert "tidak pernah meminta uang" in text
