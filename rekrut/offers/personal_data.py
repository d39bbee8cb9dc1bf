"""What offers hold about a person, for "download my data" and erasure (UU PDP Ps 7, 43): the offers sent
to them and their answers. Erasure keeps each offer's terms and status (reports count offers and their
pay) and removes what names the person and what they wrote."""

from typing import Any

from rekrut.candidates.hooks import ERASED, Person
from rekrut.core.models import append_only_erase
from rekrut.offers.models import Offer, OfferAnswer


def offers_collect(person: Person) -> tuple[str, Any]:
    offers = (
        Offer.objects.filter(application__candidate_id__in=person.candidate_ids)
        .exclude(sent_at=None)
        .select_related("application__job")
        .prefetch_related("answers")
        .order_by("sent_at", "pk")
    )
    return (
        "offers",
        [
            {
                "job": offer.application.job.title,
                "position": offer.position,
                "status": str(offer.get_status_display()),
                "sent_at": offer.sent_at.isoformat() if offer.sent_at else None,
                "start_date": offer.start_date.isoformat() if offer.start_date else None,
                "base_salary": offer.base_salary,
                "answers": [
                    {
                        "answer": str(answer.get_kind_display()),
                        "text": answer.text,
                        "at": answer.answered_at.isoformat(),
                    }
                    for answer in offer.answers.all()
                ],
            }
            for offer in offers
        ],
    )


def offers_erase(person: Person) -> None:
    offers = Offer.objects.filter(application__candidate_id__in=person.candidate_ids)
    answers = OfferAnswer.objects.filter(offer__in=offers)
    append_only_erase(answers.exclude(text=""), text=ERASED)
    append_only_erase(answers, ip=None, user_agent="")
    for offer in offers.only("pk", "sent_terms", "benefits"):
        if person.mentioned_in([offer.sent_terms, offer.benefits]):
            Offer.objects.filter(pk=offer.pk).update(
                sent_terms=person.scrub(offer.sent_terms), benefits=person.scrub(offer.benefits)
            )
