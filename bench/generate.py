"""Bench data: 100,000 candidates and 150,000 applications over 20 jobs, plus the demo personas.

One job (the "board" job) holds exactly 2,000 active applications spread over its stages. Jobs go through
jobs.services.job_create, so their stages come from the company's templates; candidates, applications and
their history are bulk-inserted, because 150,000 service calls would take the better part of an hour. The
history is the one the services would have written: an 'applied' transition, one 'moved' (or, into the last
stage, 'hired') transition per stage passed, and a 'rejected'/'withdrawn' one for closed applications.

Deterministic for a seed (the same people, jobs, stages and statuses); times are relative to the run.

    .venv/bin/python bench/generate.py            # skips when the bench database already has the data
    .venv/bin/python bench/generate.py --force    # throws the bench database away and builds it again
    .venv/bin/python bench/generate.py --scale 0.05   # a small data set, for trying the bench out
"""

import argparse
import importlib
import json
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import api_pool
import benchenv
import hiring
import plan
from django.db import transaction

BATCH = 10_000
SEARCH_SURNAME = "Saputra"  # one of people.LAST_NAMES: about 1 candidate in 35 carries it
PAGE_CANDIDATES = 200  # candidate pages the "candidate page" scenario rotates over


class Timer:
    """Wall-clock time per step, and this process's CPU time (which other load on the machine spares)."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.cpu_start = self.cpu_last = time.process_time()

    def lap(self, what: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        print(f"  {what:<52} {now - self.last:6.1f} s  (CPU {cpu - self.cpu_last:5.1f} s)", flush=True)
        self.last, self.cpu_last = now, cpu

    @property
    def total(self) -> float:
        return time.perf_counter() - self.start

    @property
    def cpu_total(self) -> float:
        return time.process_time() - self.cpu_start


@contextmanager
def _timestamps_as_given(model: Any, *names: str) -> Iterator[None]:
    """auto_now/auto_now_add would stamp every bulk row with 'now'; the bench wants lived-in dates."""
    fields = [model._meta.get_field(n) for n in names]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _sqlite_fast_writes() -> None:
    """The bench database is disposable: no fsync while loading it, and longer INSERTs.

    Django assumes SQLite's old limit of 999 parameters per statement (83 transitions per INSERT); the
    SQLite in use allows 32,766 since 3.32.
    """
    import sqlite3

    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
        if sqlite3.sqlite_version_info >= (3, 32):
            connection.features.max_query_params = 32_766


def _has_data(*, seed: int, scale: float) -> bool:
    """The database holds a complete data set generated with these settings (facts.json is written last)."""
    from rekrut.pipeline.models import Application

    if not benchenv.FACTS_FILE.exists():
        return False
    facts = benchenv.facts_read()
    return (facts["seed"], facts["scale"]) == (seed, scale) and Application.objects.count() == facts[
        "counts"
    ]["applications"]


def _jobs_create(rng: random.Random, users: dict) -> list:
    from rekrut.demo.company import JOBS
    from rekrut.jobs.models import Department, EmploymentType, JobStatus, Location, WorkMode
    from rekrut.jobs.services import TeamSpec, job_create

    locations = {
        "Kantor Pusat Jakarta": Location.objects.get_or_create(
            name="Kantor Pusat Jakarta", defaults={"city": "Jakarta Selatan", "time_zone": "Asia/Jakarta"}
        )[0],
        "Cabang Makassar": Location.objects.get_or_create(
            name="Cabang Makassar", defaults={"city": "Makassar", "time_zone": "Asia/Makassar"}
        )[0],
    }
    specs = list(JOBS) + [
        (
            title,
            dept,
            family,
            level,
            level in {"manager", "head", "director"},
            rng.choice([EmploymentType.PKWT, EmploymentType.PKWTT]),
            rng.choice(list(locations)),
            owner,
            user,
            (low * 1_000_000, high * 1_000_000),
        )
        for title, dept, family, level, owner, user, (low, high) in plan.EXTRA_JOBS
    ]
    jobs = []
    for title, dept, family, level, managerial, etype, loc, owner, user, (low, high) in specs:
        jobs.append(
            job_create(
                actor=users["sari"],
                team=TeamSpec(
                    hr_owner=users[owner],
                    user=users[user],
                    interviewers=(users["maya"],) if family == "marketing_content" else (),
                    director=users["hendra"] if managerial else None,
                ),
                title=title,
                department=Department.objects.get_or_create(name=dept)[0],
                level=level,
                is_managerial=managerial,
                job_family=family,
                employment_type=etype,
                location=locations[loc],
                work_mode=WorkMode.ON_SITE if managerial else rng.choice(list(WorkMode)),
                headcount=rng.randint(1, 5),
                status=JobStatus.OPEN,
                description=f"Kami mencari {title} untuk bergabung dengan tim {dept}.",
                requirements=plan.REQUIREMENTS,
                salary_min=low,
                salary_max=high,
            )
        )
    return jobs


def _candidates_create(
    rng: random.Random, slots: list[plan.Slot], jobs_of: list[list[int]], jobs: list, now: datetime
) -> list[int]:
    from rekrut.candidates.models import Candidate, CandidateEvent, Source
    from rekrut.demo.company import cv_text, phone_make
    from rekrut.demo.people import CITIES, FIRST_NAMES, LAST_NAMES

    owners = [job.team.get(role="hr_owner").user for job in jobs]
    sources = [Source.CAREERS_PAGE, Source.JOB_BOARD, Source.LINKEDIN, Source.REFERRAL, Source.IMPORT]
    domains = ["gmail.com", "yahoo.co.id", "outlook.com", "ymail.com"]
    pks: list[int] = []
    with (
        _timestamps_as_given(Candidate, "created_at", "updated_at"),
        _timestamps_as_given(CandidateEvent, "at"),
    ):
        for start in range(0, len(jobs_of), BATCH):
            batch = []
            for index in range(start, min(start + BATCH, len(jobs_of))):
                first_slot = max(jobs_of[index], key=lambda s: slots[s].applied_days_ago)
                job = jobs[slots[first_slot].job]
                names = [rng.choice(FIRST_NAMES)]
                if rng.random() < 0.3:
                    names.append(rng.choice(FIRST_NAMES))
                names.append(rng.choice(LAST_NAMES))
                name = " ".join(names)
                city = rng.choice(CITIES)
                email = f"{'.'.join(names).lower()}{index}@{rng.choice(domains)}"
                phone = phone_make(rng)
                created = now - timedelta(days=slots[first_slot].applied_days_ago, minutes=rng.randint(1, 90))
                batch.append(
                    Candidate(
                        full_name=name,
                        email=email,
                        phone=phone,
                        city=city,
                        source=rng.choice(sources),
                        cv_text=cv_text(rng, name, city, email, phone, job.job_family),
                        created_by=owners[slots[first_slot].job],
                        created_at=created,
                        updated_at=created,
                    )
                )
            with transaction.atomic():
                Candidate.objects.bulk_create(batch)
                CandidateEvent.objects.bulk_create(
                    CandidateEvent(
                        candidate=c,
                        actor=c.created_by,
                        at=c.created_at,
                        kind="created",
                        params={},
                    )
                    for c in batch
                )
            pks += [c.pk for c in batch]
    return pks


def _applications_create(
    rng: random.Random, slots: list[plan.Slot], candidate_pks: list[int], jobs: list, now: datetime
) -> tuple[int, int]:
    from rekrut.pipeline.models import Application, RejectReason, Transition

    stages_of = [list(job.stages.filter(is_active=True).order_by("position")) for job in jobs]
    owners = [job.team.get(role="hr_owner").user_id for job in jobs]
    reasons = list(RejectReason.objects.filter(is_active=True))
    n_apps = n_transitions = 0
    for start in range(0, len(slots), BATCH):
        chunk = slots[start : start + BATCH]
        applications, histories = [], []
        for slot in chunk:
            stages = stages_of[slot.job]
            target = stages[slot.reached]
            # The stages passed on the way, as application_move allows: optional ones only when aimed at.
            path = [stages[0]] + [
                s for s in stages[1 : slot.reached + 1] if not s.is_optional or s.pk == target.pk
            ]
            applied_at = now - timedelta(days=slot.applied_days_ago)
            closes = slot.status in {"rejected", "withdrawn"}
            steps = len(path) - 1 + closes
            span = (now - applied_at).total_seconds()
            times = [applied_at] + [
                applied_at + timedelta(seconds=f * span * 0.98)
                for f in sorted(rng.random() for _ in range(steps))
            ]
            reason = rng.choice(reasons) if slot.status == "rejected" else None
            actor = owners[slot.job]
            application = Application(
                candidate_id=candidate_pks[slot.candidate],
                job_id=jobs[slot.job].pk,
                stage_id=target.pk,
                status=slot.status,
                reject_reason_id=reason.pk if reason else None,
                applied_at=applied_at,
                stage_entered_at=times[len(path) - 1],
                version=1 + steps,
            )
            history = [
                Transition(
                    actor_id=actor,
                    at=applied_at,
                    kind="applied",
                    to_stage_id=path[0].pk,
                    from_status="",
                    to_status="active",
                )
            ]
            for i in range(1, len(path)):
                hired = slot.status == "hired" and i == len(path) - 1
                history.append(
                    Transition(
                        actor_id=actor,
                        at=times[i],
                        kind="hired" if hired else "moved",
                        from_stage_id=path[i - 1].pk,
                        to_stage_id=path[i].pk,
                        from_status="active",
                        to_status="hired" if hired else "active",
                    )
                )
            if closes:
                history.append(
                    Transition(
                        actor_id=actor,
                        at=times[-1],
                        kind=slot.status,
                        from_stage_id=target.pk,
                        to_stage_id=target.pk,
                        from_status="active",
                        to_status=slot.status,
                        reason_id=reason.pk if reason else None,
                    )
                )
            applications.append(application)
            histories.append(history)
        with transaction.atomic():
            Application.objects.bulk_create(applications)
            rows = []
            for application, history in zip(applications, histories, strict=True):
                for transition in history:
                    transition.application_id = application.pk
                    rows.append(transition)
            Transition.objects.bulk_create(rows)
        n_apps += len(applications)
        n_transitions += len(rows)
    return n_apps, n_transitions


def _api_token_ensure(user: Any) -> None:
    """A token for the HR admin, kept in var/api_token (only its hash is in the database)."""
    from rekrut.accounts.models import ApiToken
    from rekrut.accounts.services import api_token_create

    if benchenv.TOKEN_FILE.exists():
        key = benchenv.TOKEN_FILE.read_text().strip()
        if ApiToken.objects.filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True).exists():
            return
    _, key = api_token_create(user=user, name="bench")
    benchenv.TOKEN_FILE.write_text(key + "\n")
    benchenv.TOKEN_FILE.chmod(0o600)


def _facts_write(board_job: Any, timer: Timer, seed: int, scale: float) -> dict[str, Any]:
    """What the load scenarios need to know about the data: ids to request, and the counts."""
    from django.db import connection

    from rekrut.candidates.models import Candidate
    from rekrut.pipeline.models import Application, Transition

    stages = list(board_job.stages.filter(is_active=True).order_by("position"))
    active = Application.objects.filter(job=board_job, status="active")
    candidate_ids = list(active.order_by("pk").values_list("candidate_id", flat=True))
    step = max(1, len(candidate_ids) // PAGE_CANDIDATES)
    facts = {
        "seed": seed,
        "scale": scale,
        "database": connection.vendor,
        "generation_seconds": round(timer.total, 1),
        "generation_cpu_seconds": round(timer.cpu_total, 1),
        "board_job_id": board_job.pk,
        "board_job_title": board_job.title,
        # The API scenario lists the second stage (CV screening), which holds the most cards after Applied.
        "api_stage_id": stages[1].pk,
        "board_stage_ids": [s.pk for s in stages],
        "search_query": SEARCH_SURNAME,
        "candidate_ids": candidate_ids[::step][:PAGE_CANDIDATES],
        "counts": {
            "candidates": Candidate.objects.count(),
            "applications": Application.objects.count(),
            "transitions": Transition.objects.count(),
            "board_active": active.count(),
            "search_matches": Candidate.objects.filter(full_name__icontains=SEARCH_SURNAME).count(),
        },
    }
    benchenv.FACTS_FILE.write_text(json.dumps(facts, indent=2) + "\n")
    return facts


def _hiring_ensure(users: dict, seed: int) -> None:
    """A data set generated before the reports existed gets its interviews, scorecards and offers once."""
    from rekrut.interviews.models import Interview
    from rekrut.jobs.models import Job

    if Interview.objects.exists():
        return
    jobs = list(Job.objects.order_by("pk"))
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    made = hiring.hiring_create(random.Random(seed + 1), jobs, users, now, _timestamps_as_given)
    print("Added the hiring history: " + ", ".join(f"{n:,} {what}" for what, n in made.items()))


def _api_facts_ensure(facts: dict[str, Any], users: dict, seed: int) -> dict[str, Any]:
    """The API workloads' ids (W2's applications, W3's pending interviews), added to facts.json once."""
    from rekrut.jobs.models import Job

    if "api_write_interview_ids" not in facts:
        board_job = Job.objects.get(pk=facts["board_job_id"])
        facts = {
            **facts,
            **api_pool.api_facts_ensure(seed=seed, board_job=board_job, interviewer=users["sari"]),
        }
        benchenv.FACTS_FILE.write_text(json.dumps(facts, indent=2) + "\n")
    return facts


