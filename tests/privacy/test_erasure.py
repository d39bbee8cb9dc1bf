"""A deletion request, once HR confirms it, leaves no personal data and no file of the person anywhere, while
every count the reports read stays the same (UU 27/2022 PDP Ps 8, 43)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from rekrut.candidates.consent import consent_record
from rekrut.candidates.jsonresume import resume_import
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.candidates.services import CVUpload, candidate_update
from rekrut.contracts.models import Contract
from rekrut.core.errors import DomainError
from rekrut.interviews.models import Interview, PlanRound
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import StageKind
from rekrut.medical.models import Conclusion, MedicalCheck
from rekrut.medical.services import ReportUpload, medical_result_record
from rekrut.notifications.models import OutboxMessage
from rekrut.offers.models import Offer
from rekrut.onboarding.candidate import FILE_DOCUMENTS, EmployeeInput, Upload, employee_details_give
from rekrut.onboarding.models import DocumentFile
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason, Transition
from rekrut.pipeline.services import application_reject
from rekrut.privacy.models import Erasure, RequestKind
from rekrut.privacy.services import data_request_answer, data_request_create
from tests.candidates.factories import CandidateFactory
from tests.candidates.filebuilders import pdf_bytes
from tests.contracts.factories import contract_make, contract_sign_fully
from tests.medical.factories import health_access_give, medical_check_make
from tests.onboarding.factories import details_give, onboarding_make
from tests.pipeline.factories import application_make
from tests.services.files import storage_isolate, stored_names

pytestmark = pytest.mark.django_db

NAME = "Putri Maharani"
EMAIL = "putri.maharani@example.com"
PHONE = "+6281298765432"
# Every way the person's identity may be written somewhere.
TRACES = [NAME, NAME.lower(), NAME.upper(), EMAIL, PHONE, "6281298765432", "081298765432", "Maharani"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    return storage_isolate(settings, tmp_path)


def traces_in_database() -> list[str]:
    """Every table, every column: the cells that still hold a trace of the person."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # The table's name comes from the database's own catalogue, quoted: nothing from outside.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, memoryview | bytes):
                        text = bytes(value).decode("latin-1")
                    elif isinstance(value, str):
                        text = value
                    else:
                        continue
                    found += [
                        f"{table}.{column}: {trace}"
                        for trace in TRACES
                        if trace.casefold() in text.casefold()
                    ]
    return found


def report_counts() -> dict[str, object]:
    return {
        "applications": list(
            Application.objects.order_by("pk").values_list("pk", "job_id", "stage_id", "status")
        ),
        "transitions": list(
            Transition.objects.order_by("pk").values_list("pk", "application_id", "at", "kind", "to_stage_id")
        ),
        "interviews": list(Interview.objects.order_by("pk").values_list("pk", "starts_at", "status")),
        "checks": list(MedicalCheck.objects.order_by("pk").values_list("pk", "status", "conclusion")),
        "offers": list(Offer.objects.order_by("pk").values_list("pk", "status", "base_salary")),
        "contracts": list(
            Contract.objects.order_by("pk").values_list("pk", "status", "start_date", "base_salary")
        ),
        "candidates": Candidate.objects.count(),
    }


