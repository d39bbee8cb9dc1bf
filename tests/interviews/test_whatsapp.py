"""The WhatsApp reminder on the interview kit page: for those who manage the interview, in the
candidate's language, the time in the interview's zone, with the anti-scam line."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from rekrut.interviews.whatsapp import interview_whatsapp_text
from rekrut.notifications.models import MessageTemplate
from tests.interviews.conftest import held
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def whatsapp_href(html: str) -> str:
    start = html.find('href="https://wa.me/')
    return html[start + 6 : html.index('"', start + 6)].replace("&amp;", "&") if start >= 0 else ""


@pytest.fixture
def interview(team_a_job, plan, personas):
    application = application_make(
        job=team_a_job, stage_kind="hr_interview", full_name="Putri Maharani", phone="+6281234567890"
    )
    return held(application, plan["hr"], [personas.interviewer], hours_ago=-26)


def test_the_hr_owner_gets_a_link_with_the_reminder_in_the_candidates_language(
    client_for, personas, interview
):
    candidate = interview.application.candidate
    candidate.language = "id"
    candidate.save()
    html = client_for(personas.recruiter).get(reverse("interviews:kit", args=[interview.pk])).content.decode()
    href = whatsapp_href(html)
    assert href.startswith("https://wa.me/6281234567890?text=")
    text = parse_qs(urlsplit(href).query)["text"][0]
    assert text.startswith("Halo Putri Maharani")
    assert " WIB" in text  # the job's location is in Jakarta
    assert "Waspada penipuan" in text and text.rstrip().endswith(f"{settings.ORGANIZER_EMAIL}.")


def test_an_interviewer_who_does_not_manage_it_sees_no_link(client_for, personas, interview):
    html = (
        client_for(personas.interviewer).get(reverse("interviews:kit", args=[interview.pk])).content.decode()
    )
    assert not whatsapp_href(html)


def test_no_link_without_a_phone(client_for, personas, interview):
    candidate = interview.application.candidate
    candidate.phone = ""
    candidate.save()
    html = client_for(personas.recruiter).get(reverse("interviews:kit", args=[interview.pk])).content.decode()
    assert not whatsapp_href(html)


def test_hr_wording_is_used_and_the_anti_scam_line_stays(interview):
    MessageTemplate.objects.create(
        purpose="interviews/whatsapp/reminder",
        language="en",
        body="Hi {{ candidate_name }}, see you {{ when }}.",
        version=1,
    )
    candidate = interview.application.candidate
    candidate.language = "en"
    candidate.save()
    text = interview_whatsapp_text(interview)
    assert text.startswith("Hi Putri Maharani, see you ")
    assert "WIB." in text.splitlines()[0]
    assert "Beware of fraud" in text
