"""The case study in a real browser at phone size: the candidate opens the link from the invitation, reads
what is measured, how long it takes and how the result is used, downloads the brief, tries a wrong file,
agrees and hands in the work; HR then records the rubric and sees it on the evaluation page."""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from rekrut.assessments.models import Assessment, AssessmentStatus, ResultShape
from rekrut.assessments.services.assessments import assessment_invite
from rekrut.jobs.models import StageKind
from tests.assessments.factories import assessment_make, type_make
from tests.candidates.filebuilders import pdf_bytes
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def invited(personas, team_a_job, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    application = application_make(
        job=team_a_job,
        stage_kind=StageKind.ASSESSMENT,
        full_name="Putri Maharani",
        email="putri@example.com",
        language="en",
    )
    kind = type_make(
        name="Studi kasus",
        shape=ResultShape.RUBRIC,
        duration_minutes=240,
        measures_en="How you analyse a real problem of this job.",
        brief_en="Our branch loses 20% of customers a year.",
    )
    kind.brief_file.save("brief.pdf", ContentFile(pdf_bytes("The brief")))
    assessment = assessment_make(application=application, assessment_type=kind, actor=personas.recruiter)
    issued = assessment_invite(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=assessment.version,
        deadline=timezone.now() + timedelta(days=3),
    )
    return assessment, issued


def test_the_candidate_hands_in_a_case_study_on_a_phone(
    browser, live_server, invited, tmp_path, page, sign_in, personas
):
    assessment, issued = invited
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True, locale="en-US"
    )
    phone = context.new_page()
    phone.goto(re.sub(r"^https?://[^/]+", "", issued.url))
    expect(phone.get_by_role("heading", name="Studi kasus", exact=True)).to_be_visible()
    expect(phone.get_by_text("How you analyse a real problem of this job.")).to_be_visible()
    expect(phone.get_by_text("About 240 minutes.")).to_be_visible()
    expect(phone.get_by_text("How the result is used")).to_be_visible()
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download the brief").click()
    assert download.value.suggested_filename.endswith(".pdf")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"

    wrong = tmp_path / "tool.exe"
    wrong.write_bytes(b"MZ" + b"\x00" * 200)
    phone.get_by_label(re.compile("Your work")).set_input_files(str(wrong))
    phone.get_by_label(re.compile("I agree")).check()
    phone.get_by_role("button", name="Hand in my work").click()
    expect(phone.get_by_text(re.compile("Upload your work as a PDF"))).to_be_visible()
    assert not Assessment.objects.get(pk=assessment.pk).work_sample

    work = tmp_path / "analisis.pdf"
    work.write_bytes(pdf_bytes("Analisis saya"))
    phone.get_by_label(re.compile("Your work")).set_input_files(str(work))
    phone.get_by_label(re.compile("I agree")).check()
    phone.get_by_role("button", name="Hand in my work").click()
    expect(phone.get_by_text("Handed in: analisis.pdf.")).to_be_visible()
    context.close()
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.SUBMITTED

    # HR rates the rubric; the evaluation page shows it beside the scorecards.
    sign_in(personas.recruiter).goto(reverse("assessments:application", args=[assessment.application_id]))
    expect(page.get_by_role("link", name="Download the work handed in")).to_be_visible()
    result = page.locator(f"#assessment-{assessment.pk} form[action$='/result/']")
    for name, rating in (("Analysis", "4"), ("Solution", "3"), ("Presentation", "3")):
        result.get_by_role("group", name=name).get_by_label(rating, exact=True).check()
    result.get_by_label("Conclusion for the hiring team").fill("Analisis tajam.")
    result.get_by_role("button", name="Save the result").click()
    page.goto(reverse("interviews:evaluation", args=[assessment.application_id]))
    expect(page.locator(f"#assessment-result-{assessment.pk}")).to_contain_text("Passed")
    expect(page.locator(f"#assessment-result-{assessment.pk}")).to_contain_text("Analisis tajam.")
