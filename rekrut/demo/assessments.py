"""Assessments for the demo company: the usual types, a rule on one job (psikotes "not recommended" holds
an application before the user interview), and assessments at several stages: assigned, invited with a
time, a case study handed in, and results of each shape for applications already past the tests, one of
them a psikotes with its restricted report (Sari, the HR admin, holds the permission in the demo so the
report can be shown). Through the services; a second run changes nothing. Call `assessments_demo(users)`
after `interviews_demo_build()`."""

import io
import zipfile
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import holds, specific_access_grant
from rekrut.assessments.access import REPORTS_DATA
from rekrut.assessments.models import Assessment, AssessmentRule, AssessmentType
from rekrut.assessments.services.assessments import (
    assessment_assign,
    assessment_invite,
    assessment_result_record,
)
from rekrut.assessments.services.reports import assessment_report_save
from rekrut.assessments.services.rules import assessment_rule_add
from rekrut.assessments.services.types import assessment_types_usual_add
from rekrut.assessments.services.work import assessment_work_submit
from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

CASE_BRIEF = (
    "Cabang kami di Makassar kehilangan sekitar 20% nasabah tabungan setiap tahun. Dalam 2 halaman, jelaskan "
    "tiga penyebab yang paling mungkin, data apa yang Anda perlukan untuk memastikannya, dan satu program "
    "retensi yang dapat dijalankan dalam 3 bulan."
)


def _at_nine(days_from_now: int, zone: str) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_now)
    return datetime.combine(day, time(9, 0), tzinfo=ZoneInfo(zone))


def _work_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("analisis-retensi.txt", "Tiga penyebab: antrean, biaya admin, aplikasi.\n")
    return buffer.getvalue()


def _types(hr: User) -> dict[str, AssessmentType]:
    assessment_types_usual_add(actor=hr)
    kinds = {kind.kind: kind for kind in AssessmentType.objects.filter(is_active=True).order_by("pk")}
    case = kinds["case_study"]
    if not case.brief_id:
        AssessmentType.objects.filter(pk=case.pk).update(brief_id=CASE_BRIEF)
        case.refresh_from_db()
    return kinds


def _done(hr: User, application: Application, kind: AssessmentType, **result: object) -> Assessment:
    assessment = assessment_assign(actor=hr, application=application, assessment_type=kind)
    return assessment_result_record(
        actor=hr,
        assessment=assessment,
        expected_version=assessment.version,
        **result,  # type: ignore[arg-type]
    )


def assessments_demo(users: dict[str, User]) -> int:
    """Returns how many assessments were made now (0 on a second run)."""
    hr = users["sari"]
    if Assessment.objects.filter(assessment_type__name_id="Psikotes").exists():
        return 0
    kinds = _types(hr)
    psikotes, skills, case = kinds["psikotes"], kinds["skills"], kinds["case_study"]
    if not holds(hr, REPORTS_DATA):
        specific_access_grant(actor=hr, person=hr, kind=REPORTS_DATA)
    # Applications the online-test demo took are left to it.
    active = (
        Application.objects.filter(status=ApplicationStatus.ACTIVE)
        .exclude(pk__in=Assessment.objects.values("application_id"))
        .select_related("job__location", "candidate", "stage")
    )
    waiting = list(active.filter(stage__kind=StageKind.ASSESSMENT).order_by("pk")[:3])
    made = 0
    for index, application in enumerate(waiting):
        zone = application.job.location.time_zone
        if index == 0:  # assigned, not yet invited
            assessment_assign(actor=hr, application=application, assessment_type=psikotes)
        elif index == 1:  # invited to the bureau with a time
            assessment = assessment_assign(actor=hr, application=application, assessment_type=psikotes)
            assessment_invite(
                actor=hr,
                assessment=assessment,
                expected_version=assessment.version,
                scheduled_at=_at_nine(4, zone),
                location="Biro Psikologi Harapan, Jl. Cikini Raya No. 60, Jakarta Pusat",
                note="Datang 15 menit sebelumnya.",
            )
        else:  # a case study handed in before the user interview
            assessment = assessment_assign(actor=hr, application=application, assessment_type=case)
            assessment_invite(
                actor=hr,
                assessment=assessment,
                expected_version=assessment.version,
                deadline=_at_nine(2, zone),
            )
            assessment_work_submit(
                assessment=assessment,
                name="analisis-retensi.zip",
                data=_work_file(),
                consent=True,
                language="id",
            )
        made += 1
    later = list(
        active.filter(stage__kind__in=[StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW]).order_by("pk")[:4]
    )
    if later:
        psi = _done(
            hr, later[0], psikotes, category="recommended", conclusion="Disarankan: stabil dan teliti."
        )
        assessment_report_save(
            actor=hr,
            assessment=psi,
            expected_version=psi.version,
            note="Skor penalaran di atas rata-rata; kebutuhan akan struktur tinggi. Cocok untuk layanan.",
        )
        made += 1
    if len(later) > 1:
        _done(hr, later[1], skills, score=Decimal(82), conclusion="Menguasai Excel dan rekonsiliasi.")
        made += 1
    if len(later) > 2:
        ratings = {row["key"]: rating for row, rating in zip(case.rubric, (4, 3, 3), strict=False)}
        _done(hr, later[2], case, ratings=ratings, conclusion="Analisis tajam; penyajian cukup.")
        made += 1
    if len(later) > 3:
        _done(
            hr,
            later[3],
            psikotes,
            category="not_recommended",
            conclusion="Tidak disarankan untuk posisi ini.",
        )
        made += 1
    job = later[0].job if later else None
    has_user_interview = (
        job is not None and job.stages.filter(kind=StageKind.USER_INTERVIEW, is_active=True).exists()
    )
    if job is not None and has_user_interview and not AssessmentRule.objects.filter(job=job).exists():
        assessment_rule_add(
            actor=hr,
            job=job,
            assessment_type=psikotes,
            blocking_outcome="failed",
            stage_kind=StageKind.USER_INTERVIEW,
        )
    return made
