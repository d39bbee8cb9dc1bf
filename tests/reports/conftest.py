"""A small company whose figures are counted by hand, at frozen times, built with the real services.

Period under test: Q3 2026 (1 July – 30 September), looked at on 5 October 2026.

Job A (Customer Service Officer, department "Layanan", team A) and job B (Staf Keuangan, "Keuangan",
team B) both opened on 1 June 2026, 09:00 WIB.

| app | job | source | applied | what happened |
| a1 | A | job board | 1 Jul 09:00 | screening 3 Jul (2 days), HR interview 8 Jul (5 days in screening),
|    |   |           |             | rejected 10 Jul (reason "Kualifikasi kurang") |
| a2 | A | job board | 2 Jul 09:00 | withdrawn 4 Jul |
| a3 | A | referral | 5 Jul 09:00 | every stage on 6 Jul (1 day to first contact), hired 4 Aug
|    |   |          |             | (30 days to hire; the job filled after 64 days) |
| a0 | A | other | 15 Jun 09:00 | before the period: not counted in the cohort |
| b1 | B | other | 10 Jul 09:00 | still in the first stage (a job with one application) |

Interviews (all 60 minutes): a1 HR 9 Jul 10:00 Maya yes (on time); a1 user 9 Jul 14:00 Budi no, submitted
12 Jul (late); a3 HR 6 Jul 10:00 Maya strong yes; a3 user 6 Jul 14:00 Budi yes; b1 HR 11 Jul 10:00 Andi, no
scorecard (overdue). Decisions: a1 reject, a3 proceed.

Offers: a3 sent 20 Jul, Rp 6.000.000 (job A's range 5–8 million: within), accepted 23 Jul (3 days).
b1 has no offer; a1 had an offer sent 9 Jul at Rp 4.000.000 (below) declined 11 Jul "Gaji kurang".
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from rekrut.candidates.models import Source
from rekrut.interviews.models import (
    Decision,
    DecisionOutcome,
    Interview,
    PlanRound,
    Recommendation,
    Scorecard,
    ScorecardStatus,
)
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import Department, Job, StageKind
from rekrut.offers.models import AnswerKind, Offer, OfferAnswer, OfferStatus
from rekrut.pipeline import services as pipeline
from rekrut.pipeline.models import Application, RejectReason
from rekrut.reports.filters import ReportFilters, filters_read
from rekrut.reports.scope import report_scope
from rekrut.reports.summary import summary_catch_up
from tests.candidates.factories import CandidateFactory
from tests.conftest import Personas
from tests.jobs.factories import job_make

WIB = ZoneInfo("Asia/Jakarta")
TODAY = datetime(2026, 10, 5, 9, 0, tzinfo=WIB)
Q3 = {"period": "custom", "start": "2026-07-01", "end": "2026-09-30"}


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=WIB)


@dataclass
class Company:
    personas: Personas
    job_a: Job
    job_b: Job
    apps: dict[str, Application]


def _move_to(application: Application, kind: str, actor) -> Application:
    stage = application.job.stages.get(kind=kind)
    return pipeline.application_move(
        application=application,
        to_stage=stage,
        actor=actor,
        expected_version=None,
        override=True,
        override_reason="Test set-up",
    )


def _interview(application, kind, when, interviewer, actor, *, recommendation="", submitted=None):
    plan_round = PlanRound.objects.get(job=application.job, stage__kind=kind)
    interview = Interview.objects.create(
        application=application, round=plan_round, starts_at=when, duration_minutes=60, created_by=actor
    )
    interview.interviewers.set([interviewer])
    if submitted:
        Scorecard.objects.create(
            interview=interview,
            interviewer=interviewer,
            status=ScorecardStatus.SUBMITTED,
            recommendation=recommendation,
            submitted_at=submitted,
            version=1,
        )
    return interview


def _offer(application, actor, *, sent, salary, status, answer=None, answered=None, text=""):
    offer = Offer.objects.create(
        application=application,
        status=status,
        position=application.job.title,
        department=application.job.department,
        work_location=application.job.location,
        start_date=(sent + timedelta(days=30)).date(),
        employment_type="pkwtt",
        base_salary=salary,
        expires_on=(sent + timedelta(days=7)).date(),
        signatory=actor,
        created_by=actor,
        sent_at=sent,
        sent_by=actor,
    )
    if answer:
        with time_machine.travel(answered, tick=False):
            OfferAnswer.objects.create(offer=offer, kind=answer, text=text, terms_hash="x" * 64)
    return offer


def company_build(personas: Personas) -> Company:
    sari = personas.hr_admin
    with time_machine.travel(at(6, 1), tick=False):
        job_a = job_make(
            hr_owner=personas.recruiter,
            user=personas.hiring_manager,
            interviewers=(personas.interviewer,),
            director=personas.director,
            department=Department.objects.get_or_create(name="Layanan")[0],
            salary_min=5_000_000,
            salary_max=8_000_000,
        )
        job_b = job_make(
            hr_owner=personas.other_recruiter,
            user=personas.other_manager,
            title="Staf Keuangan",
            department=Department.objects.get_or_create(name="Keuangan")[0],
        )
        interview_plan_ensure(job=job_a)
        interview_plan_ensure(job=job_b)
    reason, _new = RejectReason.objects.get_or_create(
        name_id="Kualifikasi kurang", name_en="Not qualified enough"
    )

    def apply(job, when, source):
        with time_machine.travel(when, tick=False):
            return pipeline.application_create(actor=sari, candidate=CandidateFactory(source=source), job=job)

    apps = {
        "a0": apply(job_a, at(6, 15), Source.OTHER),
        "a1": apply(job_a, at(7, 1), Source.JOB_BOARD),
        "a2": apply(job_a, at(7, 2), Source.JOB_BOARD),
        "a3": apply(job_a, at(7, 5), Source.REFERRAL),
        "b1": apply(job_b, at(7, 10), Source.OTHER),
    }
    with time_machine.travel(at(7, 3), tick=False):
        apps["a1"] = _move_to(apps["a1"], StageKind.SCREENING, sari)
    with time_machine.travel(at(7, 8), tick=False):
        apps["a1"] = _move_to(apps["a1"], StageKind.HR_INTERVIEW, sari)
    with time_machine.travel(at(7, 10), tick=False):
        apps["a1"] = pipeline.application_reject(
            application=apps["a1"], reason=reason, actor=sari, expected_version=None, notify_candidate=False
        )
    with time_machine.travel(at(7, 4), tick=False):
        apps["a2"] = pipeline.application_withdraw(application=apps["a2"], actor=sari, expected_version=None)
    stages = list(job_a.stages.filter(is_active=True).order_by("position"))
    for stage in stages[1:-1]:
        if stage.is_optional:
            continue
        with time_machine.travel(at(7, 6), tick=False):
            apps["a3"] = pipeline.application_move(
                application=apps["a3"],
                to_stage=stage,
                actor=sari,
                expected_version=None,
                override=True,
                override_reason="Test set-up",
            )
    with time_machine.travel(at(8, 4), tick=False):
        apps["a3"] = pipeline.application_move(
            application=apps["a3"],
            to_stage=stages[-1],
            actor=sari,
            expected_version=None,
            override=True,
            override_reason="Test set-up",
        )

    maya, budi, andi = personas.interviewer, personas.hiring_manager, personas.other_manager
    _interview(
        apps["a1"],
        StageKind.HR_INTERVIEW,
        at(7, 9, 10),
        maya,
        sari,
        recommendation=Recommendation.YES,
        submitted=at(7, 9, 12),
    )
    _interview(
        apps["a1"],
        StageKind.USER_INTERVIEW,
        at(7, 9, 14),
        budi,
        sari,
        recommendation=Recommendation.NO,
        submitted=at(7, 12, 9),
    )
    _interview(
        apps["a3"],
        StageKind.HR_INTERVIEW,
        at(7, 6, 10),
        maya,
        sari,
        recommendation=Recommendation.STRONG_YES,
        submitted=at(7, 6, 12),
    )
    _interview(
        apps["a3"],
        StageKind.USER_INTERVIEW,
        at(7, 6, 14),
        budi,
        sari,
        recommendation=Recommendation.YES,
        submitted=at(7, 6, 16),
    )
    _interview(apps["b1"], StageKind.HR_INTERVIEW, at(7, 11, 10), andi, sari)
    evaluation = job_a.stages.get(kind=StageKind.EVALUATION)
    for key, outcome, when in (
        ("a1", DecisionOutcome.REJECT, at(7, 10)),
        ("a3", DecisionOutcome.PROCEED, at(7, 7)),
    ):
        Decision.objects.create(
            application=apps[key],
            decided_by=sari,
            outcome=outcome,
            from_stage=evaluation,
            reason="Test",
            at=when,
        )
    _offer(
        apps["a3"],
        sari,
        sent=at(7, 20),
        salary=6_000_000,
        status=OfferStatus.ACCEPTED,
        answer=AnswerKind.ACCEPTED,
        answered=at(7, 23),
    )
    _offer(
        apps["a1"],
        sari,
        sent=at(7, 9),
        salary=4_000_000,
        status=OfferStatus.DECLINED,
        answer=AnswerKind.DECLINED,
        answered=at(7, 11),
        text="Gaji kurang",
    )
    # The funnel, speed and sources reports read summary rows the worker's sweep keeps up to date.
    summary_catch_up()
    return Company(personas=personas, job_a=job_a, job_b=job_b, apps=apps)


@pytest.fixture
def company(personas) -> Company:
    return company_build(personas)


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def filters_for(user, data=None) -> tuple:
    scope = report_scope(user=user)
    _form, filters, _problems = filters_read(
        data if data is not None else Q3, scope=scope, today=timezone.localdate()
    )
    return scope, filters


def cells(report, key: str) -> list[list]:
    table = report.table(key)
    assert table is not None, key
    return table.rows


__all__ = ["Q3", "Company", "ReportFilters", "cells", "filters_for"]
