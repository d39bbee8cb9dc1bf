"""Interviews for the demo company: plans for every job, and interviews with submitted scorecards for the
applications at or past the interview stages, so the evaluation page has something to show on `make run`.

The company's walk moves each application on with application_move_on, which holds the interview of every
interview stage it leaves (passed) and records the evaluation's decision, as the exit rules require.
`rekrut demo` then adds what waits in each application's current round (interviews to come, overdue
scorecards, disagreements). Everything goes through the services; a second run changes nothing.
"""

import math
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.demo.contracts import contract_signed
from rekrut.demo.medical import medical_passed
from rekrut.demo.offers import offer_accepted
from rekrut.interviews.models import INTERVIEW_KINDS, DecisionOutcome, PlanRound, RoundType
from rekrut.interviews.selectors.plans import plan_rounds
from rekrut.interviews.services.decisions import decision_record
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.interviews.services.scorecards import ScorecardInput, scorecard_save_draft, scorecard_submit
from rekrut.jobs.models import Job, Stage, StageKind, TeamRole
from rekrut.pipeline import services
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

EVIDENCE = [
    "Memberi contoh konkret dari pekerjaan sebelumnya, lengkap dengan hasilnya.",
    "Menjawab runtut; menjelaskan situasi, tindakan, dan hasil dengan jelas.",
    "Contoh yang diberikan masih umum; perlu digali lebih dalam di tahap berikutnya.",
    "Menunjukkan pemahaman yang baik tentang alat kerja yang dipakai tim.",
    "Tenang saat diberi pertanyaan lanjutan yang menantang.",
    "Mengakui kekurangan dengan jujur dan menjelaskan apa yang sedang dipelajari.",
]
NOTES = [
    "Jawaban relevan dan disertai angka.",
    "Cerita proyeknya meyakinkan; peran pribadinya jelas.",
    "Kurang spesifik; pewawancara perlu bertanya ulang.",
]
RATING_FOR = {"strong_yes": (3, 4, 4), "yes": (3, 3, 4), "no": (2, 2, 3), "strong_no": (1, 2, 2)}


def _content(rng: random.Random, plan_round: PlanRound, recommendation: str, job: Job) -> ScorecardInput:
    codes = [ra.attribute.code for ra in plan_round.round_attributes.all()]
    kit = [kq.question_id for kq in plan_round.kit.all()]
    ratings: dict[str, int | None] = {code: rng.choice(RATING_FOR[recommendation]) for code in codes}
    if codes:
        ratings[codes[-1]] = None  # not every attribute comes up in every interview
    salary = None
    if plan_round.asks_salary_and_notice and job.salary_min and job.salary_max:
        salary = rng.randrange(job.salary_min, job.salary_max + 1, 250_000)
    return ScorecardInput(
        ratings=ratings,
        evidence={code: rng.choice(EVIDENCE) for code in codes[:3]},
        question_notes={qid: rng.choice(NOTES) for qid in kit[:2]},
        recommendation=recommendation,
        overall_notes="Ringkasan: " + rng.choice(EVIDENCE),
        salary_expectation=salary,
        notice_period_days=rng.choice([0, 14, 30, 30, 60]) if plan_round.asks_salary_and_notice else None,
        background_notes="S1, pengalaman relevan 3 tahun." if plan_round.asks_background else "",
    )


def _demo_start(rng: random.Random, days_ago: float) -> datetime:
    """Past interviews keep their exact distance from now; coming ones fall in office hours (WIB)."""
    if days_ago >= 0:
        return (timezone.now() - timedelta(days=days_ago)).replace(minute=0, second=0, microsecond=0)
    jakarta = ZoneInfo("Asia/Jakarta")
    day = timezone.localdate(timezone.now(), jakarta) + timedelta(days=max(1, math.ceil(-days_ago)))
    return datetime.combine(day, time(rng.choice([9, 10, 13, 14, 15])), tzinfo=jakarta)


def _hold(
    rng: random.Random,
    application: Application,
    plan_round: PlanRound,
    actor: User,
    days_ago: float,
    recommendations: list[str | None],
    people: list[User] | None = None,
) -> bool:
    """An interview `days_ago` days back (negative: to come); a None recommendation leaves a draft.

    Held by the round's interviewers (or `people`); False when there is nobody to hold it.
    """
    people = people or list(plan_round.interviewers.all())
    if not people:
        return False
    interview = interview_schedule(
        actor=actor,
        application=application,
        plan_round=plan_round,
        starts_at=_demo_start(rng, days_ago),
        duration_minutes=plan_round.duration_minutes,
        interviewers=people,
        location=rng.choice(["Ruang Rapat Melati, lantai 3", "https://meet.google.com/abc-defg-hij"]),
        notify=False,
        allow_past=True,
    )
    if days_ago <= 0:
        return True
    for person, recommendation in zip(
        people, recommendations + recommendations[-1:] * len(people), strict=False
    ):
        content = _content(rng, plan_round, recommendation or "yes", application.job)
        if recommendation is None:
            scorecard_save_draft(actor=person, interview=interview, content=content)
        else:
            scorecard_submit(actor=person, interview=interview, content=content)
    return True


