"""The demo company: departments, personas, six open jobs and about 150 candidates spread over the stages.

Everything is written through the services, so the demo's history is real history.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from rekrut.accounts.demo_install import DEMO_PASSWORD, demo_install_mark
from rekrut.accounts.models import Role, User
from rekrut.candidates.models import Candidate, Source
from rekrut.demo.interviews import application_move_on
from rekrut.demo.people import CITIES, COMPANIES, CV_PROFILES, FIRST_NAMES, LAST_NAMES, UNIVERSITIES
from rekrut.jobs.models import (
    Department,
    EmploymentType,
    Job,
    JobFamily,
    JobStatus,
    Level,
    Location,
    WorkMode,
)
from rekrut.jobs.services import TeamSpec, job_create
from rekrut.pipeline import services
from rekrut.pipeline.models import Application, RejectReason


@dataclass(frozen=True)
class Persona:
    username: str
    first_name: str
    last_name: str
    role: str
    title: str
    time_zone: str = "Asia/Jakarta"


PERSONAS = [
    Persona("sari", "Sari", "Wulandari", Role.HR_ADMIN, "HR Manager"),
    Persona("rina", "Rina", "Kartika", Role.RECRUITER, "Recruiter (HRD)"),
    Persona("dodi", "Dodi", "Saputra", Role.RECRUITER, "Recruiter (HRD)", "Asia/Makassar"),
    Persona("budi", "Budi", "Santoso", Role.HIRING_MANAGER, "Head of Digital Marketing"),
    Persona("andi", "Andi", "Pratama", Role.HIRING_MANAGER, "Engineering Lead"),
    Persona("maya", "Maya", "Lestari", Role.INTERVIEWER, "Senior Content Writer"),
    Persona("hendra", "Hendra", "Gunawan", Role.DIRECTOR, "Direktur Operasional"),
]


def personas_ensure() -> dict[str, User]:
    """The demo's accounts, all with the published password; the database is marked as a demo install
    (a banner on every page, and `rekrut check --deploy` refuses it)."""
    demo_install_mark()
    users = {}
    for p in PERSONAS:
        user, created = User.objects.get_or_create(
            username=p.username,
            defaults={
                "first_name": p.first_name,
                "last_name": p.last_name,
                "role": p.role,
                "title": p.title,
                "email": f"{p.username}@nusantara-maju.co.id",
                "time_zone": p.time_zone,
                "is_staff": p.role == Role.HR_ADMIN,
                "is_superuser": p.role == Role.HR_ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[p.username] = user
    return users


JOBS = [
    # title, department, family, level, managerial, type, location, hr owner, user, salary range (Rp)
    (
        "Customer Service Officer",
        "Layanan Pelanggan",
        JobFamily.CUSTOMER_SERVICE,
        Level.STAFF,
        False,
        EmploymentType.PKWT,
        "Kantor Pusat Jakarta",
        "rina",
        "budi",
        (5_000_000, 6_500_000),
    ),
    (
        "Content Writer",
        "Pemasaran Digital",
        JobFamily.MARKETING_CONTENT,
        Level.STAFF,
        False,
        EmploymentType.PKWTT,
        "Kantor Pusat Jakarta",
        "rina",
        "budi",
        (6_000_000, 8_500_000),
    ),
    (
        "Backend Engineer (Python)",
        "Teknologi",
        JobFamily.SOFTWARE_ENGINEERING,
        Level.SENIOR,
        False,
        EmploymentType.PKWTT,
        "Kantor Pusat Jakarta",
        "rina",
        "andi",
        (15_000_000, 25_000_000),
    ),
    (
        "Sales Executive",
        "Penjualan",
        JobFamily.SALES,
        Level.STAFF,
        False,
        EmploymentType.PKWT,
        "Cabang Makassar",
        "dodi",
        "budi",
        (5_500_000, 7_000_000),
    ),
    (
        "Staf Keuangan",
        "Keuangan",
        JobFamily.FINANCE_ADMIN,
        Level.STAFF,
        False,
        EmploymentType.PKWTT,
        "Cabang Makassar",
        "dodi",
        "andi",
        (6_000_000, 8_000_000),
    ),
    (
        "Operations Manager",
        "Operasional",
        JobFamily.MANAGERIAL,
        Level.MANAGER,
        True,
        EmploymentType.PKWTT,
        "Kantor Pusat Jakarta",
        "rina",
        "hendra",
        (25_000_000, 35_000_000),
    ),
]
# How many applications end up in each stage position (1 = applied) per job, and how many are rejected.
# Position 3 is the tests and assessments stage (issue 11); the later keys are the stages they were before.
# Still 24 per job, so the random draws (names, headcounts) stay those the other demo parts rely on.
SPREAD = {1: 5, 2: 4, 3: 2, 4: 4, 5: 3, 6: 2, 7: 1, 9: 1, 10: 1, 12: 1}
REJECTED_PER_JOB = 3


def cv_text(rng: random.Random, name: str, city: str, email: str, phone: str, family: str) -> str:
    degree, roles, skills = CV_PROFILES.get(family, CV_PROFILES["customer_service"])
    years = rng.randint(1, 9)
    company = rng.choice(COMPANIES)
    return (
        f"{name}\n{city} · {email} · {phone}\n\nRINGKASAN\n{roles[0]} dengan pengalaman {years} tahun.\n\n"
        f"PENGALAMAN KERJA\n{roles[0]} — {company} ({2026 - years}–sekarang)\n"
        f"{roles[-1]} — {rng.choice(COMPANIES)}\n\nPENDIDIKAN\n{degree}, {rng.choice(UNIVERSITIES)}\n\n"
        f"KEAHLIAN\n{', '.join(rng.sample(skills, k=min(4, len(skills))))}\n"
    )


def phone_make(rng: random.Random) -> str:
    return f"+628{rng.choice('1235789')}{rng.randint(10_000_000, 99_999_999)}"


@transaction.atomic
def demo_build(*, seed: int = 2026) -> dict[str, User]:
    """Builds the demo once; a second call finds it and changes nothing."""
    users = personas_ensure()
    if Job.objects.exists():
        return users
    rng = random.Random(seed)
    now = timezone.now()
    locations = {
        "Kantor Pusat Jakarta": Location.objects.get_or_create(
            name="Kantor Pusat Jakarta", defaults={"city": "Jakarta Selatan", "time_zone": "Asia/Jakarta"}
        )[0],
        "Cabang Makassar": Location.objects.get_or_create(
            name="Cabang Makassar", defaults={"city": "Makassar", "time_zone": "Asia/Makassar"}
        )[0],
    }
    reasons = list(RejectReason.objects.filter(is_active=True))
    used_names: set[str] = set()
    for title, dept, family, level, managerial, etype, loc, owner, user, (low, high) in JOBS:
        department, _ = Department.objects.get_or_create(name=dept)
        job = job_create(
            actor=users["sari"],
            team=TeamSpec(
                hr_owner=users[owner],
                user=users[user],
                interviewers=(users["maya"],) if family == "marketing_content" else (),
                director=users["hendra"] if managerial else None,
            ),
            title=title,
            department=department,
            level=level,
            is_managerial=managerial,
            job_family=family,
            employment_type=etype,
            location=locations[loc],
            work_mode=WorkMode.ON_SITE if managerial else rng.choice(list(WorkMode)),
            headcount=rng.randint(1, 3),
            status=JobStatus.OPEN,
            description=f"Kami mencari {title} untuk bergabung dengan tim {dept}.",
            requirements="- Pendidikan minimal D3/S1 yang relevan\n- Mampu bekerja dalam tim\n- Komunikatif",
            salary_min=low,
            salary_max=high,
        )
        stages = list(job.stages.filter(is_active=True).order_by("position"))
        plan = [pos for pos, n in SPREAD.items() for _ in range(n)] + [0] * REJECTED_PER_JOB
        for target_position in plan:
            while True:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                if name not in used_names:
                    used_names.add(name)
                    break
            city = rng.choice(CITIES)
            email = (
                f"{name.lower().replace(' ', '.')}@{rng.choice(['gmail.com', 'yahoo.co.id', 'outlook.com'])}"
            )
            phone = phone_make(rng)
            candidate = Candidate.objects.create(
                full_name=name,
                email=email,
                phone=phone,
                city=city,
                created_by=users[owner],
                source=rng.choice([Source.CAREERS_PAGE, Source.JOB_BOARD, Source.LINKEDIN, Source.REFERRAL]),
                cv_text=cv_text(rng, name, city, email, phone, family),
            )
            if len(used_names) % 8 == 1:  # every eighth person sent a real PDF CV, for the preview
                cv_attach_pdf(candidate)
            application = services.application_create(actor=users[owner], candidate=candidate, job=job)
            _walk(application, stages, target_position or rng.randint(2, 4), users[owner], rng, now)
            if target_position == 0:
                services.application_reject(
                    application=application,
                    reason=rng.choice(reasons),
                    actor=users[owner],
                    expected_version=None,
                    notify_candidate=False,
                )
    return users


def cv_attach_pdf(candidate: Candidate) -> None:
    """Renders the candidate's CV text as a PDF (WeasyPrint) and stores it as their uploaded CV."""
    from weasyprint import HTML  # heavy import, needed only when the demo is built

    lines = candidate.cv_text.splitlines()
    body = "".join(
        f"<h2>{escape(line)}</h2>" if line.isupper() else f"<p>{escape(line)}</p>"
        for line in lines[1:]
        if line
    )
    html = f"<html><body style='font-family:sans-serif'><h1>{escape(lines[0])}</h1>{body}</body></html>"
    data = HTML(string=html).write_pdf()
    candidate.cv_file.save("cv.pdf", ContentFile(data), save=False)
    candidate.cv_name = f"CV {candidate.full_name}.pdf"
    candidate.save(update_fields=["cv_file", "cv_name"])


def _walk(
    application: Application, stages: list, position: int, actor: User, rng: random.Random, now: object
) -> None:
    """Moves an application stage by stage, with back-dated times so 'days in stage' looks lived-in."""
    for stage in stages[1:]:
        if stage.position > position:
            break
        if stage.is_optional and stage.position != position:
            continue
        # Holds the interview of each interview stage it leaves, and records the evaluation's decision.
        application = application_move_on(application=application, to_stage=stage, actor=actor)
    days_ago = rng.randint(0, 20)
    Application.objects.filter(pk=application.pk).update(
        stage_entered_at=timezone.now() - timedelta(days=days_ago)
    )
