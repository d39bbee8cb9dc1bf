"""Reports in a browser: open the dashboard, filter by department, download the table as XLSX, and the
file holds the numbers the page shows."""

from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import personas_make
from tests.reports.conftest import Q3, company_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_dashboard_filtered_by_department_exports_the_same_numbers(page: Any, sign_in: Any, tmp_path) -> None:
    company = company_build(personas_make())
    sign_in(company.personas.hr_admin)
    query = "&".join(f"{key}={value}" for key, value in Q3.items())
    page.goto(f"{reverse('reports:dashboard')}?{query}")
    page.locator("select[name=department]").select_option(label="Layanan")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"**department={company.job_a.department_id}**")
    table = page.locator("table[data-table='funnel']")
    shown = [
        [cell.strip() for cell in row.locator("th, td").all_text_contents()]
        for row in table.locator("tbody tr").all()
    ]
    assert shown[0][:3] == ["Applied", "3", "100%"]  # job B's application is not in the Layanan department
    with page.expect_download() as download_info:
        page.locator("#table-funnel").get_by_role("link", name="XLSX").click()
    path = tmp_path / "funnel.xlsx"
    download_info.value.save_as(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "Stage"
    exported = [[str(row[0]), row[1], row[2]] for row in rows[1:]]
    assert [[label, int(n), pct] for label, n, pct, *_ in shown] == [
        [label, n, f"{pct:g}%"] for label, n, pct in exported
    ]