# A round the application has passed: held this many days ago (plus up to a few), with these recommendations.
PASSED_ROUNDS: dict[str, tuple[float, list[list[str | None]]]] = {
    RoundType.HR: (12, [["yes"], ["yes"], ["strong_yes"]]),
    RoundType.USER: (6, [["yes", "yes"], ["strong_yes", "yes"]]),
}
PASSED_OTHER_ROUND: tuple[float, list[list[str | None]]] = (2, [["yes"]])


def application_move_on(*, application: Application, to_stage: Stage, actor: User) -> Application:
    """Moves a demo application on as it happens for real: the interview of the stage it leaves is held and
    passed first, and the internal evaluation is left by its recorded decision (the exit rules hold)."""
    application = Application.objects.select_related("stage", "job", "candidate").get(pk=application.pk)
    here = application.stage
    rng = random.Random(application.pk * 1009 + here.position)
    if here.kind in INTERVIEW_KINDS:
        interview_plan_ensure(job=application.job)
        plan_round = PlanRound.objects.get(stage=here)
        days, choices = PASSED_ROUNDS.get(plan_round.round_type, PASSED_OTHER_ROUND)
        people = list(plan_round.interviewers.all()) or [actor]
        _hold(rng, application, plan_round, actor, days + rng.random() * 4, rng.choice(choices), people)
    if here.kind == StageKind.MEDICAL:
        medical_passed(application=application, actor=actor)
    if here.kind == StageKind.OFFER:
        offer_accepted(application=application, actor=actor)
    if here.kind == StageKind.CONTRACT:
        contract_signed(application=application, actor=actor)
    if here.kind == StageKind.EVALUATION:
        decision_record(
            actor=actor,
            application=application,
            outcome=DecisionOutcome.PROCEED,
            reason="HR dan user sama-sama merekomendasikan kandidat; lanjut ke tahap berikutnya.",
            expected_version=None,
            to_stage=to_stage,
        )
        return Application.objects.get(pk=application.pk)
    return services.application_move(
        application=application, to_stage=to_stage, actor=actor, expected_version=None
    )


@transaction.atomic
def interviews_demo_build(*, seed: int = 2026) -> int:
    """Creates the demo's interviews once; returns how many applications got interviews this time."""
    rng = random.Random(seed)
    done = 0
    for job in Job.objects.order_by("pk"):
        interview_plan_ensure(job=job)
        rounds = {r.round_type: r for r in plan_rounds(job=job)}
        hr_round, user_round = rounds.get(RoundType.HR), rounds.get(RoundType.USER)
        owner = job.team.filter(role=TeamRole.HR_OWNER).select_related("user").first()
        if hr_round is None or user_round is None or owner is None:
            continue
        applications = job.applications.select_related("stage", "candidate", "job").order_by("pk")
        for index, application in enumerate(applications):
            if application.interviews.filter(round__stage_id=application.stage_id).exists():
                continue
            if _interview_one(rng, index, application, hr_round, user_round, rounds, owner.user):
                done += 1
    return done


def _interview_one(
    rng: random.Random,
    index: int,
    application: Application,
    hr_round: PlanRound,
    user_round: PlanRound,
    rounds: dict[str, PlanRound],
    actor: User,
) -> bool:
    """What waits in the application's current round; the rounds it passed were held on its way here."""
    here = application.stage.position
    # Closed applications take no new interviews (the service refuses them).
    if application.status != ApplicationStatus.ACTIVE:
        return False
    if here == hr_round.stage.position:
        if index % 3 == 0:
            return _hold(rng, application, hr_round, actor, -rng.randint(1, 4), [])  # still to come
        if index % 3 == 1:
            return _hold(rng, application, hr_round, actor, 2, [None])  # held, the scorecard is overdue
        return _hold(rng, application, hr_round, actor, 1, [rng.choice(["yes", "strong_yes"])])
    if here == user_round.stage.position:
        if index % 3 == 0:
            return _hold(rng, application, user_round, actor, -rng.randint(1, 3), [])
        if index % 3 == 1:
            # The user has submitted, a second interviewer has not: independent judgement at work.
            return _hold(rng, application, user_round, actor, 1.5, ["strong_yes", None])
        # HR said yes: a disagreement to settle
        return _hold(rng, application, user_round, actor, 1, ["no"])
    for round_type in (RoundType.SUPERIOR, RoundType.DIRECTOR):
        extra = rounds.get(round_type)
        if extra is not None and here == extra.stage.position:
            return _hold(rng, application, extra, actor, 1, ["yes"])
    return False
