"""HR's preview of a job's careers page before it is published: staff who may see the job only, a clear
banner, the application form switched off, nothing a search engine keeps; the public still gets 404/410."""

import pytest
from django.urls import reverse

from rekrut.intake.models import QuestionKind
from rekrut.intake.screening import QuestionSpec, screening_question_add
from rekrut.jobs.models import JobStatus
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    job = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        title="Barista Senior",
        status=JobStatus.DRAFT,
        description="Menyeduh kopi terbaik.",
    )
    screening_question_add(
        actor=personas.recruiter,
        job=job,
        spec=QuestionSpec(text="Bersedia kerja shift malam?", kind=QuestionKind.YES_NO),
    )
    return job


def test_staff_on_the_job_preview_a_draft_with_a_banner_and_the_form_switched_off(client, personas, draft):
    client.force_login(personas.hiring_manager)
    response = client.get(reverse("careers:preview", args=[draft.pk]))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert "Preview — not published" in html and "This job is a draft" in html
    assert "Barista Senior" in html and "Menyeduh kopi terbaik." in html
    assert "Bersedia kerja shift malam?" in html  # the form as candidates will see it
    assert "<fieldset disabled>" in html and 'enctype="multipart/form-data"' not in html
    assert reverse("careers:apply", args=[draft.pk]) not in html  # nothing leads to the real form
    assert "application/ld+json" not in html and 'rel="canonical"' not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_a_job_on_hold_says_it_is_not_on_the_careers_site(client, personas):
    job = job_make(hr_owner=personas.recruiter, status=JobStatus.ON_HOLD)
    client.force_login(personas.recruiter)
    html = client.get(reverse("careers:preview", args=[job.pk])).content.decode()
    assert "Preview — not published" in html and "not on the careers site (On hold)" in html


def test_the_preview_is_refused_to_anyone_who_may_not_see_the_job(client, personas, draft):
    url = reverse("careers:preview", args=[draft.pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    client.force_login(personas.other_recruiter)
    assert client.get(url).status_code == 404


def test_the_public_still_gets_404_for_a_draft_and_410_for_a_closed_job(client, personas, draft):
    assert client.get(reverse("careers:job", args=[draft.pk])).status_code == 404
    assert client.get(reverse("careers:apply", args=[draft.pk])).status_code == 404
    closed = job_make(hr_owner=personas.recruiter)
    closed.status = JobStatus.CLOSED
    closed.save()
    assert client.get(reverse("careers:job", args=[closed.pk])).status_code == 410
    client.force_login(personas.recruiter)  # signed-in staff are the public on the careers site itself
    assert client.get(reverse("careers:job", args=[draft.pk])).status_code == 404


def test_the_job_page_links_to_the_preview_until_the_job_is_open(client, personas, draft):
    client.force_login(personas.recruiter)
    html = client.get(reverse("jobs:detail", args=[draft.pk])).content.decode()
    assert reverse("careers:preview", args=[draft.pk]) in html and "Preview on the careers site" in html
    draft.status = JobStatus.OPEN
    draft.save()
    html = client.get(reverse("jobs:detail", args=[draft.pk])).content.decode()
    assert reverse("careers:preview", args=[draft.pk]) not in html
    assert reverse("careers:job", args=[draft.pk]) in html
