"""Plain-text messages are not HTML: names, departments and links arrive as written, never escaped."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.template import Engine, engines
from django.template.loader import get_template
from django.utils import timezone

from rekrut.accounts.services import password_reset_mail_queue
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.notifications.models import OutboxMessage
from tests.interviews.conftest import rounds_of
from tests.jobs.factories import DepartmentFactory, job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.com/j/8812?pwd=Xy9&lang=id"


def test_an_interview_invitation_keeps_apostrophes_ampersands_and_links_as_written(
    personas, django_capture_on_commit_callbacks
):
    job = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        title="Engineer R&D",
        department=DepartmentFactory(name="R&D"),
    )
    application = application_make(job=job, full_name="Ma'ruf O'Neil")
    with django_capture_on_commit_callbacks(execute=True):
        interview_schedule(
            actor=personas.recruiter,
            application=application,
            plan_round=rounds_of(job)["hr"],
            starts_at=timezone.now() + timedelta(days=2),
            duration_minutes=60,
            interviewers=[personas.recruiter],
            location=f"PT A & B, Ruang Rapat 2 — {LINK}",
        )
    stored = OutboxMessage.objects.get(to=personas.recruiter.email)  # the candidate gets their own
    (sent,) = [m for m in mail.outbox if m.to == [personas.recruiter.email]]
    for subject, body in [(stored.subject, stored.body), (sent.subject, sent.body)]:
        assert "Ma'ruf O'Neil" in subject
        assert "Ma'ruf O'Neil" in body
        assert "Engineer R&D" in body
        assert "PT A & B" in body
        assert LINK in body
        assert "&amp;" not in body + subject and "&#x27;" not in body + subject


def test_the_password_reset_mail_is_plain_text_too(personas, settings):
    settings.SITE_URL = "https://rekrut.pt-a-&-b.co.id"
    settings.COMPANY_NAME = "PT A & B"
    password_reset_mail_queue(email=personas.hr_admin.email, language="en")
    sent = OutboxMessage.objects.get()
    assert "https://rekrut.pt-a-&-b.co.id/accounts/reset/" in sent.body
    assert "PT A & B" in sent.body
    assert "&amp;" not in sent.body


def test_every_txt_template_renders_unescaped_and_html_stays_escaped():
    """The mechanism, not a template at a time: the loader picks the engine by the file's suffix."""
    folders = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    texts = sorted({str(path.relative_to(folder)) for folder in folders for path in folder.rglob("*.txt")})
    assert "accounts/password_reset_email.txt" in texts
    assert "interviews/email/invited.txt" in texts
    for name in texts:
        assert get_template(name).template.engine.autoescape is False, name
    assert get_template("base.html").template.engine.autoescape is True
    # Template("...") and other code that asks for "the" engine still get the escaping one.
    assert Engine.get_default().autoescape is True
    assert engines["django"].from_string("{{ x }}").render({"x": "R&D"}) == "R&amp;D"
    assert engines["text"].from_string("{{ x }}").render({"x": "R&D"}) == "R&D"
