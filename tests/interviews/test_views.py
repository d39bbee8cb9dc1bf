"""The interview pages: plan, kit, scheduling, scorecards (with and without JavaScript), evaluation, decision,
my interviews, and the htmx pieces loaded into the pipeline's pages."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from rekrut.interviews.models import Interview, Scorecard, ScorecardStatus
from rekrut.interviews.services.plans import plan_round_update
from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import RejectReason
from tests.accounts.factories import UserFactory
from tests.interviews.conftest import held, submit
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_the_plan_page_shows_rounds_kits_and_the_policy(team_a_job, personas, client_for):
    page = (
        client_for(personas.recruiter).get(reverse("interviews:plan", args=[team_a_job.pk])).content.decode()
    )
    assert page.count("<article") == 3
    for plan_round in team_a_job.interview_rounds.all():
        assert reverse("interviews:round_edit", args=[plan_round.pk]) in page
    assert f'action="{reverse("interviews:policy", args=[team_a_job.pk])}"' in page
    other = client_for(personas.hiring_manager).get(reverse("interviews:plan", args=[team_a_job.pk]))
    assert 'name="hr_is_gate"' not in other.content.decode()


def test_outsiders_do_not_reach_the_plan(team_a_job, personas, client_for):
    assert (
        client_for(personas.outsider).get(reverse("interviews:plan", args=[team_a_job.pk])).status_code == 404
    )


def test_the_round_page_edits_the_round_and_the_kit_without_javascript(plan, personas, client_for):
    client = client_for(personas.recruiter)
    url = reverse("interviews:round_edit", args=[plan["user"].pk])
    response = client.post(
        url,
        {
            "round_type": "user",
            "duration_minutes": 75,
            "interviewers": [personas.hiring_manager.pk],
            "attributes": list(plan["user"].attributes.values_list("pk", flat=True))[:3],
        },
    )
    assert response.status_code == 302
    plan["user"].refresh_from_db()
    assert plan["user"].duration_minutes == 75 and plan["user"].round_attributes.count() == 3
    first = plan["user"].kit.order_by("position").first().question_id
    client.post(reverse("interviews:kit_move", args=[plan["user"].pk]), {"question": first, "offset": "1"})
    assert plan["user"].kit.order_by("position").first().question_id != first
    client.post(reverse("interviews:kit_remove", args=[plan["user"].pk]), {"question": first})
    assert not plan["user"].kit.filter(question_id=first).exists()
    response = client.post(
        reverse("interviews:kit_add", args=[plan["user"].pk]), {"question": first}, follow=True
    )
    assert plan["user"].kit.filter(question_id=first).exists()
    assert "Interview kit" in response.content.decode() or response.status_code == 200


def test_only_the_hr_owner_edits_the_round(plan, personas, client_for):
    client = client_for(personas.hiring_manager)
    assert client.get(reverse("interviews:round_edit", args=[plan["hr"].pk])).status_code == 200
    response = client.post(reverse("interviews:round_edit", args=[plan["hr"].pk]), {"duration_minutes": 10})
    assert response.status_code == 403
    assert client.post(reverse("interviews:kit_suggest", args=[plan["hr"].pk])).status_code == 403


def test_the_interview_is_shown_in_the_viewers_zone(at_user_stage, plan, personas, client_for):
    """Typed on the schedule page in the zone of the job's place (WIB), read by a viewer in WITA."""
    personas.recruiter.time_zone = "Asia/Makassar"  # WITA, UTC+8
    personas.recruiter.save()
    client = client_for(personas.recruiter)
    response = client.post(
        reverse("scheduling:schedule", args=[at_user_stage.pk]),
        {
            "round": plan["user"].pk,
            "day": "2031-03-10",
            "at": "10:00",
            "duration_minutes": 60,
            "interviewers": [personas.hiring_manager.pk, personas.interviewer.pk],
            "mode": "online",
            "meeting_url": "https://meet.example.com/abc",
        },
    )
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.starts_at == datetime(2031, 3, 10, 3, 0, tzinfo=UTC)
    page = client.get(reverse("interviews:application", args=[at_user_stage.pk])).content.decode()
    assert "10 March 2031, 11:00 WITA" in page


def test_the_kit_page_holds_questions_requirements_the_cv_and_time_guidance(
    at_user_stage, plan, personas, client_for
):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager], minutes=60)
    page = (
        client_for(personas.hiring_manager)
        .get(reverse("interviews:kit", args=[interview.pk]))
        .content.decode()
    )
    first = plan["user"].kit.order_by("position").first().question
    assert first.text_id[:40] in page or first.text_en[:40] in page
    assert "Pengalaman sebagai staf layanan pelanggan" in page  # the CV text
    assert "cv-text" in page


