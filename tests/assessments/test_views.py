"""The assessment pages as HR and the team use them: assign, invite, record each shape from the form,
restricted reports (403 and audit), the types pages, and bounded query counts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rekrut.assessments.models import Assessment, AssessmentStatus, AssessmentType, ResultShape
from rekrut.assessments.services.assessments import assessment_result_record
from rekrut.events.models import AuditEvent
from tests.assessments.factories import assessment_make, reports_permission_grant, type_make
from tests.core.images import png_bytes
from tests.services.files import download_follow


def _page(application):
    return reverse("assessments:application", args=[application.pk])


def test_hr_assigns_from_the_page_and_a_double_click_makes_one(client_for, at_assessment, personas):
    kind = type_make()
    client = client_for(personas.recruiter)
    data = {"assessment_type": kind.pk, "idempotency_key": "a" * 32}
    assert client.post(_page(at_assessment), data).status_code == 302
    assert client.post(_page(at_assessment), data).status_code == 302
    assert Assessment.objects.count() == 1


def test_a_bad_invitation_is_told_and_changes_nothing(client_for, at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    client = client_for(personas.recruiter)
    prefix = f"i{assessment.pk}"
    response = client.post(
        reverse("assessments:invite", args=[assessment.pk]),
        {f"{prefix}-version": 1, f"{prefix}-mode": "on_site", f"{prefix}-scheduled_at": "kemarin"},
        follow=True,
    )
    assert "Enter a valid date/time." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.ASSIGNED


def test_hr_records_a_rubric_result_from_the_form(client_for, at_assessment, personas):
    assessment = assessment_make(
        application=at_assessment, assessment_type=type_make(shape=ResultShape.RUBRIC)
    )
    p = f"r{assessment.pk}"
    response = client_for(personas.recruiter).post(
        reverse("assessments:result", args=[assessment.pk]),
        {
            f"{p}-version": 1,
            f"{p}-rating_c1": 4,
            f"{p}-rating_c2": 3,
            f"{p}-rating_c3": 3,
            f"{p}-conclusion": "Rapi.",
        },
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.outcome == "passed" and assessment.rubric_ratings == {"c1": 4, "c2": 3, "c3": 3}


def test_a_stale_result_form_is_refused_with_a_message(client_for, at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, score=Decimal(80)
    )
    p = f"r{assessment.pk}"
    response = client_for(personas.recruiter).post(
        reverse("assessments:result", args=[assessment.pk]),
        {f"{p}-version": 1, f"{p}-score": "20"},
        follow=True,
    )
    assert "Someone else changed this assessment meanwhile" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.score == Decimal(80)


@pytest.fixture
def psikotes_done(at_assessment, personas):
    kind = type_make(name="Psikotes", shape=ResultShape.CATEGORY)
    assessment = assessment_make(application=at_assessment, assessment_type=kind)
    return assessment_result_record(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=1,
        category="considered",
        conclusion="Dapat dipertimbangkan untuk posisi frontliner.",
    )


def test_the_team_reads_the_conclusion_but_not_the_restricted_report(client_for, psikotes_done, personas):
    client = client_for(personas.hiring_manager)
    page = client.get(_page(psikotes_done.application)).content.decode()
    assert "Dapat dipertimbangkan untuk posisi frontliner." in page
    assert reverse("assessments:report", args=[psikotes_done.pk]) not in page
    assert client.get(reverse("assessments:report", args=[psikotes_done.pk])).status_code == 403
    assert client.get(reverse("assessments:report_file", args=[psikotes_done.pk])).status_code == 403
    assert (
        client_for(personas.hr_admin).get(reverse("assessments:report", args=[psikotes_done.pk])).status_code
        == 403
    )
    assert not AuditEvent.objects.filter(action__startswith="assessments.report_").exists()


def test_a_permission_holder_uploads_reads_and_downloads_the_report_each_logged(
    client_for, psikotes_done, personas
):
    holder = reports_permission_grant(personas.recruiter)
    client = client_for(holder)
    p = f"r{psikotes_done.pk}"
    response = client.post(
        reverse("assessments:result", args=[psikotes_done.pk]),
        {
            f"{p}-version": psikotes_done.version,
            f"{p}-category": "considered",
            f"{p}-note": "Catatan psikolog.",
            f"{p}-report": SimpleUploadedFile("laporan.png", png_bytes()),
        },
    )
    assert response.status_code == 302
    assert (
        "Catatan psikolog."
        in client.get(reverse("assessments:report", args=[psikotes_done.pk])).content.decode()
    )
    download = client.get(reverse("assessments:report_file", args=[psikotes_done.pk]))
    received = download_follow(download)  # streamed, or from the bucket's signed link
    assert received.status == 200 and received.content_type == "image/png"
    assert list(
        AuditEvent.objects.filter(actor=holder, action__startswith="assessments.report_")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["assessments.report_changed", "assessments.report_viewed", "assessments.report_downloaded"]
    # HR admins see who opened them (the audit log is theirs).
    page = client_for(personas.hr_admin).get(_page(psikotes_done.application)).content.decode()
    assert "Who opened or changed the reports" in page


def test_hr_adds_the_usual_types_once_and_edits_one(client_for, personas):
    client = client_for(personas.recruiter)
    assert "Add the usual types" in client.get(reverse("assessments:types")).content.decode()
    client.post(reverse("assessments:types_usual"))
    client.post(reverse("assessments:types_usual"))
    assert AssessmentType.objects.count() == 5
    psikotes = AssessmentType.objects.get(name_id="Psikotes")
    assert psikotes.details_restricted
    form = client.get(reverse("assessments:type_edit", args=[psikotes.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["details_restricted"] = ""  # a psikotes stays restricted whatever is ticked
    data["validity_days"] = 365
    assert client.post(reverse("assessments:type_edit", args=[psikotes.pk]), data).status_code == 302
    psikotes.refresh_from_db()
    assert psikotes.details_restricted and psikotes.validity_days == 365


def test_a_duplicate_type_name_is_told_on_the_form(client_for, personas):
    type_make(name="Tes Excel")
    response = client_for(personas.recruiter).post(
        reverse("assessments:type_create"),
        {
            "name_id": "Tes Excel",
            "kind": "skills",
            "shape": "score",
            "max_score": 100,
            "delivery": "in_house",
            "validity_days": 90,
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_the_application_page_reads_in_a_bounded_number_of_queries(
    client_for, at_assessment, personas, django_assert_max_num_queries
):
    for shape in ("score", "category", "rubric"):
        assessment = assessment_make(application=at_assessment, assessment_type=type_make(shape=shape))
        assessment_result_record(
            actor=personas.recruiter,
            assessment=assessment,
            expected_version=1,
            score=Decimal(80) if shape == "score" else None,
            category="recommended" if shape == "category" else "",
            ratings={"c1": 3, "c2": 3, "c3": 3} if shape == "rubric" else None,
        )
    client = client_for(personas.recruiter)
    client.get(_page(at_assessment))
    with django_assert_max_num_queries(25):
        assert client.get(_page(at_assessment)).status_code == 200
    assessment_make(application=at_assessment, assessment_type=type_make(name="Tes bahasa"))
    with django_assert_max_num_queries(25):
        assert client.get(_page(at_assessment)).status_code == 200


def test_the_evaluation_page_shows_the_results_beside_the_scorecards(
    client_for, psikotes_done, personas, django_assert_max_num_queries
):
    client = client_for(personas.hiring_manager)
    url = reverse("interviews:evaluation", args=[psikotes_done.application_id])
    client.get(url)
    with django_assert_max_num_queries(40):
        page = client.get(url).content.decode()
    assert f'id="assessment-result-{psikotes_done.pk}"' in page
    assert "Dapat dipertimbangkan untuk posisi frontliner." in page and "To be considered" in page


def test_the_reuse_offer_appears_for_the_same_person_elsewhere(client_for, psikotes_done, personas):
    from rekrut.jobs.models import StageKind
    from tests.jobs.factories import job_make
    from tests.pipeline.factories import application_make

    job = job_make(hr_owner=personas.recruiter, title="Teller")
    second = application_make(
        job=job,
        actor=personas.hr_admin,
        candidate=psikotes_done.application.candidate,
        stage_kind=StageKind.SCREENING,
    )
    client = client_for(personas.recruiter)
    assert f'id="reusable-{psikotes_done.pk}"' in client.get(_page(second)).content.decode()
    response = client.post(
        reverse("assessments:reuse", args=[second.pk]),
        {"source": psikotes_done.pk, "idempotency_key": "b" * 32},
    )
    assert response.status_code == 302
    copy = Assessment.objects.get(application=second)
    assert copy.reused_from_id == psikotes_done.pk


def test_invite_from_the_page_in_the_jobs_zone(client_for, at_assessment, personas):
    from zoneinfo import ZoneInfo

    assessment = assessment_make(application=at_assessment)
    when = (
        (timezone.now() + timedelta(days=2))
        .astimezone(ZoneInfo("Asia/Jakarta"))
        .replace(hour=9, minute=0, second=0, microsecond=0)
    )
    p = f"i{assessment.pk}"
    client_for(personas.recruiter).post(
        reverse("assessments:invite", args=[assessment.pk]),
        {
            f"{p}-version": 1,
            f"{p}-mode": "on_site",
            f"{p}-scheduled_at": when.strftime("%Y-%m-%dT%H:%M"),
            f"{p}-location": "Kantor",
        },
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.INVITED and assessment.scheduled_at == when


def test_an_online_test_is_sent_from_its_own_page_not_the_generic_invitation(
    client_for, at_assessment, personas
):
    from tests.online_tests.factories import online_test_make

    test = online_test_make(actor=personas.hr_admin)
    online = assessment_make(application=at_assessment, assessment_type=test.assessment_type)
    on_site = assessment_make(application=at_assessment, assessment_type=type_make(name="Tes bahasa"))
    client = client_for(personas.recruiter)
    page = client.get(_page(at_assessment)).content.decode()
    send = reverse("online_tests:application", args=[at_assessment.pk])
    assert f"{send}?type={test.assessment_type_id}" in page and "Send the online test" in page
    assert reverse("assessments:invite", args=[online.pk]) not in page
    assert reverse("assessments:invite", args=[on_site.pk]) in page  # other types keep the invitation
    assert reverse("assessments:cancel", args=[online.pk]) in page
    # The send page opens with that test chosen.
    form = client.get(f"{send}?type={test.assessment_type_id}").context["form"]
    assert form["test"].value() == test.pk


def test_the_generic_invitation_refuses_an_online_test(client_for, at_assessment, personas):
    from tests.online_tests.factories import online_type_make

    online = assessment_make(application=at_assessment, assessment_type=online_type_make())
    prefix = f"i{online.pk}"
    response = client_for(personas.recruiter).post(
        reverse("assessments:invite", args=[online.pk]),
        {
            f"{prefix}-version": 1,
            f"{prefix}-mode": "online",
            f"{prefix}-deadline": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )
    assert "online tests page" in response.content.decode()
    online.refresh_from_db()
    assert online.status == AssessmentStatus.ASSIGNED


def test_the_job_page_and_its_rules_page_link_to_each_other(client_for, team_a_job, personas):
    client = client_for(personas.recruiter)
    rules = reverse("assessments:rules", args=[team_a_job.pk])
    job_page = reverse("jobs:detail", args=[team_a_job.pk])
    assert rules in client.get(job_page).content.decode()
    assert job_page in client.get(rules).content.decode()
    assert rules not in client_for(personas.interviewer).get(job_page).content.decode()
