"""The message templates pages: the list with its badges, editing with a live preview, and reset."""

import pytest
from django.urls import reverse

from rekrut.notifications.models import MessageTemplate

REJECTED = "pipeline/email/rejected"
pytestmark = pytest.mark.django_db


def edit_url(language="id", purpose=REJECTED):
    return reverse("notifications:template_edit", args=[language, purpose])


def test_the_list_groups_purposes_and_shows_which_language_changed(client_for, personas):
    MessageTemplate.objects.create(purpose=REJECTED, language="en", subject="S", body="B", version=1)
    page = client_for(personas.hr_admin).get(reverse("notifications:templates"))
    html = page.content.decode()
    assert "To candidates" in html and "To staff" in html
    assert html.count('badge warn">changed') == 1
    assert "Application not continued (rejection)" in html and edit_url("en") in html


def test_saving_from_the_page_is_used_and_shown(client_for, personas):
    client = client_for(personas.hr_admin)
    response = client.post(
        edit_url(), {"subject": "Kabar {{ job_title }}", "body": "Halo {{ candidate_name }}", "version": 0}
    )
    assert response.status_code == 302
    row = MessageTemplate.objects.get()
    assert (row.language, row.body, row.version) == ("id", "Halo {{ candidate_name }}", 1)
    page = client.get(edit_url()).content.decode()
    assert "Reset to Rekrut" in page


def test_an_unknown_variable_is_shown_beside_the_text_and_nothing_is_saved(client_for, personas):
    response = client_for(personas.hr_admin).post(
        edit_url(), {"subject": "Kabar", "body": "Halo {{ candidat_name }}", "version": 0}
    )
    assert response.status_code == 200
    assert "{{ candidat_name }} is not a variable of this message" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_a_stale_edit_from_the_page_is_refused_with_a_message(client_for, personas):
    MessageTemplate.objects.create(purpose=REJECTED, language="id", subject="S", body="Lain", version=3)
    response = client_for(personas.hr_admin).post(
        edit_url(), {"subject": "Kabar", "body": "Halo {{ candidate_name }}", "version": 2}
    )
    assert response.status_code == 200
    assert "Someone else changed this message while you were editing" in response.content.decode()
    assert MessageTemplate.objects.get().body == "Lain"


def test_the_preview_fills_sample_values_in_the_pages_language(client_for, personas):
    url = reverse("notifications:template_preview", args=["id", REJECTED])
    response = client_for(personas.hr_admin).post(
        url, {"subject": "Kabar {{ job_title }}", "body": "Halo {{ candidate_name }}", "version": 0}
    )
    html = response.content.decode()
    assert "Kabar Customer Service Officer" in html and "Halo Putri Maharani" in html
    assert "Waspada penipuan" in html  # the footer, in Indonesian


def test_the_preview_names_a_mistake(client_for, personas):
    url = reverse("notifications:template_preview", args=["en", REJECTED])
    response = client_for(personas.hr_admin).post(url, {"subject": "x", "body": "{% debug %}", "version": 0})
    assert "Template tags" in response.content.decode()


def test_the_default_is_previewed_when_nothing_is_written(client_for, personas):
    page = client_for(personas.hr_admin).get(edit_url("en")).content.decode()
    assert "Dear Putri Maharani," in page and "Beware of fraud" in page


def test_reset_from_the_page(client_for, personas):
    MessageTemplate.objects.create(purpose=REJECTED, language="id", subject="S", body="B", version=1)
    client = client_for(personas.hr_admin)
    response = client.post(reverse("notifications:template_reset", args=["id", REJECTED]), {"version": 1})
    assert response.status_code == 302
    assert not MessageTemplate.objects.get().is_changed


def test_an_unknown_purpose_or_language_is_not_found(client_for, personas):
    client = client_for(personas.hr_admin)
    assert client.get(edit_url(purpose="nope/email/x")).status_code == 404
    assert client.get(edit_url(language="fr")).status_code == 404
