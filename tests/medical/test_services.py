"""Planning, re-tests, cancelling and recording results: one current check-up with its history, stale edits
refused, bad input told clearly with nothing saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.events.models import AuditEvent
from rekrut.medical.models import CheckStatus, Conclusion, HealthDetails, MedicalCheck
from rekrut.medical.services import (
    ReportUpload,
    medical_check_cancel,
    medical_check_plan,
    medical_check_reschedule,
    medical_result_record,
)
from tests.candidates.filebuilders import docx_bytes, pdf_bytes
from tests.core.images import jpeg_header_bytes, png_bytes
from tests.medical.factories import (
    PackageFactory,
    ProviderFactory,
    health_access_give,
    medical_check_make,
)


def _plan(application, actor, **kwargs):
    return medical_check_plan(
        actor=actor,
        application=application,
        provider=ProviderFactory(),
        package=PackageFactory(),
        scheduled_at=kwargs.pop("scheduled_at", timezone.now() + timedelta(days=2)),
        **kwargs,
    )


def test_hr_plans_a_check_up_with_an_audit_row(at_medical, personas):
    check = _plan(at_medical, personas.recruiter)
    assert check.is_current and check.status == CheckStatus.PLANNED
    assert AuditEvent.objects.filter(action="medical.planned", subject_id=check.pk, actor=personas.recruiter)


def test_an_appointment_in_the_past_is_refused(at_medical, personas):
    with pytest.raises(DomainError) as refused:
        _plan(at_medical, personas.recruiter, scheduled_at=timezone.now() - timedelta(hours=1))
    assert refused.value.code == "in_the_past"
    assert not MedicalCheck.objects.exists()


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director"])
def test_only_hr_plans(at_medical, personas, persona):
    with pytest.raises(AccessDenied):
        _plan(at_medical, getattr(personas, persona))


def test_a_second_plan_while_one_is_planned_is_refused(planned, personas):
    with pytest.raises(DomainError) as refused:
        _plan(planned.application, personas.recruiter)
    assert refused.value.code == "already_planned"


def test_a_re_test_replaces_the_current_check_up_and_keeps_the_old_one(planned, personas):
    first = medical_result_record(
        actor=personas.recruiter,
        check=planned,
        conclusion=Conclusion.TEMPORARILY_UNFIT,
        expected_version=planned.version,
    )
    retest = _plan(first.application, personas.recruiter)
    first.refresh_from_db()
    assert retest.is_current and retest.replaces_id == first.pk
    assert not first.is_current and first.conclusion == Conclusion.TEMPORARILY_UNFIT
    assert MedicalCheck.objects.filter(application=first.application).count() == 2


def test_an_edit_from_a_stale_page_is_refused(planned, personas):
    stale = planned.version
    medical_check_reschedule(
        actor=personas.recruiter,
        check=planned,
        provider=planned.provider,
        package=planned.package,
        scheduled_at=timezone.now() + timedelta(days=5),
        expected_version=stale,
    )
    with pytest.raises(StaleEdit):
        medical_result_record(
            actor=personas.hr_admin, check=planned, conclusion=Conclusion.FIT, expected_version=stale
        )
    planned.refresh_from_db()
    assert planned.conclusion == ""


def test_cancelling_needs_a_reason(planned, personas):
    with pytest.raises(DomainError):
        medical_check_cancel(actor=personas.recruiter, check=planned, reason="  ", expected_version=1)
    done = medical_check_cancel(
        actor=personas.recruiter, check=planned, reason="Kandidat sakit", expected_version=1
    )
    assert done.status == CheckStatus.CANCELLED


def test_a_result_needs_a_known_conclusion(planned, personas):
    with pytest.raises(DomainError) as refused:
        medical_result_record(actor=personas.recruiter, check=planned, conclusion="sehat", expected_version=1)
    assert refused.value.code == "conclusion"


def test_without_the_permission_hr_records_the_conclusion_but_no_note(planned, personas):
    with pytest.raises(AccessDenied):
        medical_result_record(
            actor=personas.recruiter,
            check=planned,
            conclusion=Conclusion.FIT,
            expected_version=1,
            note="Tekanan darah 150/95",
        )
    planned.refresh_from_db()
    assert planned.conclusion == "" and not HealthDetails.objects.exists()


def test_with_the_permission_the_note_and_report_are_kept_apart_and_the_audit_row_quotes_neither(
    planned, personas
):
    recruiter = health_access_give(personas.recruiter)
    medical_result_record(
        actor=recruiter,
        check=planned,
        conclusion=Conclusion.FIT_WITH_NOTES,
        expected_version=1,
        note="Tekanan darah 150/95",
        report=ReportUpload(name="hasil-mcu.pdf", data=pdf_bytes("Hasil MCU")),
    )
    details = HealthDetails.objects.get(check_up=planned)
    assert details.note == "Tekanan darah 150/95" and details.report_kind == "pdf"
    assert "hasil" not in details.report.name  # stored under a random name
    logged = " ".join(str(event.changes) for event in AuditEvent.objects.filter(subject_id=planned.pk))
    assert "150/95" not in logged and "hasil-mcu" not in logged


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        # Every check is core's (tests/core/test_scans.py); here, that the MCU asks it and saves nothing.
        ("hasil.docx", docx_bytes(["Hasil"]), "unsupported_type"),
        ("hasil.pdf", b"%PDF-1.4" + b" " * MAX_UPLOAD_BYTES, "too_large"),
        ("foto.png", png_bytes(20_000, 20_000), "too_large"),  # 400 megapixels: a decompression bomb
    ],
)
def test_a_bad_report_is_refused_and_nothing_is_saved(planned, personas, name, data, code):
    recruiter = health_access_give(personas.recruiter)
    with pytest.raises(DomainError) as refused:
        medical_result_record(
            actor=recruiter,
            check=planned,
            conclusion=Conclusion.FIT,
            expected_version=1,
            report=ReportUpload(name=name, data=data),
        )
    assert refused.value.code == code
    planned.refresh_from_db()
    assert planned.conclusion == "" and not HealthDetails.objects.exists()


@pytest.mark.parametrize("data", [png_bytes(1200, 1600), jpeg_header_bytes(3000, 4000)])
def test_a_photo_of_the_report_is_accepted(planned, personas, data):
    recruiter = health_access_give(personas.recruiter)
    medical_result_record(
        actor=recruiter,
        check=planned,
        conclusion=Conclusion.FIT,
        expected_version=1,
        report=ReportUpload(name="foto", data=data),
    )
    assert HealthDetails.objects.get(check_up=planned).report_kind in {"png", "jpg"}


def test_a_closed_application_gets_no_check_up(planned, personas):
    from rekrut.pipeline.services import application_withdraw

    application_withdraw(
        application=planned.application, actor=personas.recruiter, expected_version=None, note="Mundur"
    )
    with pytest.raises(DomainError):
        medical_result_record(
            actor=personas.recruiter, check=planned, conclusion=Conclusion.FIT, expected_version=1
        )


def test_the_factory_check_up_is_planned(db, at_medical):
    assert medical_check_make(application=at_medical).status == CheckStatus.PLANNED
