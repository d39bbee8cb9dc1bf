"""Scheduling factories: an offer of interview times made through the real service."""

from datetime import datetime, timedelta

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.core.signed_links import IssuedLink
from rekrut.interviews.models import PlanRound
from rekrut.interviews.services.interviews import Place
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import Job
from rekrut.pipeline.models import Application
from rekrut.scheduling.models import SlotOffer
from rekrut.scheduling.selectors.slots import slot_starts_proposed
from rekrut.scheduling.services.offers import Rules, slot_offer_create

ON_SITE = Place(mode="on_site", location="Jl. Jenderal Sudirman No. 1, Jakarta", room="Ruang Melati")


def first_round(job: Job) -> PlanRound:
    interview_plan_ensure(job=job)
    return job.interview_rounds.select_related("stage").order_by("stage__position").first()


def free_starts(
    *, interviewers: list[User], job: Job, count: int, every: int = 4, minutes: int = 60
) -> list[datetime]:
    """`count` free starts of the interviewers from tomorrow on (beyond the 24 hours in which a booking can
    no longer be changed), `every` half hours apart (so they do not overlap)."""
    starts = slot_starts_proposed(
        interviewers=interviewers, duration_minutes=minutes, zone=job.location.time_zone, days=10
    )
    later = [start for start in starts if start > timezone.now() + timedelta(hours=26)]
    return later[::every][:count]


def offer_make(
    *,
    application: Application,
    actor: User,
    interviewers: list[User],
    count: int = 3,
    starts: list[datetime] | None = None,
    rules: Rules | None = None,
    minutes: int = 60,
) -> tuple[SlotOffer, IssuedLink]:
    job = application.job
    return slot_offer_create(
        actor=actor,
        application=application,
        plan_round=first_round(job),
        starts=starts or free_starts(interviewers=interviewers, job=job, count=count, minutes=minutes),
        duration_minutes=minutes,
        interviewers=interviewers,
        place=ON_SITE,
        rules=rules or Rules(),
    )
