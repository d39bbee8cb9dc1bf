"""Stage kinds say what a stage is: the superior and director interviews have their own, so no rule reads a
stage's name. The one-off data migration is the only place that ever read names to set them."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from rekrut.jobs.models import Stage, StageKind, StageTemplate
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db

NAME = "0004_superior_and_director_stage_kinds"
migration = importlib.import_module(f"rekrut.jobs.migrations.{NAME}")


@pytest.fixture
def apps():
    """The models as that migration sees them."""
    return MigrationLoader(connection).project_state(("jobs", NAME)).apps


def test_the_shipped_templates_have_the_superior_and_director_kinds():
    kinds = dict(StageTemplate.objects.values_list("name_en", "kind"))
    assert kinds["Superior interview"] == StageKind.SUPERIOR_INTERVIEW
    assert kinds["Director interview"] == StageKind.DIRECTOR_INTERVIEW
    assert StageKind.OTHER_INTERVIEW not in kinds.values()


@pytest.mark.parametrize(("managerial", "director_on"), [(False, False), (True, True)])
def test_a_new_job_copies_the_kinds(personas, managerial, director_on):
    job = job_make(hr_owner=personas.recruiter, managerial=managerial)
    superior = job.stages.get(kind=StageKind.SUPERIOR_INTERVIEW)
    director = job.stages.get(kind=StageKind.DIRECTOR_INTERVIEW)
    assert superior.is_optional and director.is_optional
    assert director.is_active == director_on


@pytest.mark.parametrize(
    ("name_id", "name_en", "kind"),
    [
        ("Interview direksi", "Director interview", StageKind.DIRECTOR_INTERVIEW),
        ("Interview atasan user", "Superior interview", StageKind.SUPERIOR_INTERVIEW),
        ("Wawancara kepala divisi", "Head of division interview", StageKind.SUPERIOR_INTERVIEW),
        ("Tes tertulis", "Written test", StageKind.OTHER_INTERVIEW),
    ],
)
def test_the_data_migration_converts_other_interviews_named_for_the_superior_or_director(
    apps, personas, name_id, name_en, kind
):
    job = job_make(hr_owner=personas.recruiter)
    stage = Stage.objects.create(
        job=job, position=99, name_id=name_id, name_en=name_en, kind=StageKind.OTHER_INTERVIEW
    )
    migration.forward(apps, None)
    stage.refresh_from_db()
    assert stage.kind == kind

    migration.backward(apps, None)
    stage.refresh_from_db()
    assert stage.kind == StageKind.OTHER_INTERVIEW
    assert not StageTemplate.objects.filter(
        kind__in=[StageKind.SUPERIOR_INTERVIEW, StageKind.DIRECTOR_INTERVIEW]
    ).exists()
    migration.forward(apps, None)  # and forward again, as the database stands after migrating
    assert StageTemplate.objects.filter(kind=StageKind.DIRECTOR_INTERVIEW).count() == 1
