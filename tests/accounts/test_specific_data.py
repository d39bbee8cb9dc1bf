"""P2 (UU 27/2022 Ps 4): who may see specific data is one mechanism. Each kind (health data from medical, bank
and salary data from onboarding) is a permission held by the person or through a group, never by being a
superuser; HR admins grant and withdraw it on one page, with an audit row each time, and read there who
opened each kind's data. Bad input gets a message and changes nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from rekrut.accounts.models import Role
from rekrut.accounts.specific_data import (
    holds,
    specific_access_grant,
    specific_access_withdraw,
    specific_data_holders,
    specific_data_kind,
    specific_data_kinds,
    specific_data_openings,
    specific_permission,
)
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.events.services import audit_record
from rekrut.medical.access import HEALTH_DATA
from rekrut.onboarding.access import FINANCIAL_DATA
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "accounts:specific_data"


def _actions(person) -> list[str]:
    events = AuditEvent.objects.filter(subject_id=person.pk).order_by("pk")
    return list(events.values_list("action", flat=True))


def test_medical_and_onboarding_register_their_kinds() -> None:
    assert specific_data_kind("health") is HEALTH_DATA and specific_data_kind("financial") is FINANCIAL_DATA
    # Psikotes reports (issue 11) are registered by the assessments app, before medical in INSTALLED_APPS.
    assert [kind.key for kind in specific_data_kinds()] == ["assessments", "health", "financial"]
    assert specific_data_kind("salary") is None


@pytest.mark.parametrize("kind", [HEALTH_DATA, FINANCIAL_DATA], ids=["health", "financial"])
def test_an_hr_admin_grants_and_withdraws_each_kind_with_an_audit_row(personas, kind) -> None:
    manager = personas.hiring_manager
    assert not holds(manager, kind)
    specific_access_grant(actor=personas.hr_admin, person=manager, kind=kind)
    assert holds(manager, kind)
    assert [other for other in specific_data_kinds() if other != kind and holds(manager, other)] == []
    specific_access_withdraw(actor=personas.hr_admin, person=manager, kind=kind)
    assert not holds(manager, kind)
    assert _actions(manager) == [kind.granted_action, kind.withdrawn_action]


def test_being_superuser_or_hr_admin_is_not_holding_it() -> None:
    admin = UserFactory(username="super-sari", role=Role.HR_ADMIN, is_superuser=True, is_staff=True)
    assert admin.is_hr_admin and admin.has_perm(HEALTH_DATA.permission)  # Django's rule, ignored here
    assert not holds(admin, HEALTH_DATA) and not holds(admin, FINANCIAL_DATA)


def test_a_group_counts_and_is_withdrawn_in_settings_not_here(personas) -> None:
    doctors = Group.objects.create(name="Dokter perusahaan")
    doctors.permissions.add(specific_permission(HEALTH_DATA))
    manager, admin = personas.hiring_manager, personas.hr_admin
    manager.groups.add(doctors)
    assert holds(manager, HEALTH_DATA)
    [holder] = specific_data_holders(HEALTH_DATA)
    assert holder.person == manager and not holder.directly and holder.groups == ("Dokter perusahaan",)
    with pytest.raises(DomainError) as refused:
        specific_access_grant(actor=admin, person=manager, kind=HEALTH_DATA)
    assert refused.value.code == "already"
    # Granted directly before joining the group: withdrawing that leaves the group's, so it is refused.
    manager.groups.remove(doctors)
    specific_access_grant(actor=admin, person=manager, kind=HEALTH_DATA)
    manager.groups.add(doctors)
    [holder] = specific_data_holders(HEALTH_DATA)
    assert holder.directly and holder.groups == ("Dokter perusahaan",)
    with pytest.raises(DomainError) as refused:
        specific_access_withdraw(actor=admin, person=manager, kind=HEALTH_DATA)
    assert refused.value.code == "through_group" and "through a group" in str(refused.value.message)
    assert manager.user_permissions.filter(codename=HEALTH_DATA.codename).exists()
    assert _actions(manager) == [HEALTH_DATA.granted_action]


def test_only_hr_admins_decide(personas) -> None:
    for decide in (specific_access_grant, specific_access_withdraw):
        with pytest.raises(AccessDenied) as denied:
            decide(actor=personas.recruiter, person=personas.recruiter, kind=FINANCIAL_DATA)
        assert "bank and salary data" in str(denied.value.message)
    assert not holds(personas.recruiter, FINANCIAL_DATA) and not AuditEvent.objects.exists()


def test_granting_twice_withdrawing_what_is_not_held_and_people_who_left_are_refused(personas) -> None:
    admin, manager = personas.hr_admin, personas.hiring_manager
    with pytest.raises(DomainError) as refused:
        specific_access_withdraw(actor=admin, person=manager, kind=HEALTH_DATA)
    assert refused.value.code == "not_held" and "does not see health data" in str(refused.value.message)
    specific_access_grant(actor=admin, person=manager, kind=HEALTH_DATA)
    with pytest.raises(DomainError) as refused:
        specific_access_grant(actor=admin, person=manager, kind=HEALTH_DATA)
    assert refused.value.code == "already" and "can already see health data" in str(refused.value.message)
    manager.is_active = False
    manager.save(update_fields=["is_active"])
    assert not holds(manager, HEALTH_DATA)  # nobody signed out sees anything
    with pytest.raises(DomainError) as refused:
        specific_access_grant(actor=admin, person=manager, kind=FINANCIAL_DATA)
    assert refused.value.code == "inactive"
    # Someone who left can still have the permission taken away.
    specific_access_withdraw(actor=admin, person=manager, kind=HEALTH_DATA)
    assert _actions(manager) == [HEALTH_DATA.granted_action, HEALTH_DATA.withdrawn_action]


def test_the_page_has_a_section_per_kind_and_grants_from_it(client_for, personas) -> None:
    client = client_for(personas.hr_admin)
    page = client.get(reverse(URL)).content.decode()
    assert 'id="health"' in page and 'id="financial"' in page
    assert "Who may see health data" in page and "Who may see bank and salary data" in page
    answer = client.post(reverse(URL), {"kind": "financial", "person": personas.recruiter.pk, "grant": "on"})
    assert answer.status_code == 302 and answer["Location"] == reverse(URL) + "#financial"
    assert holds(personas.recruiter, FINANCIAL_DATA) and not holds(personas.recruiter, HEALTH_DATA)
    followed = client.get(reverse(URL)).content.decode()
    assert "can now see bank and salary data" in followed


def test_the_page_speaks_bahasa_indonesia(client_for, personas, settings) -> None:
    settings.LANGUAGE_CODE = "id"
    client = client_for(personas.hr_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    page = client.get(reverse(URL)).content.decode()
    assert "Siapa yang boleh melihat data kesehatan" in page
    assert "Siapa yang boleh melihat data rekening dan gaji" in page
    assert "data pribadi yang bersifat spesifik" in page


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "health", "person": "", "grant": "on"},
        {"kind": "health", "person": "999999", "grant": "on"},
        {"kind": "health", "person": "abc"},
        {"kind": "salary", "person": "1", "grant": "on"},
        {"person": "1", "grant": "on"},
    ],
    ids=["no-person", "unknown-person", "not-a-number", "unknown-kind", "no-kind"],
)
def test_bad_input_is_a_message_and_changes_nothing(client_for, personas, data) -> None:
    client = client_for(personas.hr_admin)
    answer = client.post(reverse(URL), data, follow=True)
    assert answer.status_code == 200 and "Choose a person from the list." in answer.content.decode()
    assert not AuditEvent.objects.exists()


def test_a_refusal_is_a_message_on_the_page(client_for, personas) -> None:
    client = client_for(personas.hr_admin)
    answer = client.post(reverse(URL), {"kind": "health", "person": personas.recruiter.pk}, follow=True)
    assert "does not see health data" in answer.content.decode()


def test_others_are_refused(client_for, personas) -> None:
    for persona in ("recruiter", "hiring_manager", "interviewer"):
        client = client_for(getattr(personas, persona))
        assert client.get(reverse(URL)).status_code == 403
        grant = {"kind": "health", "person": personas.recruiter.pk, "grant": "on"}
        assert client.post(reverse(URL), grant).status_code == 403
    assert not holds(personas.recruiter, HEALTH_DATA)


def test_openings_are_listed_per_kind_for_hr_admins_only(client_for, personas) -> None:
    audit_record(actor=personas.recruiter, action="onboarding.exported", subject=personas.director)
    audit_record(actor=personas.recruiter, action="medical.details_viewed", subject=personas.interviewer)
    admin = personas.hr_admin
    [financial] = specific_data_openings(user=admin, kind=FINANCIAL_DATA)
    assert financial.action == "onboarding.exported"
    [health] = specific_data_openings(user=admin, kind=HEALTH_DATA, subjects=[personas.interviewer])
    assert health.action == "medical.details_viewed"
    assert specific_data_openings(user=admin, kind=HEALTH_DATA, subjects=[personas.director]) == []
    assert specific_data_openings(user=admin, kind=HEALTH_DATA, subjects=[]) == []
    assert specific_data_openings(user=personas.recruiter, kind=HEALTH_DATA) == []
    page = client_for(personas.hr_admin).get(reverse(URL)).content.decode()
    assert "New employee&#x27;s record exported" in page and "Medical check-up details viewed" in page


def test_the_page_reads_in_a_fixed_number_of_queries(client_for, personas, django_assert_max_num_queries):
    client = client_for(personas.hr_admin)
    for person in (personas.recruiter, personas.hiring_manager, personas.interviewer):
        for kind in (HEALTH_DATA, FINANCIAL_DATA):
            specific_access_grant(actor=personas.hr_admin, person=person, kind=kind)
            audit_record(actor=person, action=kind.opened_actions[0], subject=personas.director)
    # Five per kind of specific data (health, financial, psikotes reports), whatever the number of people.
    with django_assert_max_num_queries(19):
        client.get(reverse(URL))
