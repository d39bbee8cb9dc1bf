"""Reads of practice mode: always for one candidate, never for staff."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.jobs.models import Job, JobStatus
from rekrut.pipeline.models import Application
from rekrut.practice.feedback import STAR_PARTS
from rekrut.practice.models import PracticeAnswer, PracticeSession


def job_public_get(job_id: int | None) -> Job | None:
    """A job the careers site shows (open and still taking applications), or None.

    The same rule as careers.selectors.jobs_published; practice sits below the careers app and cannot import
    it.
    """
    if not job_id:
        return None
    today = timezone.localdate()
    return (
        Job.objects.filter(pk=job_id, status=JobStatus.OPEN)
        .filter(Q(valid_through__isnull=True) | Q(valid_through__gte=today))
        .first()
    )


def applications_for_practice(candidate: Candidate) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate=candidate).select_related("job").order_by("-applied_at", "-pk")
    )


def application_for_practice(candidate: Candidate, application_id: int | None) -> Application | None:
    if not application_id:
        return None
    return applications_for_practice(candidate).filter(pk=application_id).first()


def session_of(candidate: Candidate, session_id: int | None) -> PracticeSession | None:
    if not session_id:
        return None
    return PracticeSession.objects.filter(candidate=candidate, pk=session_id).select_related("job").first()


def answer_of(candidate: Candidate, answer_id: int | None) -> PracticeAnswer | None:
    if not answer_id:
        return None
    return (
        PracticeAnswer.objects.filter(session__candidate=candidate, pk=answer_id)
        .select_related("session")
        .first()
    )


@dataclass(frozen=True)
class SessionProgress:
    session: PracticeSession
    answers: list[PracticeAnswer]
    star_parts: float  # average STAR parts found per answer (0-4)
    evidence_share: float  # share of answers with concrete evidence (0-1)
    fillers: float  # average filler words per answer
    rating: float | None  # average self-rating (1-5)

    @property
    def evidence_percent(self) -> int:
        return round(self.evidence_share * 100)


def _progress(session: PracticeSession) -> SessionProgress:
    answers = list(session.answers.all())
    count = len(answers) or 1
    ratings = [value for a in answers for value in (a.ratings or {}).values()]
    return SessionProgress(
        session=session,
        answers=answers,
        star_parts=sum(len([p for p in a.summary.get("star", []) if p in STAR_PARTS]) for a in answers)
        / count,
        evidence_share=sum(1 for a in answers if a.summary.get("evidence")) / count,
        fillers=sum(a.summary.get("fillers", 0) for a in answers) / count,
        rating=sum(ratings) / len(ratings) if ratings else None,
    )


def history_of(candidate: Candidate, *, limit: int = 30) -> list[SessionProgress]:
    """The candidate's latest sessions, newest first, each with its answers and averages (two queries)."""
    sessions = (
        PracticeSession.objects.filter(candidate=candidate)
        .select_related("job")
        .prefetch_related(Prefetch("answers", queryset=PracticeAnswer.objects.order_by("answered_at", "pk")))
        .order_by("-started_at", "-pk")[:limit]
    )
    return [_progress(s) for s in sessions if s.answers.all()]
