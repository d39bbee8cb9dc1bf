"""Reports read through `core.db.reports_database()`: with DATABASE_REPLICA_URL set, report queries go to
the "replica" alias, and nothing else does (there is no router)."""

import sys

import pytest
from django.db.utils import ConnectionDoesNotExist
from django.urls import reverse

import rekrut.core.db
from rekrut.reports.registry import REPORTS
from tests.reports.conftest import Q3

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", list(REPORTS))
def test_every_report_reads_from_the_alias_reports_are_given(company, client_for, monkeypatch, key):
    client = client_for(company.personas.hr_admin)
    # An alias no connection has: a report that reads through reports_database() cannot be answered, one
    # that read "default" behind its back would still be.
    for name, module in list(sys.modules.items()):
        if name.startswith("rekrut.reports.") and hasattr(module, "reports_database"):
            monkeypatch.setattr(module, "reports_database", lambda: "replica_that_is_not_there")
    client.raise_request_exception = True
    with pytest.raises(ConnectionDoesNotExist):
        client.get(reverse("reports:report", args=[key]), Q3)


def test_without_a_replica_reports_read_the_default_database(settings):
    assert "replica" not in settings.DATABASES
    assert rekrut.core.db.reports_database() == "default"


def test_with_a_replica_configured_reports_name_it(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}
    assert rekrut.core.db.reports_database() == "replica"