class TestScorecardPage:
    def form(self, plan_round, recommendation="yes", action="save", rating="3"):
        data = {"action": action, "recommendation": recommendation, "overall_notes": "Solid answers"}
        for code in plan_round.round_attributes.values_list("attribute__code", flat=True):
            data[f"rating_{code}"] = rating
            data[f"evidence_{code}"] = f"seen: {code}"
        return data

    def test_save_draft_without_javascript_then_submit(self, at_user_stage, plan, personas, client_for):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        client = client_for(personas.hiring_manager)
        url = reverse("interviews:scorecard", args=[interview.pk])
        page = client.get(url).content.decode()
        assert 'hx-trigger="change delay:1s' in page and 'value="save"' in page
        assert client.post(url, self.form(plan["user"])).status_code == 302
        assert Scorecard.objects.get().status == ScorecardStatus.DRAFT
        response = client.post(url, self.form(plan["user"], "strong_yes", action="submit"))
        assert response.status_code == 302
        assert response["Location"] == reverse("interviews:evaluation", args=[at_user_stage.pk])
        scorecard = Scorecard.objects.get()
        assert scorecard.is_submitted and scorecard.recommendation == "strong_yes"
        page = client.get(url).content.decode()
        assert 'value="amend"' in page and "hx-post" not in page

    def test_autosave_answers_the_htmx_request_with_a_small_status(
        self, at_user_stage, plan, personas, client_for
    ):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        url = reverse("interviews:scorecard", args=[interview.pk])
        response = client_for(personas.hiring_manager).post(
            url, self.form(plan["user"], "", action="autosave"), HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert "<html" not in response.content.decode()
        assert Scorecard.objects.get().ratings.count() == plan["user"].round_attributes.count()

    def test_autosave_after_submission_says_why_it_did_not_save(
        self, at_user_stage, plan, personas, client_for
    ):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        submit(interview, personas.hiring_manager, "yes")
        response = client_for(personas.hiring_manager).post(
            reverse("interviews:scorecard", args=[interview.pk]),
            self.form(plan["user"], "no", action="autosave"),
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200  # htmx swaps only successful answers
        assert 'role="alert"' in response.content.decode() and "locked" in response.content.decode()
        assert Scorecard.objects.get().recommendation == "yes"

    def test_submitting_twice_shows_a_clear_message_and_changes_nothing(
        self, at_user_stage, plan, personas, client_for
    ):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        submit(interview, personas.hiring_manager, "yes")
        response = client_for(personas.hiring_manager).post(
            reverse("interviews:scorecard", args=[interview.pk]),
            self.form(plan["user"], "no", action="submit"),
        )
        assert response.status_code == 400
        assert 'class="form-errors"' in response.content.decode()
        assert Scorecard.objects.get().recommendation == "yes"

    def test_amending_from_the_page_needs_a_reason(self, at_user_stage, plan, personas, client_for):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        submit(interview, personas.hiring_manager, "yes")
        client = client_for(personas.hiring_manager)
        url = reverse("interviews:scorecard", args=[interview.pk])
        assert client.post(url, self.form(plan["user"], "no", action="amend")).status_code == 400
        data = {**self.form(plan["user"], "no", action="amend"), "amend_reason": "Re-read my notes"}
        assert client.post(url, data).status_code == 302
        assert Scorecard.objects.get().versions.count() == 2

    def test_the_rating_scale_names_its_four_levels(self, at_user_stage, plan, personas, client_for):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        page = client_for(personas.hiring_manager).get(reverse("interviews:scorecard", args=[interview.pk]))
        text = page.content.decode()
        for label in (
            "1 · Below expectations",
            "2 · Partly meets expectations",
            "3 · Meets expectations",
            "4 · Exceeds expectations",
        ):
            assert text.count(label) >= 2 * plan["user"].round_attributes.count()  # radio and rubric

    def test_a_submitted_scorecard_reads_as_text_with_when_and_how_to_amend(
        self, at_user_stage, plan, personas, client_for
    ):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        submit(interview, personas.hiring_manager, "strong_yes", rating=4)
        client = client_for(personas.hiring_manager)
        url = reverse("interviews:scorecard", args=[interview.pk])
        page = client.get(url).content.decode()
        shown, amend = page.split('<details id="amend"')
        assert "Submitted on" in shown
        read = shown.split('id="submitted-scorecard"')[1]
        assert "4 · Exceeds expectations" in read and "Strong yes" in read
        # Nothing that looks editable before the amend action, which stays closed until used.
        assert "<input" not in read and "<textarea" not in read
        assert amend.startswith(' class="amend">') and 'value="amend"' in amend
        failed = client.post(url, self.form(plan["user"], "no", action="amend")).content.decode()
        assert '<details id="amend" class="amend" open>' in failed

    def test_someone_not_on_the_interview_gets_a_403(self, at_user_stage, plan, personas, client_for):
        interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
        url = reverse("interviews:scorecard", args=[interview.pk])
        assert (
            client_for(personas.interviewer).post(url, self.form(plan["user"], action="submit")).status_code
            == 403
        )
        assert not Scorecard.objects.exists()


def interviewed(application, plan, personas, *, hr="yes", user_recs=("yes",), people=None):
    submit(held(application, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter, hr)
    people = people or [personas.hiring_manager]
    interview = held(application, plan["user"], people)
    for person, rec in zip(people, user_recs, strict=False):
        submit(interview, person, rec)
    return interview


def test_the_evaluation_page_shows_the_matrix_the_disagreement_and_the_advice(
    at_user_stage, plan, personas, client_for
):
    interviewed(at_user_stage, plan, personas, hr="yes", user_recs=("no",))
    page = (
        client_for(personas.recruiter)
        .get(reverse("interviews:evaluation", args=[at_user_stage.pk]))
        .content.decode()
    )
    assert 'id="matrix"' in page and 'id="disagreements"' in page
    assert 'id="advice"' in page and "outcome-reject" in page
    assert 'id="decide"' in page


def test_a_gap_on_a_shared_attribute_is_called_out(at_user_stage, plan, personas, client_for):
    communication = plan["hr"].attributes.get(code="communication")
    plan_round_update(
        actor=personas.recruiter,
        plan_round=plan["user"],
        round_type="user",
        duration_minutes=60,
        interviewers=[personas.hiring_manager],
        attributes=[*plan["user"].attributes.all(), communication],
        asks_salary_and_notice=False,
    )
    submit(
        held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72),
        personas.recruiter,
        "yes",
        rating=4,
    )
    submit(
        held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager, "yes", rating=2
    )
    client = client_for(personas.recruiter)
    client.cookies["rekrut_language"] = "en"
    page = client.get(reverse("interviews:evaluation", args=[at_user_stage.pk])).content.decode()
    assert "On Communication, HR rated 4.0 and the user 2.0." in page


def test_the_evaluation_page_costs_the_same_queries_for_one_and_five_interviewers(
    team_a_job, plan, personas, client_for, django_assert_max_num_queries
):
    few = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    many = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    panel = [personas.hiring_manager, *(UserFactory(username=f"panel{i}") for i in range(4))]
    interviewed(few, plan, personas, people=[personas.hiring_manager])
    interviewed(many, plan, personas, user_recs=("yes", "strong_yes", "no", "yes", "yes"), people=panel)
    client = client_for(personas.recruiter)
    client.get(reverse("interviews:evaluation", args=[few.pk]))  # the plan exists: no first-visit writes
    with django_assert_max_num_queries(40) as one:
        assert client.get(reverse("interviews:evaluation", args=[few.pk])).status_code == 200
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("interviews:evaluation", args=[many.pk])).content.decode()
    assert all(escape(str(person)) in page for person in panel)
    # Six columns (one HR, five user interviewers) by the attributes of those two rounds.
    rows = plan["hr"].round_attributes.count() + plan["user"].round_attributes.count()
    assert page.count('<td class="rating">') == 6 * rows


def test_deciding_from_the_page(at_user_stage, plan, personas, client_for):
    interviewed(at_user_stage, plan, personas)
    medical = at_user_stage.job.stages.get(kind=StageKind.MEDICAL)
    client = client_for(personas.recruiter)
    url = reverse("interviews:decide", args=[at_user_stage.pk])
    data = {
        "version": at_user_stage.version,
        "outcome": "proceed",
        "to_stage": medical.pk,
        "reason": "Strong fit",
    }
    assert client.post(url, {**data, "reason": ""}).status_code == 400
    response = client.post(url, data)
    assert response.status_code == 302
    at_user_stage.refresh_from_db()
    assert at_user_stage.stage == medical


def test_the_page_explains_a_refused_early_decision(at_user_stage, plan, personas, client_for):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter, "yes")
    held(at_user_stage, plan["user"], [personas.hiring_manager])
    response = client_for(personas.recruiter).post(
        reverse("interviews:decide", args=[at_user_stage.pk]),
        {
            "version": at_user_stage.version,
            "outcome": "reject",
            "reject_reason": RejectReason.objects.first().pk,
            "reason": "No",
        },
    )
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    at_user_stage.refresh_from_db()
    assert at_user_stage.status == "active"


