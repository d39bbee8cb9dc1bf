"""The MCU page: times typed in the job location's zone and stored in UTC, bad input told beside the form
with nothing saved, and the candidate page's way in."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from rekrut.jobs.models import Location
from rekrut.medical.models import HealthDetails, MedicalCheck
from tests.candidates.filebuilders import docx_bytes
from tests.medical.factories import PackageFactory, ProviderFactory, health_access_give


def _plan_data(when: str) -> dict:
    return {"provider": ProviderFactory().pk, "package": PackageFactory().pk, "scheduled_at": when}


def test_the_appointment_is_typed_in_the_job_locations_zone(at_medical, personas, client):
    Location.objects.filter(pk=at_medical.job.location_id).update(time_zone="Asia/Makassar")
    year = timezone.now().year + 1
    client.force_login(personas.recruiter)
    response = client.post(
        reverse("medical:application", args=[at_medical.pk]), _plan_data(f"{year}-03-02T09:00")
    )
    assert response.status_code == 302
    check = MedicalCheck.objects.get(application=at_medical)
    assert check.scheduled_at == datetime(year, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 WITA = 01:00 UTC
    page = client.get(reverse("medical:application", args=[at_medical.pk])).content.decode()
    assert f"2 March {year}, 09:00 WITA" in page


def test_a_past_appointment_is_refused_on_the_form(at_medical, personas, client):
    client.force_login(personas.recruiter)
    past = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("medical:application", args=[at_medical.pk]), _plan_data(past))
    assert response.status_code == 200
    assert "cannot be in the past" in response.content.decode()
    assert not MedicalCheck.objects.exists()


def test_a_mangled_date_is_told(at_medical, personas, client):
    client.force_login(personas.recruiter)
    response = client.post(reverse("medical:application", args=[at_medical.pk]), _plan_data("9999-99-99"))
    assert response.status_code == 200 and not MedicalCheck.objects.exists()


def test_a_word_file_as_report_is_refused_with_a_message(planned, personas, client):
    client.force_login(health_access_give(personas.recruiter))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("medical:result", args=[planned.pk]),
        {"version": 1, "conclusion": "fit", "report": SimpleUploadedFile("hasil.pdf", docx_bytes(["x"]))},
        follow=True,
    )
    assert "Upload the report as a PDF or as a photo or scan (JPEG or PNG)." in response.content.decode()
    planned.refresh_from_db()
    assert planned.conclusion == "" and not HealthDetails.objects.exists()


def test_without_the_permission_the_result_form_has_no_note_or_report(planned, personas, client):
    client.force_login(personas.recruiter)
    html = client.get(reverse("medical:application", args=[planned.pk and planned.application_id])).content
    assert b'name="conclusion"' in html and b'name="note"' not in html and b'name="report"' not in html


def test_a_stale_result_form_is_told(planned, personas, client):
    client.force_login(personas.recruiter)
    url = reverse("medical:result", args=[planned.pk])
    client.post(url, {"version": 1, "conclusion": "fit"})
    response = client.post(url, {"version": 1, "conclusion": "unfit"}, follow=True)
    assert "Someone else changed this medical check-up meanwhile" in response.content.decode()
    planned.refresh_from_db()
    assert planned.conclusion == "fit"


def test_the_candidate_page_leads_to_the_mcu(at_medical, personas, client):
    client.force_login(personas.hiring_manager)
    html = client.get(reverse("desk:candidate", args=[at_medical.candidate_id])).content.decode()
    assert reverse("medical:application", args=[at_medical.pk]) in html


def test_the_mcu_page_reads_in_bounded_queries(planned, personas, client, django_assert_max_num_queries):
    client.force_login(personas.hr_admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("medical:application", args=[planned.application_id])).status_code == 200
