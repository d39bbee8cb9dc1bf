"""Writes for scorecards: drafts (saved as the interviewer types), submission (locks it), and amendments
(with a reason; every submitted version is kept in ScorecardVersion, never edited)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews.models import (
    RUBRIC_LEVELS,
    Interview,
    InterviewStatus,
    Recommendation,
    Scorecard,
    ScorecardQuestionNote,
    ScorecardRating,
    ScorecardStatus,
    ScorecardVersion,
)

MAX_NOTICE_DAYS = 365
MAX_TEXT = 10_000


@dataclass(frozen=True)
class ScorecardInput:
    """What an interviewer writes. Ratings by attribute code: 1–4, or None for "not assessed"."""

    ratings: Mapping[str, int | None] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    question_notes: Mapping[int, str] = field(default_factory=dict)
    recommendation: str = ""
    overall_notes: str = ""
    salary_expectation: int | None = None
    notice_period_days: int | None = None
    background_notes: str = ""

    def snapshot(self) -> dict[str, Any]:
        return {
            "ratings": dict(self.ratings),
            "evidence": {k: v for k, v in self.evidence.items() if v},
            "question_notes": {str(k): v for k, v in self.question_notes.items() if v},
            "recommendation": self.recommendation,
            "overall_notes": self.overall_notes,
            "salary_expectation": self.salary_expectation,
            "notice_period_days": self.notice_period_days,
            "background_notes": self.background_notes,
        }


def scorecard_input_of(scorecard: Scorecard) -> ScorecardInput:
    """A saved scorecard as input again (to prefill an amendment)."""
    return ScorecardInput(
        ratings={r.attribute.code: r.rating for r in scorecard.ratings.all()},
        evidence={r.attribute.code: r.evidence for r in scorecard.ratings.all()},
        question_notes={n.question_id: n.notes for n in scorecard.question_notes.all()},
        recommendation=scorecard.recommendation,
        overall_notes=scorecard.overall_notes,
        salary_expectation=scorecard.salary_expectation,
        notice_period_days=scorecard.notice_period_days,
        background_notes=scorecard.background_notes,
    )


def _assigned(actor: User, interview: Interview) -> Interview:
    """The interview as stored now (a page may hold a stale copy), if the actor is one of its interviewers."""
    interview = Interview.objects.select_related("round").get(pk=interview.pk)
    if not interview.interviewers.filter(pk=actor.pk).exists():
        raise AccessDenied(
            _("You are not an interviewer on this interview, so you cannot fill in its scorecard."),
            code="not_interviewer",
        )
    if interview.status == InterviewStatus.CANCELLED:
        raise DomainError(_("This interview was cancelled."), code="cancelled")
    return interview


def _validate(interview: Interview, content: ScorecardInput, *, final: bool) -> None:
    plan_round = interview.round
    allowed = set(plan_round.round_attributes.values_list("attribute__code", flat=True))
    outside = sorted((set(content.ratings) | {k for k, v in content.evidence.items() if v}) - allowed)
    if outside:
        raise DomainError(
            _("%(codes)s is not assessed in this round; rate only the round's focus attributes.")
            % {"codes": ", ".join(outside)},
            code="attribute_outside_round",
        )
    if any(value is not None and value not in RUBRIC_LEVELS for value in content.ratings.values()):
        raise DomainError(_("Ratings go from 1 to 4, or “not assessed”."), code="rating_range")
    kit = set(plan_round.kit.values_list("question_id", flat=True))
    if {q for q, notes in content.question_notes.items() if notes} - kit:
        raise DomainError(_("Notes can only be kept for the kit's questions."), code="question_outside_kit")
    if content.recommendation and content.recommendation not in Recommendation.values:
        raise DomainError(_("Choose a recommendation from the list."), code="recommendation_unknown")
    hr_fields = content.salary_expectation is not None or content.notice_period_days is not None
    if hr_fields and not plan_round.asks_salary_and_notice:
        raise DomainError(
            _("This round does not ask for the salary expectation or the notice period."), code="hr_fields"
        )
    if content.notice_period_days is not None and not 0 <= content.notice_period_days <= MAX_NOTICE_DAYS:
        raise DomainError(_("The notice period is between 0 and 365 days."), code="notice_range")
    if content.salary_expectation is not None and content.salary_expectation < 0:
        raise DomainError(_("The salary expectation cannot be negative."), code="salary_range")
    texts = [content.overall_notes, content.background_notes, *content.evidence.values()]
    if any(len(text) > MAX_TEXT for text in [*texts, *content.question_notes.values()]):
        raise DomainError(_("A note is too long (at most 10,000 characters)."), code="too_long")
    if final:
        if not content.recommendation:
            raise DomainError(
                _("Give your overall recommendation before submitting."), code="recommendation_required"
            )
        if not any(value is not None for value in content.ratings.values()):
            raise DomainError(_("Rate at least one attribute before submitting."), code="no_ratings")


def _write(scorecard: Scorecard, interview: Interview, content: ScorecardInput) -> None:
    scorecard.recommendation = content.recommendation
    scorecard.overall_notes = content.overall_notes
    scorecard.salary_expectation = content.salary_expectation
    scorecard.notice_period_days = content.notice_period_days
    scorecard.background_notes = content.background_notes if interview.round.asks_background else ""
    scorecard.save()
    attributes = {
        ra.attribute.code: ra.attribute for ra in interview.round.round_attributes.select_related("attribute")
    }
    scorecard.ratings.all().delete()
    codes = [code for code in attributes if code in content.ratings or content.evidence.get(code)]
    ScorecardRating.objects.bulk_create(
        ScorecardRating(
            scorecard=scorecard,
            attribute=attributes[code],
            rating=content.ratings.get(code),
            evidence=content.evidence.get(code, ""),
        )
        for code in codes
    )
    scorecard.question_notes.all().delete()
    ScorecardQuestionNote.objects.bulk_create(
        ScorecardQuestionNote(scorecard=scorecard, question_id=qid, notes=notes)
        for qid, notes in content.question_notes.items()
        if notes
    )


def _locked_scorecard(actor: User, interview: Interview) -> Scorecard:
    scorecard, _created = Scorecard.objects.select_for_update().get_or_create(
        interview=interview, interviewer=actor
    )
    return scorecard


@transaction.atomic
def scorecard_save_draft(*, actor: User, interview: Interview, content: ScorecardInput) -> Scorecard:
    """Keeps the interviewer's work as they go; only they can read a draft."""
    interview = _assigned(actor, interview)
    scorecard = _locked_scorecard(actor, interview)
    if scorecard.is_submitted:
        raise DomainError(
            _("This scorecard is submitted and locked. To change it, amend it and say why."), code="submitted"
        )
    _validate(interview, content, final=False)
    _write(scorecard, interview, content)
    return scorecard


