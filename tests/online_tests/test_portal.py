"""The portal lists the candidate's online test with a button to take it, and their score once recorded
when HR lets candidates see it."""

import pytest
from django.urls import reverse

from rekrut.online_tests.models import QuestionKind
from rekrut.online_tests.services.taking import answers_save, attempt_start, attempt_submit
from tests.online_tests.factories import online_test_make, online_test_sent
from tests.pipeline.factories import application_make
from tests.portal.helpers import portal_sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_portal_offers_the_test_and_opens_it(client, team_a_job) -> None:
    application = application_make(job=team_a_job)
    attempt, _ = online_test_sent(application=application)
    portal_sign_in(client, application.candidate)
    home = client.get(reverse("portal:home")).content.decode()
    assert "Take the test" in home and reverse("online_tests:from_portal", args=[attempt.pk]) in home
    opened = client.post(reverse("online_tests:from_portal", args=[attempt.pk]))
    assert opened.status_code == 302 and opened["Location"].startswith("/tests/take/")
    assert "Start the test" in client.get(opened["Location"]).content.decode()


def test_someone_else_s_test_is_not_found(client, team_a_job) -> None:
    attempt, _ = online_test_sent(application=application_make(job=team_a_job))
    portal_sign_in(client, application_make(job=team_a_job).candidate)
    assert client.post(reverse("online_tests:from_portal", args=[attempt.pk])).status_code == 404


@pytest.mark.parametrize("shown", [True, False])
def test_the_score_shows_only_when_hr_enables_it(client, team_a_job, shown) -> None:
    application = application_make(job=team_a_job)
    attempt, _ = online_test_sent(application=application, test=online_test_make(show_score=shown))
    started = attempt_start(attempt=attempt, consent=True, language="en")
    number = started.answers.get(question__kind=QuestionKind.NUMBER)
    answers_save(attempt=started, values={number.position: "12.5"})
    attempt_submit(attempt=started)
    portal_sign_in(client, application.candidate)
    home = client.get(reverse("portal:home")).content.decode()
    assert "Your answers were received." in home
    assert ("Your score: 1 of 2 points." in home) == shown
