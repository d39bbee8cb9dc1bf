"""Writes for candidates: adding (with duplicate detection), editing, attaching a CV, and the record half of
merging two records (the pipeline's candidate_merge moves their applications)."""

from dataclasses import dataclass
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate, CandidateEvent, CandidateEventKind
from rekrut.candidates.selectors import candidate_duplicates
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit

CANDIDATE_FIELDS = ("full_name", "email", "phone", "city", "source", "links", "notes")


class PossibleDuplicate(DomainError):
    code = "duplicate"

    def __init__(self, matches: list[Candidate]) -> None:
        super().__init__(
            _(
                "This person may already be in Rekrut. Open the existing record, or confirm that "
                "this is someone else."
            )
        )
        self.matches = matches


@dataclass(frozen=True)
class CVUpload:
    """A CV file already checked and read (rekrut.intake.cv_reading): its bytes, kind and text."""

    name: str
    data: bytes
    kind: str  # "pdf" or "docx": the stored file's extension comes from the content, not the name
    text: str


def _event(candidate: Candidate, actor: User | None, kind: str, **params: object) -> None:
    CandidateEvent.objects.create(candidate=candidate, actor=actor, kind=kind, params=params)


@transaction.atomic
def candidate_create(
    *, actor: User, cv: CVUpload | None = None, allow_duplicate: bool = False, **fields: object
) -> Candidate:
    """Adds a person; refuses a likely duplicate (same e-mail or phone) unless the actor confirmed."""
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can add candidates."))
    data = {k: v for k, v in fields.items() if k in CANDIDATE_FIELDS}
    if not str(data.get("full_name", "")).strip():
        raise DomainError(_("Enter the candidate's name."), code="name_required")
    if not allow_duplicate:
        matches = candidate_duplicates(email=str(data.get("email") or ""), phone=str(data.get("phone") or ""))
        if matches:
            raise PossibleDuplicate(matches)
    candidate = Candidate(created_by=actor, **data)
    if cv is not None:
        _cv_attach(candidate, cv)
    candidate.save()
    _event(candidate, actor, CandidateEventKind.CREATED)
    return candidate


def _cv_attach(candidate: Candidate, cv: CVUpload) -> None:
    replaced = candidate.cv_file.name or ""
    candidate.cv_file.save(f"cv.{cv.kind}", ContentFile(cv.data), save=False)
    candidate.cv_name = cv.name[:200]
    candidate.cv_text = cv.text
    if replaced:
        # Once the new CV is committed; a rollback keeps the record pointing at the old file, so it stays.
        transaction.on_commit(partial(_cv_file_forget, replaced, storage=candidate.cv_file.storage))


def _cv_file_forget(name: str, *, storage: Storage) -> None:
    """Deletes a replaced CV's file, unless another record still points at it (a merge shares the file)."""
    if not Candidate.objects.filter(cv_file=name).exists():
        storage.delete(name)


@transaction.atomic
def candidate_update(
    *,
    actor: User,
    candidate: Candidate,
    loaded_version: str | None,
    cv: CVUpload | None = None,
    **fields: object,
) -> Candidate:
    """Saves an edit unless the record changed after the editor loaded it (updated_at as the version)."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can edit candidates."))
    if loaded_version is not None and locked.updated_at.isoformat() != loaded_version:
        raise StaleEdit(_("Someone else changed this candidate while you were editing. Reload to see it."))
    for key, value in fields.items():
        if key in CANDIDATE_FIELDS:
            setattr(locked, key, value)
    if cv is not None:
        _cv_attach(locked, cv)
    locked.save()
    _event(locked, actor, CandidateEventKind.EDITED)
    return locked


def candidates_lock_for_merge(*, keep: Candidate, duplicate: Candidate) -> tuple[Candidate, Candidate]:
    """Both records, locked and fresh, refusing a merge that cannot be (call inside a transaction)."""
    if keep.pk == duplicate.pk:
        raise DomainError(_("Choose two different records to merge."), code="same_record")
    # Both rows locked in one statement, in key order, so two opposite merges cannot deadlock.
    both = Candidate.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk]).order_by("pk")
    locked = {candidate.pk: candidate for candidate in both}
    keep, duplicate = locked[keep.pk], locked[duplicate.pk]
    if keep.merged_into_id or duplicate.merged_into_id:
        raise DomainError(_("One of these records was already merged."), code="already_merged")
    return keep, duplicate


def candidate_fields_merge(*, actor: User, keep: Candidate, duplicate: Candidate) -> Candidate:
    """The record half of a merge (rekrut.pipeline.merging.candidate_merge is the whole of it): empty fields
    of `keep` are filled from `duplicate`, links and notes joined, and `duplicate` points at `keep`."""
    for name in ("email", "phone", "city"):
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    # The CV's file, name and text go together: a kept file must not get the other CV's name or text.
    if not keep.cv_file and duplicate.cv_file:
        keep.cv_file, keep.cv_name, keep.cv_text = duplicate.cv_file, duplicate.cv_name, duplicate.cv_text
    keep.links = list(dict.fromkeys([*keep.links, *duplicate.links]))
    if duplicate.notes:
        keep.notes = f"{keep.notes}\n\n{duplicate.notes}".strip()
    keep.save()
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "updated_at"])
    # Records merged into the duplicate earlier now point at the kept one: no chains to follow.
    Candidate.objects.filter(merged_into=duplicate).update(merged_into=keep)
    _event(keep, actor, CandidateEventKind.MERGED, name=duplicate.full_name, id=duplicate.pk)
    return keep
