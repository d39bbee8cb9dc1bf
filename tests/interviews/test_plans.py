"""Interview plans: rounds per interview stage with defaults from the hiring team and the shipped library."""

import pytest

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews import kit
from rekrut.interviews.models import Attribute, DecisionPolicy, Question, RoundTemplate, RoundType
from rekrut.interviews.services import plans
from rekrut.jobs.models import JobFamily
from tests.accounts.factories import UserFactory
from tests.interviews.conftest import rounds_of
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


def test_the_shipped_library_is_loaded_by_the_data_migration():
    assert Question.objects.filter(created_by=None, is_active=True).count() >= 80
    assert set(RoundTemplate.objects.values_list("round_type", flat=True)) == {
        "hr",
        "user",
        "superior",
        "director",
    }
    for attribute in Attribute.objects.all():
        for level in (1, 2, 3, 4):
            assert getattr(attribute, f"rubric_{level}_id") and getattr(attribute, f"rubric_{level}_en")
    assert RoundTemplate.objects.get(round_type="hr").asks_salary_and_notice
    assert DecisionPolicy.objects.filter(job=None).count() == 1


def test_every_interview_stage_gets_a_round_defaulting_from_the_hiring_team(plan, personas):
    assert set(plan) == {RoundType.HR, RoundType.USER, RoundType.SUPERIOR}
    assert list(plan["hr"].interviewers.all()) == [personas.recruiter]
    assert set(plan["user"].interviewers.all()) == {personas.hiring_manager, personas.interviewer}
    assert (plan["hr"].duration_minutes, plan["user"].duration_minutes) == (45, 60)
    assert plan["hr"].asks_salary_and_notice and not plan["user"].asks_salary_and_notice
    hr_focus = list(plan["hr"].round_attributes.values_list("attribute__code", flat=True))
    assert hr_focus[:3] == ["attitude", "communication", "motivation"]
    assert plan["hr"].kit.count() == kit.suggested_count(45)


def test_the_plan_is_made_once(team_a_job, plan):
    rounds_of(team_a_job)
    assert team_a_job.interview_rounds.count() == 3


def test_managerial_jobs_get_a_director_round_with_the_director(personas):
    job = job_make(
        hr_owner=personas.recruiter, user=personas.hiring_manager, director=personas.director, managerial=True
    )
    rounds = rounds_of(job)
    assert list(rounds["director"].interviewers.all()) == [personas.director]


def test_user_round_kits_prefer_questions_for_the_jobs_family(personas):
    job = job_make(hr_owner=personas.recruiter, user=personas.hiring_manager, job_family=JobFamily.SALES)
    families = set(rounds_of(job)["user"].kit.values_list("question__job_family", flat=True))
    assert JobFamily.SALES in families
    assert families <= {JobFamily.SALES, JobFamily.GENERAL}


def test_only_the_hr_owner_or_an_hr_admin_changes_a_round(plan, personas):
    hr = plan["hr"]
    for person in (personas.hiring_manager, personas.interviewer, personas.outsider):
        with pytest.raises(AccessDenied):
            plans.plan_round_update(
                actor=person,
                plan_round=hr,
                round_type="hr",
                duration_minutes=30,
                interviewers=[person],
                attributes=Attribute.objects.all()[:1],
                asks_salary_and_notice=True,
            )
    hr.refresh_from_db()
    assert hr.duration_minutes == 45


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"duration_minutes": 5}, "duration"),
        ({"attributes": []}, "no_attributes"),
        ({"interviewers": "inactive"}, "inactive_interviewer"),
    ],
)
def test_bad_round_settings_are_refused_and_nothing_changes(plan, personas, change, code):
    arguments = {
        "actor": personas.recruiter,
        "plan_round": plan["hr"],
        "round_type": "hr",
        "duration_minutes": 30,
        "interviewers": [personas.recruiter],
        "attributes": list(Attribute.objects.filter(code="attitude")),
        "asks_salary_and_notice": True,
    }
    if change.get("interviewers") == "inactive":
        change = {"interviewers": [UserFactory(username="gone", is_active=False)]}
    with pytest.raises(DomainError) as refused:
        plans.plan_round_update(**{**arguments, **change})
    assert refused.value.code == code
    plan["hr"].refresh_from_db()
    assert plan["hr"].duration_minutes == 45
    assert plan["hr"].round_attributes.count() == 8


def test_the_kit_can_be_added_to_removed_from_and_reordered(plan, personas):
    user_round = plan["user"]
    first, second = list(user_round.kit.order_by("position").values_list("question_id", flat=True))[:2]
    plans.kit_question_move(actor=personas.recruiter, plan_round=user_round, question_id=second, offset=-1)
    assert list(user_round.kit.order_by("position").values_list("question_id", flat=True))[:2] == [
        second,
        first,
    ]
    plans.kit_question_remove(actor=personas.recruiter, plan_round=user_round, question_id=first)
    assert not user_round.kit.filter(question_id=first).exists()
    added = plans.kit_question_add(
        actor=personas.recruiter, plan_round=user_round, question=Question.objects.get(pk=first)
    )
    assert added.position == user_round.kit.count()
    with pytest.raises(DomainError) as refused:
        plans.kit_question_add(actor=personas.recruiter, plan_round=user_round, question=added.question)
    assert refused.value.code == "question_in_kit"