@transaction.atomic
def scorecard_submit(*, actor: User, interview: Interview, content: ScorecardInput) -> Scorecard:
    """Submits and locks the scorecard; after this its author may read the others' scorecards."""
    interview = _assigned(actor, interview)
    if interview.starts_at > timezone.now():
        raise DomainError(_("The interview has not started yet."), code="not_started")
    scorecard = _locked_scorecard(actor, interview)
    if scorecard.is_submitted:
        raise DomainError(_("You have already submitted this scorecard."), code="already_submitted")
    _validate(interview, content, final=True)
    _write(scorecard, interview, content)
    now = timezone.now()
    scorecard.status, scorecard.submitted_at, scorecard.version = ScorecardStatus.SUBMITTED, now, 1
    scorecard.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    ScorecardVersion.objects.create(
        scorecard=scorecard,
        number=1,
        content=content.snapshot(),
        recommendation=content.recommendation,
        submitted_by=actor,
        at=now,
    )
    return scorecard


@transaction.atomic
def scorecard_amend(*, actor: User, interview: Interview, content: ScorecardInput, reason: str) -> Scorecard:
    """Changes a submitted scorecard; the earlier version stays readable, with the reason for the change."""
    interview = _assigned(actor, interview)
    scorecard = _locked_scorecard(actor, interview)
    if not scorecard.is_submitted:
        raise DomainError(
            _("Only a submitted scorecard can be amended; submit it first."), code="not_submitted"
        )
    if not reason.strip():
        raise DomainError(_("Say why you are amending the scorecard."), code="amend_reason")
    _validate(interview, content, final=True)
    _write(scorecard, interview, content)
    scorecard.version += 1
    scorecard.save(update_fields=["version", "updated_at"])
    ScorecardVersion.objects.create(
        scorecard=scorecard,
        number=scorecard.version,
        content=content.snapshot(),
        recommendation=content.recommendation,
        submitted_by=actor,
        at=timezone.now(),
        amend_reason=reason.strip(),
    )
    return scorecard
