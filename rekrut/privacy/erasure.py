"""Erasing a candidate's personal data (UU 27/2022 PDP Ps 8, 43, 44): on a confirmed deletion request, or
when the retention period of a rejected or withdrawn candidate ends.

Every app answers `personal_data_erasers` for its own tables. The rows stay, anonymised: applications,
their history and stage times, interviews, offers and contracts still count in the reports. Files go
after the transaction commits (a rollback leaves rows and files as they were).
"""

from functools import partial

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.hooks import personal_data_erasers
from rekrut.candidates.models import Candidate
from rekrut.candidates.personal_data import person_of
from rekrut.core.errors import DomainError
from rekrut.core.signed_links import signed_links_revoke_for
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.pipeline.models import Application, ApplicationStatus
from rekrut.pipeline.services import application_withdraw
from rekrut.privacy.models import DataRequest, Erasure, ErasureReason

action_register("candidate.erased", _("Candidate's personal data erased"))


def _files_delete(files: list[tuple[object, str]]) -> None:
    for storage, name in files:
        assert isinstance(storage, Storage)
        storage.delete(name)


@transaction.atomic
def candidate_erase(
    *,
    candidate: Candidate,
    actor: AbstractBaseUser | None,
    reason: str,
    request: DataRequest | None = None,
) -> Erasure:
    """Erases the person behind `candidate` (their merged records too). Open applications are withdrawn
    first, as the candidate asked to leave; a hired person's records are kept for employment law and
    refused here (HR answers such a request with that reason instead)."""
    if reason not in ErasureReason.values:
        # A caller's mistake, not a person's: SQLite would store any text, PostgreSQL refuse it mid-erasure.
        raise ValueError(f"unknown erasure reason {reason!r}")
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if Erasure.objects.filter(candidate=locked).exists():
        raise DomainError(_("This candidate's personal data has already been erased."), code="already_erased")
    person = person_of(locked)
    applications = Application.objects.filter(candidate_id__in=person.candidate_ids)
    if applications.filter(status=ApplicationStatus.HIRED).exists():
        raise DomainError(
            _(
                "This person was hired: their records are kept as employment records (UU PDP Ps 20 ayat 2 "
                "huruf c, a legal obligation). Refuse the request and tell them why."
            ),
            code="hired",
        )
    for application in applications.filter(status=ApplicationStatus.ACTIVE):
        application_withdraw(application=application, actor=None, expected_version=None, by_candidate=True)
    for record in Candidate.objects.filter(pk__in=person.candidate_ids):
        signed_links_revoke_for(subject=record, actor=actor)
    personal_data_erasers.run(person)
    erasure = Erasure.objects.create(
        candidate=locked,
        at=timezone.now(),
        reason=reason,
        request=request,
        by=actor,  # type: ignore[misc]
    )
    locked.refresh_from_db()
    audit_record(actor=actor, action="candidate.erased", subject=locked, changes={"reason": reason})
    transaction.on_commit(partial(_files_delete, list(person.files)))
    return erasure