def _fresh_database() -> None:
    """--force: the SQLite file is removed; on another database (DATABASE_URL) every table is emptied."""
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            path = benchenv.VAR_DIR / f"rekrut.sqlite3{suffix}"
            path.unlink(missing_ok=True)
        call_command("migrate", verbosity=0)
    else:
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, verbosity=0)
        # flush also empties the stage templates and reject reasons the data migrations wrote.
        for module in (
            "rekrut.jobs.migrations.0002_default_stage_templates",
            "rekrut.pipeline.migrations.0002_default_reject_reasons",
        ):
            importlib.import_module(module).create(apps, None)
    benchenv.FACTS_FILE.unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full data set (0.01 to 1)")
    parser.add_argument("--force", action="store_true", help="throw the bench data away and build it again")
    args = parser.parse_args()
    benchenv.django_setup()
    from django.core.management import call_command
    from django.db import connection

    from rekrut.demo.company import personas_ensure
    from rekrut.jobs.models import Job

    print(f"Bench database: {connection.vendor} · {connection.settings_dict['NAME']}")
    timer = Timer()
    if args.force:
        _fresh_database()
    else:
        call_command("migrate", verbosity=0)
    timer.lap("migrate")
    if not args.force and _has_data(seed=args.seed, scale=args.scale):
        users = personas_ensure()
        _api_token_ensure(users["sari"])
        facts = benchenv.facts_read()
        _hiring_ensure(users, args.seed)
        facts = _api_facts_ensure(facts, users, args.seed)
        print(f"The bench data is already there ({facts['counts']}); skipping. (--force builds it again.)")
        return 0
    if Job.objects.exists():
        print("The bench database holds other data; run with --force to rebuild it.", file=sys.stderr)
        return 1
    _sqlite_fast_writes()
    rng = random.Random(args.seed)
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    with transaction.atomic():
        users = personas_ensure()
        jobs = _jobs_create(rng, users)
    timer.lap(f"personas and {len(jobs)} jobs (job_create)")
    depth = [job.stages.filter(is_active=True).count() for job in jobs]
    slots = plan.plan(rng, depth, args.scale)
    n_candidates = round(plan.N_CANDIDATES * args.scale)
    jobs_of = plan.assign_candidates(rng, slots, n_candidates)
    timer.lap(f"plan {len(slots):,} applications for {n_candidates:,} candidates")
    candidate_pks = _candidates_create(rng, slots, jobs_of, jobs, now)
    timer.lap(f"{len(candidate_pks):,} candidates (+ their 'created' events)")
    n_apps, n_transitions = _applications_create(rng, slots, candidate_pks, jobs, now)
    timer.lap(f"{n_apps:,} applications, {n_transitions:,} transitions")
    made = hiring.hiring_create(rng, jobs, users, now, _timestamps_as_given)
    timer.lap(", ".join(f"{n:,} {what}" for what, n in made.items()))
    from rekrut.reports.summary import summary_rebuild

    # What the worker's sweep would build from this history: the reports' summary rows.
    timer.lap(f"reports summary: {summary_rebuild():,} applications")
    _api_token_ensure(users["sari"])
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE")  # autovacuum would get there; the bench should not wait for it
    timer.lap("API token, checkpoint")
    facts = _facts_write(jobs[0], timer, args.seed, args.scale)
    facts = _api_facts_ensure(facts, users, args.seed)
    timer.lap(f"API workloads: {len(facts['api_write_interview_ids']):,} pending interviews for W3")
    print(f"Generated in {timer.total:.1f} s (CPU {timer.cpu_total:.1f} s): {facts['counts']}")
    print(
        f"Board job #{facts['board_job_id']} ({facts['board_job_title']}); API token in {benchenv.TOKEN_FILE}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
