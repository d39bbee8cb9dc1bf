"""The public careers site: the list with search and filters, the job page, closed jobs, the sitemap,
branding, the Indonesian default and the English switch."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from rekrut.careers.models import Branding
from rekrut.jobs.models import EmploymentType, JobStatus, WorkMode
from tests.jobs.factories import DepartmentFactory, LocationFactory, job_make

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [job.title for job in response.context["jobs"]]


def test_only_open_jobs_are_listed(client, personas):
    job_make(hr_owner=personas.recruiter, title="Kasir")
    job_make(hr_owner=personas.recruiter, title="Draf", status=JobStatus.DRAFT)
    job_make(hr_owner=personas.recruiter, title="Tertunda", status=JobStatus.ON_HOLD)
    job_make(
        hr_owner=personas.recruiter, title="Lewat", valid_through=timezone.localdate() - timedelta(days=1)
    )
    closed = job_make(hr_owner=personas.recruiter, title="Ditutup")
    closed.status = JobStatus.CLOSED
    closed.save()
    assert _titles(client.get(reverse("careers:jobs"))) == ["Kasir"]


def test_search_and_every_filter_narrow_the_list(client, personas):
    finance = DepartmentFactory(name="Keuangan")
    surabaya = LocationFactory(name="Cabang Surabaya", city="Surabaya")
    job_make(hr_owner=personas.recruiter, title="Staf Pajak", department=finance, location=surabaya)
    job_make(
        hr_owner=personas.recruiter,
        title="Content Writer",
        work_mode=WorkMode.REMOTE,
        employment_type=EmploymentType.FREELANCE,
    )
    job_make(hr_owner=personas.recruiter, title="Magang Data", employment_type=EmploymentType.INTERNSHIP)
    url = reverse("careers:jobs")
    assert _titles(client.get(url, {"q": "pajak"})) == ["Staf Pajak"]
    assert _titles(client.get(url, {"q": "surabaya"})) == ["Staf Pajak"]
    assert _titles(client.get(url, {"department": finance.pk})) == ["Staf Pajak"]
    assert _titles(client.get(url, {"location": surabaya.pk})) == ["Staf Pajak"]
    assert _titles(client.get(url, {"work_mode": "remote"})) == ["Content Writer"]
    assert _titles(client.get(url, {"employment_type": "internship"})) == ["Magang Data"]
    # A filter value from an old link is ignored, never an error page.
    assert len(_titles(client.get(url, {"department": "999999", "work_mode": "space"}))) == 3


def test_the_list_page_stays_within_its_queries(client, personas, django_assert_max_num_queries):
    for number in range(15):
        job_make(hr_owner=personas.recruiter, title=f"Posisi {number}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("careers:jobs"))
    assert response.status_code == 200


def test_the_job_page_shows_the_ad_and_the_salary_only_when_allowed(client, personas):
    job = job_make(
        hr_owner=personas.recruiter,
        description="Melayani pelanggan <b>ramah</b>",
        requirements="Pengalaman 1 tahun",
        salary_min=5_000_000,
        salary_max=7_000_000,
    )
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    assert "Melayani pelanggan &lt;b&gt;ramah&lt;/b&gt;" in page
    assert "Pengalaman 1 tahun" in page
    assert "5.000.000" not in page
    job.show_salary = True
    job.save()
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    assert 'id="salary"' in page and "Rp5.000.000" in page


def test_a_closed_job_answers_410_and_a_draft_404(client, personas):
    job = job_make(hr_owner=personas.recruiter)
    job.status = JobStatus.CLOSED
    job.save()
    response = client.get(reverse("careers:job", args=[job.pk]))
    assert response.status_code == 410
    assert "This job is closed" in response.content.decode()
    assert client.get(reverse("careers:apply", args=[job.pk])).status_code == 410
    draft = job_make(hr_owner=personas.recruiter, status=JobStatus.DRAFT)
    assert client.get(reverse("careers:job", args=[draft.pk])).status_code == 404
    assert client.get(reverse("careers:job", args=[999999])).status_code == 404


def test_a_job_past_its_closing_day_is_gone(client, personas):
    job = job_make(hr_owner=personas.recruiter, valid_through=date(2020, 1, 1))
    assert client.get(reverse("careers:job", args=[job.pk])).status_code == 410


def test_the_sitemap_lists_the_open_job_pages_only(client, personas, settings):
    settings.SITE_URL = "https://karir.example.co.id"
    open_job = job_make(hr_owner=personas.recruiter)
    closed = job_make(hr_owner=personas.recruiter, title="Tutup")
    closed.status = JobStatus.CLOSED
    closed.save()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    assert f"<loc>https://karir.example.co.id/careers/{open_job.pk}/</loc>" in body
    assert f"/careers/{closed.pk}/" not in body
    assert "<loc>https://karir.example.co.id/careers/</loc>" in body


def test_branding_shows_name_about_text_logo_and_colours(client, personas):
    Branding.objects.create(
        pk=1,
        name="PT Sinar Jaya",
        about_id="Kami membuat roti.",
        about_en="We bake bread.",
        primary_colour="#aa0011",
    )
    page = client.get(reverse("careers:jobs")).content.decode()
    assert "PT Sinar Jaya" in page and "We bake bread." in page
    assert 'href="/careers/brand.css"' in page
    css = client.get(reverse("careers:brand_css")).content.decode()
    assert "--brand-primary:#aa0011" in css
    assert client.get(reverse("careers:logo")).status_code == 404  # no logo yet


def test_indonesian_is_the_default_and_english_a_switch_away(client, personas, settings):
    settings.LANGUAGE_CODE = "id"
    job_make(hr_owner=personas.recruiter, employment_type=EmploymentType.PKWTT)
    with translation.override(None):
        page = client.get(reverse("careers:jobs"), HTTP_ACCEPT_LANGUAGE="").content.decode()
    assert '<html lang="id">' in page and "Karyawan tetap (PKWTT)" in page
    # The switch is a plain form (a button per language): it works without JavaScript.
    assert 'name="language" value="en"' in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("careers:jobs")})
    page = client.get(reverse("careers:jobs")).content.decode()
    assert '<html lang="en">' in page and "Permanent (PKWTT)" in page
