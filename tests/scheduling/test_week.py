"""The week views: my interviews (and, for HR, those of the jobs I own) and a job's, by day in the viewer's
zone with WIB/WITA/WIT, cancelled ones struck through, holidays marked, ISO week navigation with keyboard
shortcuts on real links, and a fixed number of queries whatever the number of interviews."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from rekrut.interviews.models import Interview
from rekrut.interviews.services.interviews import interview_cancel
from tests.pipeline.factories import application_make
from tests.scheduling.planning_setup import at, frozen, planned

__all__ = ["frozen"]

pytestmark = pytest.mark.django_db

WEEK = reverse("scheduling:week")


@pytest.fixture
def week_of_interviews(team_a_job, team_b_job, personas, frozen):
    """Maya interviews Putri on Wednesday; Budi interviews Sinta on Thursday (cancelled); team B's Andi
    interviews Bayu on Friday; next week Budi interviews Rudi on the day after Independence Day."""
    return {
        "putri": planned(
            application_make(job=team_a_job, full_name="Putri Maharani"), [personas.interviewer], at(11, 10)
        ),
        "sinta": planned(
            application_make(job=team_a_job, full_name="Sinta Dewi"), [personas.hiring_manager], at(12, 13)
        ),
        "bayu": planned(
            application_make(job=team_b_job, full_name="Bayu Saputra"), [personas.other_manager], at(13, 9)
        ),
        "rudi": planned(
            application_make(job=team_a_job, full_name="Rudi Hartono"), [personas.hiring_manager], at(18, 9)
        ),
    }


def _day(page: str, day: str) -> str:
    match = re.search(rf'data-day="{day}".*?</section>', page, re.DOTALL)
    assert match, f"no column for {day}"
    return match.group(0)


def test_my_week_holds_the_interviews_i_hold(week_of_interviews, personas, client_for):
    page = client_for(personas.interviewer).get(WEEK).content.decode()
    assert "Putri Maharani" in _day(page, "2027-08-11")
    assert "10:00–11:00 WIB" in _day(page, "2027-08-11")
    assert reverse("interviews:kit", args=[week_of_interviews["putri"].pk]) in page
    assert "Sinta Dewi" not in page and "Bayu Saputra" not in page


def test_the_hr_owner_also_sees_the_interviews_of_the_jobs_they_own(week_of_interviews, personas, client_for):
    interview_cancel(
        actor=personas.recruiter, interview=week_of_interviews["sinta"], reason="Jadwal bentrok."
    )
    page = client_for(personas.recruiter).get(WEEK).content.decode()
    thursday = _day(page, "2027-08-12")
    assert "Putri Maharani" in page and "Sinta Dewi" in thursday and "Bayu Saputra" not in page
    assert 'class="cancelled"' in thursday and "cancelled" in thursday


def test_times_are_in_the_viewers_zone(week_of_interviews, personas, client_for):
    personas.interviewer.time_zone = "Asia/Makassar"
    personas.interviewer.save()
    page = client_for(personas.interviewer).get(WEEK).content.decode()
    assert "11:00–12:00 WITA" in _day(page, "2027-08-11") and "times in WITA" in page


def test_weeks_are_navigated_by_links_with_keyboard_shortcuts(week_of_interviews, personas, client_for):
    client = client_for(personas.hiring_manager)
    page = client.get(WEEK).content.decode()
    assert 'href="?week=2027-W31" data-shortcut="["' in page
    assert 'href="?week=2027-W33" data-shortcut="]"' in page
    assert 'href="?week=2027-W32" data-shortcut="t"' in page

    next_week = client.get(WEEK, {"week": "2027-W33"}).content.decode()
    assert "Rudi Hartono" in _day(next_week, "2027-08-18") and "Sinta Dewi" not in next_week
    holiday = _day(next_week, "2027-08-17")
    assert "holiday" in holiday and "Independence Day" in holiday


def test_the_holiday_is_named_in_indonesian_for_an_indonesian_page(week_of_interviews, personas, client_for):
    client = client_for(personas.hiring_manager)
    with translation.override("id"):
        page = client.get(WEEK, {"week": "2027-W33"}, headers={"accept-language": "id"}).content.decode()
    assert "Hari Kemerdekaan Republik Indonesia" in page


@pytest.mark.parametrize("typed", ["2027-W54", "minggu depan", "1999-W10", "2027-13"])
def test_a_mistyped_week_says_so_and_shows_this_week(week_of_interviews, personas, client_for, typed):
    response = client_for(personas.interviewer).get(WEEK, {"week": typed})
    page = response.content.decode()
    assert response.status_code == 200 and "is not a week Rekrut knows" in page
    assert 'data-week="2027-W32"' in page and "Putri Maharani" in page


def test_the_job_week_is_the_teams(week_of_interviews, team_a_job, personas, client_for):
    url = reverse("scheduling:job_week", args=[team_a_job.pk])
    page = client_for(personas.director).get(url).content.decode()
    assert "Putri Maharani" in page and "Sinta Dewi" in page and "Bayu Saputra" not in page
    assert client_for(personas.other_recruiter).get(url).status_code == 404


def test_a_busy_week_costs_the_same_queries_as_a_quiet_one(
    week_of_interviews, team_a_job, personas, client_for, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    urls = (reverse("scheduling:job_week", args=[team_a_job.pk]), WEEK)
    quiet = {}
    for url in urls:
        with django_assert_max_num_queries(15) as counted:
            client.get(url)
        quiet[url] = len(counted.captured_queries)
    for hour in range(8, 16):
        for day in (10, 11, 12):
            person = personas.interviewer if hour % 2 else personas.hiring_manager
            planned(application_make(job=team_a_job), [person, personas.director], at(day, hour))
    assert Interview.objects.count() > 25
    for url in urls:
        with django_assert_max_num_queries(quiet[url]):
            page = client.get(url).content.decode()
        assert page.count("data-interview=") > 25
