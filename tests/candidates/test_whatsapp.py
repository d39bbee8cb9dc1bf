"""The WhatsApp click-to-chat link and its prefilled greeting."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from rekrut.candidates.models import Candidate
from rekrut.candidates.whatsapp import whatsapp_greeting, whatsapp_link


def text_of(url: str) -> str:
    return parse_qs(urlsplit(url).query, strict_parsing=True)["text"][0]


def test_the_link_takes_the_digits_of_the_number():
    assert whatsapp_link(phone="+62 812-3456-7890") == "https://wa.me/6281234567890"
    assert whatsapp_link(phone="", text="Halo") == ""


@pytest.mark.parametrize(
    "text", ["PT Maju & Jaya", "Jum'at pukul 10.00", "Café Ñusantara — 😀", "a+b #1 ?x=y"]
)
def test_the_text_survives_the_link_whole(text):
    url = whatsapp_link(phone="+6281234567890", text=text)
    query = urlsplit(url).query
    assert query.count("=") == 1 and "&" not in query and "'" not in query and " " not in query
    assert query.isascii()
    assert text_of(url) == text


@pytest.mark.django_db  # HR may have reworded the greeting (notifications.MessageTemplate)
def test_the_greeting_is_in_the_candidates_language_and_ends_with_the_anti_scam_line(settings):
    settings.COMPANY_NAME = "PT Maju & Jaya"
    settings.ORGANIZER_EMAIL = "rekrutmen@majujaya.co.id"
    candidate = Candidate(full_name="Putri Maharani", language="id")
    with translation.override("en"):  # the staff member reads English; the candidate gets Indonesian
        text = whatsapp_greeting(candidate=candidate, job_title="Staf Gudang")
    assert text.startswith("Halo Putri Maharani")
    assert "PT Maju & Jaya" in text and "Staf Gudang" in text
    assert text.rstrip().endswith("rekrutmen@majujaya.co.id.")
    assert "tidak pernah meminta uang" in text

    english = whatsapp_greeting(candidate=Candidate(full_name="Putri", language="en"))
    assert english.startswith("Hello Putri, this is the recruitment team of PT Maju & Jaya.")
    assert "never asks candidates for money" in english
