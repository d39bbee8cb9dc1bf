"""The printable interview evaluation form (formulir evaluasi interview) as PDF, rendered by WeasyPrint.

Blank for a round of a job (for interviews held on paper), or filled with an interview's submitted scorecards.
"""

import base64
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rekrut.interviews.models import Attribute, Interview, PlanRound, Question, Scorecard
from rekrut.interviews.selectors.plans import round_attributes

LOGO = Path(__file__).resolve().parent.parent / "static" / "rekrut" / "logo.svg"
LANGUAGES = ("id", "en")


@cache
def logo_data_uri() -> str:
    """The logo embedded in the document itself, so the PDF needs no web request to render."""
    return "data:image/svg+xml;base64," + base64.b64encode(LOGO.read_bytes()).decode("ascii")


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
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    language = language if language in LANGUAGES else "id"
    with translation.override(language):
        questions: list[Question] = [kq.question for kq in plan_round.kit.all()]
        attributes = round_attributes(plan_round)
        cards = [_filled(s, attributes, questions) for s in scorecards or []]
        html = render_to_string(
            "interviews/pdf/evaluation_form.html",
            {
                "company": settings.COMPANY_NAME,
                "logo": logo_data_uri(),
                "round": plan_round,
                "job": plan_round.job,
                "attributes": attributes,
                "questions": questions,
                "interview": interview,
                "candidate": interview.application.candidate if interview else None,
                "cards": cards,
                "printed_at": timezone.now(),
                "LANGUAGE_CODE": language,
            },
        )
    return HTML(string=html).write_pdf()
