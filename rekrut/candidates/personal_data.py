"""What the candidates app holds about a person, handed over (download my data) and erased (UU PDP Ps 43):
the record itself, its history and the consents. Registered in CandidatesConfig.ready()."""

from typing import Any

from rekrut.candidates.hooks import ERASED, Person
from rekrut.candidates.jsonresume import resume_export
from rekrut.candidates.models import Candidate, CandidateEvent, Consent
from rekrut.core.models import append_only_erase


def person_of(candidate: Candidate) -> Person:
    """The person behind `candidate`: this record and every record merged into it, with what named them."""
    records = [candidate, *Candidate.objects.filter(merged_into=candidate)]
    phones: list[str] = []
    for record in records:
        if record.phone:
            # Texts write a number as typed: +6281234567890, 6281234567890, 081234567890.
            digits = record.phone.lstrip("+")
            phones += [record.phone, digits]
            if digits.startswith("62"):
                phones.append("0" + digits[2:])
    return Person(
        candidate_ids=tuple(record.pk for record in records),
        names=tuple({record.full_name for record in records if record.full_name}),
        emails=tuple({record.email for record in records if record.email}),
        phones=tuple(dict.fromkeys(phones)),
    )


def candidates_erase(person: Person) -> None:
    for record in Candidate.objects.filter(pk__in=person.candidate_ids):
        if record.cv_file:
            person.file_forget(record.cv_file.storage, record.cv_file.name)
        Candidate.objects.filter(pk=record.pk).update(
            full_name=f"{ERASED} #{record.pk}",
            email="",
            phone="",
            city="",
            links=[],
            cv_file="",
            cv_name="",
            cv_text="",
            notes="",
            resume={},
        )
    for event in CandidateEvent.objects.filter(candidate_id__in=person.candidate_ids):
        if person.mentioned_in(event.params) or person.mentioned_in(event.summary):
            append_only_erase(
                CandidateEvent.objects.filter(pk=event.pk),
                params=person.scrub(event.params),
                summary=person.scrub(event.summary),
            )
    # The consents stay as proof of what was agreed and when (Ps 24); where from and which browser go.
    Consent.objects.filter(candidate_id__in=person.candidate_ids).update(ip=None, user_agent="")


def candidates_collect(person: Person) -> tuple[str, Any]:
    candidate = Candidate.objects.get(pk=person.candidate_ids[0])
    consents = Consent.objects.filter(candidate_id__in=person.candidate_ids).order_by("given_at", "pk")
    return (
        "person",
        {
            "resume": resume_export(candidate),
            "record": {
                "full_name": candidate.full_name,
                "email": candidate.email,
                "phone": candidate.phone,
                "city": candidate.city,
                "links": candidate.links,
                "source": candidate.get_source_display(),
                "language": candidate.language,
                "added_at": candidate.created_at.isoformat(),
                "cv_file": candidate.cv_name or (candidate.cv_file.name and "cv") or None,
                "cv_text": candidate.cv_text,
            },
            "consents": [
                {
                    "purpose": consent.purpose,
                    "purpose_text": str(consent.get_purpose_display()),
                    "text_version": consent.text_version,
                    "language": consent.language,
                    "given_at": consent.given_at.isoformat(),
                    "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
                }
                for consent in consents
            ],
        },
    )
