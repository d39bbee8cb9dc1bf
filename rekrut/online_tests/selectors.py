"""Reads for online tests, access-scoped: tests are HR's; attempts are seen by whoever sees the
application."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.online_tests.models import Answer, Attempt, AttemptStatus, OnlineTest, Question, Section
from rekrut.pipeline.access import ApplicationAccess, application_access_get


def tests_for(*, user: User) -> QuerySet[OnlineTest]:
    if not user.is_hr:
        raise PermissionDenied
    return OnlineTest.objects.select_related("assessment_type").annotate(
        question_count=Count(
            "sections__questions", filter=Q(sections__questions__is_active=True), distinct=True
        ),
        attempt_count=Count("attempts", distinct=True),
    )


def test_get(*, user: User, test_id: int) -> OnlineTest:
    """The test with its sections and their active questions and options; HR staff only (403 for others)."""
    if not user.is_hr:
        raise PermissionDenied
    questions = Question.objects.filter(is_active=True).prefetch_related("options")
    sections = Section.objects.prefetch_related(Prefetch("questions", queryset=questions))
    test = (
        OnlineTest.objects.select_related("assessment_type")
        .prefetch_related(Prefetch("sections", queryset=sections))
        .filter(pk=test_id)
        .first()
    )
    if test is None:
        raise Http404
    return test


def section_get(*, user: User, section_id: int) -> Section:
    if not user.is_hr:
        raise PermissionDenied
    section = Section.objects.select_related("test").filter(pk=section_id).first()
    if section is None:
        raise Http404
    return section


def question_get(*, user: User, question_id: int) -> Question:
    if not user.is_hr:
        raise PermissionDenied
    question = Question.objects.select_related("section__test").filter(pk=question_id).first()
    if question is None:
        raise Http404
    return question


def attempts_of(*, application_id: int) -> list[Attempt]:
    return list(
        Attempt.objects.filter(assessment__application_id=application_id)
        .select_related("test", "assessment__assessment_type", "sent_by", "reviewed_by")
        .order_by("sent_at", "pk")
    )


@dataclass(frozen=True)
class AttemptAccess:
    attempt: Attempt
    access: ApplicationAccess

    @property
    def can_review(self) -> bool:
        return self.access.job.can_manage_applications and self.attempt.status == AttemptStatus.SUBMITTED


def attempt_get(*, user: User, attempt_id: int) -> AttemptAccess:
    """The attempt of an application the user sees (404 otherwise), with its answers."""
    attempt = (
        Attempt.objects.select_related(
            "test__assessment_type", "assessment__application__candidate", "assessment__application__job"
        )
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None:
        raise Http404
    access = application_access_get(user=user, application_id=attempt.assessment.application_id)
    return AttemptAccess(attempt=attempt, access=access)


def answers_of(attempt: Attempt) -> list[Answer]:
    return list(attempt.answers.select_related("question", "option").prefetch_related("question__options"))


def answer_get(*, user: User, answer_id: int) -> Answer:
    answer = Answer.objects.select_related("attempt__assessment__application").filter(pk=answer_id).first()
    if answer is None:
        raise Http404
    application_access_get(user=user, application_id=answer.attempt.assessment.application_id)
    return answer


def candidate_attempts(candidate: Candidate) -> list[Attempt]:
    """The candidate's own tests for the portal, newest first."""
    return list(
        Attempt.objects.filter(assessment__application__candidate=candidate)
        .exclude(assessment__status="cancelled")
        .select_related("test__assessment_type", "assessment__application__job")
        .order_by("-sent_at")
    )
