"""Demo data only where it belongs: `make run` (`rekrut demo --if-new`) loads it into a new embedded
database, keeps it on the next run, and never adds it beside accounts of its own or into the database
DATABASE_URL names; `rekrut demo` is the explicit request."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from rekrut.accounts.demo_install import DEMO_PASSWORD, demo_install_exists
from rekrut.accounts.models import Role, User
from rekrut.jobs.models import Job
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_make_run_loads_the_demo_into_a_new_database_and_keeps_it_next_time():
    first = demo("--if-new")
    assert f"password for all: {DEMO_PASSWORD}" in first and "sari" in first
    assert demo_install_exists()
    jobs, users = Job.objects.count(), User.objects.count()
    assert jobs == 7  # six jobs, and the Jayapura one (WIT) of the week view
    second = demo("--if-new")
    assert f"password for all: {DEMO_PASSWORD}" in second
    assert (Job.objects.count(), User.objects.count()) == (jobs, users)


def test_make_run_leaves_a_database_with_accounts_of_its_own_alone():
    UserFactory(username="wulan")
    out = demo("--if-new")
    assert "This database has accounts of its own, so the demo company was not added" in out
    assert list(User.objects.values_list("username", flat=True)) == ["wulan"]
    assert not demo_install_exists()


def test_rekrut_demo_switch_loads_it_anyway_or_never(settings):
    UserFactory(username="wulan")
    settings.DEMO_SWITCH = "off"
    assert "REKRUT_DEMO=0" in demo("--if-new")
    assert User.objects.count() == 1
    settings.DEMO_SWITCH = "on"
    assert DEMO_PASSWORD in demo("--if-new")
    assert User.objects.filter(username="sari").exists()


def test_never_into_the_database_database_url_names(settings):
    settings.EMBEDDED_DATABASE = False
    out = demo("--if-new")
    assert "never into the database DATABASE_URL names" in out
    assert "create the first HR admin with `rekrut hr_admin_create" in out
    with pytest.raises(CommandError, match="never into the database DATABASE_URL names"):
        demo()
    settings.DEMO_SWITCH = "on"
    with pytest.raises(CommandError, match="Nothing was changed"):
        demo("--if-new")
    assert not User.objects.exists()


def test_the_makefile_loads_the_demo_only_when_new():
    setup = MAKEFILE.read_text().split("\nsetup:")[1].split("\n\n")[0]
    assert "rekrut demo --if-new" in setup
    assert "rekrut demo\n" not in setup


def test_a_demo_loaded_before_the_mark_is_recognised_and_marked():
    UserFactory(username="sari", password=DEMO_PASSWORD, role=Role.HR_ADMIN)  # as earlier versions made her
    assert DEMO_PASSWORD in demo("--if-new")
    assert demo_install_exists()
