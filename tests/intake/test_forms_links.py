"""Links typed without https:// are stored with it (issue 7: "linkedin.com/in/putri" became a link relative
to Rekrut's own pages), on the candidate forms and for an interview's place."""

import pytest
from django.urls import reverse

from rekrut.candidates.models import Candidate
from rekrut.core.links import link_normalize
from rekrut.intake.forms import CandidateForm

pytestmark = pytest.mark.django_db


def form_with(links: str) -> CandidateForm:
    return CandidateForm({"full_name": "Putri Anggraini", "source": "other", "links_text": links})


def test_links_typed_without_a_scheme_get_https():
    form = form_with("linkedin.com/in/putri\n  www.behance.net/putri  \nhttp://portfolio.example.id/")
    assert form.is_valid(), form.errors
    assert form.candidate_fields()["links"] == [
        "https://linkedin.com/in/putri",
        "https://www.behance.net/putri",
        "http://portfolio.example.id/",
    ]


def test_the_same_link_twice_is_kept_once():
    form = form_with("linkedin.com/in/putri\nhttps://linkedin.com/in/putri")
    assert form.is_valid()
    assert form.candidate_fields()["links"] == ["https://linkedin.com/in/putri"]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hi", "not a link", "//evil"])
def test_what_is_not_a_web_address_is_refused_by_name(link):
    form = form_with(link)
    assert not form.is_valid()
    assert f"“{link}” is not a web address." in form.errors["links_text"]


def test_the_candidate_page_links_to_the_site_itself(client_for, personas):
    response = client_for(personas.hr_admin).post(
        reverse("intake:add"),
        {"full_name": "Putri Anggraini", "source": "other", "links_text": "linkedin.com/in/putri"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    candidate = Candidate.objects.get(full_name="Putri Anggraini")
    assert candidate.links == ["https://linkedin.com/in/putri"]
    page = client_for(personas.hr_admin).get(reverse("desk:candidate", args=[candidate.pk])).content.decode()
    assert 'href="https://linkedin.com/in/putri"' in page


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij"),
        ("zoom.us/j/123456789?pwd=x", "https://zoom.us/j/123456789?pwd=x"),
        ("www.kantor.co.id/peta", "https://www.kantor.co.id/peta"),
        ("https://teams.microsoft.com/l/x", "https://teams.microsoft.com/l/x"),
        ("Ruang Rapat Melati, lantai 3", "Ruang Rapat Melati, lantai 3"),
        ("Gedung.Utama", "Gedung.Utama"),
        ("R.301", "R.301"),
        ("Jl. Sudirman No. 5", "Jl. Sudirman No. 5"),
    ],
)
def test_an_interview_place_that_is_a_web_address_gets_https(typed, stored):
    assert link_normalize(typed) == stored


def test_links_stored_before_without_a_scheme_get_https():
    """Migration candidates 0008 fixes the links the forms stored before."""
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = import_module("rekrut.candidates.migrations.0008_candidate_links_https")
    apps = MigrationLoader(connection).project_state(("candidates", "0008_candidate_links_https")).apps
    old = Candidate.objects.create(
        full_name="Agus Santoso",
        links=[
            "linkedin.com/in/agus",
            "https://github.com/agus",
            "bukan tautan",
            "https://linkedin.com/in/agus",
        ],
    )
    untouched = Candidate.objects.create(full_name="Siti", links=[])

    migration.links_with_https(apps, None)

    old.refresh_from_db()
    assert old.links == ["https://linkedin.com/in/agus", "https://github.com/agus", "bukan tautan"]
    untouched.refresh_from_db()
    assert untouched.links == []
