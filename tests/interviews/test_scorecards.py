"""Scheduling, scorecards and their rules: only assigned interviewers, only the round's attributes, once,
amendments with a reason that keep the earlier version. A refused action changes nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews.models import ImmutableRow, Interview, Scorecard, ScorecardStatus, ScorecardVersion
from rekrut.interviews.services.interviews import interview_cancel, interview_schedule, interview_times_record
from rekrut.interviews.services.scorecards import (
    ScorecardInput,
    scorecard_amend,
    scorecard_save_draft,
    scorecard_submit,
)
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.models import RejectReason
from rekrut.pipeline.services import application_reject
from tests.accounts.factories import UserFactory
from tests.interviews.conftest import content, held, submit
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def refused(call, code):
    with pytest.raises(DomainError) as error:
        call()
    assert error.value.code == code, error.value.message
    return error.value


def test_an_interviewer_submits_and_the_scorecard_locks_with_a_first_version(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    scorecard = submit(interview, personas.hiring_manager, "strong_yes", rating=4)
    assert scorecard.status == ScorecardStatus.SUBMITTED and scorecard.version == 1
    assert scorecard.ratings.filter(rating=4).count() == plan["user"].round_attributes.count()
    version = scorecard.versions.get()
    assert version.recommendation == "strong_yes" and version.content["ratings"]["technical_skill"] == 4


def test_someone_not_on_the_interview_cannot_submit_and_nothing_is_saved(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    for person in (personas.interviewer, personas.recruiter, personas.hr_admin, personas.outsider):
        error = refused(lambda p=person: submit(interview, p), "not_interviewer")
        assert isinstance(error, AccessDenied)
        refused(
            lambda p=person: scorecard_save_draft(actor=p, interview=interview, content=ScorecardInput()),
            "not_interviewer",
        )
    assert not Scorecard.objects.exists()


def test_rating_an_attribute_outside_the_round_is_refused(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    outside = ScorecardInput(ratings={"technical_skill": 3, "attitude": 4}, recommendation="yes")
    error = refused(
        lambda: scorecard_submit(actor=personas.hiring_manager, interview=interview, content=outside),
        "attribute_outside_round",
    )
    assert "attitude" in str(error.message)
    assert not Scorecard.objects.exists()


def test_submitting_twice_is_refused_and_the_first_submission_stands(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    submit(interview, personas.hiring_manager, "yes")
    refused(lambda: submit(interview, personas.hiring_manager, "strong_no", rating=1), "already_submitted")
    scorecard = Scorecard.objects.get()
    assert scorecard.recommendation == "yes" and scorecard.versions.count() == 1
    assert not scorecard.ratings.filter(rating=1).exists()


def test_a_draft_cannot_overwrite_a_submitted_scorecard(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    submit(interview, personas.hiring_manager, "yes")
    refused(
        lambda: scorecard_save_draft(
            actor=personas.hiring_manager, interview=interview, content=content(plan["user"], "no")
        ),
        "submitted",
    )
    assert Scorecard.objects.get().recommendation == "yes"


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (ScorecardInput(ratings={"technical_skill": 3}), "recommendation_required"),
        (ScorecardInput(ratings={"technical_skill": None}, recommendation="yes"), "no_ratings"),
        (ScorecardInput(ratings={"technical_skill": 5}, recommendation="yes"), "rating_range"),
        (ScorecardInput(ratings={"technical_skill": 3}, recommendation="maybe"), "recommendation_unknown"),
        (
            ScorecardInput(
                ratings={"technical_skill": 3}, recommendation="yes", salary_expectation=9_000_000
            ),
            "hr_fields",
        ),
        (
            ScorecardInput(
                ratings={"technical_skill": 3}, recommendation="yes", question_notes={999999: "?"}
            ),
            "question_outside_kit",
        ),
    ],
)
def test_bad_scorecards_are_refused_with_a_clear_reason(at_user_stage, plan, personas, bad, code):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    refused(lambda: scorecard_submit(actor=personas.hiring_manager, interview=interview, content=bad), code)
    assert not Scorecard.objects.exists()


def test_the_hr_round_records_salary_expectation_and_notice_period(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["hr"], [personas.recruiter])
    scorecard = submit(
        interview, personas.recruiter, "yes", salary_expectation=7_500_000, notice_period_days=30
    )
    assert (scorecard.salary_expectation, scorecard.notice_period_days) == (7_500_000, 30)


def test_drafts_are_saved_as_the_interviewer_goes(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    partial = ScorecardInput(ratings={"technical_skill": 2}, evidence={"technical_skill": "Knows SQL joins"})
    scorecard = scorecard_save_draft(actor=personas.hiring_manager, interview=interview, content=partial)
    scorecard_save_draft(
        actor=personas.hiring_manager,
        interview=interview,
        content=ScorecardInput(ratings={"technical_skill": 3}, evidence={"technical_skill": "and indexes"}),
    )
    scorecard.refresh_from_db()
    assert scorecard.status == ScorecardStatus.DRAFT
    assert scorecard.ratings.get().rating == 3 and scorecard.versions.count() == 0


def test_submitting_before_the_interview_starts_is_refused(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager], hours_ago=-48)
    refused(lambda: submit(interview, personas.hiring_manager), "not_started")


def test_amending_needs_a_reason_and_keeps_the_earlier_version(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    submit(interview, personas.hiring_manager, "yes")
    changed = content(plan["user"], "strong_yes", rating=4)
    refused(
        lambda: scorecard_amend(
            actor=personas.hiring_manager, interview=interview, content=changed, reason=" "
        ),
        "amend_reason",
    )
    scorecard = scorecard_amend(
        actor=personas.hiring_manager, interview=interview, content=changed, reason="Checked the code sample"
    )
    assert scorecard.recommendation == "strong_yes" and scorecard.version == 2
    first, second = scorecard.versions.order_by("number")
    assert (first.recommendation, second.recommendation) == ("yes", "strong_yes")
    assert second.amend_reason == "Checked the code sample"
    with pytest.raises(ImmutableRow):
        first.save()
    with pytest.raises(ImmutableRow):
        first.delete()
    assert ScorecardVersion.objects.count() == 2


def test_only_a_submitted_scorecard_can_be_amended(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    refused(
        lambda: scorecard_amend(
            actor=personas.hiring_manager, interview=interview, content=content(plan["user"]), reason="x"
        ),
        "not_submitted",
    )


class TestScheduling:
    def schedule(self, application, plan_round, actor, **overrides):
        arguments = {
            "actor": actor,
            "application": application,
            "plan_round": plan_round,
            "starts_at": timezone.now() + timedelta(days=2),
            "duration_minutes": 60,
            "interviewers": list(plan_round.interviewers.all()),
        }
        return interview_schedule(**{**arguments, **overrides})

    def test_scheduling_tells_the_interviewers_and_the_candidate(self, at_user_stage, plan, personas):
        interview = self.schedule(at_user_stage, plan["user"], personas.recruiter)
        assert set(interview.interviewers.all()) == {personas.hiring_manager, personas.interviewer}
        staff = {personas.hiring_manager.email, personas.interviewer.email}
        messages = OutboxMessage.objects.all()
        assert {m.to for m in messages} == {*staff, at_user_stage.candidate.email}
        assert all("Putri Maharani" in m.subject for m in messages if m.to in staff)

    @pytest.mark.parametrize(
        ("overrides", "code"),
        [
            ({"duration_minutes": 0}, "duration"),
            ({"interviewers": []}, "no_interviewers"),
            ({"interviewers": "inactive"}, "inactive_interviewer"),
            ({"starts_at": "naive"}, "naive_time"),
        ],
    )
    def test_bad_schedules_are_refused(self, at_user_stage, plan, personas, overrides, code):
        if overrides.get("interviewers") == "inactive":
            overrides = {"interviewers": [UserFactory(username="left", is_active=False)]}
        if overrides.get("starts_at") == "naive":
            overrides = {"starts_at": timezone.now().replace(tzinfo=None)}
        refused(lambda: self.schedule(at_user_stage, plan["user"], personas.recruiter, **overrides), code)
        assert not Interview.objects.exists()

    def test_only_managers_of_the_job_schedule(self, at_user_stage, plan, personas):
        for person in (personas.interviewer, personas.director, personas.other_recruiter):
            with pytest.raises(AccessDenied):
                self.schedule(at_user_stage, plan["user"], person)

    def test_a_round_of_another_job_is_refused(self, at_user_stage, personas, team_b_job):
        from tests.interviews.conftest import rounds_of

        foreign = rounds_of(team_b_job)["user"]
        refused(
            lambda: self.schedule(
                at_user_stage, foreign, personas.hr_admin, interviewers=[personas.hr_admin]
            ),
            "foreign_round",
        )

    def test_a_closed_application_gets_no_interviews(self, at_user_stage, plan, personas):
        application_reject(
            application=at_user_stage,
            reason=RejectReason.objects.first(),
            actor=personas.recruiter,
            expected_version=None,
            notify_candidate=False,
        )
        at_user_stage.refresh_from_db()
        refused(lambda: self.schedule(at_user_stage, plan["user"], personas.recruiter), "not_active")


def test_an_interview_that_ran_long_shows_it(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager], minutes=60)
    start = interview.starts_at
    refused(
        lambda: interview_times_record(
            actor=personas.hiring_manager, interview=interview, started_at=start, ended_at=start
        ),
        "end_before_start",
    )
    interview = interview_times_record(
        actor=personas.hiring_manager,
        interview=interview,
        started_at=start,
        ended_at=start + timedelta(minutes=85),
    )
    assert interview.ran_long and interview.actual_minutes == 85


def test_an_interview_with_submitted_scorecards_cannot_be_cancelled(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    submit(interview, personas.hiring_manager)
    refused(
        lambda: interview_cancel(actor=personas.recruiter, interview=interview, reason="x"), "has_scorecards"
    )
    other = held(at_user_stage, plan["user"], [personas.interviewer])
    refused(lambda: interview_cancel(actor=personas.recruiter, interview=other, reason=""), "reason_required")
    assert interview_cancel(actor=personas.recruiter, interview=other, reason="Candidate ill").is_cancelled
    refused(lambda: submit(other, personas.interviewer), "cancelled")


def test_an_interviewer_off_the_hiring_team_still_reaches_their_interview(
    at_user_stage, plan, personas, client_for
):
    from django.urls import reverse

    interview = held(at_user_stage, plan["user"], [personas.outsider])
    client = client_for(personas.outsider)
    assert client.get(reverse("interviews:kit", args=[interview.pk])).status_code == 200
    assert client.get(reverse("interviews:scorecard", args=[interview.pk])).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        submit(interview, personas.outsider)


def test_application_in_an_hr_stage_can_be_interviewed_too(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    interview = held(application, plan["hr"], [personas.recruiter])
    assert submit(interview, personas.recruiter).is_submitted
