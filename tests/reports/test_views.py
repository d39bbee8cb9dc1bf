"""The report pages as people use them: access, filters in the URL, exports, the PDF, the settings."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rekrut.events.models import AuditEvent
from rekrut.reports.models import ReportSettings, SpeedTarget
from rekrut.reports.registry import REPORTS
from tests.reports.conftest import Q3

pytestmark = pytest.mark.django_db


def test_every_report_page_answers(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    response = client.get(reverse("reports:dashboard"), Q3)
    assert response.status_code == 200
    assert b"<svg" in response.content and b"<table" in response.content
    assert b"records no protected characteristics" in response.content
    for key in REPORTS:
        response = client.get(reverse("reports:report", args=[key]), Q3)
        assert response.status_code == 200, key
        assert b" style=" not in response.content  # the CSP forbids inline style attributes


def test_an_interviewer_sees_no_reports(company, today, client_for):
    client = client_for(company.personas.interviewer)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 403
    assert b"Reports are for HR, hiring managers and directors" in response.content
    assert client.get(reverse("reports:export", args=["funnel", "funnel", "csv"])).status_code == 403
    assert client.get(reverse("reports:job_summary", args=[company.job_a.pk])).status_code == 403


def test_the_menu_shows_reports_to_those_who_may_see_them(company, today, client_for):
    page = client_for(company.personas.hiring_manager).get(reverse("desk:my_work")).content.decode()
    assert reverse("reports:dashboard") in page


def test_a_hiring_manager_cannot_pick_another_teams_job(company, today, client_for):
    client = client_for(company.personas.hiring_manager)
    response = client.get(reverse("reports:report", args=["funnel"]), {**Q3, "job": company.job_b.pk})
    assert response.status_code == 200
    text = response.content.decode()
    assert "This filter was left out" in text
    assert "Staf Keuangan" not in text
    assert client.get(reverse("reports:job_summary", args=[company.job_b.pk])).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"period": "custom", "start": "2026-09-30", "end": "2026-07-01"},
        {"period": "custom", "start": "not a date"},
        {"period": "someday"},
        {"job": "abc"},
        {"department": "999999"},
        {"level": "emperor"},
        {"period": "custom", "start": "1900-01-01", "end": "2026-01-01"},
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(company, today, client_for, query):
    response = client_for(company.personas.hr_admin).get(reverse("reports:report", args=["funnel"]), query)
    assert response.status_code == 200
    assert "This filter was left out" in response.content.decode()


def test_an_empty_period_says_no_data(company, today, client_for):
    response = client_for(company.personas.hr_admin).get(
        reverse("reports:report", args=["offers"]),
        {"period": "custom", "start": "2025-01-01", "end": "2025-01-02"},
    )
    assert response.status_code == 200
    assert "No data for this period and these filters." in response.content.decode()


def test_the_period_presets(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    for preset, words in (
        ("this_month", "October 2026"),
        ("last_month", "September 2026"),
        ("this_quarter", "Q4 2026"),
        ("this_year", "2026"),
        ("last_90_days", "the last 90 days"),
    ):
        page = client.get(reverse("reports:dashboard"), {"period": preset}).content.decode()
        assert f"Period: {words}" in page, preset


def test_exports_hold_the_same_figures(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    url = reverse("reports:export", args=["sources", "sources", "xlsx"])
    response = client.get(url, Q3)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:2] == ["Source", "Applications"]
    assert ["Employee referral", 1, 1, 1, 1, 100, 100, 100] in rows
    response = client.get(reverse("reports:export", args=["sources", "sources", "csv"]), Q3)
    parsed = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Employee referral", "1", "1", "1", "1", "100.0", "100.0", "100.0"] in parsed


def test_exports_neutralise_formulas(company, today, client_for):
    from rekrut.offers.models import OfferAnswer

    answer = OfferAnswer.objects.get(offer__application=company.apps["a1"])
    OfferAnswer.objects.filter(pk=answer.pk)._raw_delete(OfferAnswer.objects.db)
    import time_machine

    from tests.reports.conftest import at

    with time_machine.travel(at(7, 11), tick=False):
        OfferAnswer.objects.create(
            offer=answer.offer, kind="declined", text="=cmd|' /C calc'!A0", terms_hash="x" * 64
        )
    client = client_for(company.personas.hr_admin)
    response = client.get(reverse("reports:export", args=["offers", "declines", "csv"]), Q3)
    assert "'=cmd|' /C calc'!A0" in response.content.decode("utf-8-sig")
    response = client.get(reverse("reports:export", args=["offers", "declines", "xlsx"]), Q3)
    cell = load_workbook(io.BytesIO(response.content)).active["C2"]
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s" and cell.quotePrefix


def test_an_unknown_report_or_table_is_not_found(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    assert client.get(reverse("reports:report", args=["nope"])).status_code == 404
    assert client.get(reverse("reports:export", args=["funnel", "nope", "csv"])).status_code == 404
    assert client.get(reverse("reports:export", args=["funnel", "funnel", "pdf"])).status_code == 404


def test_the_job_summary_pdf_renders(company, today, client_for):
    response = client_for(company.personas.director).get(
        reverse("reports:job_summary", args=[company.job_a.pk]), {**Q3, "lang": "id"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_hr_admins_set_targets_and_the_stalled_days(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    assert client.get(reverse("reports:settings")).status_code == 200
    data = {
        "stalled_after_days": "21",
        "calibration_min_applications": "4",
        "hire_staff": "30",
        "fill_staff": "45",
    }
    response = client.post(reverse("reports:settings"), data)
    assert response.status_code == 302
    assert ReportSettings.objects.get().stalled_after_days == 21
    target = SpeedTarget.objects.get(level="staff")
    assert (target.days_to_hire, target.days_to_fill) == (30, 45)
    assert AuditEvent.objects.filter(action="reports.settings_updated").count() == 1


def test_bad_settings_change_nothing(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    response = client.post(
        reverse("reports:settings"),
        {"stalled_after_days": "0", "calibration_min_applications": "x", "hire_staff": "-3"},
    )
    assert response.status_code == 200
    assert not ReportSettings.objects.exists() and not SpeedTarget.objects.exists()
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()


def test_only_hr_admins_change_the_settings(company, today, client_for):
    client = client_for(company.personas.recruiter)
    assert client.get(reverse("reports:settings")).status_code == 403
    assert client.post(reverse("reports:settings"), {"stalled_after_days": "3"}).status_code == 403
    assert not ReportSettings.objects.exists()