def test_my_interviews_lists_upcoming_awaiting_and_overdue(at_user_stage, plan, personas, client_for):
    upcoming = held(at_user_stage, plan["user"], [personas.hiring_manager], hours_ago=-24)
    awaiting = held(at_user_stage, plan["user"], [personas.hiring_manager], hours_ago=3)
    overdue = held(at_user_stage, plan["hr"], [personas.hiring_manager], hours_ago=30)
    done = held(at_user_stage, plan["hr"], [personas.hiring_manager], hours_ago=40)
    submit(done, personas.hiring_manager)
    page = client_for(personas.hiring_manager).get(reverse("interviews:mine")).content.decode()
    sections = {
        name: page.split(f'id="{name}"')[1].split("</section>")[0]
        for name in ("overdue", "awaiting", "upcoming")
    }
    assert f"/interviews/{overdue.pk}/scorecard/" in sections["overdue"]
    assert f"/interviews/{awaiting.pk}/scorecard/" in sections["awaiting"]
    assert f"/interviews/{upcoming.pk}/scorecard/" in sections["upcoming"]
    assert f"/interviews/{done.pk}/" not in page
    with time_machine.travel(timezone.now() + timedelta(hours=30)):
        work = client_for(personas.hiring_manager).get(reverse("desk:my_work")).content.decode()
    late = work.split('id="late"')[1].split("</section>")[0]
    assert f"/interviews/{overdue.pk}/scorecard/" in late
    assert work.index('id="late"') < work.index('id="my-interviews"')
    owed = client_for(personas.recruiter).get(reverse("interviews:mine")).content.decode()
    assert 'id="chase"' in owed


