"""Settings (the Django admin) write nothing by themselves: records are read-only there, and the settings HR
changes are saved through a service, which checks the role and writes the audit log."""

import pytest
from django.urls import reverse

from rekrut.accounts.models import ApiToken, Role
from rekrut.accounts.services import api_token_create
from rekrut.events.models import AuditEvent
from rekrut.pipeline.models import RejectReason
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def staff_client(client, *, role: str, username: str):
    client.force_login(UserFactory(username=username, role=role, is_staff=True, is_superuser=True))
    return client


def reason_form(reason: RejectReason, **changes: object) -> dict:
    data = {"position": reason.position, "name_id": reason.name_id, "name_en": reason.name_en}
    data.update(changes)
    if reason.is_active and "is_active" not in changes:
        data["is_active"] = "on"
    return data


def test_an_hr_admin_edits_a_setting_through_the_service_and_the_audit_log_says_so(client):
    reason = RejectReason.objects.filter(is_active=True).first()
    admin = staff_client(client, role=Role.HR_ADMIN, username="sari")
    url = reverse("admin:pipeline_rejectreason_change", args=[reason.pk])
    response = admin.post(url, reason_form(reason, name_en="Salary expectation too far apart"))
    assert response.status_code == 302
    reason.refresh_from_db()
    assert reason.name_en == "Salary expectation too far apart"
    event = AuditEvent.objects.get(action="setting.changed")
    assert event.subject_id == reason.pk and event.changes == {"fields": ["name_en"]}


def test_a_refusal_is_shown_on_the_page_and_nothing_is_saved(client):
    """Staff given the admin permission but not the HR admin role are refused by the service itself."""
    from django.contrib.auth.models import Permission

    reason = RejectReason.objects.filter(is_active=True).first()
    rina = UserFactory(username="rina", role=Role.RECRUITER, is_staff=True)
    rina.user_permissions.set(
        Permission.objects.filter(codename__in=["view_rejectreason", "change_rejectreason"])
    )
    client.force_login(rina)
    recruiter = client
    url = reverse("admin:pipeline_rejectreason_change", args=[reason.pk])
    response = recruiter.post(url, reason_form(reason, name_en="Changed"), follow=True)
    assert response.status_code == 200
    assert "Only an HR admin can change the company" in response.content.decode()
    reason.refresh_from_db()
    assert reason.name_en != "Changed" and not AuditEvent.objects.exists()


@pytest.mark.parametrize("model", ["jobs_job", "interviews_decision", "interviews_scorecard"])
def test_records_are_read_only_in_the_admin(client, model):
    admin = staff_client(client, role=Role.HR_ADMIN, username="sari")
    assert admin.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert admin.get(reverse(f"admin:{model}_add")).status_code == 403


def test_settings_are_never_deleted_in_the_admin(client):
    reason = RejectReason.objects.first()
    admin = staff_client(client, role=Role.HR_ADMIN, username="sari")
    assert admin.get(reverse("admin:pipeline_rejectreason_delete", args=[reason.pk])).status_code == 403


def test_api_tokens_are_revoked_through_the_service(client):
    owner = UserFactory(username="integrasi", role=Role.RECRUITER)
    token, _key = api_token_create(user=owner, name="Talenta")
    admin = staff_client(client, role=Role.HR_ADMIN, username="sari")
    url = reverse("admin:accounts_apitoken_changelist")
    admin.post(url, {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
