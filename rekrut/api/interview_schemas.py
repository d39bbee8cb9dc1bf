"""What the interviews API reads and writes (see rekrut/api/interviews.py)."""

from typing import Annotated

from ninja import Field, Schema

from rekrut.accounts.models import User
from rekrut.api.schemas import MomentIn, ObjectId, StageRefOut, UserRefOut, UtcDateTime
from rekrut.core.limits import LONG_TEXT, NOTE_TEXT, REASON_TEXT, SHORT_TEXT
from rekrut.interviews import kit
from rekrut.interviews.models import (
    MAX_DURATION_MINUTES,
    Attribute,
    Decision,
    DecisionOutcome,
    Interview,
    InterviewMode,
    PlanRound,
    Question,
    Recommendation,
    RoundType,
    Scorecard,
)
from rekrut.interviews.services.scorecards import ScorecardInput
from rekrut.jobs.models import JobFamily

# Attribute codes are short slugs ("attitude", "problem_solving").
AttributeCode = Annotated[str, Field(max_length=60)]


class AttributeOut(Schema):
    code: str
    name: str


class QuestionOut(Schema):
    id: int
    round_type: str
    job_family: str
    text: str
    strong_answer: str
    follow_ups: list[str]
    attributes: list[AttributeOut]
    is_active: bool

    @staticmethod
    def resolve_follow_ups(question: Question) -> list[str]:
        return question.follow_up_texts

    @staticmethod
    def resolve_attributes(question: Question) -> list[Attribute]:
        return list(question.attributes.all())


class RoundOut(Schema):
    id: int
    stage: StageRefOut
    round_type: str
    duration_minutes: int
    interviewers: list[UserRefOut]
    attributes: list[AttributeOut]
    asks_salary_and_notice: bool
    kit: list[int] = Field(description="Ids of the kit's questions, in the order they are asked.")
    minutes_per_question: int | None

    @staticmethod
    def resolve_interviewers(plan_round: PlanRound) -> list[User]:
        return list(plan_round.interviewers.all())

    @staticmethod
    def resolve_attributes(plan_round: PlanRound) -> list[Attribute]:
        return [ra.attribute for ra in plan_round.round_attributes.all()]

    @staticmethod
    def resolve_kit(plan_round: PlanRound) -> list[int]:
        return [kq.question_id for kq in plan_round.kit.all()]

    @staticmethod
    def resolve_minutes_per_question(plan_round: PlanRound) -> int | None:
        return kit.minutes_per_question(plan_round.duration_minutes, len(plan_round.kit.all()))


class KitOut(Schema):
    round: int
    requirements: str
    minutes_per_question: int | None
    questions: list[QuestionOut]


class RoundIn(Schema):
    round_type: RoundType
    duration_minutes: int = Field(ge=1, le=MAX_DURATION_MINUTES)
    interviewers: list[ObjectId] = Field(max_length=50)
    attributes: list[AttributeCode] = Field(
        max_length=50, description="Attribute codes, in the order assessed."
    )
    asks_salary_and_notice: bool = False
    asks_background: bool = False


class KitAddIn(Schema):
    question: ObjectId


class QuestionQuery(Schema):
    round_type: RoundType | None = None
    job_family: JobFamily | None = None
    attribute: str = Field("", max_length=60)


class InterviewOut(Schema):
    id: int
    application: int
    round: int
    stage: StageRefOut
    starts_at: UtcDateTime
    duration_minutes: int
    mode: InterviewMode
    location: str = Field(description="On site: the address; by phone: the number the call comes from.")
    room: str
    meeting_url: str
    status: str
    interviewers: list[UserRefOut]
    actual_started_at: UtcDateTime | None
    actual_ended_at: UtcDateTime | None
    ran_long: bool

    @staticmethod
    def resolve_application(interview: Interview) -> int:
        return interview.application_id

    @staticmethod
    def resolve_round(interview: Interview) -> int:
        return interview.round_id

    @staticmethod
    def resolve_stage(interview: Interview) -> object:
        return interview.round.stage

    @staticmethod
    def resolve_interviewers(interview: Interview) -> list[User]:
        return list(interview.interviewers.all())


class ScheduleIn(Schema):
    round: ObjectId
    starts_at: MomentIn = Field(
        description="With its offset, e.g. 2026-11-22T09:30:00+07:00 (WIB); from now on, before 2100."
    )
    duration_minutes: int = Field(ge=1, le=MAX_DURATION_MINUTES)
    interviewers: list[ObjectId] = Field(min_length=1, max_length=50)
    mode: InterviewMode | None = Field(
        None,
        description="on_site, online or phone. Without it the mode is read from `location`: a link is "
        "online, a bare phone number a call, other text an address.",
    )
    location: str = Field(
        "",
        max_length=SHORT_TEXT,
        description="On site: the address; by phone: the number the call comes from (a video link here "
        "still works without a mode; https:// is added when missing).",
    )
    room: str = Field("", max_length=120, description="On site: the room or floor.")
    meeting_url: str = Field("", max_length=500, description="Online: the meeting link.")
    add_to_team: bool = Field(
        False,
        description="Add interviewers who are not on the job's hiring team to it (HR owner or HR admin "
        "only); "
        "without it such an interviewer is refused.",
    )


