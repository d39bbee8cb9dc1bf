"""The candidate's data requests in the portal, HR's queue with the 3×24-hour clock (UU PDP Ps 32), the
answers, "download my data", JSON Resume by HR, and the log of who viewed a candidate."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekrut.candidates.consent import consent_is_given, consent_record
from rekrut.candidates.jsonresume import resume_validate
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.candidates.sessions import SESSION_KEY
from rekrut.events.models import AuditEvent
from rekrut.privacy.models import DataRequest, RequestKind, RequestStatus
from rekrut.privacy.selectors import requests_queue
from rekrut.privacy.services import data_request_answer, data_request_create
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

ASKED = datetime(2026, 4, 6, 2, 0, tzinfo=UTC)  # a Monday, 09.00 WIB


@pytest.fixture
def dewi(personas, team_a_job):
    application = application_make(
        job=team_a_job, actor=personas.hr_admin, full_name="Dewi Lestari", email="dewi@example.com"
    )
    return Candidate.objects.get(pk=application.candidate_id)


def signed_in(client, candidate):
    session = client.session
    session[SESSION_KEY] = candidate.pk
    session.save()
    return client


def test_a_candidate_asks_for_deletion_and_hr_has_three_days(client, dewi):
    # Portal pages follow the candidate's language (Indonesian here) unless they chose one: English here.
    client.cookies["rekrut_language"] = "en"
    with time_machine.travel(ASKED, tick=False):
        response = signed_in(client, dewi).post(
            reverse("privacy:my_data_request"), {"kind": "deletion"}, follow=True
        )
    assert "HR answers within 3×24 hours" in response.content.decode()
    request = DataRequest.objects.get(candidate=dewi)
    assert request.kind == RequestKind.DELETION and request.status == RequestStatus.OPEN
    assert request.due_at - request.created_at == timedelta(hours=72)
    assert AuditEvent.objects.filter(action="data_request.created", subject_id=dewi.pk).exists()


def test_asking_twice_shows_the_first_request(dewi):
    data_request_create(candidate=dewi, kind=RequestKind.DELETION)
    with pytest.raises(Exception, match="already asked"):
        data_request_create(candidate=dewi, kind=RequestKind.DELETION)
    assert DataRequest.objects.count() == 1


def test_a_correction_says_what_to_correct(client, dewi):
    response = signed_in(client, dewi).post(
        reverse("privacy:my_data_request"), {"kind": "correction", "details": "  "}, follow=True
    )
    assert "Write what is wrong" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_a_consent_is_withdrawn_at_once_and_hr_confirms(client, dewi, personas):
    consent_record(candidate=dewi, purpose=ConsentPurpose.TALENT_POOL, language="id")
    signed_in(client, dewi).post(
        reverse("privacy:my_data_request"), {"kind": "consent_withdrawal", "purpose": "talent_pool"}
    )
    assert not consent_is_given(candidate=dewi, purpose=ConsentPurpose.TALENT_POOL)
    request = DataRequest.objects.get(candidate=dewi, kind=RequestKind.CONSENT_WITHDRAWAL)
    data_request_answer(actor=personas.hr_admin, request=request, done=True, answer="Sudah kami hentikan.")
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE


def test_withdrawing_a_consent_never_given_is_refused(dewi):
    with pytest.raises(Exception, match="Choose a consent"):
        data_request_create(candidate=dewi, kind=RequestKind.CONSENT_WITHDRAWAL, purpose="talent_pool")
    assert not DataRequest.objects.exists()


def test_nobody_else_can_ask_for_a_candidate(client, personas):
    client.force_login(personas.hr_admin)
    response = client.post(reverse("privacy:my_data_request"), {"kind": "deletion"})
    assert response.status_code == 302 and "/portal/sign-in/" in response["Location"]
    assert not DataRequest.objects.exists()


@pytest.mark.parametrize(
    ("hours_later", "row_class", "says"),
    [(10, "", "62 hours left"), (60, "due-soon", "12 hours left"), (75, "overdue", "3 hours late")],
)
def test_the_queue_shows_the_clock(client, dewi, personas, hours_later, row_class, says):
    with time_machine.travel(ASKED, tick=False):
        request = data_request_create(
            candidate=dewi, kind=RequestKind.CORRECTION, details="Nama: Dewi Lestari, S.E."
        )
    client.force_login(personas.hr_admin)
    with time_machine.travel(ASKED + timedelta(hours=hours_later), tick=False):
        html = client.get(reverse("privacy:queue")).content.decode()
    assert f'<tr id="request-{request.pk}" class="{row_class}">' in html
    assert says in html


def test_the_queue_puts_the_nearest_deadline_first(dewi, personas, team_b_job):
    other = application_make(job=team_b_job, actor=personas.hr_admin).candidate
    with time_machine.travel(ASKED, tick=False):
        first = data_request_create(candidate=other, kind=RequestKind.DELETION)
    with time_machine.travel(ASKED + timedelta(hours=5), tick=False):
        data_request_create(candidate=dewi, kind=RequestKind.DELETION)
    assert requests_queue(user=personas.hr_admin)[0].request == first
    assert requests_queue(user=personas.recruiter) == []


def test_a_refusal_needs_a_reason_the_candidate_reads(client, dewi, personas):
    request = data_request_create(candidate=dewi, kind=RequestKind.CORRECTION, details="Kota saya Bogor.")
    client.force_login(personas.hr_admin)
    url = reverse("privacy:request", args=[request.pk])
    response = client.post(url, {"done": "0", "answer": ""})
    assert "Write why the request is refused" in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    client.post(url, {"done": "0", "answer": "Data kota sudah benar menurut KTP Anda."})
    request.refresh_from_db()
    assert request.status == RequestStatus.REFUSED and request.answered_by == personas.hr_admin
    client.logout()
    html = signed_in(client, dewi).get(reverse("privacy:my_data")).content.decode()
    assert "Data kota sudah benar menurut KTP Anda." in html


def test_download_my_data_holds_everything_with_the_cv_as_json_resume(client, dewi, personas):
    consent_record(candidate=dewi, purpose=ConsentPurpose.APPLICATION, language="id")
    response = signed_in(client, dewi).get(reverse("privacy:my_data_download"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    resume_validate(data["person"]["resume"])
    assert data["person"]["resume"]["basics"]["name"] == "Dewi Lestari"
    assert data["person"]["consents"][0]["purpose"] == "application"
    [application] = data["applications"]
    assert application["job"] == "Customer Service Officer" and application["status"] == "active"
    assert application["history"][0]["what"] == "Lamaran masuk"  # in the candidate's language
    for section in (
        "interviews",
        "messages",
        "offers",
        "contracts",
        "onboarding",
        "medical_checkups",
        "data_requests",
    ):
        assert section in data
    assert AuditEvent.objects.filter(action="candidate.data_downloaded", subject_id=dewi.pk).exists()


def test_hr_imports_a_json_resume_and_a_bad_one_is_refused_naming_the_field(client, dewi, personas):
    client.force_login(personas.recruiter)
    url = reverse("privacy:resume_import", args=[dewi.pk])
    bad = SimpleUploadedFile("cv.json", json.dumps({"education": [{"endDate": "Juni 2016"}]}).encode())
    html = client.post(url, {"file": bad}, follow=True).content.decode()
    assert "education[0].endDate" in html
    assert Candidate.objects.get(pk=dewi.pk).resume == {}
    good = SimpleUploadedFile(
        "cv.json", json.dumps({"skills": [{"name": "Excel", "keywords": ["Pivot"]}]}).encode()
    )
    client.post(url, {"file": good})
    assert Candidate.objects.get(pk=dewi.pk).resume["skills"][0]["keywords"] == ["Pivot"]
    exported = json.loads(client.get(reverse("privacy:resume_download", args=[dewi.pk])).content)
    assert exported["skills"] == [{"name": "Excel", "keywords": ["Pivot"]}]
    assert exported["basics"]["email"] == "dewi@example.com"


def test_hr_admins_see_who_viewed_a_candidate(client, dewi, personas):
    client.force_login(personas.recruiter)
    client.get(reverse("desk:candidate", args=[dewi.pk]))
    client.get(reverse("privacy:resume_download", args=[dewi.pk]))
    html = client.get(reverse("privacy:candidate", args=[dewi.pk])).content.decode()
    assert "Who viewed this candidate" not in html  # the log is the HR admins'
    client.force_login(personas.hr_admin)
    html = client.get(reverse("privacy:candidate", args=[dewi.pk])).content.decode()
    assert "Who viewed this candidate" in html
    assert "Candidate record viewed" in html and "JSON Resume exported" in html
    assert str(personas.recruiter) in html
