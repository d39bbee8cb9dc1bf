"""Shared fixtures: named personas on two hiring teams, so every permission test reads like a story.

Team A (Customer Service Officer): recruiter Rina (HR owner), hiring manager Budi (user), interviewer Maya,
director Hendra. Team B (Staf Keuangan): recruiter Dodi (HR owner), hiring manager Andi. Sari is the HR admin.
Olga is an interviewer on no team (the outsider).

The fixtures are function-scoped; `personas_make`, `team_a_job_make` and `team_b_job_make` build the same
people and jobs for fixtures of a wider scope (the access matrix builds its world once per module).
"""

import datetime
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django.utils import translation

from rekrut.accounts.models import Role, User
from rekrut.core.storage_settings import default_storage_from_environment, file_downloads_from_environment
from rekrut.jobs.models import Job
from tests.accounts.factories import UserFactory
from tests.jobs.factories import job_make
from tests.services.redis import redis_server  # noqa: F401 (the fixture, for tests that need Redis)
from tests.services.s3 import S3Server, s3_server  # noqa: F401 (the fixture, for tests that need a bucket)

S3_SUITE = os.environ.get("REKRUT_TEST_S3") == "1"


def _sign_with_the_real_clock() -> None:
    """Tests travel in time (time_machine); the S3 server checks a signature's date against its own clock
    and refuses one 15 minutes off, as AWS does. Requests to the bucket are signed at the real time."""
    import botocore.auth
    import botocore.signers
    import time_machine

    def real_now(remove_tzinfo: bool = True) -> datetime.datetime:
        hatch = time_machine.escape_hatch
        clock = hatch.datetime.datetime if hatch.is_travelling() else datetime.datetime
        now = clock.now(datetime.UTC)
        return now.replace(tzinfo=None) if remove_tzinfo else now

    botocore.auth.get_current_datetime = real_now  # type: ignore[attr-defined]
    botocore.signers.get_current_datetime = real_now  # type: ignore[attr-defined]


@pytest.fixture(scope="session", autouse=True)
def files_in_the_bucket(request: pytest.FixtureRequest) -> Iterator[S3Server | None]:
    """With REKRUT_TEST_S3=1 every stored file of the session goes to a real S3 server (rclone, one per
    xdist worker): the storage settings are rebuilt from its REKRUT_S3_* variables, which child processes
    (`rekrut serve`, the worker) inherit too."""
    if not S3_SUITE:
        yield None
        return
    server: S3Server = request.getfixturevalue("s3_server")
    _sign_with_the_real_clock()
    saved = dict(os.environ)
    os.environ.update(server.env())
    storages = {**django_settings.STORAGES, "default": default_storage_from_environment(os.environ)}
    with override_settings(STORAGES=storages, FILE_DOWNLOADS=file_downloads_from_environment(os.environ)):
        yield server
    os.environ.clear()
    os.environ.update(saved)


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
