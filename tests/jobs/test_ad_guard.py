"""A job whose ad still carries discriminatory wording (SE Menaker M/6/HK.04/V/2025) is not opened until HR
rewords it or acknowledges each warning with a reason (recorded, audited)."""

import pytest
from django.urls import reverse

from rekrut.events.models import AuditEvent
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.models import AdAcknowledgement, Job, JobStatus
from rekrut.jobs.services import AdNeedsReview, job_update
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db

BIASED = "Wanita, usia maksimal 25 tahun, berpenampilan menarik"


def test_an_ad_with_discriminatory_wording_cannot_be_opened(personas):
    with pytest.raises(AdNeedsReview) as refused:
        job_make(hr_owner=personas.recruiter, requirements=BIASED)
    assert {w.code for w in refused.value.warnings} == {"sex", "age", "looks"}
    assert not Job.objects.exists()


def test_a_draft_may_keep_the_wording_while_hr_works_on_it(personas):
    job = job_make(hr_owner=personas.recruiter, requirements=BIASED, status=JobStatus.DRAFT)
    with pytest.raises(AdNeedsReview):
        job_update(actor=personas.recruiter, job=job, loaded_at=None, status=JobStatus.OPEN)
    job.refresh_from_db()
    assert job.status == JobStatus.DRAFT and job.published_at is None


def test_rewording_the_ad_lets_it_open(personas):
    job = job_make(hr_owner=personas.recruiter, requirements=BIASED, status=JobStatus.DRAFT)
    job_update(
        actor=personas.recruiter,
        job=job,
        loaded_at=None,
        status=JobStatus.OPEN,
        requirements="Pengalaman 1 tahun di layanan pelanggan",
    )
    job.refresh_from_db()
    assert job.status == JobStatus.OPEN and job.published_at is not None


def test_each_warning_must_be_acknowledged_with_a_reason(personas):
    job = job_make(hr_owner=personas.recruiter, requirements="Usia maksimal 45 tahun", status=JobStatus.DRAFT)
    [warning] = ad_warnings(job.requirements)
    with pytest.raises(AdNeedsReview):
        job_update(
            actor=personas.recruiter,
            job=job,
            loaded_at=None,
            status=JobStatus.OPEN,
            acknowledgements={warning.key: "  "},
        )
    assert not AdAcknowledgement.objects.exists()
    reason = "Pekerjaan di ketinggian: batas usia dari aturan K3 klien"
    job_update(
        actor=personas.recruiter,
        job=job,
        loaded_at=None,
        status=JobStatus.OPEN,
        acknowledgements={warning.key: reason},
    )
    job.refresh_from_db()
    assert job.status == JobStatus.OPEN
    ack = AdAcknowledgement.objects.get()
    assert (ack.job, ack.phrase, ack.reason, ack.acknowledged_by) == (
        job,
        "Usia maksimal",
        reason,
        personas.recruiter,
    )
    event = AuditEvent.objects.get(action="job.ad_warning_acknowledged")
    assert event.changes["reason"] == reason and event.actor == personas.recruiter
    # Once acknowledged, later edits of other fields need no new reason; a new phrase does.
    job_update(actor=personas.recruiter, job=job, loaded_at=None, headcount=3)
    with pytest.raises(AdNeedsReview):
        job_update(actor=personas.recruiter, job=job, loaded_at=None, description="Berpenampilan menarik")


def test_the_job_form_asks_for_a_reason_per_warning_and_saves_nothing_without(client_for, personas):
    job = job_make(hr_owner=personas.recruiter, status=JobStatus.DRAFT)
    client = client_for(personas.recruiter)
    data = {
        "title": job.title,
        "department": job.department_id,
        "level": job.level,
        "job_family": job.job_family,
        "employment_type": job.employment_type,
        "location": job.location_id,
        "work_mode": job.work_mode,
        "headcount": 1,
        "description": "",
        "requirements": "Belum menikah",
        "status": JobStatus.OPEN,
        "hr_owner": personas.recruiter.pk,
    }
    response = client.post(reverse("jobs:edit", args=[job.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "acknowledge each warning" in page and "Why the ad keeps “Belum menikah”" in page
    job.refresh_from_db()
    assert job.status == JobStatus.DRAFT and job.requirements == ""
    field = next(name for name in response.context["form"].fields if name.startswith("ack_"))
    response = client.post(
        reverse("jobs:edit", args=[job.pk]), {**data, field: "Asrama lajang di lokasi tambang"}
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.OPEN
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "Asrama lajang di lokasi tambang" in page
