"""The new employee's page behind the signed link: numbers checked with clear messages (L5, L6), files
told from their content and bounded in size and unpacked size, an expired or tampered link refused, and
nothing half-saved."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.onboarding.models import DocumentFile, EmployeeDetails, FinancialDetails, Task
from rekrut.onboarding.services import onboarding_link_send
from tests.candidates.filebuilders import pdf_bytes
from tests.core.images import jpeg_header_bytes, png_bytes
from tests.onboarding.factories import NIK, NIK_WOMAN, onboarding_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def onboarding(personas, team_a_job):
    application = application_make(
        job=team_a_job,
        stage_kind=StageKind.CONTRACT,
        full_name="Putri Maharani",
        email="putri@example.com",
        language="en",
    )
    return onboarding_make(application=application, actor=personas.recruiter)


@pytest.fixture
def url(personas, onboarding):
    issued = onboarding_link_send(actor=personas.recruiter, onboarding=onboarding)
    return issued.url.split("testserver", 1)[-1] if issued.url else ""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_page_opens_in_the_candidates_language(client, onboarding, url):
    candidate = onboarding.application.candidate
    candidate.language = "id"
    candidate.save(update_fields=["language"])
    page = client.get(_path(url))
    assert page.status_code == 200
    assert '<html lang="id">' in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"


def test_numbers_and_bank_are_saved_and_items_ticked(client, onboarding, url):
    answer = client.post(
        _path(url),
        {
            "nik": NIK_WOMAN,
            "npwp": "01.312.166.0-091.000",
            "bank": "014",
            "account_number": "123 456 7890",
            "account_holder": "Putri  Maharani",
            "bpjs_kesehatan": "0001234567890",
        },
    )
    assert answer.status_code == 302
    employee = EmployeeDetails.objects.get(onboarding=onboarding)
    assert (employee.nik, employee.npwp, employee.sex) == (NIK_WOMAN, "0013121660091000", "female")
    assert employee.birth_date.isoformat() == "1990-08-17"  # from the NIK (L5)
    bank = FinancialDetails.objects.get(onboarding=onboarding)
    assert (bank.bank, bank.account_number, bank.account_holder) == ("014", "1234567890", "Putri Maharani")
    done = set(onboarding.tasks.filter(done_at__isnull=False).values_list("document", flat=True))
    assert {"npwp", "bank", "bpjs_kesehatan"} <= done
    assert "ktp" not in done  # the KTP scan is still missing
    given = AuditEvent.objects.get(action="onboarding.details_given")
    assert NIK_WOMAN not in str(given.changes) and "1234567890" not in str(given.changes)
    # What was given shows masked, even to whoever holds the link.
    page = client.get(_path(url)).content.decode()
    assert "3174********0002" in page and NIK_WOMAN not in page and "1234567890" not in page


def test_a_nik_whose_birth_date_differs_is_saved_with_a_warning(client, onboarding, url):
    answer = client.post(_path(url), {"nik": NIK, "birth_date": "1991-01-01"}, follow=True)
    assert "differs from the one in your NIK" in answer.content.decode()
    assert EmployeeDetails.objects.get(onboarding=onboarding).birth_date.isoformat() == "1991-01-01"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nik": "317401170890001"}, "A NIK has 16 digits; this one has 15."),
        ({"nik": "3174013208900001"}, "Digits 7 to 12 of a NIK are the birth date"),
        ({"nik": "9974011708900001"}, "9974 is not one"),
        ({"npwp": "013121661091000"}, "check digit does not match"),
        (
            {"bank": "014", "account_number": "12345", "account_holder": "Putri"},
            "has 10 digits; this one has 5",
        ),
        (
            {"bank": "014", "account_number": "1234567890"},
            "give the bank, the account number and the account",
        ),
        ({"bpjs_ketenagakerjaan": "123"}, "11 digits"),
        ({}, "Fill in at least one thing"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, onboarding, url, data, message):
    # A good NIK beside the bad value: the whole submission is refused, the NIK too.
    answer = client.post(_path(url), {"nik": NIK, **data} if "nik" not in data and data else data)
    assert answer.status_code == 200
    assert message in answer.content.decode().replace("&#x27;", "'")
    assert not EmployeeDetails.objects.exists() and not FinancialDetails.objects.exists()


def _ktp(onboarding) -> Task:
    return onboarding.tasks.get(document="ktp")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 not a document", "ktp.pdf", "Upload the document as a PDF, or as a photo or scan"),
        (b"<html><script>alert(1)</script></html>", "ktp.jpg", "Upload the document as a PDF"),
        (b"", "ktp.png", "empty"),
        (png_bytes(20_000, 20_000), "ktp.png", "unpacks to far more than a document needs"),
        (jpeg_header_bytes(30_000, 30_000), "ktp.jpg", "unpacks to far more than a document needs"),
    ],
)
def test_a_wrong_or_hostile_file_is_refused(client, onboarding, url, content, name, message):
    ktp = _ktp(onboarding)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    answer = client.post(_path(url), {"nik": NIK, f"file_{ktp.pk}": upload})
    assert answer.status_code == 200
    assert message in answer.content.decode()
    assert not DocumentFile.objects.exists() and not EmployeeDetails.objects.exists()


def test_a_file_over_10_mb_is_refused(client, onboarding, url):
    ktp = _ktp(onboarding)
    big = SimpleUploadedFile(
        "ktp.pdf", pdf_bytes("KTP") + b"0" * MAX_UPLOAD_BYTES, content_type="application/pdf"
    )
    answer = client.post(_path(url), {f"file_{ktp.pk}": big})
    assert "larger than 10 MB" in answer.content.decode()
    assert not DocumentFile.objects.exists()


def test_a_scan_with_the_nik_ticks_the_ktp_item(client, onboarding, url):
    ktp = _ktp(onboarding)
    upload = SimpleUploadedFile("foto ktp saya.png", png_bytes(40, 30), content_type="image/png")
    answer = client.post(_path(url), {"nik": NIK, f"file_{ktp.pk}": upload})
    assert answer.status_code == 302
    stored = DocumentFile.objects.get(task=ktp)
    assert stored.file_kind == "png" and "saya" not in stored.file.name
    assert Task.objects.get(pk=ktp.pk).done_by_candidate


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_link_is_refused(client, url, method):
    tampered = _path(url)[:-3] + "AAA/"
    answer = getattr(client, method)(tampered, {"nik": NIK})
    assert answer.status_code == 404
    assert "not valid" in answer.content.decode()
    assert not EmployeeDetails.objects.exists()


def test_an_expired_link_is_refused(client, onboarding, url):
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        answer = client.post(_path(url), {"nik": NIK})
    assert answer.status_code == 410
    assert "expired" in answer.content.decode()
    assert not EmployeeDetails.objects.exists()


def test_a_new_link_withdraws_the_old_one(client, personas, onboarding, url):
    onboarding_link_send(actor=personas.recruiter, onboarding=onboarding)
    assert client.get(_path(url)).status_code == 410


def test_the_staff_page_shows_the_link_once(client_for, personas, onboarding):
    answer = client_for(personas.recruiter).post(
        reverse("onboarding:send_link", args=[onboarding.pk]), follow=True
    )
    assert "/onboarding/documents/" in answer.content.decode()