class RatingOut(Schema):
    attribute: str
    rating: int | None = Field(description="1–4, or null: not assessed.")
    evidence: str


class NoteOut(Schema):
    question: int
    notes: str


class ScorecardOut(Schema):
    id: int
    interview: int
    interviewer: UserRefOut
    status: str
    recommendation: str
    ratings: list[RatingOut]
    question_notes: list[NoteOut]
    overall_notes: str
    salary_expectation: int | None
    notice_period_days: int | None
    background_notes: str
    version: int
    submitted_at: UtcDateTime | None

    @staticmethod
    def resolve_interview(scorecard: Scorecard) -> int:
        return scorecard.interview_id

    @staticmethod
    def resolve_ratings(scorecard: Scorecard) -> list[dict]:
        return [
            {"attribute": r.attribute.code, "rating": r.rating, "evidence": r.evidence}
            for r in scorecard.ratings.all()
        ]

    @staticmethod
    def resolve_question_notes(scorecard: Scorecard) -> list[dict]:
        return [{"question": n.question_id, "notes": n.notes} for n in scorecard.question_notes.all()]


# Far more than any round assesses or any kit asks; bounds what one request can make the server hold.
MAX_ENTRIES = 100
LongText = Annotated[str, Field(max_length=LONG_TEXT)]


class ScorecardIn(Schema):
    ratings: dict[AttributeCode, int | None] = Field(
        default_factory=dict, max_length=MAX_ENTRIES, description="Attribute code: 1–4 or null."
    )
    evidence: dict[AttributeCode, LongText] = Field(default_factory=dict, max_length=MAX_ENTRIES)
    question_notes: dict[int, LongText] = Field(
        default_factory=dict, max_length=MAX_ENTRIES, description="Kit question id: notes."
    )
    recommendation: Recommendation | None = None
    overall_notes: str = Field("", max_length=LONG_TEXT)
    salary_expectation: int | None = Field(None, ge=0, le=10**12)
    notice_period_days: int | None = Field(None, ge=0, le=365)
    background_notes: str = Field("", max_length=LONG_TEXT)

    def content(self) -> ScorecardInput:
        return ScorecardInput(
            ratings=self.ratings,
            evidence=self.evidence,
            question_notes=self.question_notes,
            recommendation=self.recommendation or "",
            overall_notes=self.overall_notes,
            salary_expectation=self.salary_expectation,
            notice_period_days=self.notice_period_days,
            background_notes=self.background_notes,
        )


class AmendIn(ScorecardIn):
    reason: str = Field(max_length=REASON_TEXT, description="Why the submitted scorecard changes.")


class ReasonOut(Schema):
    code: str
    text: str


class AdviceOut(Schema):
    outcome: str
    to_stage: int | None
    reasons: list[ReasonOut]


class RoundSummaryOut(Schema):
    round: int
    stage: StageRefOut
    scorecards: int
    average: float | None
    recommendation: str | None
    pending: list[str]


class EvaluationOut(Schema):
    sees_all: bool = Field(description="False until the caller has submitted their own scorecards.")
    rounds: list[RoundSummaryOut]
    disagreements: list[str]
    advice: AdviceOut | None
    missing: list[str]


class DecisionOut(Schema):
    id: int
    outcome: str
    from_stage: StageRefOut
    to_stage: StageRefOut | None
    reject_reason: int | None
    reason: str
    decided_by: UserRefOut
    at: UtcDateTime
    is_override: bool
    override_reason: str
    follows_policy: bool
    policy_outcome: str

    @staticmethod
    def resolve_reject_reason(decision: Decision) -> int | None:
        return decision.reject_reason_id

    @staticmethod
    def resolve_policy_outcome(decision: Decision) -> str:
        return str(decision.policy_snapshot.get("outcome", ""))


class DecisionIn(Schema):
    outcome: DecisionOutcome
    reason: str = Field(min_length=1, max_length=NOTE_TEXT)
    version: ObjectId = Field(description="The application's version as the caller last saw it.")
    to_stage: ObjectId | None = Field(None, description="For proceed: the stage to go on to.")
    reject_reason: ObjectId | None = Field(None, description="For reject: an id from GET /reject-reasons.")
    override: bool = Field(False, description="Decide before every required scorecard is in.")
    override_reason: str = Field("", max_length=REASON_TEXT)
    notify_candidate: bool = True
