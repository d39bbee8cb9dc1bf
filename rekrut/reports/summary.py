"""The summary rows the funnel, speed and sources reports read, derived from the pipeline's transitions.

Pipeline writes a transition row for every change of an application's stage or status (its one write
path), so the summary follows the transitions: the worker's sweep (every 30 seconds) reads those newer
than the high-water mark in SummaryState and rebuilds the rows of the applications they belong to, whole,
from their full history. Rebuilding an application whole makes every step idempotent: a sweep that dies
half-way rolls back with its high-water mark and the next one does the same work again.

On PostgreSQL a transaction that took a lower id can commit after one that took a higher id, so each sweep
reads again the last OVERLAP ids below the mark: a transition committed late is picked up then.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from rekrut.interviews.models import INTERVIEW_KINDS
from rekrut.jobs.models import Stage
from rekrut.pipeline.models import Application, Transition, TransitionKind
from rekrut.reports.models import ApplicationFacts, StageReached, StageStay, SummaryState

log = logging.getLogger(__name__)

BATCH = 2_000  # applications rebuilt per transaction
OVERLAP = 500  # transition ids re-read below the mark (see the module's docstring)
# Time in stage leaves these out: a reopening or a merge is not a stay that ended.
NOT_A_STAY = {TransitionKind.REOPENED, TransitionKind.MERGED}
CONTACT_KINDS = {TransitionKind.MOVED, TransitionKind.HIRED}


# Bands of a stay's length in tenths of a day (half a day, a day, two, ... a year and more).
STAY_BANDS = [0, 5, 10, 20, 30, 50, 70, 100, 140, 210, 300, 450, 600, 900, 1200, 1800, 2700, 3650]


def band_of(tenths: int) -> int:
    return max(bisect_right(STAY_BANDS, tenths) - 1, 0)


def tenths_of(seconds: float) -> int:
    """Days as the report shows them (reports.tables.days: one decimal), times ten."""
    return round(round(seconds / 86400, 1) * 10)


def _rows_for(
    application: Application, history: list[Transition], kinds: dict[int, str]
) -> tuple[ApplicationFacts, list[StageReached], list[StageStay]]:
    reached: dict[int, StageReached] = {}
    stays: list[StageStay] = []
    first_contact: datetime | None = None
    before: Transition | None = None
    for step in history:
        reached.setdefault(
            step.to_stage_id,
            StageReached(
                application_id=application.pk,
                stage_id=step.to_stage_id,
                job_id=application.job_id,
                applied_at=application.applied_at,
            ),
        )
        if step.kind in CONTACT_KINDS and (first_contact is None or step.at < first_contact):
            first_contact = step.at
        if before is not None and step.from_stage_id is not None and step.kind not in NOT_A_STAY:
            seconds = (step.at - before.at).total_seconds()
            tenths = tenths_of(seconds)
            stays.append(
                StageStay(
                    transition_id=step.pk,
                    application_id=application.pk,
                    job_id=application.job_id,
                    stage_id=step.from_stage_id,
                    ended_by=step.kind,
                    entered_at=before.at,
                    left_at=step.at,
                    seconds=seconds,
                    tenths=tenths,
                    band=band_of(tenths),
                )
            )
        before = step
    contact = (first_contact - application.applied_at).total_seconds() if first_contact else None
    facts = ApplicationFacts(
        application_id=application.pk,
        job_id=application.job_id,
        candidate_id=application.candidate_id,
        applied_at=application.applied_at,
        status=application.status,
        stage_id=application.stage_id,
        reject_reason_id=application.reject_reason_id,
        interviewed=any(kinds.get(stage) in INTERVIEW_KINDS for stage in reached),
        first_contact_seconds=contact,
        first_contact_tenths=None if contact is None else tenths_of(contact),
    )
    return facts, list(reached.values()), stays


def applications_summarise(application_ids: Iterable[int]) -> int:
    """Rebuilds the summary rows of these applications from their whole history (call in a transaction)."""
    ids = sorted(set(application_ids))
    if not ids:
        return 0
    kinds = dict(Stage.objects.values_list("pk", "kind"))
    histories: dict[int, list[Transition]] = defaultdict(list)
    for step in (
        Transition.objects.filter(application_id__in=ids)
        .only("pk", "application_id", "at", "kind", "from_stage_id", "to_stage_id")
        .order_by("application_id", "at", "pk")
    ):
        histories[step.application_id].append(step)
    applications = Application.objects.filter(pk__in=ids).only(
        "pk", "job_id", "candidate_id", "applied_at", "status", "stage_id", "reject_reason_id"
    )
    facts: list[ApplicationFacts] = []
    reached: list[StageReached] = []
    stays: list[StageStay] = []
    for application in applications:
        one, their_stages, their_stays = _rows_for(application, histories.get(application.pk, []), kinds)
        facts.append(one)
        reached.extend(their_stages)
        stays.extend(their_stays)
    for model in (StageStay, StageReached, ApplicationFacts):
        model.objects.filter(application_id__in=ids).delete()
    ApplicationFacts.objects.bulk_create(facts, batch_size=500)
    StageReached.objects.bulk_create(reached, batch_size=500)
    StageStay.objects.bulk_create(stays, batch_size=500)
    return len(facts)


def summary_state() -> SummaryState:
    return SummaryState.objects.filter(pk=1).first() or SummaryState()


def summary_catch_up(*, limit_batches: int | None = None) -> int:
    """Brings the summary up to the newest transition; returns how many applications were rebuilt.

    The worker's sweep calls it; each batch is one transaction that moves the high-water mark with it."""
    done = batches = 0
    while limit_batches is None or batches < limit_batches:
        with transaction.atomic():
            state = SummaryState.objects.select_for_update().filter(pk=1).first()
            if state is None:
                state, _new = SummaryState.objects.get_or_create(pk=1)
            mark = state.last_transition_id
            newest = Transition.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            if newest <= mark and state.refreshed_at is not None:
                state.refreshed_at = timezone.now()
                state.save(update_fields=["refreshed_at"])
                return done
            rows = list(
                Transition.objects.filter(pk__gt=max(mark - OVERLAP, 0))
                .order_by("pk")
                .values_list("pk", "application_id")[: BATCH * 3]
            )
            touched = {application for _pk, application in rows}
            done += applications_summarise(touched)
            last = max((pk for pk, _application in rows), default=mark)
            state.last_transition_id = max(mark, last)
            state.refreshed_at = timezone.now()
            state.save()
        batches += 1
        if last >= newest:
            return done
    return done


def summary_sweep() -> None:
    """The worker's step (notifications.sweep.worker_sweep)."""
    rebuilt = summary_catch_up()
    if rebuilt:
        log.info("reports summary: %s applications brought up to date", rebuilt)


def summary_rebuild(*, progress=None) -> int:
    """Throws the summary away and builds it again from every transition (`rekrut reports_rebuild`)."""
    with transaction.atomic():
        for model in (StageStay, StageReached, ApplicationFacts):
            model.objects.all().delete()
        SummaryState.objects.update_or_create(pk=1, defaults={"last_transition_id": 0, "refreshed_at": None})
    newest = Transition.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
    total = 0
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            total += applications_summarise(ids[start : start + BATCH])
        if progress:
            progress(total, len(ids))
    with transaction.atomic():
        SummaryState.objects.filter(pk=1).update(last_transition_id=newest, refreshed_at=timezone.now())
    summary_catch_up()  # what was written meanwhile
    return total