@pytest.fixture
def putri(personas, team_a_job, team_b_job):
    """Putri, with everything Rekrut can hold about a person: a CV and a JSON Resume, a consent, two
    applications (an interview with its invitation, a medical check-up with its report, a signed contract
    and her onboarding details and KTP scan), rejection e-mails, and her request to be deleted."""
    hr = personas.hr_admin
    candidate = CandidateFactory(
        full_name=NAME,
        email=EMAIL,
        phone=PHONE,
        city="Bandung",
        links=["https://www.linkedin.com/in/putri-maharani"],
        notes=f"{NAME} ramah, dihubungi lewat {PHONE}.",
    )
    candidate_update(
        actor=hr,
        candidate=candidate,
        loaded_version=None,
        cv=CVUpload(
            name="CV Putri Maharani.pdf", data=pdf_bytes(f"CV {NAME}"), kind="pdf", text=f"{NAME} CV"
        ),
    )
    resume_import(
        candidate=candidate,
        document={
            "basics": {"name": NAME, "email": EMAIL},
            "work": [{"name": "PT Maju", "startDate": "2019-03"}],
        },
    )
    consent_record(
        candidate=candidate,
        purpose=ConsentPurpose.APPLICATION,
        language="id",
        ip="203.0.113.9",
        user_agent="Firefox",
    )
    # Team A: interviewed, then a medical check-up with the clinic's report.
    at_medical = application_make(job=team_a_job, actor=hr, candidate=candidate, stage_kind=StageKind.MEDICAL)
    interview_plan_ensure(job=team_a_job)
    interview_schedule(
        actor=hr,
        application=at_medical,
        plan_round=PlanRound.objects.filter(job=team_a_job).first(),
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=45,
        interviewers=[personas.interviewer],
        add_to_team=True,
    )
    check = medical_check_make(application=at_medical, actor=hr)
    medical_result_record(
        actor=health_access_give(personas.hr_admin),
        check=check,
        conclusion=Conclusion.FIT_WITH_NOTES,
        expected_version=check.version,
        note=f"{NAME}: tekanan darah tinggi.",
        report=ReportUpload(name="hasil-putri.pdf", data=pdf_bytes(f"Hasil MCU {NAME}")),
    )
    # Team B: a signed contract and onboarding with her bank account and KTP scan.
    at_contract = application_make(
        job=team_b_job, actor=hr, candidate=candidate, stage_kind=StageKind.CONTRACT
    )
    contract_sign_fully(contract=contract_make(application=at_contract, actor=hr), actor=hr)
    onboarding = onboarding_make(application=at_contract, actor=hr)
    details_give(onboarding, account_holder=NAME)
    scans = onboarding.tasks.filter(document__in=FILE_DOCUMENTS)
    employee_details_give(
        onboarding=onboarding,
        entry=EmployeeInput(),
        uploads={task.pk: Upload(name="ktp.pdf", data=pdf_bytes(f"KTP {NAME}")) for task in scans[:1]},
    )
    assert DocumentFile.objects.filter(task__onboarding=onboarding).exists()
    for application in (at_medical, at_contract):
        application_reject(
            application=Application.objects.get(pk=application.pk),
            reason=RejectReason.objects.first(),
            actor=hr,
            expected_version=None,
            note=f"Gaji yang diminta {NAME} terlalu tinggi.",
        )
    request = data_request_create(
        candidate=candidate, kind=RequestKind.DELETION, details=f"Saya {NAME}, hapus data saya."
    )
    return candidate, request


def test_a_confirmed_deletion_leaves_no_personal_data_or_file_and_the_counts_stay(
    putri, personas, client, media, django_capture_on_commit_callbacks
):
    candidate, request = putri
    client.force_login(personas.hr_admin)
    assert client.get(reverse("desk:candidate", args=[candidate.pk])).status_code == 200
    assert client.get(reverse("desk:candidate_cv", args=[candidate.pk])).status_code in {200, 302}
    assert OutboxMessage.objects.filter(body__icontains=NAME).exists()  # the invitation, the rejections
    assert stored_names(), "the CV, the MCU report and the contract scan are files"
    assert traces_in_database()
    before = report_counts()

    with django_capture_on_commit_callbacks(execute=True):
        data_request_answer(actor=personas.hr_admin, request=request, done=True, answer="")

    assert traces_in_database() == []
    assert stored_names() == []  # in the bucket too (REKRUT_TEST_S3=1): the objects are gone
    assert report_counts() == before
    assert Erasure.objects.get(candidate=candidate).request == request
    assert set(Application.objects.values_list("status", flat=True)) == {ApplicationStatus.REJECTED}
    assert not DocumentFile.objects.exclude(file="").exists()


def test_deleting_withdraws_open_applications_first(personas, team_a_job):
    application = application_make(job=team_a_job, actor=personas.hr_admin, full_name=NAME, email=EMAIL)
    request = data_request_create(candidate=application.candidate, kind=RequestKind.DELETION)
    data_request_answer(actor=personas.hr_admin, request=request, done=True, answer="")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.candidate.full_name.startswith("[dihapus]")


def test_a_hired_person_is_not_erased_and_nothing_changes(personas, team_a_job):
    application = application_make(job=team_a_job, actor=personas.hr_admin, full_name=NAME, email=EMAIL)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.HIRED)
    request = data_request_create(candidate=application.candidate, kind=RequestKind.DELETION)
    with pytest.raises(DomainError, match="employment records"):
        data_request_answer(actor=personas.hr_admin, request=request, done=True, answer="")
    request.refresh_from_db()
    assert request.status == "open"
    assert Candidate.objects.get(pk=application.candidate_id).full_name == NAME
