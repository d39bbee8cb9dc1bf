"""The practice pages: public without storage, signed in with history, from a public job or an application."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from rekrut.jobs.models import JobStatus
from rekrut.practice.models import PracticeAnswer, PracticeSession
from tests.candidates.factories import CandidateFactory
from tests.pipeline.factories import application_make
from tests.portal.helpers import portal_sign_in

pytestmark = pytest.mark.django_db

STORY = (
    "Waktu itu saya bekerja sebagai staf layanan pelanggan di PT Maju. Keluhan pelanggan menumpuk sampai 200 "
    "tiket. Tugas saya menurunkan waktu balas di bawah 2 jam. Saya menyusun template jawaban di Zendesk. "
    "Hasilnya waktu balas turun dari 9 jam menjadi 1,5 jam."
)
REQUIREMENTS = "- Pengalaman layanan pelanggan\n- Menguasai Zendesk\n- Kemampuan negosiasi"


def _start(client, **data):
    return client.post(reverse("practice:start"), {"round": "user", "family": "customer_service", **data})


def _state(response) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(response["Location"]).query).items()}


def _answer(client, state: dict, answer: str = STORY, n: int = 0):
    page = client.get(reverse("practice:question"), state | {"n": n})
    key = page.context["asked"].key
    return client.post(
        reverse("practice:feedback"), {**state, "n": n, "key": key, "answer": answer, "seconds": 75}
    )


def test_a_visitor_practises_without_anything_stored(client) -> None:
    page = client.get(reverse("practice:start"))
    assert page.status_code == 200 and b"Nothing you type here is stored" in page.content
    assert b"never used to screen your applications" in page.content
    started = _start(client)
    assert started.status_code == 302 and "session" not in _state(started)
    question = client.get(started["Location"])
    assert question.status_code == 200 and b"Question 1 of" in question.content
    assert b"microphone" in question.content and b"data-practice-timer" in question.content
    feedback = _answer(client, _state(started))
    assert feedback.status_code == 200
    assert feedback["Cache-Control"] == "private, no-store"
    result = feedback.context["result"]
    assert result.star_complete
    assert b'class="star-situation"' in feedback.content and b"Zendesk" in feedback.content
    assert PracticeSession.objects.count() == 0 and PracticeAnswer.objects.count() == 0


def test_the_next_question_follows_and_the_last_one_finishes(client) -> None:
    state = _state(_start(client))
    rated = client.post(reverse("practice:rate"), {**state, "n": 0})
    assert rated.status_code == 302 and _state(rated)["n"] == "1"
    finished = client.post(reverse("practice:rate"), {**state, "n": 0, "finish": "1"})
    assert finished["Location"] == reverse("practice:start")


def test_an_empty_answer_is_refused_with_a_message(client) -> None:
    state = _state(_start(client))
    response = _answer(client, state, answer="   ")
    assert response.status_code == 200 and b"Write or dictate your answer first." in response.content


@pytest.mark.parametrize(
    "query",
    [
        {"round": "nope"},
        {"round": "hr", "n": "x"},
        {"round": "hr", "session": "999"},
        {"round": "hr", "application": "5"},
    ],
)
def test_a_broken_practice_link_goes_back_to_the_start_with_a_message(client, query) -> None:
    response = client.get(reverse("practice:question"), query, follow=True)
    assert response.redirect_chain[-1][0] == reverse("practice:start")
    assert [str(m) for m in response.context["messages"]]


def test_a_question_not_in_the_run_is_refused(client) -> None:
    state = _state(_start(client))
    response = client.post(
        reverse("practice:feedback"), {**state, "n": 0, "key": "director.vision.company", "answer": "x"}
    )
    assert response.status_code == 302 and PracticeAnswer.objects.count() == 0


@pytest.mark.parametrize("seconds", ["-5", "abc", "99999999", ""])
def test_an_odd_timer_value_is_dropped_not_an_error(client, seconds) -> None:
    state = _state(_start(client))
    page = client.get(reverse("practice:question"), state)
    response = client.post(
        reverse("practice:feedback"),
        {**state, "key": page.context["asked"].key, "answer": STORY, "seconds": seconds},
    )
    assert response.status_code == 200 and response.context["result"].star_complete
    assert response.context["seconds"] is None


def test_an_answer_too_long_is_refused(client) -> None:
    state = _state(_start(client))
    response = _answer(client, state, answer="kata " * 1100)
    assert response.status_code == 200 and b"too long" in response.content


def test_a_public_job_gives_its_requirements_as_job_terms(client, team_a_job) -> None:
    team_a_job.requirements = REQUIREMENTS
    team_a_job.save()
    page = client.get(reverse("practice:start"), {"job": team_a_job.pk})
    assert team_a_job.title.encode() in page.content
    started = _start(client, job=team_a_job.pk)
    feedback = _answer(client, _state(started))
    result = feedback.context["result"]
    assert "Zendesk" in result.terms_used and "negosiasi" in result.terms_missed
    assert b'id="terms-title"' in feedback.content and b"negosiasi" in feedback.content


def test_a_closed_job_cannot_be_practised_for(client, team_a_job) -> None:
    team_a_job.status = JobStatus.CLOSED
    team_a_job.save()
    response = _start(client, job=team_a_job.pk)
    assert response.status_code == 200 and b"no longer open on the careers site" in response.content


def test_a_signed_in_candidate_keeps_history_and_progress(client) -> None:
    candidate = CandidateFactory(language="en")
    portal_sign_in(client, candidate)
    started = _start(client)
    state = _state(started)
    session = PracticeSession.objects.get(pk=state["session"])
    assert session.candidate == candidate and session.job_family == "customer_service"
    feedback = _answer(client, state, answer="Saya orangnya rajin.")
    assert b"kept for you only" in feedback.content
    stored = PracticeAnswer.objects.get(session=session)
    assert stored.summary["star"] == [] and stored.seconds_taken == 75
    answer_id = feedback.context["rate_form"].initial["answer_id"]
    client.post(
        reverse("practice:rate"), {**state, "n": 0, "answer_id": answer_id, "rate_technical_skill": "4"}
    )
    stored.refresh_from_db()
    assert stored.ratings == {"technical_skill": 4}
    # A second session, with a better answer: progress shows.
    second = _state(_start(client))
    _answer(client, second)
    history = client.get(reverse("practice:history"))
    assert history.status_code == 200
    assert len(history.context["rows"]) == 2 and history.context["progress"]["star_change"] == 4
    assert b"Your answers are better structured now." in history.content


def test_answering_again_replaces_the_answer(client) -> None:
    portal_sign_in(client, CandidateFactory(language="en"))
    state = _state(_start(client))
    _answer(client, state, answer="Saya orangnya rajin.")
    _answer(client, state)
    assert PracticeAnswer.objects.count() == 1 and PracticeAnswer.objects.get().summary["star"]


def test_a_bad_rating_is_refused_and_not_saved(client) -> None:
    portal_sign_in(client, CandidateFactory(language="en"))
    state = _state(_start(client))
    feedback = _answer(client, state)
    answer_id = feedback.context["rate_form"].initial["answer_id"]
    response = client.post(
        reverse("practice:rate"),
        {**state, "n": 0, "answer_id": answer_id, "rate_technical_skill": "9"},
        follow=True,
    )
    assert "Rate each point from 1 to 5" in " ".join(str(m) for m in response.context["messages"])
    assert PracticeAnswer.objects.get().ratings == {}


def test_practice_from_an_application_uses_its_job(client, personas, team_a_job) -> None:
    team_a_job.requirements = REQUIREMENTS
    team_a_job.save()
    application = application_make(job=team_a_job, actor=personas.recruiter)
    application.candidate.language = "en"
    application.candidate.save()
    portal_sign_in(client, application.candidate)
    page = client.get(reverse("practice:start"))
    assert team_a_job.title.encode() in page.content
    state = _state(_start(client, application=application.pk))
    assert PracticeSession.objects.get().job == team_a_job
    assert "Zendesk" in _answer(client, state).context["result"].terms_used


def test_someone_elses_application_or_session_is_refused(client, personas, team_a_job) -> None:
    application = application_make(job=team_a_job, actor=personas.recruiter)
    other = CandidateFactory(language="en")
    portal_sign_in(client, application.candidate)
    theirs = _state(_start(client))
    client.post(reverse("portal:sign_out"))
    portal_sign_in(client, other)
    refused = _start(client, application=application.pk)
    assert b"not among yours" in refused.content
    response = client.get(reverse("practice:question"), theirs, follow=True)
    assert response.redirect_chain[-1][0] == reverse("practice:start")


def test_the_candidate_deletes_their_history(client) -> None:
    portal_sign_in(client, CandidateFactory(language="en"))
    _answer(client, _state(_start(client)))
    response = client.post(reverse("practice:history_delete"), follow=True)
    assert PracticeSession.objects.count() == 0
    assert b"Your practice history was deleted." in response.content


def test_the_history_page_reads_a_bounded_number_of_queries(client, django_assert_max_num_queries) -> None:
    candidate = CandidateFactory(language="en")
    portal_sign_in(client, candidate)
    for _ in range(4):
        state = _state(_start(client))
        _answer(client, state)
        _answer(client, state, n=1)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("practice:history"))
    assert len(response.context["rows"]) == 4
