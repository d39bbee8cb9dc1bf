"""Who may see specific personal data (UU 27/2022 Ps 4, P2): health data, bank accounts and salaries.

Each kind is a Django permission that an HR admin grants person by person on one page
(accounts:specific_data); an app that keeps such data declares its kind and registers it in its
AppConfig.ready() (medical: health data, onboarding: bank and salary data). Holding it means the person
themselves or through a group, never `user.has_perm`: that says yes to every superuser, and HR admins are
superusers (Settings), while P2 wants each person allowed one by one. Granting and withdrawing are audited,
and the page lists who opened each kind's data, from the audit log.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.events.selectors import may_read_audit_log
from rekrut.events.services import audit_record

OPENINGS_SHOWN = 100


@dataclass(frozen=True)
class SpecificData:
    """One kind of specific data and the permission that opens it."""

    key: str  # the page's section and the form's value: "health"
    permission: str  # "app_label.codename", declared in the app's model Meta
    title: StrOrPromise  # "Who may see health data": the section's heading and the links to it
    data: StrOrPromise  # "health data", inside sentences: "%(name)s can now see %(data)s."
    explanation: StrOrPromise  # what the people allowed see that others do not
    granted_action: str  # audit codes, registered with their labels by the app
    withdrawn_action: str
    opened_actions: tuple[str, ...]  # the audit codes that mean someone read, downloaded or changed it

    @property
    def app_label(self) -> str:
        return self.permission.split(".", 1)[0]

    @property
    def codename(self) -> str:
        return self.permission.split(".", 1)[1]


_KINDS: dict[str, SpecificData] = {}


def specific_data_register(kind: SpecificData) -> SpecificData:
    """Called from an AppConfig.ready(); registering the same kind again (tests reload apps) is harmless."""
    known = _KINDS.get(kind.key)
    if known is not None and known != kind:
        raise ValueError(f"Two kinds of specific data are called {kind.key!r}.")
    _KINDS[kind.key] = kind
    return kind


def specific_data_kinds() -> list[SpecificData]:
    return list(_KINDS.values())


def specific_data_kind(key: str) -> SpecificData | None:
    return _KINDS.get(key)


def specific_permission(kind: SpecificData) -> Permission:
    return Permission.objects.get(codename=kind.codename, content_type__app_label=kind.app_label)


def holds(user: User, kind: SpecificData) -> bool:
    """Whether `user` may see this kind of data: granted to them or to one of their groups, and active."""
    return bool(user.pk) and user.is_active and _granted(user, kind)


def _granted(user: User, kind: SpecificData) -> bool:
    # Whether or not they can sign in: someone who left still has the grant an HR admin may take away.
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user), codename=kind.codename, content_type__app_label=kind.app_label
    ).exists()


# ---- granting and withdrawing ------------------------------------------------------------------------


def _admin_only(actor: User, kind: SpecificData) -> None:
    if not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can decide who sees %(data)s.") % {"data": kind.data})


def _locked(person: User) -> User:
    # Two admins deciding about the same person at once take turns: each sees what the other did.
    return User.objects.select_for_update().get(pk=person.pk)


@transaction.atomic
def specific_access_grant(*, actor: User, person: User, kind: SpecificData) -> User:
    _admin_only(actor, kind)
    person = _locked(person)
    if not person.is_active:
        raise DomainError(_("%(name)s cannot sign in any more.") % {"name": person}, code="inactive")
    if holds(person, kind):
        raise DomainError(
            _("%(name)s can already see %(data)s.") % {"name": person, "data": kind.data}, code="already"
        )
    person.user_permissions.add(specific_permission(kind))
    audit_record(actor=actor, action=kind.granted_action, subject=person)
    return person


@transaction.atomic
def specific_access_withdraw(*, actor: User, person: User, kind: SpecificData) -> User:
    _admin_only(actor, kind)
    person = _locked(person)
    if not _granted(person, kind):
        raise DomainError(
            _("%(name)s does not see %(data)s.") % {"name": person, "data": kind.data}, code="not_held"
        )
    person.user_permissions.remove(specific_permission(kind))
    if _granted(person, kind):
        # The removal above is rolled back with the refusal: nothing changed.
        raise DomainError(
            _("%(name)s still sees %(data)s through a group. Take them out of the group in Settings.")
            % {"name": person, "data": kind.data},
            code="through_group",
        )
    audit_record(actor=actor, action=kind.withdrawn_action, subject=person)
    return person


# ---- reads -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    person: User
    directly: bool  # granted to the person (HR can withdraw it here), not only through a group
    groups: tuple[str, ...]  # the groups it also comes through (changed in Settings)


def specific_data_holders(kind: SpecificData) -> list[Holder]:
    """Everyone who holds the permission, themselves or through a group (two queries)."""
    permission = specific_permission(kind)
    people = list(
        User.objects.filter(Q(user_permissions=permission) | Q(groups__permissions=permission))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    direct = set(permission.user_set.values_list("pk", flat=True))
    groups: dict[int, list[str]] = {}
    for user_id, name in permission.group_set.values_list("user", "name").order_by("name"):
        if user_id is not None:
            groups.setdefault(user_id, []).append(name)
    return [
        Holder(person=person, directly=person.pk in direct, groups=tuple(groups.get(person.pk, ())))
        for person in people
    ]


def specific_data_openings(
    *, user: User, kind: SpecificData, subjects: Sequence[models.Model] | None = None
) -> list[AuditEvent]:
    """Who read, downloaded or changed this kind of data, newest first: about these subjects (all of one
    model), or all of it. HR admins only: anyone else gets an empty list."""
    if not may_read_audit_log(user):
        return []
    events = AuditEvent.objects.filter(action__in=kind.opened_actions).select_related("actor")
    if subjects is not None:
        if not subjects:
            return []
        events = events.filter(
            subject_type=ContentType.objects.get_for_model(subjects[0]),
            subject_id__in=[subject.pk for subject in subjects],
        )
    return list(events.order_by("-at", "-pk")[:OPENINGS_SHOWN])
