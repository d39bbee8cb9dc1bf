"""Every response carries the Content-Security-Policy, and everything that may carry personal data (pages,
CVs, PDFs, API answers) `Cache-Control: private, no-store`; no template has an inline script for the
policy to block."""

import re
from pathlib import Path

import pytest
from django.conf import settings as product_settings
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from rekrut.accounts.services import api_token_create
from rekrut.core.middleware import SecurityHeadersMiddleware
from tests.candidates.filebuilders import pdf_bytes
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

TEMPLATES = Path(product_settings.BASE_DIR)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.IGNORECASE)


def policy(response) -> dict[str, str]:
    directives = (part.strip().partition(" ") for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, _, sources in directives}


def assert_private(response) -> None:
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives, response["Cache-Control"]


def test_the_sign_in_page_allows_only_our_own_scripts_and_no_framing(client):
    response = client.get(reverse("accounts:login"))
    csp = policy(response)
    assert csp["script-src"] == "'self'"
    assert "'unsafe-inline'" not in csp["style-src-elem"] and "'unsafe-eval'" not in csp["script-src"]
    assert (csp["object-src"], csp["base-uri"], csp["frame-ancestors"]) == ("'none'", "'none'", "'none'")
    assert_private(response)


def test_signed_in_pages_are_never_stored(client_for, personas):
    response = client_for(personas.recruiter).get(reverse("desk:my_work"))
    assert response.status_code == 200
    assert_private(response)
    assert policy(response)["frame-ancestors"] == "'none'"


def test_the_cv_preview_may_be_framed_by_our_own_pages_only_and_is_never_stored(
    client_for, personas, team_a_job
):
    candidate = application_make(job=team_a_job).candidate
    candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Putri")), save=True)
    response = client_for(personas.recruiter).get(
        reverse("desk:candidate_cv", args=[candidate.pk]), {"inline": "1"}
    )
    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == "'self'"
    assert_private(response)


def test_api_answers_are_never_stored(personas):
    _, key = api_token_create(user=personas.recruiter, name="tests")
    for path in ("/api/v1/jobs", "/api/v1/no-such-thing"):
        response = Client(HTTP_AUTHORIZATION=f"Bearer {key}").get(path)
        assert_private(response)
        assert "Content-Security-Policy" in response


def test_a_view_that_chose_its_own_caching_keeps_it():
    def view(request):
        response = HttpResponse("public job ad")
        response["Cache-Control"] = "public, max-age=300"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    assert response["Cache-Control"] == "public, max-age=300"
    assert "frame-ancestors" not in response["Content-Security-Policy"]  # no X-Frame-Options: no opinion


def test_no_template_has_an_inline_script_or_event_handler():
    found = []
    for template in sorted(TEMPLATES.glob("**/templates/**/*.html")):
        text = template.read_text()
        found += [f"{template.relative_to(TEMPLATES)}: {m.group(0)}" for m in INLINE_SCRIPT.finditer(text)]
        found += [f"{template.relative_to(TEMPLATES)}: {m.group(0)}" for m in HANDLER.finditer(text)]
        found += [f"{template.relative_to(TEMPLATES)}: javascript:" for _ in re.finditer("javascript:", text)]
    assert not found
