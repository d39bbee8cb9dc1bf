"""The dated tables (O3 minimum wages, O6 BPJS rates): seeded by the migration, the row in force on a date,
the most specific region, and HR admins' edits in Settings audited."""

from datetime import date
from decimal import Decimal

import pytest

from rekrut.accounts.models import Role
from rekrut.events.models import AuditEvent
from rekrut.offers.models import BpjsRate, MinimumWage, WageRegion
from rekrut.offers.selectors import bpjs_rates_on, minimum_wage_on
from tests.accounts.factories import UserFactory
from tests.jobs.factories import LocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr_admin(client):
    """An HR admin who may open Settings (the Django admin)."""
    user = UserFactory(username="sari", role=Role.HR_ADMIN, is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("city", "region", "kind", "amount"),
    [
        ("Jakarta Selatan", "DKI Jakarta", False, 5_729_876),  # Jakarta has one UMP, no UMK
        ("Bekasi", "Kota Bekasi", True, 5_999_443),  # UMK over the UMP of Jawa Barat (Rp2.317.601)
        ("Bandung", "Kota Bandung", True, 4_737_678),
        ("Makassar", "Kota Makassar", True, 4_148_719),
        ("  makassar ", "Kota Makassar", True, 4_148_719),  # written loosely
    ],
)
def test_o3_a_work_location_finds_its_minimum_wage_in_2026(city, region, kind, amount) -> None:
    location = LocationFactory(name=f"Kantor {city}", city=city)
    found = minimum_wage_on(location=location, day=date(2026, 6, 1))
    assert found is not None
    assert (found.region, found.is_city, found.amount) == (region, kind, amount)


def test_o3_the_row_in_force_on_the_start_date_applies() -> None:
    location = LocationFactory(name="Kantor Makassar", city="Makassar")
    assert minimum_wage_on(location=location, day=date(2025, 12, 31)).amount == 3_880_136
    assert minimum_wage_on(location=location, day=date(2026, 1, 1)).amount == 4_148_719
    assert minimum_wage_on(location=location, day=date(2024, 12, 31)) is None


def test_o3_without_a_umk_in_force_the_provinces_ump_applies() -> None:
    makassar = WageRegion.objects.get(name="Kota Makassar")
    MinimumWage.objects.filter(region=makassar).delete()
    location = LocationFactory(name="Kantor Makassar", city="Makassar")
    found = minimum_wage_on(location=location, day=date(2026, 6, 1))
    assert (found.region, found.is_city, found.amount) == ("Sulawesi Selatan", False, 3_921_089)


def test_a_city_rekrut_does_not_know_has_no_minimum_wage() -> None:
    assert (
        minimum_wage_on(
            location=LocationFactory(name="Kantor Semarang", city="Semarang"), day=date(2026, 6, 1)
        )
        is None
    )


def test_o6_rates_in_force_on_a_date_with_the_yearly_jp_cap() -> None:
    rates = {rate.programme: rate for rate in bpjs_rates_on(day=date(2025, 2, 28))}
    assert rates["jp"].wage_cap == 10_042_300
    rates = {rate.programme: rate for rate in bpjs_rates_on(day=date(2027, 1, 4))}
    assert set(rates) == {"kesehatan", "jht", "jp", "jkk", "jkm"}
    assert rates["jp"].wage_cap == 10_547_400
    assert rates["kesehatan"].wage_cap == 12_000_000
    assert (rates["jht"].employer_percent, rates["jht"].employee_percent) == (
        Decimal("3.70"),
        Decimal("2.00"),
    )


def test_a_new_years_figure_added_in_settings_applies_from_its_date_and_is_audited(client, hr_admin) -> None:
    region = WageRegion.objects.get(name="Kota Bandung")
    response = client.post(
        "/admin/offers/minimumwage/add/",
        {"region": region.pk, "valid_from": "2027-01-01", "amount": "5000000", "source": "Kepgub Jabar 2027"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    location = LocationFactory(name="Kantor Bandung", city="Bandung")
    assert minimum_wage_on(location=location, day=date(2026, 12, 31)).amount == 4_737_678
    assert minimum_wage_on(location=location, day=date(2027, 1, 4)).amount == 5_000_000
    row = MinimumWage.objects.get(region=region, valid_from=date(2027, 1, 1))
    event = AuditEvent.objects.get(action="setting.created", subject_id=row.pk)
    assert event.actor_id == hr_admin.pk


def test_a_second_figure_for_the_same_date_is_refused_in_words(client, hr_admin) -> None:
    region = WageRegion.objects.get(name="Kota Bandung")
    response = client.post(
        "/admin/offers/minimumwage/add/",
        {"region": region.pk, "valid_from": "2026-01-01", "amount": "1", "source": ""},
        follow=True,
    )
    assert MinimumWage.objects.filter(region=region, valid_from=date(2026, 1, 1)).get().amount == 4_737_678
    html = response.content.decode()
    assert "minimum_wage_one_per_date" not in html
    assert "already exists" in html


def test_a_rate_change_in_settings_is_audited(client, hr_admin) -> None:
    rate = BpjsRate.objects.get(programme="jkk")
    response = client.post(
        f"/admin/offers/bpjsrate/{rate.pk}/change/",
        {
            "programme": "jkk",
            "valid_from": "2015-07-01",
            "employer_percent": "0.54",
            "employee_percent": "0",
            "wage_cap": "",
            "source": "PP 44/2015: risk class 2",
        },
    )
    assert response.status_code == 302
    rate.refresh_from_db()
    assert rate.employer_percent == Decimal("0.54")
    assert AuditEvent.objects.filter(action="setting.changed", subject_id=rate.pk).exists()


def test_only_hr_admins_change_the_tables(client) -> None:
    from django.contrib.auth.models import Permission

    rina = UserFactory(username="rina", role=Role.RECRUITER, is_staff=True)
    rina.user_permissions.set(Permission.objects.filter(codename__in=["view_minimumwage", "add_minimumwage"]))
    client.force_login(rina)
    region = WageRegion.objects.get(name="Kota Bandung")
    response = client.post(
        "/admin/offers/minimumwage/add/",
        {"region": region.pk, "valid_from": "2027-01-01", "amount": "1"},
        follow=True,
    )
    assert "Only an HR admin can change the company" in response.content.decode()
    assert not MinimumWage.objects.filter(valid_from=date(2027, 1, 1)).exists()