def test_my_work_puts_scorecards_owed_on_my_jobs_under_late(at_user_stage, plan, personas, client_for):
    owed = held(at_user_stage, plan["user"], [personas.hiring_manager], hours_ago=30)
    work = client_for(personas.recruiter).get(reverse("desk:my_work")).content.decode()
    late = work.split('id="late"')[1].split("</section>")[0]
    assert f"{personas.hiring_manager.get_full_name()} owes a scorecard" in late
    assert f"/interviews/applications/{owed.application_id}/" in late
    admin = client_for(personas.hr_admin).get(reverse("desk:my_work")).content.decode()
    row = admin.split(f'data-job="{at_user_stage.job_id}"')[1].split("</tr>")[0]
    assert 'data-count="overdue"><span class="badge danger">1<' in row


def test_board_cards_carry_their_interview_flags(at_user_stage, plan, personas, client_for):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter)
    held(at_user_stage, plan["user"], [personas.hiring_manager, personas.interviewer], hours_ago=30)
    board = client_for(personas.recruiter).get(reverse("desk:board", args=[at_user_stage.job_id]))
    flags = board.content.decode().split(f'id="iflags-{at_user_stage.pk}">')[1].split("</span></span>")[0]
    assert "1/3" in flags and "badge danger" in flags


def test_the_board_and_my_work_render_the_interview_pieces_in_their_own_response(
    at_user_stage, personas, client_for
):
    """No HTMX request stands in for an import: the desk reads the interviews selectors directly."""
    client = client_for(personas.recruiter)
    board = client.get(reverse("desk:board", args=[at_user_stage.job_id])).content.decode()
    assert f'id="iflags-{at_user_stage.pk}"' in board and "/interviews/board-flags/" not in board
    work = client.get(reverse("desk:my_work")).content.decode()
    assert 'id="my-interviews"' in work and 'hx-trigger="load"' not in work


def test_the_question_bank_page_adds_and_retires(personas, client_for):
    client = client_for(personas.recruiter)
    page = client.get(reverse("interviews:questions") + "?round_type=hr").content.decode()
    assert "question-" in page
    from rekrut.interviews.models import Attribute, Question

    response = client.post(
        reverse("interviews:questions"),
        {
            "round_type": "hr",
            "job_family": "general",
            "attributes": [Attribute.objects.get(code="attitude").pk],
            "text_id": "Apa arti kerja tim bagi Anda?",
            "text_en": "What does teamwork mean to you?",
            "follow_ups": "Contohnya? | An example?",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get(created_by=personas.recruiter)
    assert question.follow_ups == [{"id": "Contohnya?", "en": "An example?"}]
    client.post(reverse("interviews:question_retire", args=[question.pk]))
    question.refresh_from_db()
    assert not question.is_active
