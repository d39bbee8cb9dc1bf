"""The medical check-up in a real browser: HR (allowed to see health data) plans the MCU, records the
result with the doctor's note and the report; the hiring manager, without the permission, sees only the
conclusion. The candidate opens the invitation at phone size."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.medical.models import HealthDetails, MedicalCheck
from rekrut.medical.services import medical_invite
from tests.candidates.filebuilders import pdf_bytes
from tests.medical.factories import PackageFactory, ProviderFactory, health_access_give
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NOTE = "Tekanan darah sedikit tinggi; kontrol 3 bulan."


@pytest.fixture
def at_medical(personas, team_a_job, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    ProviderFactory()
    PackageFactory()
    return application_make(
        job=team_a_job, stage_kind=StageKind.MEDICAL, full_name="Putri Maharani", email="putri@example.com"
    )


def test_hr_records_a_result_and_the_hiring_manager_sees_only_the_conclusion(
    page, sign_in, personas, at_medical, tmp_path
):
    recruiter = health_access_give(personas.recruiter)
    url = reverse("medical:application", args=[at_medical.pk])
    sign_in(recruiter).goto(url)

    when = timezone.localtime(timezone.now() + timedelta(days=3)).replace(hour=8, minute=0)
    page.get_by_label("Clinic or hospital").select_option(label="Klinik Sehat Sentosa (Jakarta Selatan)")
    page.get_by_label("Package").first.select_option(label="Paket Pra-kerja Uji")
    page.get_by_label("Appointment").first.fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Plan", exact=True).click()
    expect(page.locator(".medical-current")).to_contain_text("WIB")
    check = MedicalCheck.objects.get(application=at_medical)

    report = tmp_path / "hasil-mcu.pdf"
    report.write_bytes(pdf_bytes("Hasil pemeriksaan"))
    page.get_by_label("Fit with notes").check()
    page.get_by_label("Doctor's note (health data)").fill(NOTE)
    page.get_by_label("Report (PDF, JPEG or PNG, at most 10 MB)").set_input_files(str(report))
    page.get_by_role("button", name="Save the result").click()
    expect(page.locator(".medical-current [data-conclusion]")).to_have_text("Fit with notes")
    assert HealthDetails.objects.get(check_up=check).note == NOTE

    page.get_by_role("button", name="Open the doctor's note and report").click()
    expect(page.locator(".health-note")).to_contain_text("kontrol 3 bulan")
    assert AuditEvent.objects.filter(action="medical.details_viewed", actor=recruiter).count() == 1

    # The hiring manager: the conclusion, no note, no way to the details.
    sign_in(personas.hiring_manager).goto(url)
    expect(page.locator(".medical-current [data-conclusion]")).to_have_text("Fit with notes")
    expect(page.get_by_text(NOTE)).to_have_count(0)
    expect(page.get_by_role("button", name="Open the doctor's note and report")).to_have_count(0)
    response = page.goto(reverse("medical:details", args=[check.pk]))
    assert response is not None and response.status == 403


def test_the_candidate_reads_the_invitation_on_a_phone(browser, live_server, personas, at_medical):
    from tests.medical.factories import medical_check_make

    check = medical_check_make(application=at_medical, actor=personas.recruiter)
    issued = medical_invite(actor=personas.recruiter, check=check, expected_version=check.version)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True, locale="id-ID"
    )
    phone = context.new_page()
    phone.goto(re.sub(r"^https?://[^/]+", "", issued.url))
    expect(phone.get_by_role("heading", name="Medical check-up")).to_be_visible()  # the candidate's language
    expect(phone.locator(".when")).to_contain_text("WIB")
    expect(phone.get_by_text("Klinik Sehat Sentosa")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
    context.close()
