"""The pages: the candidate's link (start, no-script form, autosave answers, refusals in plain words), and
HR's pages (building, sending, reviewing)."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.assessments.models import AssessmentStatus
from rekrut.online_tests.models import Attempt, AttemptStatus, OnlineTest, Question, QuestionKind
from rekrut.online_tests.services.taking import attempt_start
from tests.online_tests.factories import online_test_make, online_test_sent, online_type_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    """The candidate switched the page to English (their record's language is Indonesian)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def sent(team_a_job):
    attempt, token = online_test_sent(application=application_make(job=team_a_job))
    return attempt, token


def test_the_start_page_says_what_is_measured_and_how_long_and_asks_consent(client, sent) -> None:
    attempt, token = sent
    page = client.get(reverse("online_tests:take", args=[token]))
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert "Basic numeracy and customer service" in html and "30 minutes" in html and 'name="consent"' in html
    refused = client.post(reverse("online_tests:take", args=[token]), {"action": "start"})
    assert refused.status_code == 400 and "Tick the box" in refused.content.decode()
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SENT


def test_without_script_the_form_saves_and_submits(client, sent) -> None:
    attempt, token = sent
    url = reverse("online_tests:take", args=[token])
    assert client.post(url, {"action": "start", "consent": "yes"}).status_code == 302
    page = client.get(url)
    assert 'role="timer"' in page.content.decode()
    answers = {a.question.kind: a for a in attempt.answers.select_related("question")}
    choice = answers[QuestionKind.CHOICE]
    correct = next(o for o in choice.question.options.all() if o.is_correct)
    number = answers[QuestionKind.NUMBER]
    saved = client.post(
        url, {"action": "save", f"q{choice.position}": correct.pk, f"q{number.position}": "abc"}
    )
    assert saved.status_code == 400 and "Enter a number" in saved.content.decode()
    assert client.post(url, {"action": "save", f"q{choice.position}": correct.pk}).status_code == 302
    assert client.post(url, {"action": "submit", f"q{number.position}": "12,5"}).status_code == 302
    done = client.get(url).content.decode()
    assert "your answers were received" in done
    assert Attempt.objects.get(pk=attempt.pk).points == 2


def test_autosave_answers_json_with_the_time_left_and_refuses_late_answers(client, sent) -> None:
    attempt, token = sent
    started = attempt_start(attempt=attempt, consent=True, language="en")
    number = started.answers.get(question__kind=QuestionKind.NUMBER)
    url = reverse("online_tests:save", args=[token])
    answer = client.post(url, {f"q{number.position}": "12.5"}).json()
    assert answer["ok"] and 1700 < answer["remaining"] <= 1800
    bad = client.post(url, {f"q{number.position}": "dua"})
    assert bad.status_code == 400 and not bad.json()["over"]
    with time_machine.travel(started.ends_at + timedelta(minutes=1)):
        late = client.post(url, {f"q{number.position}": "13"})
        assert late.status_code == 409 and late.json()["over"] and late.json()["code"] == "time_up"
        assert "Time was up" in client.get(reverse("online_tests:take", args=[token])).content.decode()
    number.refresh_from_db()
    assert str(number.number) == "12.5000"


def test_a_link_after_its_deadline_or_mistyped_says_so_in_plain_words(client, sent) -> None:
    attempt, token = sent
    with time_machine.travel(attempt.due_at + timedelta(hours=1)):
        page = client.get(reverse("online_tests:take", args=[token]))
    assert page.status_code == 200 and "The deadline for this test was" in page.content.decode()
    unknown = client.get(reverse("online_tests:take", args=["x" * 43]))
    assert unknown.status_code == 404 and "This link does not open" in unknown.content.decode()


def test_the_page_is_in_indonesian_by_default(client, settings, sent) -> None:
    settings.LANGUAGE_CODE = "id"
    _attempt, token = sent
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    page = client.get(reverse("online_tests:take", args=[token]))
    assert page["Content-Language"] == "id" and '<html lang="id">' in page.content.decode()


def test_hr_builds_a_test_through_the_pages(client_for, personas) -> None:
    client = client_for(personas.recruiter)
    kind = online_type_make()
    created = client.post(
        reverse("online_tests:create"),
        {"assessment_type": kind.pk, "name_id": "Tes Layanan", "time_limit_minutes": 20},
    )
    test = OnlineTest.objects.get()
    assert created.status_code == 302 and created["Location"] == reverse("online_tests:test", args=[test.pk])
    client.post(reverse("online_tests:section_add", args=[test.pk]), {"name_id": "Bagian 1", "draw_count": 0})
    section = test.sections.get()
    client.post(
        reverse("online_tests:question_add", args=[section.pk]),
        {
            "kind": "choice",
            "text_id": "2 + 2 = ?",
            "points": "1",
            "options_id": "3\n*4\n5",
            "options_en": "3\n4\n5",
        },
    )
    question = Question.objects.get()
    assert [o.is_correct for o in question.options.all()] == [False, True, False]
    refused = client.post(
        reverse("online_tests:question_add", args=[section.pk]),
        {"kind": "choice", "text_id": "2 + 3 = ?", "points": "1", "options_id": "4\n5"},
        follow=True,
    )
    assert "Mark exactly one option" in refused.content.decode() and Question.objects.count() == 1
    assert client.get(reverse("online_tests:preview", args=[test.pk])).status_code == 200
    assert "2 + 2" in client.get(reverse("online_tests:test", args=[test.pk])).content.decode()


def test_hr_sends_and_reviews_from_the_application(client_for, personas, team_a_job) -> None:
    application = application_make(job=team_a_job)
    test = online_test_make(text=True)
    client = client_for(personas.recruiter)
    url = reverse("online_tests:application", args=[application.pk])
    due = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert client.post(url, {"test": test.pk, "due_at": due}).status_code == 302
    attempt = Attempt.objects.get()
    started = attempt_start(attempt=attempt, consent=True, language="id")
    text = started.answers.get(question__kind=QuestionKind.TEXT)
    from rekrut.online_tests.services.taking import answers_save, attempt_submit

    answers_save(attempt=started, values={text.position: "Saya minta maaf dan bantu."})
    submitted = attempt_submit(attempt=started)
    page = client.get(reverse("online_tests:attempt", args=[attempt.pk]))
    assert "Saya minta maaf dan bantu." in page.content.decode()
    reviewed = client.post(
        reverse("online_tests:attempt", args=[attempt.pk]),
        {"version": submitted.version, f"a{text.pk}-c1": "4", f"a{text.pk}-c2": "4"},
    )
    assert reviewed.status_code == 302
    attempt.assessment.refresh_from_db()
    assert attempt.assessment.status == AssessmentStatus.COMPLETED
    assert attempt.assessment.score == Decimal("66.67")  # 4 of 6: the objective answers were left empty


def test_hr_pages_read_a_bounded_number_of_queries(
    client_for, personas, team_a_job, django_assert_max_num_queries
) -> None:
    client = client_for(personas.recruiter)
    test = online_test_make(choice_pool=8, text=True, file=True)
    applications = [application_make(job=team_a_job) for _ in range(2)]
    for application in applications:
        attempt, _ = online_test_sent(application=application, test=test)
        attempt_start(attempt=attempt, consent=True, language="en")
    with django_assert_max_num_queries(15):
        assert client.get(reverse("online_tests:list")).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("online_tests:test", args=[test.pk])).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(reverse("online_tests:attempt", args=[attempt.pk])).status_code == 200


def test_a_cancelled_test_says_so_and_takes_no_answers(client, sent) -> None:
    from rekrut.assessments.models import Assessment

    attempt, token = sent
    started = attempt_start(attempt=attempt, consent=True, language="en")
    Assessment.objects.filter(pk=attempt.assessment_id).update(status=AssessmentStatus.CANCELLED)
    page = client.get(reverse("online_tests:take", args=[token]))
    assert page.status_code == 410 and "cancelled by the company" in page.content.decode()
    number = started.answers.get(question__kind=QuestionKind.NUMBER)
    refused = client.post(reverse("online_tests:save", args=[token]), {f"q{number.position}": "12.5"})
    assert refused.status_code in (400, 409) and refused.json()["code"] == "cancelled"
