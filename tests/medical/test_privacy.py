"""P2 (UU 27/2022 Ps 4) and D6: health details are for people holding the explicit permission. HR and the
hiring team read the conclusion only; others see nothing; every reading of the details and every download
of the report is written to the audit log with who and when, and HR admins can read that log."""

import pytest
from django.urls import reverse

from rekrut.accounts.models import Role
from rekrut.events.models import AuditEvent
from rekrut.medical.models import Conclusion
from rekrut.medical.services import ReportUpload, medical_result_record
from tests.accounts.factories import UserFactory
from tests.candidates.filebuilders import pdf_bytes
from tests.medical.factories import health_access_give
from tests.services.files import download_follow

NOTE = "Tekanan darah 150/95, disarankan kontrol."


@pytest.fixture
def recorded(planned, personas):
    """A result with a note and a report, recorded by the recruiter, who holds the permission."""
    recruiter = health_access_give(personas.recruiter)
    return medical_result_record(
        actor=recruiter,
        check=planned,
        conclusion=Conclusion.FIT_WITH_NOTES,
        expected_version=planned.version,
        note=NOTE,
        report=ReportUpload(name="hasil.pdf", data=pdf_bytes("Hasil MCU")),
    )


# persona -> (the MCU page, the details page, the report) without the permission
WITHOUT = {
    "hr_admin": (200, 403, 403),
    "recruiter": (200, 403, 403),  # the permission is taken back in the test
    "hiring_manager": (200, 403, 403),
    "interviewer": (200, 403, 403),
    "director": (200, 403, 403),
    "other_recruiter": (404, 404, 404),
    "other_manager": (404, 404, 404),
    "outsider": (404, 404, 404),
}


@pytest.mark.parametrize("persona", sorted(WITHOUT))
def test_p2_without_the_permission_only_the_conclusion_is_shown(recorded, personas, client, persona):
    user = getattr(personas, persona)
    user.user_permissions.clear()
    client.force_login(user)
    page = client.get(reverse("medical:application", args=[recorded.application_id]))
    details = client.get(reverse("medical:details", args=[recorded.pk]))
    report = client.get(reverse("medical:report", args=[recorded.pk]))
    assert (page.status_code, details.status_code, report.status_code) == WITHOUT[persona]
    if page.status_code == 200:
        html = page.content.decode()
        assert "Fit with notes" in html
        assert NOTE not in html and reverse("medical:details", args=[recorded.pk]) not in html
    assert not AuditEvent.objects.filter(action__in=["medical.details_viewed", "medical.report_downloaded"])


@pytest.mark.parametrize("persona", ["hr_admin", "hiring_manager", "interviewer", "outsider"])
def test_p2_with_the_permission_details_follow_who_sees_the_application(recorded, personas, client, persona):
    user = health_access_give(getattr(personas, persona))
    client.force_login(user)
    details = client.get(reverse("medical:details", args=[recorded.pk]))
    report = client.get(reverse("medical:report", args=[recorded.pk]))
    if persona == "outsider":  # the permission opens no application the person cannot see
        assert (details.status_code, report.status_code) == (404, 404)
        return
    assert details.status_code == 200 and NOTE in details.content.decode()
    assert report["Cache-Control"] == "private, no-store"
    got = download_follow(report)  # streamed, or from a bucket through the signed link
    assert got.status == 200 and got.content_type == "application/pdf"
    assert got.content.startswith(b"%PDF")
    assert 'filename="hasil.pdf"' in got.disposition


def test_p2_a_superuser_hr_admin_does_not_see_details_by_being_superuser(recorded, client):
    admin = UserFactory(username="super-sari", role=Role.HR_ADMIN, is_superuser=True, is_staff=True)
    assert admin.has_perm("medical.view_health_details")  # Django's superuser rule, which Rekrut ignores here
    client.force_login(admin)
    assert client.get(reverse("medical:details", args=[recorded.pk])).status_code == 403
    assert client.get(reverse("medical:report", args=[recorded.pk])).status_code == 403


def test_p2_a_permission_through_a_group_counts(recorded, personas, client):
    from django.contrib.auth.models import Group

    from rekrut.accounts.specific_data import specific_permission
    from rekrut.medical.access import HEALTH_DATA

    doctors = Group.objects.create(name="Dokter perusahaan")
    doctors.permissions.add(specific_permission(HEALTH_DATA))
    personas.hiring_manager.groups.add(doctors)
    client.force_login(personas.hiring_manager)
    assert client.get(reverse("medical:details", args=[recorded.pk])).status_code == 200


def test_every_view_and_download_is_logged_with_who_and_when(recorded, personas, client):
    manager = health_access_give(personas.hiring_manager)
    client.force_login(manager)
    for _ in range(2):
        client.get(reverse("medical:details", args=[recorded.pk]))
        client.get(reverse("medical:report", args=[recorded.pk]))
    events = AuditEvent.objects.filter(
        action__in=["medical.details_viewed", "medical.report_downloaded"], subject_id=recorded.pk
    )
    assert sorted(event.action for event in events) == [
        "medical.details_viewed",
        "medical.details_viewed",
        "medical.report_downloaded",
        "medical.report_downloaded",
    ]
    assert all(event.actor_id == manager.pk and event.at and event.ip == "127.0.0.1" for event in events)
    assert all(NOTE not in str(event.changes) for event in AuditEvent.objects.all())

    # HR admins read it on the MCU page (and on the specific data page); the hiring manager does not.
    client.force_login(personas.hr_admin)
    page = client.get(reverse("medical:application", args=[recorded.application_id])).content.decode()
    assert "Medical check-up details viewed" in page and "Medical check-up report downloaded" in page
    assert str(manager) in page
    listed = client.get(reverse("accounts:specific_data")).content.decode()
    assert "Medical check-up report downloaded" in listed
    client.force_login(manager)
    page = client.get(reverse("medical:application", args=[recorded.application_id])).content.decode()
    assert "Medical check-up report downloaded" not in page


def test_hr_admins_grant_and_withdraw_the_permission_with_audit_rows(personas, client):
    client.force_login(personas.hr_admin)
    manager = personas.hiring_manager
    client.post(reverse("accounts:specific_data"), {"kind": "health", "person": manager.pk, "grant": "on"})
    assert manager.user_permissions.filter(codename="view_health_details").exists()
    client.post(reverse("accounts:specific_data"), {"kind": "health", "person": manager.pk})
    assert not manager.user_permissions.filter(codename="view_health_details").exists()
    actions = list(AuditEvent.objects.filter(subject_id=manager.pk).values_list("action", "actor_id"))
    assert ("medical.access_granted", personas.hr_admin.pk) in actions
    assert ("medical.access_revoked", personas.hr_admin.pk) in actions
