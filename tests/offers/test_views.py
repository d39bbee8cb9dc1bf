"""The offer builder and the offer page, as HR and the hiring manager see them."""

import pytest
from django.urls import reverse

from rekrut.offers.models import Offer
from tests.offers.factories import offer_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani")


def builder_post(personas, **changes: object) -> dict:
    data = {
        "position": "Customer Service Officer",
        "start_date": "2027-01-04",
        "employment_type": "pkwtt",
        "probation_months": "3",
        "base_salary": "Rp7.000.000",
        "working_pattern": "5x8",
        "annual_leave_days": "12",
        "benefits": "Asuransi kesehatan swasta\nLaptop",
        "expires_on": "2026-12-08",
        "signatory": personas.director.pk,
        "lock_version": "",
        "allowances-TOTAL_FORMS": "2",
        "allowances-INITIAL_FORMS": "0",
        "allowances-0-kind": "fixed",
        "allowances-0-name": "Tunjangan jabatan",
        "allowances-0-amount": "1.000.000",
        "allowances-1-kind": "variable",
        "allowances-1-name": "",
        "allowances-1-amount": "",
    }
    data.update({key: str(value) for key, value in changes.items()})
    return data


def with_job_defaults(application, data: dict) -> dict:
    data.setdefault("department", application.job.department_id)
    data.setdefault("work_location", application.job.location_id)
    return data


def test_the_builder_opens_with_the_jobs_terms(client, personas, application) -> None:
    client.force_login(personas.recruiter)
    html = client.get(reverse("offers:edit", args=[application.pk])).content.decode()
    assert 'value="Customer Service Officer"' in html
    assert 'value="2026-12-31"' in html  # starts a month from today (1 December 2026)


def test_a_lawful_offer_is_saved_and_its_page_shows_the_totals(client, personas, application) -> None:
    client.force_login(personas.recruiter)
    url = reverse("offers:edit", args=[application.pk])
    response = client.post(url, with_job_defaults(application, builder_post(personas)))
    assert response.status_code == 302, response.content.decode()[-3000:]
    offer = Offer.objects.get()
    assert offer.base_salary == 7_000_000 and offer.signatory == personas.director
    html = client.get(response["Location"]).content.decode()
    assert "Rp8.000.000" in html  # base + fixed a month, and the THR
    assert "Rp104.000.000" in html  # … and the THR: the gross yearly pay
    assert "Rp320.000" in html  # Kesehatan 4% of Rp8.000.000


def test_refusals_are_shown_beside_their_fields_in_indonesian_and_nothing_is_saved(
    client, personas, application
) -> None:
    client.force_login(personas.recruiter)
    client.cookies["django_language"] = "id"
    data = with_job_defaults(
        application,
        builder_post(
            personas,
            base_salary="3.000.000",
            employment_type="pkwt",
            contract_months="12",
            **{"allowances-0-amount": "2.000.000"},
        ),
    )
    response = client.post(reverse("offers:edit", args=[application.pk]), data, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200
    html = response.content.decode()
    assert not Offer.objects.exists()
    assert 'id="id_probation_months_error"' in html  # beside the field
    assert 'id="id_base_salary_error"' in html
    assert "Rp5.729.876" in html and "DKI Jakarta" in html
    assert "Penawaran belum disimpan" in html


def test_the_preview_answers_with_the_rules_and_totals_and_saves_nothing(
    client, personas, application
) -> None:
    client.force_login(personas.recruiter)
    data = with_job_defaults(application, builder_post(personas, base_salary="4.500.000", preview="1"))
    response = client.post(reverse("offers:edit", args=[application.pk]), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith("<section")  # the partial only
    assert "below the minimum wage of DKI Jakarta" in html
    assert "Rp5.500.000" in html  # base + fixed allowances a month
    assert not Offer.objects.exists()


def test_the_hiring_manager_sees_the_offer_but_cannot_change_it(client, personas, application) -> None:
    offer_make(application=application, actor=personas.recruiter)
    client.force_login(personas.hiring_manager)
    html = client.get(reverse("offers:detail", args=[application.pk])).content.decode()
    assert "Rp7.000.000" in html
    assert reverse("offers:edit", args=[application.pk]) not in html
    assert client.get(reverse("offers:edit", args=[application.pk])).status_code == 403


def test_a_stale_form_is_refused_in_words(client, personas, application) -> None:
    offer_make(application=application, actor=personas.recruiter)
    client.force_login(personas.hr_admin)
    data = with_job_defaults(application, builder_post(personas, base_salary="9.000.000", lock_version="0"))
    html = client.post(reverse("offers:edit", args=[application.pk]), data).content.decode()
    assert "Someone saved this offer after you opened it" in html
    assert Offer.objects.get().base_salary == 7_000_000


@pytest.mark.parametrize("typed", ["abc", "7,5 juta", "1e9"])
def test_an_amount_that_is_not_rupiah_is_told(client, personas, application, typed) -> None:
    client.force_login(personas.recruiter)
    data = with_job_defaults(application, builder_post(personas, base_salary=typed))
    html = client.post(reverse("offers:edit", args=[application.pk]), data).content.decode()
    assert "Enter an amount in whole Rupiah" in html
    assert not Offer.objects.exists()


def test_the_offer_page_reads_a_bounded_number_of_rows(
    client, personas, application, django_assert_max_num_queries
) -> None:
    for salary in (7_000_000, 7_100_000, 7_200_000):
        offer = offer_make(application=application, actor=personas.recruiter, base_salary=salary)
        Offer.objects.filter(pk=offer.pk).update(status="sent")  # three versions in the history
    client.force_login(personas.hiring_manager)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("offers:detail", args=[application.pk]))
    assert response.content.decode().count("Version ") >= 3
