"""Rekrut's icon: an SVG with a PNG fallback linked from every page (and the Settings pages), and
/favicon.ico at the root, served by WhiteNoise, for what has no page to link it (PDFs, the API's JSON)."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

ICONS = ("rekrut/favicon.svg", "rekrut/favicon-32.png", "rekrut/apple-touch-icon.png")


def test_favicon_ico_answers_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.parametrize("url_name", ["accounts:login", "admin:index"])
def test_pages_link_the_icons(client, url_name):
    """Rekrut's pages and Settings (the admin's own sign-in form now hands over to Rekrut's)."""
    from rekrut.accounts.models import Role
    from tests.accounts.factories import UserFactory

    if url_name.startswith("admin:"):
        client.force_login(UserFactory(username="sari", role=Role.HR_ADMIN, is_staff=True, is_superuser=True))
    page = client.get(reverse(url_name)).content.decode()
    assert 'rel="icon" href="/static/rekrut/favicon.svg" type="image/svg+xml"' in page
    assert 'href="/static/rekrut/favicon-32.png"' in page


@pytest.mark.parametrize("path", ICONS)
def test_the_icon_files_exist(path):
    assert finders.find(path), path
