"""The person behind an application sent from the careers site: found by e-mail, or added.

A job seeker has no account, so the e-mail address is what says it is the same person (a second job reuses
the record). What they type never overwrites what the record already holds (anyone can type anyone's
address): empty fields are filled, and a newer CV replaces the old one, which the record's history shows.
"""

from django.db import transaction
from django.db.models.functions import Lower

from rekrut.candidates.models import Candidate, CandidateEvent, CandidateEventKind, Source
from rekrut.candidates.services import CVUpload, _cv_attach

APPLICANT_FIELDS = ("full_name", "email", "phone", "city")


def candidate_by_email(email: str) -> Candidate | None:
    """The oldest record (not merged away) with this address, ignoring case: the one HR works with."""
    if not email.strip():
        return None
    return (
        Candidate.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower=email.strip().lower(), merged_into=None)
        .order_by("created_at", "pk")
        .first()
    )


@transaction.atomic
def candidate_from_applicant(*, fields: dict[str, str], cv: CVUpload | None, language: str) -> Candidate:
    """The applicant's record: the existing one with this e-mail (empty fields filled, a newer CV kept),
    or a new one from the careers page. Their language is the one they applied in."""
    data = {key: str(fields.get(key, "")).strip() for key in APPLICANT_FIELDS}
    candidate = candidate_by_email(data["email"])
    if candidate is None:
        candidate = Candidate(source=Source.CAREERS_PAGE, language=language, **data)
        if cv is not None:
            _cv_attach(candidate, cv)
        candidate.save()
        CandidateEvent.objects.create(candidate=candidate, actor=None, kind=CandidateEventKind.CREATED)
        return candidate
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    changed = False
    for key in ("phone", "city"):
        if not getattr(candidate, key) and data[key]:
            setattr(candidate, key, data[key])
            changed = True
    if cv is not None:
        _cv_attach(candidate, cv)
        changed = True
    if candidate.language != language:
        candidate.language = language
        changed = True
    if changed:
        candidate.save()
        CandidateEvent.objects.create(candidate=candidate, actor=None, kind=CandidateEventKind.EDITED)
    return candidate
