"""The onboarding pages: the list and an application's page read in a bounded number of queries, HR starts
an onboarding from the page, and a bad start date is told on the form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.jobs.models import StageKind
from rekrut.onboarding.models import Onboarding
from tests.onboarding.factories import details_give, onboarding_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_the_list_reads_in_a_fixed_number_of_queries(
    client_for, personas, team_a_job, django_assert_max_num_queries
):
    for n in range(4):
        application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT, full_name=f"Orang {n}")
        onboarding_make(application=application, actor=personas.recruiter)
    client = client_for(personas.recruiter)
    with django_assert_max_num_queries(4):
        page = client.get(reverse("onboarding:list"))
    assert page.content.decode().count('href="/onboarding/applications/') == 4


def test_the_application_page_reads_in_a_bounded_number_of_queries(
    client_for, personas, team_a_job, django_assert_max_num_queries
):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)
    details_give(onboarding_make(application=application, actor=personas.recruiter))
    client = client_for(personas.recruiter)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("onboarding:application", args=[application.pk]))
    assert page.status_code == 200 and "3174********0001" in page.content.decode()


def test_hr_starts_the_onboarding_from_the_page(client_for, personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)
    client = client_for(personas.recruiter)
    url = reverse("onboarding:application", args=[application.pk])
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    refused = client.post(url, {"start_date": past})
    assert "cannot be in the past" in refused.content.decode()
    assert not Onboarding.objects.exists()
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    assert client.post(url, {"start_date": day}).status_code == 302
    assert Onboarding.objects.get().start_date.isoformat() == day


def test_the_page_works_in_bahasa_indonesia(client_for, personas, team_a_job, settings):
    settings.LANGUAGE_CODE = "id"
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)
    onboarding_make(application=application, actor=personas.recruiter)
    client = client_for(personas.recruiter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    page = client.get(reverse("onboarding:application", args=[application.pk])).content.decode()
    assert "KTP dan NIK" in page  # the item's Indonesian name, from the template
