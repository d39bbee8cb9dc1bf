"""What the API reads and writes. Names (stages, reasons) come in the request's language."""

from datetime import UTC, datetime
from typing import Annotated

from ninja import Field, Header, Schema
from pydantic import AfterValidator, PlainSerializer

from rekrut.core.limits import moment_in_range
from rekrut.core.models.idempotency import KEY_MAX_LENGTH
from rekrut.jobs.models import Job, Stage
from rekrut.jobs.selectors import stages_of
from rekrut.pipeline.models import Application, Transition
from rekrut.pipeline.selectors import application_history

# Primary keys are 64-bit; a bigger number would overflow the database driver (a 500, not a 422).
MAX_ID = 2**63 - 1
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _within_years(moment: datetime) -> datetime:
    if not moment_in_range(moment):
        raise ValueError("Enter a date between the years 2000 and 2099.")
    return moment


# Times are sent in UTC ("2026-11-22T03:00:00Z"); clients show them in the viewer's zone.
UtcDateTime = Annotated[datetime, PlainSerializer(_utc_iso, return_type=str)]
# A time a client sends: with its offset, within the years 2000–2099 (year 9999 overflowed, a 500).
MomentIn = Annotated[datetime, AfterValidator(_within_years), PlainSerializer(_utc_iso, return_type=str)]


# The same key sent again (a retry after a timeout) returns the first answer and creates nothing new.
IdempotencyKey = Annotated[
    str,
    Header(
        "",
        alias="Idempotency-Key",
        max_length=KEY_MAX_LENGTH,
        pattern=r"^[\x21-\x7e]*$",
        description=(
            "Optional. A unique value per intended request (e.g. a UUID). Sent again with the same body, "
            "the request is carried out once and answered as the first time; sent with another body, it "
            "is refused (422, code idempotency_key_reused). Kept for 7 days."
        ),
    ),
]


class ErrorOut(Schema):
    code: str = Field(description="Stable, for programs: e.g. not_found, invalid, stale, exit_blocked.")
    message: str = Field(description="For people, in the request's language (Accept-Language).")


class ValidationErrorOut(ErrorOut):
    detail: list[dict] = Field(description="One entry per bad value: loc (where), msg, type.")


class RefOut(Schema):
    id: int
    name: str


class StageRefOut(Schema):
    id: int
    name: str
    kind: str


class StageOut(StageRefOut):
    position: int
    is_optional: bool
    is_active: bool


class JobRefOut(Schema):
    id: int
    title: str


class JobOut(JobRefOut):
    status: str
    department: str
    location: str
    level: str
    employment_type: str
    work_mode: str
    is_managerial: bool
    headcount: int
    created_at: UtcDateTime

    @staticmethod
    def resolve_department(job: Job) -> str:
        return job.department.name

    @staticmethod
    def resolve_location(job: Job) -> str:
        return job.location.name


class JobListItemOut(JobOut):
    active_applications: int

    @staticmethod
    def resolve_active_applications(job: Job) -> int:
        # Annotated by jobs_for_list.
        return int(getattr(job, "active_count", 0))


class JobDetailOut(JobOut):
    description: str
    requirements: str
    salary_min: int | None
    salary_max: int | None
    stages: list[StageOut]

    @staticmethod
    def resolve_stages(job: Job) -> list[Stage]:
        return stages_of(job=job, active_only=False)


class CandidateRefOut(Schema):
    id: int
    full_name: str


class CandidateApplicationOut(Schema):
    """One of a candidate's applications, only on jobs the caller may see."""

    id: int
    job: JobRefOut
    stage: StageRefOut
    status: str
    applied_at: UtcDateTime


class CandidateOut(CandidateRefOut):
    email: str
    phone: str
    city: str
    source: str
    created_at: UtcDateTime
    applications: list[CandidateApplicationOut]


class CandidateDetailOut(CandidateOut):
    links: list[str]
    cv_name: str
    notes: str


class ApplicationOut(Schema):
    id: int
    version: int = Field(description="Send it back with a move or reject; a newer one means a 409.")
    status: str
    candidate: CandidateRefOut
    job: JobRefOut
    stage: StageRefOut
    applied_at: UtcDateTime
    stage_entered_at: UtcDateTime


class UserRefOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(user: object) -> str:
        return str(user)


class TransitionOut(Schema):
    kind: str
    at: UtcDateTime
    actor: UserRefOut | None
    by_candidate: bool
    from_stage: StageRefOut | None
    to_stage: StageRefOut
    from_status: str
    to_status: str
    reason: RefOut | None
    note: str
    is_override: bool = Field(description="HR moved it on past a rule of the decision policy blocking it.")
    override_reason: str


class ApplicationDetailOut(ApplicationOut):
    reject_reason: RefOut | None
    history: list[TransitionOut]

    @staticmethod
    def resolve_history(application: Application) -> list[Transition]:
        return list(application_history(application=application))


class MoveIn(Schema):
    to_stage: ObjectId = Field(description="Id of a stage of the application's job.")
    version: ObjectId = Field(description="The application's version as the caller last saw it.")
    note: str = Field("", max_length=2000)
    override_reason: str = Field(
        "",
        max_length=2000,
        description=(
            "HR only: why the application moves on although its stage is not finished (scorecards missing, "
            "HR does not recommend, no evaluation decision). Without it such a move is refused."
        ),
    )


class MoveBackIn(Schema):
    version: ObjectId = Field(description="The application's version as the caller last saw it.")
    reason: str = Field(max_length=2000, description="Why the application moves back (required).")


class RejectIn(Schema):
    reason: ObjectId = Field(description="Id from GET /reject-reasons.")
    version: ObjectId = Field(description="The application's version as the caller last saw it.")
    note: str = Field("", max_length=2000)
    notify_candidate: bool = True
