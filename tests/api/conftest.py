"""API fixtures: a bearer-token client per persona, and one application on each team's job."""

from dataclasses import dataclass

import pytest
from django.test import Client

from rekrut.accounts.models import User
from rekrut.accounts.services import api_token_create
from rekrut.pipeline.models import Application
from tests.pipeline.factories import application_make


@pytest.fixture
def api_client_for():
    """api_client_for(user) is a test client that sends a fresh token of that user with every request."""

    def make(user: User, *, language: str = "en") -> Client:
        _, key = api_token_create(user=user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE=language)

    return make


@dataclass
class World:
    team_a_application: Application
    team_b_application: Application


@pytest.fixture
def world(personas, team_a_job, team_b_job) -> World:
    return World(
        team_a_application=application_make(job=team_a_job, full_name="Siti Rahmawati"),
        team_b_application=application_make(job=team_b_job, full_name="Agus Santoso"),
    )
