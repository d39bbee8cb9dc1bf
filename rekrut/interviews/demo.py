"""Interviews for the demo company: plans for every job, and interviews with submitted scorecards for the
applications at or past the interview stages, so the evaluation page has something to show on `make run`.

`rekrut demo` builds it after the pipeline demo. Everything goes through the services; a second run finds
the interviews already there and changes nothing.
"""

import math
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.interviews.models import PlanRound, RoundType
from rekrut.interviews.selectors.plans import plan_rounds
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.interviews.services.scorecards import ScorecardInput, scorecard_save_draft, scorecard_submit
from rekrut.jobs.models import Job, TeamRole
from rekrut.pipeline.models import Application, ApplicationStatus

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
) -> None:
    """An interview `days_ago` days back (negative: to come); a None recommendation leaves a draft."""
    people = list(plan_round.interviewers.all())
    if not people:
        return
    interview = interview_schedule(
        actor=actor,
        application=application,
        plan_round=plan_round,
        starts_at=_demo_start(rng, days_ago),
        duration_minutes=plan_round.duration_minutes,
        interviewers=people,
        location=rng.choice(["Ruang Rapat Melati, lantai 3", "https://meet.google.com/abc-defg-hij"]),
        notify=False,
    )
    if days_ago <= 0:
        return
    for person, recommendation in zip(
        people, recommendations + recommendations[-1:] * len(people), strict=False
    ):
        content = _content(rng, plan_round, recommendation or "yes", application.job)
        if recommendation is None:
            scorecard_save_draft(actor=person, interview=interview, content=content)
        else:
            scorecard_submit(actor=person, interview=interview, content=content)


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
            if application.interviews.exists():
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
    here = application.stage.position
    # Closed applications take no new interviews (the service refuses them).
    if application.status != ApplicationStatus.ACTIVE or here < hr_round.stage.position:
        return False
    if here == hr_round.stage.position:
        if index % 3 == 0:
            _hold(rng, application, hr_round, actor, -rng.randint(1, 4), [])  # still to come
        elif index % 3 == 1:
            _hold(rng, application, hr_round, actor, 2, [None])  # held, the scorecard is overdue
        else:
            _hold(rng, application, hr_round, actor, 1, [rng.choice(["yes", "strong_yes"])])
        return True
    _hold(
        rng, application, hr_round, actor, 12 + rng.random() * 5, [rng.choice(["yes", "yes", "strong_yes"])]
    )
    if here == user_round.stage.position:
        if index % 3 == 0:
            _hold(rng, application, user_round, actor, -rng.randint(1, 3), [])
        elif index % 3 == 1:
            # The user has submitted, a second interviewer has not: independent judgement at work.
            _hold(rng, application, user_round, actor, 1.5, ["strong_yes", None])
        else:
            _hold(rng, application, user_round, actor, 1, ["no"])  # HR said yes: a disagreement to settle
        return True
    _hold(
        rng, application, user_round, actor, 6 + rng.random() * 4, [rng.choice(["yes", "strong_yes"]), "yes"]
    )
    for round_type in (RoundType.SUPERIOR, RoundType.DIRECTOR):
        extra = rounds.get(round_type)
        if extra is not None and here == extra.stage.position:
            _hold(rng, application, extra, actor, 1, ["yes"])
    return True