def test_hr_adds_and_retires_its_own_questions(personas):
    question = plans.question_create(
        actor=personas.recruiter,
        round_type="hr",
        job_family="general",
        text_id="Ceritakan proyek yang paling Anda banggakan.",
        text_en="Tell us about the project you are proudest of.",
        attributes=Attribute.objects.filter(code="motivation"),
        follow_ups=[{"id": "Apa peran Anda?", "en": "What was your part?"}],
    )
    assert question.created_by == personas.recruiter
    with pytest.raises(AccessDenied):
        plans.question_retire(actor=personas.other_recruiter, question=question)
    plans.question_retire(actor=personas.recruiter, question=question)
    question.refresh_from_db()
    assert not question.is_active


def test_shipped_questions_are_retired_only_by_an_hr_admin(personas):
    shipped = Question.objects.filter(created_by=None).first()
    with pytest.raises(AccessDenied):
        plans.question_retire(actor=personas.recruiter, question=shipped)
    plans.question_retire(actor=personas.hr_admin, question=shipped)
    assert not Question.objects.get(pk=shipped.pk).is_active


def test_only_hr_adds_questions(personas):
    with pytest.raises(AccessDenied):
        plans.question_create(
            actor=personas.hiring_manager,
            round_type="user",
            job_family="general",
            text_id="x",
            text_en="x",
            attributes=Attribute.objects.all()[:1],
        )


def test_a_question_needs_both_languages(personas):
    with pytest.raises(DomainError) as refused:
        plans.question_create(
            actor=personas.recruiter,
            round_type="hr",
            job_family="general",
            text_id="Ada",
            text_en=" ",
            attributes=Attribute.objects.all()[:1],
        )
    assert refused.value.code == "question_text"


class TestKitArithmetic:
    def refs(self):
        return [
            kit.QuestionRef(1, "general", frozenset({"a"})),
            kit.QuestionRef(2, "general", frozenset({"a", "b"})),
            kit.QuestionRef(3, "sales", frozenset({"b"})),
            kit.QuestionRef(4, "finance_admin", frozenset({"c"})),
            kit.QuestionRef(5, "general", frozenset({"c"})),
            kit.QuestionRef(6, "sales", frozenset({"x"})),
        ]

    def test_suggestions_probe_every_focus_attribute_and_prefer_the_family(self):
        assert kit.suggest(self.refs(), focus=["a", "b", "c"], job_family="sales", limit=3) == [1, 3, 5]

    def test_suggestions_never_take_other_families_or_unrelated_attributes(self):
        chosen = kit.suggest(self.refs(), focus=["a", "b", "c"], job_family="sales", limit=10)
        assert 4 not in chosen and 6 not in chosen

    def test_time_guidance(self):
        assert kit.minutes_per_question(45, 5) == 7
        assert kit.minutes_per_question(60, 0) is None
        assert (
            kit.suggested_count(45) == 5 and kit.suggested_count(15) == 3 and kit.suggested_count(480) == 10
        )


def test_the_plan_is_made_with_the_job_and_follows_its_stages_never_on_a_page_view(personas, client_for):
    """Plans are written when a job is created or its stages change (jobs.hooks.job_stages_changed), so
    the plan, interview and evaluation pages only read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from rekrut.interviews.models import PlanRound
    from rekrut.jobs.models import StageKind
    from rekrut.jobs.services import StageSpec, job_stages_configure

    job = job_make(hr_owner=personas.recruiter, user=personas.hiring_manager)
    made = set(PlanRound.objects.filter(job=job).values_list("stage__kind", flat=True))
    assert {StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW} <= made
    assert StageKind.DIRECTOR_INTERVIEW not in made  # off for a non-managerial job
    stages = list(job.stages.order_by("position"))
    job_stages_configure(
        actor=personas.recruiter,
        job=job,
        stages=[
            StageSpec(
                s.pk,
                s.name_id,
                s.name_en,
                s.kind,
                s.is_optional,
                True if s.kind == StageKind.DIRECTOR_INTERVIEW else s.is_active,
            )
            for s in stages
        ],
    )
    assert PlanRound.objects.filter(job=job, stage__kind=StageKind.DIRECTOR_INTERVIEW).exists()
    client = client_for(personas.recruiter)
    with CaptureQueriesContext(connection) as seen:
        assert client.get(reverse("interviews:plan", args=[job.pk])).status_code == 200
    writes = [
        q["sql"]
        for q in seen.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert not [sql for sql in writes if "session" not in sql], writes
