"""Practice is private to the candidate: no staff page, admin page, report or API reads it; it is handed over
with "download my data" and goes with the candidate's erasure."""

from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse

from rekrut.candidates.hooks import Person, personal_data_collectors
from rekrut.practice.models import PracticeAnswer, PracticeSession
from rekrut.practice.services import practice_answer_record, practice_session_start
from rekrut.privacy.erasure import candidate_erase
from rekrut.privacy.models import ErasureReason
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db

REKRUT = Path(__file__).resolve().parents[2] / "rekrut"


def _practised(candidate) -> PracticeAnswer:
    session = practice_session_start(candidate=candidate, round_type="hr")
    return practice_answer_record(
        candidate=candidate,
        session=session,
        question_key="hr.intro.about_you",
        answer="Saya Dewi, staf admin di PT Maju.",
        language="id",
        seconds_taken=30,
        summary={"star": ["situation"]},
    )


def test_no_staff_login_reaches_a_candidates_practice(client_for, personas) -> None:
    _practised(CandidateFactory())
    for user in (personas.hr_admin, personas.recruiter, personas.hiring_manager):
        client = client_for(user)
        response = client.get(reverse("practice:history"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("portal:sign_in"))
        assert b"PT Maju" not in client.get(reverse("practice:start")).content


def test_the_admin_has_no_practice_pages() -> None:
    assert not [model for model in admin.site._registry if model._meta.app_label == "practice"]


def test_no_other_app_reads_practice_answers() -> None:
    """Only rekrut/practice reads its tables; other apps may link to its pages and use the question bank and
    the public-job lookup."""
    readers = [
        path.relative_to(REKRUT)
        for path in REKRUT.rglob("*.py")
        if "practice" not in path.relative_to(REKRUT).parts[:1]
        and "migrations" not in path.parts
        and any(
            name in path.read_text(encoding="utf-8")
            for name in (
                "practice.models",
                "practice.services",
                "practice.personal_data",
                "PracticeAnswer",
                "PracticeSession",
                "history_of",
                "answer_of",
                "session_of",
            )
        )
    ]
    assert readers == []


def test_download_my_data_includes_practice(personas) -> None:
    candidate = CandidateFactory()
    _practised(candidate)
    sections = dict(personal_data_collectors.run(Person(candidate_ids=(candidate.pk,))))
    [item] = sections["interview_practice"]
    assert item["answer"].startswith("Saya Dewi") and item["round"] == "hr"


def test_erasing_the_candidate_erases_their_practice(personas) -> None:
    candidate, other = CandidateFactory(), CandidateFactory()
    _practised(candidate)
    _practised(other)
    candidate_erase(candidate=candidate, actor=personas.hr_admin, reason=ErasureReason.REQUEST)
    assert not PracticeSession.objects.filter(candidate=candidate).exists()
    assert PracticeAnswer.objects.filter(session__candidate=other).count() == 1
