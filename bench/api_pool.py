"""What the API workloads (W1–W4 in run.py) request: application ids for the detail, and a pool of pending
interviews for the write.

W3 saves a draft scorecard as the HR admin (`sari`), who must be one of the interview's interviewers: the
pool is WRITE_POOL interviews a few days ahead on the board job's active applications, in its first
interview round, with `sari` as the interviewer. Bulk-inserted like the rest of the data; made once and
found again on the next run (the generator's "ensure" steps), so the ids in facts.json stay valid.
"""

import random
from datetime import UTC, datetime, timedelta
from typing import Any

DETAIL_IDS = 20_000  # W2 requests one application at random among these
WRITE_POOL = 1_000  # W3 rotates over these pending interviews
SEARCH_TEXT = "budi"  # W4: name contains "budi" (Budi is among the most common Indonesian first names)
POOL_MARK = "bench-w3"  # the pool's interviews carry it in `room`, so a later run finds them again


def api_facts_ensure(*, seed: int, board_job: Any, interviewer: Any) -> dict[str, Any]:
    from rekrut.pipeline.models import Application

    rng = random.Random(seed + 16)
    ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
    interview_ids, body = _write_pool_ensure(rng, board_job, interviewer)
    return {
        "api_detail_ids": sorted(rng.sample(ids, min(DETAIL_IDS, len(ids)))),
        "api_write_interview_ids": interview_ids,
        "api_write_body": body,
        "api_search_text": SEARCH_TEXT,
    }


def _write_pool_ensure(rng: random.Random, board_job: Any, interviewer: Any) -> tuple[list[int], dict]:
    from django.db import transaction

    from rekrut.interviews.models import Interview, PlanRound
    from rekrut.interviews.services.plans import interview_plan_ensure
    from rekrut.pipeline.models import Application

    interview_plan_ensure(job=board_job)
    plan_round = (
        PlanRound.objects.filter(job=board_job, round_attributes__isnull=False)
        .order_by("stage__position")
        .first()
    )
    if plan_round is None:
        raise SystemExit(f"The board job #{board_job.pk} has no interview round with attributes to rate.")
    pool = list(
        Interview.objects.filter(round=plan_round, room=POOL_MARK, interviewers=interviewer)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(pool) < WRITE_POOL:
        applications = list(
            Application.objects.filter(job=board_job, status="active")
            .order_by("pk")
            .values_list("pk", flat=True)[:WRITE_POOL]
        )
        starts = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
        with transaction.atomic():
            made = Interview.objects.bulk_create(
                Interview(
                    application_id=pk,
                    round=plan_round,
                    starts_at=starts + timedelta(minutes=30 * rng.randrange(200)),
                    duration_minutes=60,
                    room=POOL_MARK,
                    created_by=interviewer,
                )
                for pk in applications[len(pool) :]
            )
            Interview.interviewers.through.objects.bulk_create(
                Interview.interviewers.through(interview_id=i.pk, user_id=interviewer.pk) for i in made
            )
        pool += [i.pk for i in made]
    codes = list(plan_round.round_attributes.order_by("pk").values_list("attribute__code", flat=True))
    body = {
        "ratings": dict.fromkeys(codes, 3),
        "evidence": {codes[0]: "Menjelaskan langkah penanganan keluhan pelanggan dengan runtut."},
        "recommendation": "yes",
        "overall_notes": "Draf catatan wawancara (bench).",
    }
    return pool, body
