"""The prep pack of one interview, read for its candidate: who runs the round, what it looks at, the style
that fits, how much it weighs, example questions, how to prepare, etiquette for its mode, its time and
place, and what comes after. Built only from what a candidate may know: the round's public criteria and
focus names, the job's published text and stages, questions HR marked shareable. Never a rubric, a
strong-answer note, the rest of the kit, interviewers' names or notes, or anything of other candidates."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import Promise

from rekrut.core.company import CompanyProfile, company_profile_get
from rekrut.core.localization import ZONE_ABBREVIATIONS, local_datetime, zone_abbreviation
from rekrut.interviews.calendar import interview_zone
from rekrut.interviews.models import Interview, InterviewMode, KitQuestion, PlanRoundAttribute, RoundType
from rekrut.interviews.selectors.evaluation import policy_row_for, rules_of
from rekrut.jobs.models import Job, JobFamily, Level, StageKind
from rekrut.portal.prep import content
from rekrut.portal.status import STEPS
from rekrut.practice.bank import BankQuestion, questions_for
from rekrut.practice.selectors import job_public_get

MANAGERIAL_LEVELS = frozenset({Level.MANAGER, Level.HEAD, Level.DIRECTOR})
EXAMPLES = 5
LEADERSHIP_EXAMPLES = 2
REQUIREMENTS_SHOWN = 8
# The practice bank has the four named rounds; another round practises the HR-style questions.
PRACTICE_ROUND: dict[str, str] = {RoundType.CUSTOM: RoundType.HR}
# Stages before any interview say nothing a candidate at an interview needs.
_NOT_AHEAD = {StageKind.APPLIED, StageKind.SCREENING}
_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")  # one city per zone: WIB, WITA, WIT


@dataclass(frozen=True)
class NextStep:
    words: str | Promise
    optional: bool


@dataclass
class PrepPack:
    interview: Interview
    job: Job
    round_type: str
    round_name: str
    advice: content.RoundAdvice
    focus: list[str]
    weight: Promise
    managerial: bool
    examples: list[BankQuestion]
    leadership_examples: list[BankQuestion]
    shared_questions: list[str]
    requirements: list[str]
    company: CompanyProfile | None
    etiquette: tuple[Promise, ...]
    when: str
    other_zones: list[str]
    next_steps: list[NextStep]
    practice_url: str
    is_over: bool
    expected_by: datetime
    zone: str

    @property
    def is_user_round(self) -> bool:
        return self.round_type == RoundType.USER


def job_is_managerial(job: Job) -> bool:
    return job.is_managerial or job.level in MANAGERIAL_LEVELS or job.job_family == JobFamily.MANAGERIAL


def key_requirements(job: Job) -> list[str]:
    """The job's requirements as the ad lists them, one per line, without bullet marks."""
    lines = (line.strip().lstrip("-•*·–").strip() for line in job.requirements.splitlines())
    return [line for line in lines if line][:REQUIREMENTS_SHOWN]


def _weight(round_type: str, job: Job, managerial: bool) -> Promise:
    rules = rules_of(policy_row_for(job=job))
    if round_type == RoundType.HR:
        return content.WEIGHT_HR_GATE if rules.hr_is_gate else content.WEIGHT_HR_PART
    if round_type == RoundType.USER:
        return content.WEIGHT_USER_DECIDES if rules.user_decides else content.WEIGHT_USER_PART
    leaders = round_type in (RoundType.SUPERIOR, RoundType.DIRECTOR)
    if leaders and managerial and rules.managerial_requires_superior_and_director:
        return content.WEIGHT_LEADERS_DECIDE
    return content.WEIGHT_OTHER


def _next_steps(interview: Interview) -> list[NextStep]:
    """The stages after this interview's, in the candidate's words (never HR's own stage names)."""
    stage = interview.round.stage
    steps: list[NextStep] = []
    seen: set[str] = set()
    later = interview.application.job.stages.filter(is_active=True, position__gt=stage.position)
    for kind, optional in later.order_by("position").values_list("kind", "is_optional"):
        if kind in _NOT_AHEAD or kind in seen or kind not in STEPS:
            continue
        seen.add(kind)
        steps.append(NextStep(words=STEPS[kind].step, optional=optional))
    return steps


def practice_url(round_type: str, job: Job) -> str:
    """The practice page for this round and the job's family, and the job itself while the careers site
    shows it (its key requirements are the terms the feedback looks for)."""
    params = {"round": PRACTICE_ROUND.get(round_type, round_type), "family": job.job_family}
    if job_public_get(job.pk) is not None:
        params["job"] = str(job.pk)
    query = urlencode(params)
    for name in ("practice:start", "practice:home", "practice:index"):
        try:
            return f"{reverse(name)}?{query}"
        except NoReverseMatch:
            continue
    return f"/careers/practice/?{query}"


def _other_zones(interview: Interview, zone: str) -> list[str]:
    """An online or phone interview can be joined from anywhere in Indonesia: its time in the other zones."""
    if interview.mode == InterviewMode.ON_SITE:
        return []
    own = zone_abbreviation(zone)
    return [
        local_datetime(interview.starts_at, other) for other in _ZONES if ZONE_ABBREVIATIONS[other] != own
    ]


def prep_pack_build(interview: Interview, *, now: datetime | None = None) -> PrepPack:
    now = now or timezone.now()
    plan_round = interview.round
    job = interview.application.job
    round_type = plan_round.round_type
    managerial = job_is_managerial(job)
    bank_round = PRACTICE_ROUND.get(round_type, round_type)
    examples = questions_for(bank_round, job.job_family)[:EXAMPLES]
    leadership = []
    if managerial:
        leadership = [q for q in questions_for(bank_round, job.job_family, managerial=True) if q.managerial]
    focus = [
        row.attribute.name
        for row in PlanRoundAttribute.objects.filter(round=plan_round).select_related("attribute")
    ]
    # Only the text of a question HR chose to share: its strong-answer note and rubric stay internal.
    shared = [
        row.question.text
        for row in KitQuestion.objects.filter(
            round=plan_round, shareable=True, question__is_active=True
        ).select_related("question")
    ]
    zone = interview_zone(interview)
    return PrepPack(
        interview=interview,
        job=job,
        round_type=round_type,
        round_name=str(RoundType(round_type).label),
        advice=content.ROUNDS.get(round_type, content.ROUNDS[RoundType.CUSTOM]),
        focus=focus,
        weight=_weight(round_type, job, managerial),
        managerial=managerial,
        examples=examples,
        leadership_examples=leadership[:LEADERSHIP_EXAMPLES],
        shared_questions=shared,
        requirements=key_requirements(job),
        company=company_profile_get(),
        etiquette=content.ETIQUETTE.get(interview.mode, ()),
        when=local_datetime(interview.starts_at, zone),
        other_zones=_other_zones(interview, zone),
        next_steps=_next_steps(interview),
        practice_url=practice_url(round_type, job),
        is_over=now >= interview.ends_at,
        expected_by=interview.ends_at + timedelta(days=content.RESPONSE_DAYS),
        zone=zone_abbreviation(zone),
    )
