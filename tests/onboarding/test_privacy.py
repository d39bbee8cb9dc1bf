"""Bank account, salary and the full NIK/NPWP are specific personal data (UU 27/2022 Ps 4, P2): masked for
everyone on the page, shown and exported only with `onboarding.view_financial_details`, every view,
download and export in the audit log; and the exported record's documented shape (JSON and CSV)."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.onboarding.models import Task
from rekrut.onboarding.records import CSV_COLUMNS, SCHEMA
from rekrut.onboarding.services import onboarding_link_send
from tests.core.images import png_bytes
from tests.onboarding.factories import (
    NIK,
    details_give,
    financial_access_give,
    offer_accepted_make,
    onboarding_make,
)
from tests.pipeline.factories import application_make
from tests.services.files import download_follow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def onboarding(personas, team_a_job):
    application = application_make(
        job=team_a_job, stage_kind=StageKind.CONTRACT, full_name="Putri Maharani", email="putri@example.com"
    )
    offer_accepted_make(application=application, actor=personas.recruiter)
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    details_give(onboarding)
    return onboarding


def _audits(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


@pytest.mark.parametrize(
    ("persona", "allowed"), [("recruiter", False), ("hr_admin", False), ("hiring_manager", False)]
)
def test_without_the_permission_numbers_are_masked_and_details_refused(
    client_for, personas, onboarding, persona, allowed
):
    client = client_for(getattr(personas, persona))
    page = client.get(reverse("onboarding:application", args=[onboarding.application_id])).content.decode()
    assert "3174********0001" in page and NIK not in page and "1234567890" not in page
    assert client.get(reverse("onboarding:financial", args=[onboarding.pk])).status_code == 403
    for fmt in ("json", "csv"):
        answer = client.get(reverse("onboarding:export", args=[onboarding.pk, fmt]))
        assert answer.status_code in (302, 403)
        assert NIK not in answer.content.decode()
    assert _audits("onboarding.financial_viewed") == _audits("onboarding.exported") == 0


def test_with_the_permission_every_view_and_export_is_logged(client_for, personas, onboarding):
    recruiter = financial_access_give(personas.recruiter)
    client = client_for(recruiter)
    page = client.get(reverse("onboarding:financial", args=[onboarding.pk])).content.decode()
    assert NIK in page and "1234567890" in page and "Rp6.000.000" in page
    client.get(reverse("onboarding:financial", args=[onboarding.pk]))
    assert _audits("onboarding.financial_viewed") == 2
    client.get(reverse("onboarding:export", args=[onboarding.pk, "json"]))
    client.get(reverse("onboarding:export", args=[onboarding.pk, "csv"]))
    exports = AuditEvent.objects.filter(action="onboarding.exported").order_by("pk")
    assert [e.changes["format"] for e in exports] == ["json", "csv"]
    assert {
        e.actor_id for e in AuditEvent.objects.filter(action__startswith="onboarding.") if e.actor_id
    } >= {recruiter.pk}
    # HR admins read that log on the access page.
    log = client_for(personas.hr_admin).get(reverse("accounts:specific_data")).content.decode()
    assert "Rina" in log and "record exported" in log


def test_a_permission_holder_off_the_team_sees_nothing(client_for, personas, onboarding):
    client = client_for(financial_access_give(personas.other_recruiter))
    assert client.get(reverse("onboarding:financial", args=[onboarding.pk])).status_code == 404
    assert client.get(reverse("onboarding:export", args=[onboarding.pk, "json"])).status_code == 404


def test_an_identity_scan_needs_the_permission_and_its_download_is_logged(
    client, client_for, personas, onboarding
):
    ktp = onboarding.tasks.get(document="ktp")
    issued = onboarding_link_send(actor=personas.recruiter, onboarding=onboarding)
    path = "/" + (issued.url or "").split("/", 3)[3]
    client.post(path, {f"file_{ktp.pk}": SimpleUploadedFile("ktp.png", png_bytes(8, 8))})
    assert Task.objects.get(pk=ktp.pk).is_done
    url = reverse("onboarding:document", args=[ktp.pk])
    assert client_for(personas.recruiter).get(url).status_code == 403
    answer = download_follow(client_for(financial_access_give(personas.recruiter)).get(url))
    assert answer.status == 200 and answer.content_type == "image/png"
    name = f"ktp-{onboarding.application_id}.png"
    assert answer.disposition == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    assert answer.content == png_bytes(8, 8)
    assert _audits("onboarding.document_downloaded") == 1


def test_the_json_record_has_the_documented_shape(client_for, personas, onboarding):
    client = client_for(financial_access_give(personas.recruiter))
    record = json.loads(client.get(reverse("onboarding:export", args=[onboarding.pk, "json"])).content)
    shape = {
        "schema": str,
        "employee_ref": str,
        "employee": {
            "full_name": str,
            "nik": str,
            "npwp": str,
            "birth_date": str,
            "sex": str,
            "address": str,
            "phone": str,
            "email": str,
        },
        "employment": {
            "position": str,
            "department": str,
            "location": str,
            "start_date": str,
            "status": str,
            "end_date": str,
            "probation_months": int,
        },
        "pay": {"currency": str, "base_salary": int, "allowances": list},
        "bpjs": {"kesehatan": str, "ketenagakerjaan": str},
        "bank": {"code": str, "name": str, "account_number": str, "account_holder": str},
        "handed_off_at": type(None),
    }

    def check(value: object, expected: object, where: str) -> None:
        if isinstance(expected, dict):
            assert isinstance(value, dict) and set(value) == set(expected), where
            for key, inner in expected.items():
                check(value[key], inner, f"{where}.{key}")
        else:
            assert isinstance(value, expected), f"{where}: {value!r}"  # type: ignore[arg-type]

    check(record, shape, "record")
    assert record["schema"] == SCHEMA
    assert record["employee"]["nik"] == NIK and record["employee"]["birth_date"] == "1990-08-17"
    assert record["employment"]["status"] == "PKWT"
    assert record["pay"]["allowances"] == [
        {"name": "Tunjangan transport", "kind": "fixed", "amount": 500_000},
        {"name": "Uang makan", "kind": "variable", "amount": 300_000},
    ]
    assert record["bank"] == {
        "code": "014",
        "name": "BCA (Bank Central Asia)",
        "account_number": "1234567890",
        "account_holder": "Putri Maharani",
    }


def test_the_csv_record_has_the_documented_header(client_for, personas, onboarding):
    client = client_for(financial_access_give(personas.recruiter))
    answer = client.get(reverse("onboarding:export", args=[onboarding.pk, "csv"]))
    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == list(CSV_COLUMNS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["nik"] == NIK and row["base_salary"] == "6000000" and row["fixed_allowances"] == "500000"
    assert row["employment_status"] == "PKWT" and row["bank_account_number"] == "1234567890"


def test_granting_the_permission_is_an_hr_admins_and_logged(client_for, personas):
    url = reverse("accounts:specific_data")
    grant = {"kind": "financial", "person": personas.recruiter.pk, "grant": "on"}
    assert client_for(personas.recruiter).post(url, grant).status_code == 403
    client_for(personas.hr_admin).post(url, grant)
    assert personas.recruiter.user_permissions.filter(codename="view_financial_details").exists()
    assert _audits("onboarding.access_granted") == 1
