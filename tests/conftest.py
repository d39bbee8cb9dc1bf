"""Shared fixtures: named personas on two hiring teams, so every permission test reads like a story.

Team A (Customer Service Officer): recruiter Rina (HR owner), hiring manager Budi (user), interviewer Maya,
director Hendra. Team B (Staf Keuangan): recruiter Dodi (HR owner), hiring manager Andi. Sari is the HR admin.
Olga is an interviewer on no team (the outsider).

The fixtures are function-scoped; `personas_make`, `team_a_job_make` and `team_b_job_make` build the same
people and jobs for fixtures of a wider scope (the access matrix builds its world once per module).
"""

from dataclasses import dataclass

import pytest
from django.utils import translation

from rekrut.accounts.models import Role, User
from rekrut.jobs.models import Job
from tests.accounts.factories import UserFactory
from tests.jobs.factories import job_make


@pytest.fixture(autouse=True)
def english_by_default(settings):
    """Tests read English by default; the product's own default (Bahasa Indonesia) is tested on its own."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@dataclass
class Personas:
    hr_admin: User
    recruiter: User
    hiring_manager: User
    interviewer: User
    director: User
    other_recruiter: User
    other_manager: User
    outsider: User

    def all(self) -> dict[str, User]:
        return dict(vars(self))


def personas_make() -> Personas:
    return Personas(
        hr_admin=UserFactory(username="sari", first_name="Sari", role=Role.HR_ADMIN),
        recruiter=UserFactory(username="rina", first_name="Rina", role=Role.RECRUITER),
        hiring_manager=UserFactory(username="budi", first_name="Budi", role=Role.HIRING_MANAGER),
        interviewer=UserFactory(username="maya", first_name="Maya", role=Role.INTERVIEWER),
        director=UserFactory(username="hendra", first_name="Hendra", role=Role.DIRECTOR),
        other_recruiter=UserFactory(username="dodi", first_name="Dodi", role=Role.RECRUITER),
        other_manager=UserFactory(username="andi", first_name="Andi", role=Role.HIRING_MANAGER),
        outsider=UserFactory(username="olga", first_name="Olga", role=Role.INTERVIEWER),
    )


def team_a_job_make(personas: Personas) -> Job:
    return job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        interviewers=(personas.interviewer,),
        director=personas.director,
    )


def team_b_job_make(personas: Personas) -> Job:
    return job_make(hr_owner=personas.other_recruiter, user=personas.other_manager, title="Staf Keuangan")


@pytest.fixture
def personas(db) -> Personas:
    return personas_make()


@pytest.fixture
def team_a_job(personas: Personas) -> Job:
    return team_a_job_make(personas)


@pytest.fixture
def team_b_job(personas: Personas) -> Job:
    return team_b_job_make(personas)


@pytest.fixture
def client_for(client):
    """client_for(user) signs a test client in as that user."""

    def sign_in(user: User):
        client.force_login(user)
        return client

    return sign_in
