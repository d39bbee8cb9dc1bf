"""What interviews hold about a person, for "download my data" and erasure (UU PDP Ps 7, 43): the
interviews' times and places go to the candidate; on erasure the interviewers' written notes about them
and what they said they earn or expect are erased, while ratings, recommendations and decisions stay as
numbers and codes for the reports."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.core.models import append_only_erase
from rekrut.interviews.models import (
    Decision,
    Interview,
    Scorecard,
    ScorecardQuestionNote,
    ScorecardRating,
    ScorecardVersion,
)


def interviews_collect(person: Person) -> tuple[str, Any]:
    interviews = (
        Interview.objects.filter(application__candidate_id__in=person.candidate_ids)
        .select_related("application__job", "round__stage")
        .order_by("starts_at", "pk")
    )
    return (
        "interviews",
        [
            {
                "job": interview.application.job.title,
                "round": interview.round.stage.name,
                "starts_at": interview.starts_at.isoformat(),
                "duration_minutes": interview.duration_minutes,
                "mode": str(interview.get_mode_display()),
                "location": interview.location,
                "room": interview.room,
                "meeting_url": interview.meeting_url,
                "status": str(interview.get_status_display()),
            }
            for interview in interviews
        ],
    )


def interviews_erase(person: Person) -> None:
    scorecards = Scorecard.objects.filter(interview__application__candidate_id__in=person.candidate_ids)
    scorecards.update(overall_notes="", background_notes="", salary_expectation=None, notice_period_days=None)
    ScorecardRating.objects.filter(scorecard__in=scorecards).update(evidence="")
    ScorecardQuestionNote.objects.filter(scorecard__in=scorecards).update(notes="")
    for version in ScorecardVersion.objects.filter(scorecard__in=scorecards).only(
        "pk", "content", "amend_reason"
    ):
        append_only_erase(
            ScorecardVersion.objects.filter(pk=version.pk),
            content=_numbers_only(version.content),
            amend_reason=person.scrub(version.amend_reason),
        )
    for decision in Decision.objects.filter(application__candidate_id__in=person.candidate_ids):
        fields = {"reason": decision.reason, "override_reason": decision.override_reason}
        if person.mentioned_in(fields):
            append_only_erase(Decision.objects.filter(pk=decision.pk), **person.scrub(fields))  # type: ignore[arg-type]


def _numbers_only(content: object) -> object:
    """A submitted scorecard's snapshot (services/scorecards.py ScorecardInput.snapshot) with the written
    text and the candidate's pay and notice gone: ratings and the recommendation stay."""
    if not isinstance(content, dict):
        return {}
    return {
        **content,
        "evidence": {},
        "question_notes": {},
        "overall_notes": "",
        "background_notes": "",
        "salary_expectation": None,
        "notice_period_days": None,
    }
