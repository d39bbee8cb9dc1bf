"""A practice run's plan, rebuilt on every request from its state (round, field, job or application, session,
question number): nothing about an anonymous visitor is kept between requests."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.jobs.models import Job
from rekrut.practice.bank import BankQuestion, questions_for
from rekrut.practice.models import PracticeSession
from rekrut.practice.selectors import application_for_practice, job_public_get, session_of


@dataclass
class Plan:
    round_type: str
    family: str
    managerial: bool
    job: Job | None = None
    application_id: int | None = None
    session: PracticeSession | None = None
    questions: list[BankQuestion] = field(default_factory=list)

    def state(self, n: int = 0) -> dict[str, object]:
        """The query string / hidden fields that carry this plan to the next request."""
        state: dict[str, object] = {"round": self.round_type, "family": self.family, "n": n}
        if self.application_id:
            state["application"] = self.application_id
        elif self.job:
            state["job"] = self.job.pk
        if self.session:
            state["session"] = self.session.pk
        return state


def plan_from(cleaned: dict, candidate: Candidate | None) -> Plan:
    """The plan of the validated state `cleaned`; refuses a job, application or session this visitor may "
    "not use."""
    job = None
    application_id = cleaned.get("application")
    if application_id:
        application = application_for_practice(candidate, application_id) if candidate else None
        if application is None:
            raise DomainError(
                _(
                    "That application is not among yours. Sign in through your portal link, or practise in "
                    "general."
                ),
                code="practice_application",
            )
        job = application.job
    elif cleaned.get("job"):
        job = job_public_get(cleaned["job"])
        if job is None:
            raise DomainError(
                _("That job is no longer open on the careers site. You can still practise in general."),
                code="practice_job",
            )
    round_type = cleaned["round"]
    family = cleaned.get("family") or (job.job_family if job else "")
    managerial = job.is_managerial if job else family == "managerial"
    session = None
    if cleaned.get("session"):
        session = session_of(candidate, cleaned["session"]) if candidate else None
        if session is None or session.round_type != round_type:
            raise DomainError(
                _("This practice session is not open on this device any more. Start a new one."),
                code="practice_session",
            )
    return Plan(
        round_type=round_type,
        family=family,
        managerial=managerial,
        job=job,
        application_id=application_id or None,
        session=session,
        questions=questions_for(round_type, family or None, managerial=managerial),
    )
