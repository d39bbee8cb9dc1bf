"""Each interview stage's round type comes from its stage kind (data), never from its name."""

import pytest

from rekrut.interviews.models import INTERVIEW_KINDS, ROUND_TYPE_OF_KIND, PlanRound, RoundType
from rekrut.interviews.services.plans import interview_plan_ensure, round_type_for_stage
from rekrut.jobs.models import Stage, StageKind
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


def test_every_interview_kind_has_its_round_type():
    interview_kinds = {k for k in StageKind.values if k.endswith("_interview")}
    assert set(INTERVIEW_KINDS) == interview_kinds == set(ROUND_TYPE_OF_KIND)
    assert set(ROUND_TYPE_OF_KIND.values()) == set(RoundType.values)


@pytest.mark.parametrize(
    ("kind", "name_en", "round_type"),
    [
        (StageKind.DIRECTOR_INTERVIEW, "Board conversation", RoundType.DIRECTOR),
        (StageKind.SUPERIOR_INTERVIEW, "Meet the team lead", RoundType.SUPERIOR),
        # A name that the old guess would have read as the director's changes nothing any more.
        (StageKind.OTHER_INTERVIEW, "Director's assistant panel", RoundType.CUSTOM),
        (StageKind.HR_INTERVIEW, "Culture talk", RoundType.HR),
    ],
)
def test_the_round_type_follows_the_kind_whatever_the_name(kind, name_en, round_type):
    assert round_type_for_stage(Stage(kind=kind, name_id=name_en, name_en=name_en)) == round_type


def test_a_managerial_jobs_plan_has_superior_and_director_rounds(personas):
    job = job_make(hr_owner=personas.recruiter, managerial=True, director=personas.director)
    job.stages.filter(kind=StageKind.DIRECTOR_INTERVIEW).update(name_id="Panel BOD", name_en="Board panel")
    interview_plan_ensure(job=job)
    rounds = dict(PlanRound.objects.filter(job=job).values_list("stage__kind", "round_type"))
    assert rounds[StageKind.SUPERIOR_INTERVIEW] == RoundType.SUPERIOR
    assert rounds[StageKind.DIRECTOR_INTERVIEW] == RoundType.DIRECTOR
    director_round = PlanRound.objects.get(job=job, round_type=RoundType.DIRECTOR)
    assert list(director_round.interviewers.all()) == [personas.director]
