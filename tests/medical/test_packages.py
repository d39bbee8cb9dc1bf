"""D5 (Kepmenakertrans 68/2004 Ps 5): an HIV test is never a recruitment requirement, so the package
editor refuses it however it is written, and names the rule. Providers and packages are HR admins'."""

import pytest

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.medical.models import Package
from rekrut.medical.rules import mentions_hiv_test
from rekrut.medical.services import package_save

HIV_TESTS = [
    "HIV",
    "Tes HIV",
    "tes hiv",
    "Anti-HIV",
    "anti HIV 1/2",
    "AntiHIV",
    "H.I.V.",
    "H I V",
    "Rapid test HIV/AIDS",
    "HIV1",
    "ＨＩＶ",  # full-width letters
    "H\u200bIV",  # a zero-width space inside
    "VCT",
    "Konseling dan tes (VCT)",
    "PITC",
    "Virus imunodefisiensi manusia",
    "Human immunodeficiency virus",
]
NOT_HIV = ["Darah lengkap", "Rontgen thorax (archive)", "HbA1c", "Hepatitis B (HBsAg)", "Tes buta warna"]


@pytest.mark.parametrize("item", HIV_TESTS)
def test_d5_an_hiv_test_is_recognised_however_it_is_written(item):
    assert mentions_hiv_test(item)


@pytest.mark.parametrize("item", NOT_HIV)
def test_d5_ordinary_items_are_not_taken_for_an_hiv_test(item):
    assert not mentions_hiv_test(item)


@pytest.mark.parametrize("item", ["Tes HIV", "anti-hiv", "VCT"])
def test_d5_the_package_service_refuses_an_hiv_test_and_names_the_rule(personas, item):
    package = Package(name="Paket Lengkap", items=f"Darah lengkap\n{item}\nUrine")
    with pytest.raises(DomainError) as refused:
        package_save(actor=personas.hr_admin, obj=package, changed=["items"])
    assert refused.value.code == "hiv_test_forbidden"
    assert "Kepmenakertrans 68/2004 Ps 5" in str(refused.value.message)
    assert item in str(refused.value.message)
    assert not Package.objects.filter(name="Paket Lengkap").exists()


def test_d5_a_package_named_after_an_hiv_test_is_refused(personas):
    with pytest.raises(DomainError):
        package_save(actor=personas.hr_admin, obj=Package(name="Paket HIV", items="Darah"), changed=[])


def test_a_package_is_saved_with_its_items_tidied_and_an_audit_row(personas):
    package = Package(name="Paket Dasar Uji", items="  Darah lengkap \n\nUrine\nUrine\n")
    package_save(actor=personas.hr_admin, obj=package, changed=["name", "items"])
    package.refresh_from_db()
    assert package.item_list == ["Darah lengkap", "Urine"]
    assert AuditEvent.objects.filter(action="setting.created", subject_id=package.pk).exists()


def test_only_hr_admins_change_packages(personas):
    with pytest.raises(AccessDenied):
        package_save(actor=personas.recruiter, obj=Package(name="P", items="Darah"), changed=[])


def test_the_settings_page_shows_the_d5_refusal_beside_the_items(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin-d5", "a@example.com", "x", role="hr_admin")
    client.force_login(admin)
    response = client.post(
        "/admin/medical/package/add/",
        {
            "name": "Paket Karyawan",
            "items": "Darah lengkap\nanti-HIV",
            "fasting_hours": "10",
            "is_active": "on",
        },
    )
    assert response.status_code == 200  # the form again, nothing saved
    assert "Kepmenakertrans 68/2004 Ps 5" in response.content.decode()
    assert not Package.objects.filter(name="Paket Karyawan").exists()


def test_seeded_packages_have_no_hiv_test(db):
    packages = list(Package.objects.all())
    assert packages, "the migration seeds common packages"
    assert not any(
        mentions_hiv_test(item) for package in packages for item in [package.name, *package.item_list]
    )
