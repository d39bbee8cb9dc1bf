"""The schedule page: the time typed in the zone of the job's place, each mode with its own fields, the
interviewers from the hiring team, bad input told beside its field with nothing created, conflict
warnings confirmed with "Schedule anyway" (for exactly the warnings shown), and a repeated submit that
creates nothing twice."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from rekrut.interviews.models import Interview
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.services import application_withdraw
from tests.accounts.factories import UserFactory
from tests.pipeline.factories import application_make
from tests.scheduling.planning_setup import at, form_data, frozen, planned, relocated

__all__ = ["frozen"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def putri(team_a_job, frozen):
    return application_make(job=team_a_job, full_name="Putri Maharani")


def _url(application) -> str:
    return reverse("scheduling:schedule", args=[application.pk])


def _post(client, application, **overrides):
    data = form_data(**overrides)
    data.setdefault("round", application.job.interview_rounds.order_by("stage__position").first().pk)
    return client.post(_url(application), data)


def _key(page: str) -> str:
    match = re.search(r'name="idempotency_key" value="([^"]+)"', page)
    assert match, "the form carries no idempotency key"
    return match.group(1)


def _planned(personas):
    return {"interviewers": [personas.hiring_manager.pk]}


def test_the_page_shows_the_candidate_the_zone_the_modes_and_the_team(putri, personas, client_for):
    personas.interviewer.time_zone = "Asia/Makassar"
    personas.interviewer.save()

    page = client_for(personas.recruiter).get(_url(putri)).content.decode()

    assert "Putri Maharani" in page
    assert 'class="zone-suffix" id="id_at_zone">WIB<' in page
    assert 'value="Kantor Pusat Jakarta, Jakarta Selatan"' in page  # the job's place, prefilled
    for mode in ("on_site", "online", "phone"):
        assert f'name="mode" value="{mode}"' in page and f'data-mode="{mode}"' in page
    assert "Maya" in page and "(WITA)" in page  # an interviewer in another zone, marked
    assert "Sari" in page  # the HR admin, off the team: only the HR owner may bring her on


def test_the_hiring_manager_schedules_but_brings_nobody_onto_the_team(putri, personas, client_for):
    page = client_for(personas.hiring_manager).get(_url(putri)).content.decode()
    assert 'name="interviewers"' in page and 'name="others"' not in page


@pytest.mark.parametrize(
    ("persona", "status"), [("interviewer", 403), ("director", 403), ("other_recruiter", 404)]
)
def test_who_may_not_schedule_is_refused(putri, personas, client_for, persona, status):
    client = client_for(getattr(personas, persona))
    assert client.get(_url(putri)).status_code == status
    assert _post(client, putri, **_planned(personas)).status_code == status
    assert not Interview.objects.exists()


MODES = {
    "on_site": (
        {"mode": "on_site"},
        {"mode": "on_site", "location": "Kantor Pusat Jakarta, Jl. Sudirman 1", "room": "Ruang Melati"},
    ),
    "online": (
        {"mode": "online", "meeting_url": "meet.google.com/abc-defg-hij"},
        {"mode": "online", "meeting_url": "https://meet.google.com/abc-defg-hij", "location": "", "room": ""},
    ),
    "phone": (
        {"mode": "phone", "phone_from": "021 555 0123"},
        {"mode": "phone", "location": "021 555 0123", "room": "", "meeting_url": ""},
    ),
}


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_keeps_its_own_place_and_everyone_is_told(putri, personas, client_for, mode):
    typed, stored = MODES[mode]

    response = _post(client_for(personas.recruiter), putri, **_planned(personas), **typed)

    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:application", args=[putri.pk])
    interview = Interview.objects.get()
    assert {field: getattr(interview, field) for field in stored} == stored
    assert interview.starts_at == datetime(2027, 8, 11, 3, 0, tzinfo=UTC)  # 10:00 WIB
    told = set(OutboxMessage.objects.values_list("to", flat=True))
    assert {personas.hiring_manager.email, putri.candidate.email} <= told


def test_the_time_is_read_in_the_zone_of_the_job_not_the_viewers(putri, personas, client_for):
    relocated(putri.job, name="Cabang Makassar", city="Makassar", zone="Asia/Makassar")
    personas.recruiter.time_zone = "Asia/Jayapura"
    personas.recruiter.save()
    client = client_for(personas.recruiter)
    assert 'id="id_at_zone">WITA<' in client.get(_url(putri)).content.decode()

    _post(client, putri, **_planned(personas), at="09:00")

    assert Interview.objects.get().starts_at == datetime(2027, 8, 11, 1, 0, tzinfo=UTC)  # 09:00 WITA


BAD = {
    "in the past": ({"day": "2027-08-06"}, "day", "cannot start in the past"),
    "year 9999": ({"day": "9999-12-31"}, "day", "between the years 2000 and 2099"),
    "not a date": ({"day": "besok"}, "day", "Enter a date"),
    "not a time": ({"at": "25:99"}, "at", "Enter a time"),
    "no length": ({"duration_minutes": "0"}, "duration_minutes", "must end after it starts"),
    "a negative length": ({"duration_minutes": "-30"}, "duration_minutes", "must end after it starts"),
    "online without a link": ({"mode": "online", "meeting_url": ""}, "meeting_url", "needs its meeting link"),
    "an unknown mode": ({"mode": "carrier pigeon"}, "mode", "Select a valid choice"),
    "nobody": ({"interviewers": None}, "interviewers", "Choose at least one interviewer"),
}


@pytest.mark.parametrize("bad", BAD)
def test_bad_input_is_told_beside_its_field_and_creates_nothing(putri, personas, client_for, bad):
    overrides, field, message = BAD[bad]
    data = {**_planned(personas), **overrides}

    response = _post(client_for(personas.recruiter), putri, **data)

    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(rf'id="id_{field}_error">[^<]*{re.escape(message)}', page), page
    assert not Interview.objects.exists() and not OutboxMessage.objects.exists()


def test_an_inactive_interviewer_cannot_be_chosen(putri, personas, client_for):
    gone = UserFactory(username="gone", is_active=False)
    response = _post(client_for(personas.recruiter), putri, interviewers=[gone.pk])
    assert 'id="id_interviewers_error"' in response.content.decode()
    assert not Interview.objects.exists()


def test_a_closed_application_takes_no_interview(putri, personas, client_for):
    application_withdraw(application=putri, actor=personas.recruiter, expected_version=None)
    client = client_for(personas.recruiter)
    assert "This application is closed" in client.get(_url(putri)).content.decode()
    response = _post(client, putri, **_planned(personas))
    assert response.status_code == 302
    assert not Interview.objects.exists()


def test_the_hr_owner_brings_someone_from_outside_onto_the_team(putri, personas, client_for):
    response = _post(client_for(personas.recruiter), putri, others=[personas.hr_admin.pk])
    assert response.status_code == 302
    assert list(Interview.objects.get().interviewers.all()) == [personas.hr_admin]
    assert putri.job.team.filter(user=personas.hr_admin, role="interviewer").exists()


class TestConflicts:
    def test_a_conflict_is_shown_and_nothing_is_created_until_confirmed(self, putri, personas, client_for):
        planned(application_make(job=putri.job), [personas.hiring_manager], at(11, 10))
        client = client_for(personas.recruiter)
        key = _key(client.get(_url(putri)).content.decode())

        first = _post(client, putri, **_planned(personas), at="10:30", idempotency_key=key)

        page = first.content.decode()
        assert first.status_code == 200 and "already has another interview then" in page
        assert "Schedule anyway" in page
        assert Interview.objects.count() == 1
        fingerprint = re.search(r'name="confirmed" value="([0-9a-f]+)"', page).group(1)
        assert _key(page) == key  # the same form, sent again

        confirmed = _post(
            client, putri, **_planned(personas), at="10:30", confirmed=fingerprint, idempotency_key=key
        )

        assert confirmed.status_code == 302
        assert Interview.objects.count() == 2

    def test_a_confirmation_holds_only_for_the_time_it_was_given(self, putri, personas, client_for):
        client = client_for(personas.recruiter)
        page = _post(client, putri, **_planned(personas), day="2027-08-17").content.decode()
        assert "public holiday in Indonesia: Independence Day" in page
        fingerprint = re.search(r'name="confirmed" value="([0-9a-f]+)"', page).group(1)

        # Another time on the same holiday: the warning stands, but it was not confirmed for this time.
        again = _post(
            client, putri, **_planned(personas), day="2027-08-17", at="11:00", confirmed=fingerprint
        )

        assert again.status_code == 200 and "Schedule anyway" in again.content.decode()
        assert not Interview.objects.exists()

    def test_without_a_conflict_there_is_nothing_to_confirm(self, putri, personas, client_for):
        assert _post(client_for(personas.recruiter), putri, **_planned(personas)).status_code == 302

    def test_the_htmx_check_answers_the_warnings_for_what_is_typed(self, putri, personas, client_for):
        client = client_for(personas.recruiter)
        data = form_data(day="2027-08-17", check="1")  # no round or interviewer chosen yet

        response = client.post(_url(putri), data, headers={"HX-Request": "true"})

        page = response.content.decode()
        assert "Independence Day" in page and "<html" not in page
        assert 'name="confirmed"' not in page  # only the page's own POST asks to confirm
        assert not Interview.objects.exists()


def test_a_repeated_submit_creates_one_interview(putri, personas, client_for):
    client = client_for(personas.recruiter)
    data = {**_planned(personas), "idempotency_key": _key(client.get(_url(putri)).content.decode())}

    assert [_post(client, putri, **data).status_code for _ in range(3)] == [302, 302, 302]

    assert Interview.objects.count() == 1
    assert OutboxMessage.objects.filter(to=putri.candidate.email).count() == 1


def test_the_interviews_page_links_here_and_has_no_form_of_its_own(putri, personas, client_for):
    page = client_for(personas.recruiter).get(reverse("interviews:application", args=[putri.pk]))
    html = page.content.decode()
    assert _url(putri) in html and 'name="starts_at"' not in html
    assert (
        client_for(personas.recruiter).post(reverse("interviews:application", args=[putri.pk])).status_code
        == 405
    )
