"""The demo's interviews to come: a job in each of Indonesia's zones (WIB, WITA, WIT) with HR interviews
this week and next, on site, online and by phone, so the week view has content; built once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.demo.company import personas_ensure
from rekrut.demo.week import week_demo_build
from rekrut.interviews.models import Interview
from rekrut.jobs.models import Location
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


def test_the_week_view_has_interviews_to_come_in_every_zone_and_mode(client):
    users = personas_ensure()
    job_make(hr_owner=users["rina"], user=users["budi"], title="Customer Service Officer")
    makassar = Location.objects.create(name="Cabang Makassar", city="Makassar", time_zone="Asia/Makassar")
    job_make(hr_owner=users["dodi"], user=users["andi"], title="Sales Executive", location=makassar)

    assert week_demo_build(users=users) == 9

    coming = Interview.objects.filter(starts_at__gt=timezone.now())
    assert coming.count() == 9
    zones = set(coming.values_list("application__job__location__time_zone", flat=True))
    assert zones == {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}
    assert set(coming.values_list("mode", flat=True)) == {"on_site", "online", "phone"}
    assert all(i.starts_at.astimezone(timezone.get_current_timezone()).weekday() < 5 for i in coming)
    assert week_demo_build(users=users) == 0

    client.force_login(users["dodi"])
    first = coming.filter(application__job__location__time_zone="Asia/Jayapura").order_by("starts_at").first()
    week = first.starts_at.astimezone(timezone.get_current_timezone()).strftime("%G-W%V")
    page = client.get(reverse("scheduling:week"), {"week": week}).content.decode()
    assert first.application.candidate.full_name in page and "WITA" in page  # Dodi works in Makassar
