"""Independent judgement: an interviewer sees the others' scorecards of an application only after submitting
their own; HR admins and the job's HR owner see them all. Checked from every persona's view, in the selector
and on the pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews.selectors.scorecards import scorecards_visible_to
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.scorecards import ScorecardInput, scorecard_save_draft
from rekrut.jobs.models import HiringTeamMember
from tests.interviews.conftest import held, submit

pytestmark = pytest.mark.django_db

EVERYONE = [
    "hr_admin",
    "recruiter",
    "hiring_manager",
    "interviewer",
    "director",
    "other_recruiter",
    "other_manager",
    "outsider",
]


@pytest.fixture
def interviews(at_user_stage, plan, personas):
    """Rina's HR scorecard is in; Budi and Maya interviewed for the user round and have not submitted."""
    hr = held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48)
    submit(hr, personas.recruiter, "yes", overall_notes="Rina's private view")
    user = held(at_user_stage, plan["user"], [personas.hiring_manager, personas.interviewer])
    scorecard_save_draft(
        actor=personas.interviewer,
        interview=user,
        content=ScorecardInput(
            ratings={"technical_skill": 2}, recommendation="no", overall_notes="Maya's draft"
        ),
    )
    return hr, user


def visible(personas, name, application):
    return sorted(
        s.interviewer.username
        for s in scorecards_visible_to(user=getattr(personas, name), application=application)
    )


# Who sees which scorecards (by interviewer) before the user round's scorecards are submitted.
BEFORE = {
    "hr_admin": ["rina"],
    "recruiter": ["rina"],  # the job's HR owner
    "hiring_manager": [],  # interviewed, not yet submitted
    "interviewer": ["maya"],  # only her own draft
    "director": [],  # on the team, not an interviewer of this application
    "other_recruiter": [],
    "other_manager": [],
    "outsider": [],
}


@pytest.mark.parametrize("name", EVERYONE)
def test_before_submitting_each_persona_sees_only_what_the_rule_allows(
    interviews, at_user_stage, personas, name
):
    assert visible(personas, name, at_user_stage) == BEFORE[name]


AFTER_BUDI = {
    **BEFORE,
    "hiring_manager": ["budi", "rina"],
    "hr_admin": ["budi", "rina"],
    "recruiter": ["budi", "rina"],
}


@pytest.mark.parametrize("name", EVERYONE)
def test_after_submitting_the_interviewer_sees_the_others(interviews, at_user_stage, personas, name):
    submit(interviews[1], personas.hiring_manager, "strong_yes")
    assert visible(personas, name, at_user_stage) == AFTER_BUDI[name]


def test_drafts_stay_private_even_from_hr(interviews, at_user_stage, personas):
    submit(interviews[1], personas.hiring_manager, "strong_yes")
    for name in ("hr_admin", "recruiter", "hiring_manager"):
        assert "maya" not in visible(personas, name, at_user_stage)
    submit(interviews[1], personas.interviewer, "no")
    assert visible(personas, "interviewer", at_user_stage) == ["budi", "maya", "rina"]


@pytest.mark.parametrize("name", EVERYONE)
def test_the_evaluation_page_follows_the_rule(interviews, at_user_stage, personas, client_for, name):
    response = client_for(getattr(personas, name)).get(
        reverse("interviews:evaluation", args=[at_user_stage.pk])
    )
    if name in {"other_recruiter", "other_manager", "outsider"}:
        assert response.status_code == 404
        return
    page = response.content.decode()
    assert response.status_code == 200
    assert ("Rina&#x27;s private view" in page) == (name in {"hr_admin", "recruiter"})
    assert ("Maya&#x27;s draft" in page) == (name == "interviewer")
    assert ('id="independence"' in page) == (name not in {"hr_admin", "recruiter"})
    # The policy's advice would tell the others' recommendations; it waits too.
    assert ('id="advice"' in page) == (name in {"hr_admin", "recruiter"})


@pytest.mark.parametrize("name", ["hiring_manager", "interviewer", "director"])
def test_the_filled_pdf_follows_the_rule(interviews, personas, client_for, name):
    from io import BytesIO

    from pypdf import PdfReader

    response = client_for(getattr(personas, name)).get(
        reverse("interviews:form_pdf", args=[interviews[0].pk])
    )
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Rina's private view" not in text


def test_only_hr_and_the_hiring_manager_read_the_salary_expectation(
    at_user_stage, plan, personas, client_for
):
    """Security review: the HR round's salary expectation is financial personal data (UU PDP)."""
    hr = held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48)
    submit(hr, personas.recruiter, "yes", salary_expectation=7_500_000, notice_period_days=30)
    user = held(at_user_stage, plan["user"], [personas.hiring_manager, personas.interviewer])
    submit(user, personas.interviewer, "yes")  # Maya has submitted: she reads the others' scorecards
    submit(user, personas.hiring_manager, "yes")
    url = reverse("interviews:evaluation", args=[at_user_stage.pk])
    for name, sees in [
        ("recruiter", True),
        ("hr_admin", True),
        ("hiring_manager", True),
        ("interviewer", False),
    ]:
        page = client_for(getattr(personas, name)).get(url).content.decode()
        assert "Rina" in page or name == "recruiter", name  # she reads the HR scorecard either way
        assert ("7.500.000" in page) is sees, name


def test_an_interviewer_off_the_team_is_refused_unless_hr_adds_them_to_it(at_user_stage, plan, personas):
    """Security review: assigning someone as interviewer gave them another team's candidate."""
    with pytest.raises(DomainError, match="not on this job's hiring team"):
        held(at_user_stage, plan["user"], [personas.outsider], add_to_team=False)
    assert not HiringTeamMember.objects.filter(user=personas.outsider).exists()
    # The hiring manager may schedule, but not change the team.
    with pytest.raises(AccessDenied):
        interview_schedule(
            actor=personas.hiring_manager,
            application=at_user_stage,
            plan_round=plan["user"],
            starts_at=timezone.now(),
            duration_minutes=45,
            interviewers=[personas.outsider],
            notify=False,
            add_to_team=True,
        )
    interview_schedule(
        actor=personas.recruiter,
        application=at_user_stage,
        plan_round=plan["user"],
        starts_at=timezone.now(),
        duration_minutes=45,
        interviewers=[personas.outsider],
        notify=False,
        add_to_team=True,
    )
    assert HiringTeamMember.objects.filter(
        job=at_user_stage.job, user=personas.outsider, role="interviewer"
    ).exists()
    assert visible(personas, "outsider", at_user_stage) == []  # on the team now; no scorecard submitted yet
