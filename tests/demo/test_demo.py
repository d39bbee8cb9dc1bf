"""The demo gets interviews with submitted scorecards, once, so the evaluation page is alive on `make run`."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from rekrut.accounts.models import User
from rekrut.demo.interviews import interviews_demo_build
from rekrut.interviews.models import Interview, Scorecard, ScorecardStatus

pytestmark = pytest.mark.django_db


def test_demo_interviews_are_built_once_and_the_evaluation_page_is_alive(client, capsys):
    call_command("demo")
    assert "rekrut-demo-2026" in capsys.readouterr().out
    interviews = Interview.objects.count()
    assert interviews > 20
    assert Scorecard.objects.filter(status=ScorecardStatus.SUBMITTED).count() > 20
    assert Scorecard.objects.filter(status=ScorecardStatus.DRAFT).exists()
    assert interviews_demo_build() == 0
    assert Interview.objects.count() == interviews
    # An application still waiting for its decision (one past the evaluation shows its decision instead).
    application = (
        Scorecard.objects.filter(
            status=ScorecardStatus.SUBMITTED,
            interview__application__status="active",
            interview__application__stage__kind__in=["user_interview", "evaluation"],
        )
        .order_by("interview__application_id")
        .first()
        .interview.application
    )
    client.force_login(User.objects.get(username="sari"))
    page = client.get(reverse("interviews:evaluation", args=[application.pk])).content.decode()
    assert 'id="matrix"' in page and 'id="advice"' in page
