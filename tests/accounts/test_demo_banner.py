"""A demo install says so on every page, the sign-in page included; a real one never does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rekrut.accounts.demo_install import demo_install_forget, demo_install_mark
from rekrut.accounts.models import DemoInstall

pytestmark = pytest.mark.django_db

BANNER = "Demo data, public passwords."


@pytest.fixture(autouse=True)
def forgotten():
    demo_install_forget()
    yield
    demo_install_forget()


def test_a_demo_install_shows_the_banner_on_every_page(client, personas):
    demo_install_mark()
    assert BANNER in client.get(reverse("accounts:login")).content.decode()
    assert BANNER in client.get(reverse("accounts:password_reset")).content.decode()
    client.force_login(personas.recruiter)
    assert BANNER in client.get(reverse("desk:my_work")).content.decode()
    assert BANNER in client.get(reverse("desk:jobs")).content.decode()


def test_a_real_install_shows_no_banner(client, personas):
    assert BANNER not in client.get(reverse("accounts:login")).content.decode()
    client.force_login(personas.recruiter)
    assert BANNER not in client.get(reverse("desk:my_work")).content.decode()


def test_the_mark_is_read_once_per_process(client, db):
    DemoInstall.objects.create()
    with CaptureQueriesContext(connection) as first:
        assert BANNER in client.get(reverse("accounts:login")).content.decode()
    with CaptureQueriesContext(connection) as second:
        assert BANNER in client.get(reverse("accounts:login")).content.decode()
    table = DemoInstall._meta.db_table
    assert sum(table in q["sql"] for q in first.captured_queries) == 1
    assert sum(table in q["sql"] for q in second.captured_queries) == 0


def test_the_settings_pages_show_the_demo_banner_too(client):
    """Settings use Django's admin templates, not base.html: the banner is added there as well."""
    from rekrut.accounts.models import Role
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(username="sari", role=Role.HR_ADMIN, is_staff=True, is_superuser=True))
    assert BANNER not in client.get(reverse("admin:index")).content.decode()
    demo_install_mark()
    assert BANNER in client.get(reverse("admin:index")).content.decode()
