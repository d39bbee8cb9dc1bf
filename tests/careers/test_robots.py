"""/robots.txt: the careers site is open to search engines, every staff and candidate area is not."""

from urllib.robotparser import RobotFileParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _robots(client) -> RobotFileParser:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    parser = RobotFileParser()
    parser.parse(response.content.decode().splitlines())
    return parser


def test_robots_txt_allows_the_careers_site_and_names_the_sitemap(client, settings):
    settings.SITE_URL = "https://karir.example.co.id"
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    robots = _robots(client)
    assert robots.site_maps() == ["https://karir.example.co.id/sitemap.xml"]
    for path in ("/careers/", "/careers/12/", "/careers/practice/", "/sitemap.xml"):
        assert robots.can_fetch("Googlebot", path), path


@pytest.mark.parametrize(
    "path",
    [
        "/portal/",
        "/portal/sign-in/",
        "/api/v1/jobs",
        "/admin/",
        "/accounts/login/",
        "/scheduling/book/abc123/",
        "/offers/respond/abc123/",
        "/tests/take/abc123/",
        "/onboarding/abc123/",
        "/medical/",
        "/jobs/1/",
        "/audit/",
        "/privacy/requests/",
        "/reports/",
    ],
)
def test_robots_txt_keeps_staff_and_candidate_areas_out(client, path):
    assert not _robots(client).can_fetch("Googlebot", path)


def test_robots_txt_keeps_the_desk_pages_out_too(client):
    """The desk's pages sit at the site's root, without a prefix of their own."""
    robots = _robots(client)
    for name in ("desk:my_work", "desk:candidates", "desk:jobs"):
        assert not robots.can_fetch("Googlebot", reverse(name)), name
