"""Pages of the pipeline: the board, my work and the candidate pages, with bounded query counts."""

import pytest
from django.urls import reverse

from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import RejectReason
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def fill(job, n, kind=StageKind.SCREENING):
    return [application_make(job=job, stage_kind=kind) for _ in range(n)]


def test_board_shows_a_column_per_active_stage_and_the_cards(client_for, personas, team_a_job):
    application = application_make(
        job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Putri Maharani"
    )
    page = client_for(personas.recruiter).get(reverse("desk:board", args=[team_a_job.pk])).content.decode()
    assert page.count('class="column"') == team_a_job.stages.filter(is_active=True).count()
    assert "Putri Maharani" in page
    assert f'data-application="{application.pk}"' in page


@pytest.mark.parametrize("url_name", ["desk:board", "desk:candidates", "desk:jobs", "desk:my_work"])
def test_list_pages_cost_the_same_queries_for_few_and_many_rows(
    client_for, personas, team_a_job, django_assert_max_num_queries, url_name
):
    client = client_for(personas.recruiter)
    args = [team_a_job.pk] if url_name == "desk:board" else []
    # Both runs hold cards in an interview stage, whose exit rules the board asks about (bounded queries).
    fill(team_a_job, 2)
    fill(team_a_job, 1, StageKind.USER_INTERVIEW)
    with django_assert_max_num_queries(25) as few:
        assert client.get(reverse(url_name, args=args)).status_code == 200
    fill(team_a_job, 12)
    fill(team_a_job, 4, StageKind.USER_INTERVIEW)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(url_name, args=args)).status_code == 200


def test_candidate_page_queries_do_not_grow_with_history(
    client_for, personas, team_a_job, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    short = application_make(job=team_a_job)
    long = application_make(job=team_a_job, stage_kind=StageKind.OFFER)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("desk:candidate", args=[short.candidate_id]))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("desk:candidate", args=[long.candidate_id]))
    assert response.status_code == 200


