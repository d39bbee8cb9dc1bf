"""The printable interview evaluation form (formulir evaluasi interview) as PDF (rekrut.core.pdf).

Blank for a round of a job (for interviews held on paper), or filled with an interview's submitted scorecards.
"""

from dataclasses import dataclass

from django.utils import translation

from rekrut.core.pdf import document_language, pdf_render
from rekrut.interviews.models import Attribute, Interview, PlanRound, Question, Scorecard
from rekrut.interviews.selectors.plans import round_attributes


@dataclass
class FilledCard:
    scorecard: Scorecard
    rows: list[tuple[Attribute, int | None, str]]
    notes: list[tuple[Question, str]]


def _filled(scorecard: Scorecard, attributes: list[Attribute], questions: list[Question]) -> FilledCard:
    ratings = {r.attribute_id: (r.rating, r.evidence) for r in scorecard.ratings.all()}
    notes = {n.question_id: n.notes for n in scorecard.question_notes.all()}
    return FilledCard(
        scorecard=scorecard,
        rows=[(a, *ratings.get(a.pk, (None, ""))) for a in attributes],
        notes=[(q, notes.get(q.pk, "")) for q in questions],
    )


def evaluation_form_pdf(
    *,
    plan_round: PlanRound,
    language: str,
    interview: Interview | None = None,
    scorecards: list[Scorecard] | None = None,
) -> bytes:
    language = document_language(language)
    # The rows are built in the document's language too: attribute and question texts are bilingual.
    with translation.override(language):
        questions: list[Question] = [kq.question for kq in plan_round.kit.all()]
        attributes = round_attributes(plan_round)
        cards = [_filled(s, attributes, questions) for s in scorecards or []]
    return pdf_render(
        template="interviews/pdf/evaluation_form.html",
        language=language,
        context={
            "round": plan_round,
            "job": plan_round.job,
            "attributes": attributes,
            "questions": questions,
            "interview": interview,
            "candidate": interview.application.candidate if interview else None,
            "cards": cards,
        },
    )
