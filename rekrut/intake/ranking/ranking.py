"""Ranking a job's applications against its requirements: the order HR reads them in, with the reasons.

The ranking only orders a list. It never moves or rejects an application: HR opens each one and moves it
through the pipeline's own pages (UU PDP Ps 10: a person may object to decisions made by automated
processing alone, domain rule P5; here a person always decides).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from rekrut.intake.ranking.matching import Criteria, Match, criteria_of, match
from rekrut.intake.ranking.profile import profile_build
from rekrut.intake.ranking.reasons import Reason, reasons_of
from rekrut.jobs.models import Job, JobRequirements, Stage, StageKind
from rekrut.jobs.requirements import job_requirements_of
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

# Where CV screening happens: applications that arrived, and those HR has started screening.
SCREENING_KINDS = (StageKind.APPLIED, StageKind.SCREENING)
# Only what the ranking reads of a candidate (and what the list shows: the name, as a link).
CANDIDATE_FIELDS = ("candidate__full_name", "candidate__resume", "candidate__cv_text", "candidate__city")


@dataclass(frozen=True)
class RankedApplication:
    """What the list shows of an application: read as plain values, as a ranking reads thousands."""

    pk: int
    candidate_id: int
    full_name: str
    stage: Stage
    applied_at: datetime


@dataclass(frozen=True)
class Ranked:
    position: int
    application: RankedApplication
    match: Match
    criteria: Criteria

    @property
    def reasons(self) -> list[Reason]:
        """Worded when read, in the active language (only for the rows shown)."""
        return reasons_of(self.match, self.criteria)


def screening_stages(*, job: Job) -> list[Stage]:
    return list(Stage.objects.filter(job=job, is_active=True, kind__in=SCREENING_KINDS).order_by("position"))


def applications_rank(
    *,
    job: Job,
    requirements: JobRequirements | None = None,
    stages: list[Stage] | None = None,
    today: date | None = None,
) -> list[Ranked]:
    """The job's active applications in `stages` (default: CV screening), best match first; ties by who
    applied first. One query for the applications and their candidates' CV data."""
    requirements = requirements if requirements is not None else job_requirements_of(job=job)
    stages = stages if stages is not None else screening_stages(job=job)
    today = today or timezone.localdate()
    criteria = criteria_of(job=job, requirements=requirements)
    by_id = {stage.pk: stage for stage in stages}
    rows = Application.objects.filter(
        job=job, status=ApplicationStatus.ACTIVE, stage__in=list(by_id)
    ).values_list("pk", "candidate_id", "stage_id", "applied_at", *CANDIDATE_FIELDS)
    scored = []
    for pk, candidate_id, stage_id, applied_at, full_name, resume, cv_text, city in rows:
        profile = profile_build(resume=resume, cv_text=cv_text, city=city, today=today)
        found = match(criteria, profile)
        application = RankedApplication(pk, candidate_id, full_name, by_id[stage_id], applied_at)
        scored.append((found.sort_key(), applied_at, pk, application, found))
    scored.sort(key=lambda row: row[:3])
    return [
        Ranked(position=n, application=row[3], match=row[4], criteria=criteria)
        for n, row in enumerate(scored, start=1)
    ]
