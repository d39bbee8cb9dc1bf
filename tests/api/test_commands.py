"""`rekrut api_token_create <username> <name>` prints a working key once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rekrut.accounts.models import ApiToken
from rekrut.accounts.services import api_token_authenticate


def test_the_command_prints_a_key_that_authenticates(personas, client) -> None:
    out, err = StringIO(), StringIO()

    call_command("api_token_create", "rina", "HRIS sync", stdout=out, stderr=err)

    key = out.getvalue().strip()
    assert api_token_authenticate(key=key) == personas.recruiter
    assert "cannot be shown again" in err.getvalue()
    token = ApiToken.objects.get(user=personas.recruiter)
    assert token.name == "HRIS sync"
    assert key not in token.key_hash  # only the hash is kept
    assert client.get("/api/v1/jobs", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


@pytest.mark.parametrize(("username", "name"), [("nobody", "HRIS sync"), ("rina", "  "), ("rina", "x" * 81)])
def test_the_command_refuses_unknown_users_and_bad_names(personas, username, name) -> None:
    with pytest.raises(CommandError):
        call_command("api_token_create", username, name, stdout=StringIO(), stderr=StringIO())

    assert not ApiToken.objects.exists()
