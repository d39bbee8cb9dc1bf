"""Absolute URLs come from one setting, REKRUT_SITE_URL, whose default follows REKRUT_BIND."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.core.site import absolute_url, site_url_for_bind
from rekrut.jobs.models import StageKind
from tests.pipeline.factories import application_make


@pytest.mark.parametrize(
    ("bind", "site_url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("127.0.0.1:8011", "http://127.0.0.1:8011"),
        ("0.0.0.0:8001", "http://127.0.0.1:8001"),
        ("0.0.0.0", "http://127.0.0.1:8000"),  # noqa: S104 (a bind address, as REKRUT_BIND holds it)
        ("[::]:9000", "http://localhost:9000"),
        ("[::1]:8000", "http://[::1]:8000"),
        ("localhost", "http://localhost:8000"),
        ("rekrut.internal:80", "http://rekrut.internal:80"),
        ("unix:/run/rekrut.sock", "http://localhost"),
    ],
)
def test_the_default_site_url_follows_the_bind_address(bind, site_url):
    assert site_url_for_bind(bind) == site_url


def _site_url_in_a_fresh_process(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"REKRUT_SITE_URL", "REKRUT_BIND"}}
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "rekrut.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_settings_take_the_bind_address_unless_the_site_url_is_set():
    assert _site_url_in_a_fresh_process(REKRUT_BIND="0.0.0.0:8011") == "http://127.0.0.1:8011"
    assert (
        _site_url_in_a_fresh_process(
            REKRUT_BIND="0.0.0.0:8011", REKRUT_SITE_URL="https://rekrut.example.co.id/"
        )
        == "https://rekrut.example.co.id"
    )


def test_absolute_url_reverses_a_view_name_or_takes_a_path(settings):
    settings.SITE_URL = "https://rekrut.example.co.id"
    assert absolute_url("interviews:kit", 42) == "https://rekrut.example.co.id" + reverse(
        "interviews:kit", args=[42]
    )
    assert absolute_url("/healthz") == "https://rekrut.example.co.id/healthz"


@pytest.mark.django_db
def test_interview_e_mails_and_invites_link_to_the_site_url(settings, personas, team_a_job):
    from icalendar import Calendar

    from rekrut.interviews.services.interviews import interview_schedule
    from rekrut.notifications.models import OutboxMessage
    from tests.interviews.conftest import rounds_of

    settings.SITE_URL = "http://127.0.0.1:8011"
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    interview = interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=rounds_of(team_a_job)["user"],
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=60,
        interviewers=[personas.hiring_manager],
    )
    # The interviewer's invitation (the candidate gets their own, without staff links).
    message = OutboxMessage.objects.get(to=personas.hiring_manager.email)
    assert f"http://127.0.0.1:8011/interviews/{interview.pk}/scorecard/" in message.body
    event = next(iter(Calendar.from_ical(message.attachments[0]["content"]).walk("VEVENT")))
    assert f"http://127.0.0.1:8011/interviews/{interview.pk}/kit/" in str(event["description"])


def test_the_deploy_check_warns_when_https_links_would_point_to_http(settings):
    from rekrut.core.checks import site_url_matches_https

    settings.HTTPS, settings.SITE_URL = True, "http://127.0.0.1:8000"
    assert [w.id for w in site_url_matches_https(None)] == ["rekrut.W001"]
    settings.SITE_URL = "https://rekrut.example.co.id"
    assert site_url_matches_https(None) == []
    settings.HTTPS, settings.SITE_URL = False, "http://127.0.0.1:8000"
    assert site_url_matches_https(None) == []
