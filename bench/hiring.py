"""Bench data after the pipeline: interviews, scorecards, evaluation decisions and offers, so the reports
(rekrut/reports) run over a company-sized history. Bulk-inserted like the applications, seeded.

Read from the transitions generate.py wrote: every entry into an interview stage gets an interview a day
later with the job's HR owner (HR rounds, with a second interviewer on a third of them) or its user (user
rounds); its scorecards say yes when the application went on and no when it stopped there, with a
seeded share of surprises and of late or missing scorecards. Every entry into the offer stage gets an
offer, accepted when the candidate was hired and declined (with a reason) when they stopped there.
"""

import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

BATCH = 10_000
DECLINE_REASONS = [
    "Gaji yang ditawarkan di bawah harapan saya.",
    "Saya menerima tawaran lain.",
    "Lokasi kerja terlalu jauh.",
    "",
]


def hiring_create(
    rng: random.Random, jobs: list, users: dict, now: datetime, timestamps: Any
) -> dict[str, int]:
    from django.db import transaction

    from rekrut.interviews.models import Decision, Interview, PlanRound, Scorecard
    from rekrut.interviews.services.plans import interview_plan_ensure
    from rekrut.jobs.models import Job, StageKind
    from rekrut.offers.models import Offer, OfferAnswer
    from rekrut.pipeline.models import Application, Transition

    # The jobs opened a while before the history generate.py wrote (it goes back a year): time to fill.
    opened = now - timedelta(days=400)
    Job.objects.filter(pk__in=[job.pk for job in jobs]).update(created_at=opened, published_at=opened)
    for job in jobs:
        interview_plan_ensure(job=job)
    rounds = {r.stage_id: r for r in PlanRound.objects.filter(job__in=jobs)}
    owners = {job.pk: job.team.get(role="hr_owner").user_id for job in jobs}
    managers = {
        job.pk: (job.team.filter(role="user").values_list("user_id", flat=True).first()) for job in jobs
    }
    second = [users["maya"].pk, users["hendra"].pk, users["sari"].pk]
    offer_stages = {
        job.stages.filter(kind=StageKind.OFFER).values_list("pk", flat=True).first() for job in jobs
    } - {None}
    evaluation = {
        job.pk: job.stages.filter(kind=StageKind.EVALUATION).values_list("pk", flat=True).first()
        for job in jobs
    }

    history: dict[int, list[tuple]] = defaultdict(list)
    for row in (
        Transition.objects.filter(application__job__in=jobs)
        .order_by("application_id", "at", "pk")
        .values_list("application_id", "at", "kind", "from_stage_id", "to_stage_id")
        .iterator(chunk_size=BATCH)
    ):
        history[row[0]].append(row[1:])
    apps = dict(Application.objects.filter(job__in=jobs).values_list("pk", "job_id"))
    job_of = {job.pk: job for job in jobs}

    interviews, assigned, cards, decisions, offers, answers = [], [], [], [], [], []
    for application_id, steps in history.items():
        job_id = apps[application_id]
        for i, (at, kind, _from, to_stage, *_rest) in enumerate(steps):
            if kind not in ("moved", "applied"):
                continue
            after = steps[i + 1] if i + 1 < len(steps) else None
            went_on = after is not None and after[1] in ("moved", "hired")
            stopped = after is not None and after[1] in ("rejected", "withdrawn")
            plan_round = rounds.get(to_stage)
            if plan_round is not None:
                starts = at + timedelta(days=1, hours=rng.randint(0, 6))
                if after is not None and starts >= after[0]:
                    starts = at + (after[0] - at) / 2
                people = [
                    owners[job_id] if plan_round.round_type == "hr" else (managers[job_id] or owners[job_id])
                ]
                if plan_round.round_type == "hr" and rng.random() < 0.33:
                    people.append(rng.choice([p for p in second if p not in people]))
                interview = Interview(
                    application_id=application_id,
                    round=plan_round,
                    starts_at=starts,
                    duration_minutes=60,
                    created_by_id=owners[job_id],
                    created_at=at,
                )
                interviews.append((interview, people, went_on, stopped))
            if to_stage == evaluation.get(job_id) and (went_on or stopped):
                decisions.append(
                    Decision(
                        application_id=application_id,
                        decided_by_id=owners[job_id],
                        outcome="proceed" if went_on else "reject",
                        from_stage_id=to_stage,
                        reason="Bench",
                        at=after[0],
                    )
                )
            if to_stage in offer_stages:
                sent = at + timedelta(hours=rng.randint(4, 48))
                job = job_of[job_id]
                low, high = job.salary_min or 5_000_000, job.salary_max or 8_000_000
                salary = rng.choice([int(low * 0.9), (low + high) // 2, high, int(high * 1.1)])
                status = "accepted" if went_on else "declined" if stopped else "sent"
                offer = Offer(
                    application_id=application_id,
                    status=status,
                    position=job.title,
                    department_id=job.department_id,
                    work_location_id=job.location_id,
                    start_date=(sent + timedelta(days=30)).date(),
                    employment_type="pkwtt",
                    base_salary=salary,
                    expires_on=(sent + timedelta(days=7)).date(),
                    signatory_id=owners[job_id],
                    created_by_id=owners[job_id],
                    created_at=sent,
                    updated_at=sent,
                    sent_at=sent,
                    sent_by_id=owners[job_id],
                )
                answered = None
                if status != "sent" and after is not None:
                    answered = min(after[0], sent + timedelta(hours=rng.randint(2, 120)))
                offers.append((offer, status, answered))

    with transaction.atomic():
        with timestamps(Interview, "created_at"):
            Interview.objects.bulk_create([i for i, *_ in interviews], batch_size=BATCH)
        through = Interview.interviewers.through
        for interview, people, went_on, stopped in interviews:
            for person in people:
                assigned.append(through(interview_id=interview.pk, user_id=person))
                ends = interview.starts_at + timedelta(minutes=60)
                if not (went_on or stopped) and rng.random() < 0.3:
                    continue  # not written (yet): waiting or overdue
                if went_on:
                    recommendation = rng.choices(["strong_yes", "yes", "no"], weights=[3, 6, 1])[0]
                else:
                    recommendation = rng.choices(["strong_no", "no", "yes"], weights=[3, 6, 1])[0]
                submitted = ends + timedelta(hours=rng.choice([1, 3, 8, 20, 30, 60]))
                cards.append(
                    Scorecard(
                        interview_id=interview.pk,
                        interviewer_id=person,
                        status="submitted",
                        recommendation=recommendation,
                        version=1,
                        created_at=ends,
                        updated_at=submitted,
                        submitted_at=submitted,
                    )
                )
        through.objects.bulk_create(assigned, batch_size=BATCH)
        with timestamps(Scorecard, "created_at", "updated_at"):
            Scorecard.objects.bulk_create(cards, batch_size=BATCH)
        Decision.objects.bulk_create(decisions, batch_size=BATCH)
        with timestamps(Offer, "created_at", "updated_at"):
            Offer.objects.bulk_create([o for o, *_ in offers], batch_size=BATCH)
        for offer, status, answered in offers:
            if answered is not None:
                answers.append(
                    OfferAnswer(
                        offer_id=offer.pk,
                        kind=status,
                        text=rng.choice(DECLINE_REASONS) if status == "declined" else "",
                        terms_hash="0" * 64,
                        answered_at=answered,
                    )
                )
        with timestamps(OfferAnswer, "answered_at"):
            OfferAnswer.objects.bulk_create(answers, batch_size=BATCH)
    return {
        "interviews": len(interviews),
        "scorecards": len(cards),
        "decisions": len(decisions),
        "offers": len(offers),
    }
