"""Interviews to come across Indonesia's three zones, so the week view has something to show on `make run`:
a job in Jakarta (WIB), one in Makassar (WITA) and one in Jayapura (WIT), each with candidates in its HR
interview this week and next, on site, online and by phone. The interviewers keep the default office week
(no working hours of their own). Rina has two interviews on the first of those days, at 10:00 and 13:00
WIB: scheduling a third at either time shows the conflict warning. Everything goes through the services;
a second run changes nothing (the Jayapura job is the mark)."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate, Source
from rekrut.demo.interviews import application_move_on
from rekrut.interviews.models import InterviewMode, RoundType
from rekrut.interviews.selectors.plans import plan_rounds
from rekrut.interviews.services.interviews import Place, interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import (
    Department,
    EmploymentType,
    Job,
    JobFamily,
    JobStatus,
    Level,
    Location,
    StageKind,
    WorkMode,
)
from rekrut.jobs.services import TeamSpec, job_create
from rekrut.pipeline import services
from rekrut.pipeline.models import Application
from rekrut.scheduling.availability import public_holiday

JAYAPURA = "Cabang Jayapura"
# Job title, its location, the HR owner who interviews; then the candidates: (name, working days from
# today, local hour, mode).
PLAN = [
    (
        "Customer Service Officer",
        "rina",
        [
            ("Nadia Putri Ramadhani", 1, 10, InterviewMode.ON_SITE),
            ("Fajar Nugroho", 1, 13, InterviewMode.ONLINE),
            ("Citra Anggraini", 6, 9, InterviewMode.PHONE),
        ],
    ),
    (
        "Sales Executive",
        "dodi",
        [
            ("Andi Baso Mappanyukki", 2, 10, InterviewMode.ON_SITE),
            ("Wulan Sari Dewi", 3, 14, InterviewMode.ONLINE),
            ("Irfan Syamsuddin", 7, 11, InterviewMode.PHONE),
        ],
    ),
    (
        "Teknisi Jaringan",
        "dodi",
        [
            ("Yosua Wenda", 2, 13, InterviewMode.ONLINE),
            ("Maria Kambu", 4, 9, InterviewMode.ON_SITE),
            ("Agustinus Rumbiak", 8, 10, InterviewMode.PHONE),
        ],
    ),
]
ADDRESSES = {
    "Asia/Jakarta": "Jl. Jenderal Sudirman Kav. 52-53, Jakarta Selatan",
    "Asia/Makassar": "Jl. Jenderal Sudirman No. 10, Makassar",
    "Asia/Jayapura": "Jl. Ahmad Yani No. 5, Jayapura",
}


def _working_day(today: date, ahead: int) -> date:
    """The `ahead`-th working day after today (no weekend, no public holiday)."""
    day = today
    while ahead > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and not public_holiday(day):
            ahead -= 1
    return day


def _jayapura_job(users: dict[str, User]) -> Job:
    location = Location.objects.get_or_create(
        name=JAYAPURA, defaults={"city": "Jayapura", "time_zone": "Asia/Jayapura"}
    )[0]
    department = Department.objects.get_or_create(name="Teknologi")[0]
    return job_create(
        actor=users["sari"],
        team=TeamSpec(hr_owner=users["dodi"], user=users["andi"]),
        title="Teknisi Jaringan",
        department=department,
        level=Level.STAFF,
        is_managerial=False,
        job_family=JobFamily.SOFTWARE_ENGINEERING,
        employment_type=EmploymentType.PKWT,
        location=location,
        work_mode=WorkMode.ON_SITE,
        headcount=2,
        status=JobStatus.OPEN,
        description="Kami mencari Teknisi Jaringan untuk kantor cabang Jayapura.",
        requirements="- SMK/D3 Teknik Komputer dan Jaringan\n- Bersedia bertugas di lapangan",
        salary_min=5_500_000,
        salary_max=7_500_000,
    )


def _place(mode: str, zone: str, rng: random.Random) -> Place:
    if mode == InterviewMode.ONLINE:
        return Place(mode=mode, meeting_url=f"https://meet.google.com/{rng.choice(['abc', 'xyz'])}-demo-week")
    if mode == InterviewMode.PHONE:
        return Place(mode=mode, location="+62 21 5550 1234")
    return Place(mode=mode, location=ADDRESSES[zone], room="Ruang Rapat Melati, lantai 3")


@transaction.atomic
def week_demo_build(*, users: dict[str, User], seed: int = 2026) -> int:
    """Adds the interviews to come across the three zones once; returns how many were scheduled."""
    if Job.objects.filter(location__name=JAYAPURA).exists():
        return 0
    rng = random.Random(seed)
    jobs = {job.title: job for job in Job.objects.select_related("location")}
    jobs["Teknisi Jaringan"] = _jayapura_job(users)
    made = 0
    for title, owner_name, people in PLAN:
        job, owner = jobs.get(title), users[owner_name]
        if job is None:
            continue
        interview_plan_ensure(job=job)
        hr_round = next((r for r in plan_rounds(job=job) if r.round_type == RoundType.HR), None)
        if hr_round is None:
            continue
        zone = job.location.time_zone
        today = timezone.localdate(timezone.now(), ZoneInfo(zone))
        for name, ahead, hour, mode in people:
            application = _at_hr_interview(job, owner, name, rng)
            interview_schedule(
                actor=owner,
                application=application,
                plan_round=hr_round,
                starts_at=datetime.combine(_working_day(today, ahead), time(hour), tzinfo=ZoneInfo(zone)),
                duration_minutes=hr_round.duration_minutes,
                interviewers=[owner],
                place=_place(mode, zone, rng),
                notify=False,
            )
            made += 1
    return made


def _at_hr_interview(job: Job, owner: User, name: str, rng: random.Random) -> Application:
    email = f"{name.lower().replace(' ', '.')}@gmail.com"
    candidate = Candidate.objects.create(
        full_name=name,
        email=email,
        phone=f"+62812{rng.randint(10_000_000, 99_999_999)}",
        city=job.location.city,
        created_by=owner,
        source=Source.CAREERS_PAGE,
        cv_text=f"{name}\n{job.location.city}\n\nPENGALAMAN KERJA\nStaf {job.title}, 2 tahun.",
    )
    application = services.application_create(actor=owner, candidate=candidate, job=job)
    for stage in job.stages.filter(is_active=True).order_by("position")[1:]:
        if stage.is_optional and stage.kind != StageKind.HR_INTERVIEW:
            continue
        application = application_move_on(application=application, to_stage=stage, actor=owner)
        if stage.kind == StageKind.HR_INTERVIEW:
            break
    return application