def test_moving_by_button_with_htmx_returns_the_two_columns_it_changed(client_for, personas, team_a_job):
    application = application_make(job=team_a_job)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    response = client_for(personas.recruiter).post(
        reverse("desk:move", args=[application.pk]),
        {"version": application.version, "to_stage": screening.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.stage == screening
    # Only the two columns the card left and joined come back, swapped in place; the rest of the board stays.
    page = response.content.decode()
    assert response["HX-Reswap"] == "none"
    assert 'id="board"' not in page
    applied = team_a_job.stages.get(kind=StageKind.APPLIED)
    assert page.count('<section hx-swap-oob="true" class="column"') == 2
    assert f'id="column-{applied.pk}"' in page and f'id="column-{screening.pk}"' in page
    assert f'id="app-{application.pk}"' in page


def test_a_stale_move_tells_the_user_and_shows_the_current_board(client_for, personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    hr = team_a_job.stages.get(kind=StageKind.HR_INTERVIEW)
    client = client_for(personas.recruiter)
    client.post(
        reverse("desk:move", args=[application.pk]), {"version": application.version, "to_stage": hr.pk}
    )
    response = client.post(
        reverse("desk:move", args=[application.pk]),
        {"version": application.version, "to_stage": hr.pk},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "flash-error" in text
    assert (
        application.transitions.count()
        == application.transitions.filter(kind__in=["applied", "moved"]).count()
    )


@pytest.mark.parametrize(
    "payload",
    [{}, {"version": "x"}, {"version": 1, "to_stage": 999999}, {"version": 1, "to_stage": "abc"}],
)
def test_garbage_move_posts_never_500_and_change_nothing(client_for, personas, team_a_job, payload):
    application = application_make(job=team_a_job)
    response = client_for(personas.recruiter).post(reverse("desk:move", args=[application.pk]), payload)
    assert response.status_code in (302, 404)
    application.refresh_from_db()
    assert application.stage.kind == StageKind.APPLIED


def test_reject_from_the_card_needs_a_reason(client_for, personas, team_a_job):
    application = application_make(job=team_a_job)
    client = client_for(personas.recruiter)
    client.post(reverse("desk:reject", args=[application.pk]), {"version": application.version})
    application.refresh_from_db()
    assert application.status == "active"
    reason = RejectReason.objects.first()
    client.post(
        reverse("desk:reject", args=[application.pk]),
        {"version": application.version, "reason": reason.pk},
    )
    application.refresh_from_db()
    assert (application.status, application.reject_reason) == ("rejected", reason)


def test_my_work_lists_what_waits_in_stages_i_own(client_for, personas, team_a_job):
    at_hr = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Ayu HR")
    at_user = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Bagus User")
    recruiter_page = client_for(personas.recruiter).get(reverse("desk:my_work")).content.decode()
    manager_page = client_for(personas.hiring_manager).get(reverse("desk:my_work")).content.decode()
    assert at_hr.candidate.full_name in recruiter_page and at_user.candidate.full_name not in recruiter_page
    assert at_user.candidate.full_name in manager_page and at_hr.candidate.full_name not in manager_page


def test_without_javascript_reject_opens_as_a_page_and_works(client_for, personas, team_a_job):
    application = application_make(job=team_a_job, full_name="Rani Siregar")
    client = client_for(personas.recruiter)
    page = client.get(reverse("desk:reject", args=[application.pk])).content.decode()
    assert "Reject Rani Siregar" in page and 'name="reason"' in page
    assert (
        client_for(personas.interviewer).get(reverse("desk:reject", args=[application.pk])).status_code == 403
    )


def test_duplicate_hints_never_name_another_teams_candidate(client_for, personas, team_a_job, team_b_job):
    other = application_make(job=team_b_job, full_name="Sinta Rahasia", email="sinta@example.com")
    client = client_for(personas.recruiter)
    response = client.post(
        reverse("intake:add"), {"full_name": "Sinta R", "email": "sinta@example.com", "source": "other"}
    )
    page = response.content.decode()
    assert "Sinta Rahasia" not in page
    assert "another team" in page
    assert other.candidate.pk


@pytest.mark.parametrize("job", ["", "abc", "99999999"])
def test_applying_with_a_bad_job_id_says_so_and_saves_nothing(client_for, personas, team_a_job, job):
    application = application_make(job=team_a_job)
    response = client_for(personas.recruiter).post(
        reverse("intake:apply", args=[application.candidate_id]), {"job": job}, follow=True
    )
    assert response.status_code == 200
    assert "Choose a job." in response.content.decode()
    assert application.candidate.applications.count() == 1


def test_the_timeline_names_the_first_stage_once(client_for, personas, team_a_job):
    application = application_make(job=team_a_job, full_name="Rani Siregar")
    page = client_for(personas.recruiter).get(reverse("desk:candidate", args=[application.candidate_id]))
    first = page.content.decode().split('<ol class="timeline">')[1].split("</li>")[0]
    assert first.count("Applied") == 1, first


def test_a_renamed_first_stage_is_still_named_on_the_timeline(client_for, personas, team_a_job):
    team_a_job.stages.filter(kind=StageKind.APPLIED).update(name_en="Walk-in applicants")
    application = application_make(job=team_a_job)
    page = client_for(personas.recruiter).get(reverse("desk:candidate", args=[application.candidate_id]))
    first = page.content.decode().split('<ol class="timeline">')[1].split("</li>")[0]
    assert "<strong>Applied</strong>: Walk-in applicants" in first


def test_a_job_shows_how_many_are_hired_against_its_headcount(client_for, personas, team_a_job):
    application_make(job=team_a_job, stage_kind=StageKind.ONBOARDING)
    application_make(job=team_a_job, stage_kind=StageKind.OFFER)
    client = client_for(personas.recruiter)
    jobs = client.get(reverse("desk:jobs")).content.decode()
    assert f"1 of {team_a_job.headcount} hired" in jobs
    detail = client.get(reverse("jobs:detail", args=[team_a_job.pk])).content.decode()
    assert f"1 of {team_a_job.headcount} hired" in detail.split('id="hired-of-headcount"')[1]
