"""What people type into the candidate search is bounded and answered: a search of 5,000 characters says
it is too long (issue 7: gunicorn's raw 414), mangled filters never become a 500, and valid filters still
apply when another one is not valid."""

import pytest
from django.urls import reverse

from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(personas):
    return [
        CandidateFactory(full_name="Putri Anggraini Siregar", created_by=personas.hr_admin),
        CandidateFactory(full_name="Agus Santoso", created_by=personas.hr_admin),
    ]


def test_a_5000_character_search_says_it_is_too_long(client_for, personas, people):
    response = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "a" * 5000})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Search for at most 200 characters (this text has 5000)." in page


def test_the_search_box_during_typing_shows_the_message_too(client_for, personas, people):
    """The list refreshes as the user types (htmx); the message comes with the results."""
    response = client_for(personas.hr_admin).get(
        reverse("desk:candidates"), {"q": "a" * 201}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert 'hx-swap-oob="outerHTML:#messages"' in page
    assert "Search for at most 200 characters" in page


def test_two_hundred_characters_still_search(client_for, personas, people):
    response = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "Siregar " + "x" * 192})
    assert "Search for at most" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"job": str(10**30)},
        {"stage": "-5"},
        {"job": "abc"},
        {"applied_from": "9999-99-99"},
        {"applied_to": "0000-01-01"},
        {"source": "<script>"},
        {"page": "99999999999999999999"},
    ],
)
def test_mangled_filters_never_500_and_the_valid_ones_still_apply(client_for, personas, people, query):
    response = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "santoso", **query})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Agus Santoso" in page
    assert "Putri Anggraini Siregar" not in page
