"""The contract pages as HR uses them: the generate form names what Ps 54(1) still needs beside each field
(C5), the page shows the signing steps, the registration's due date with the holiday it skipped (C6) and
the compensation (C7); documents and scans download safely; bad input changes nothing."""

import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.contracts.models import Contract, ContractStatus
from tests.contracts.factories import contract_make, contract_sign_fully, offer_accepted_make
from tests.contracts.test_generate import pdf_text
from tests.pipeline.factories import application_make
from tests.services.files import download_follow


def _form(**overrides: object) -> dict:
    data = {
        "company_name": "PT Nusantara Maju Bersama",
        "company_address": "Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan",
        "company_business": "Perdagangan eceran",
        "worker_sex": "f",
        "worker_birth_date": "1996-05-20",
        "worker_address": "Jl. Melati No. 7, Bandung",
        "pay_method": "transfer",
        "pay_day": "25",
        "signing_place": "Jakarta",
        "signing_date": timezone.localdate().isoformat(),
        "signatory_title": "Direktur",
        "extra_terms": "",
    }
    data.update(overrides)
    return data


def test_the_generate_form_names_each_missing_item_beside_its_field_c5(at_contract, personas, client_for):
    client = client_for(personas.recruiter)
    url = reverse("contracts:generate", args=[at_contract.pk])
    response = client.post(url, _form(worker_sex="", worker_address="", company_business=""))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"__all__", "worker_sex", "worker_address", "company_business"}
    assert "Ps 54(1)(b)" in form.errors["worker_sex"][0]
    assert "Ps 54(1)(a)" in form.errors["company_business"][0]
    assert not Contract.objects.exists()


def test_a_garbled_date_is_a_message_not_an_error_page(at_contract, personas, client_for):
    client = client_for(personas.recruiter)
    url = reverse("contracts:generate", args=[at_contract.pk])
    response = client.post(
        url, _form(worker_birth_date="1850-01-01", signing_date="31-02-2026", pay_day="99")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"worker_birth_date", "signing_date", "pay_day"} <= set(errors)
    assert "Check the date of birth." in errors["worker_birth_date"]
    assert not Contract.objects.exists()


def test_generating_from_the_page_and_the_form_remembers_the_last_answers(at_contract, personas, client_for):
    client = client_for(personas.recruiter)
    url = reverse("contracts:generate", args=[at_contract.pk])
    response = client.post(url, _form())
    assert response.status_code == 302
    assert response["Location"] == reverse("contracts:detail", args=[at_contract.pk])
    again = client.get(url)
    assert again.context["form"].initial["worker_address"] == "Jl. Melati No. 7, Bandung"
    assert "Version 1 will be replaced" in again.content.decode()


def test_the_company_details_carry_over_to_the_next_candidates_contract(
    draft, personas, team_a_job, client_for
):
    other = application_make(job=team_a_job, actor=personas.hr_admin, full_name="Bayu Saputra")
    offer_accepted_make(application=other, signatory=personas.recruiter)
    response = client_for(personas.recruiter).get(reverse("contracts:generate", args=[other.pk]))
    initial = response.context["form"].initial
    assert initial["company_business"] == "Perdagangan eceran" and "worker_address" not in initial


def test_the_page_without_an_accepted_offer_says_so(personas, team_a_job, client_for):
    application = application_make(job=team_a_job, actor=personas.hr_admin)
    html = (
        client_for(personas.recruiter)
        .get(reverse("contracts:detail", args=[application.pk]))
        .content.decode()
    )
    assert (
        "has no accepted offer yet" in html
        and reverse("contracts:generate", args=[application.pk]) not in html
    )


def test_the_page_shows_the_due_date_the_holiday_and_the_compensation_c6_c7(personas, team_a_job, client_for):
    with time_machine.travel("2026-08-14 03:00:00+00:00", tick=False):
        application = application_make(job=team_a_job, actor=personas.hr_admin, full_name="Putri Maharani")
        offer_accepted_make(application=application, signatory=personas.recruiter, contract_months=6)
        contract_sign_fully(
            contract=contract_make(application=application, actor=personas.recruiter),
            actor=personas.recruiter,
        )
    with time_machine.travel("2026-08-18 03:00:00+00:00", tick=False):
        html = (
            client_for(personas.hiring_manager)
            .get(reverse("contracts:detail", args=[application.pk]))
            .content.decode()
        )
    assert "Register it by 20 August 2026." in html
    assert "17 August 2026 (Independence Day) is a public holiday and not counted." in html
    # C7: 6 months ÷ 12 × (Rp7.000.000 base + Rp1.000.000 fixed allowance) = Rp4.000.000
    assert "Rp4.000.000" in html and "6 months of service ÷ 12 × Rp8.000.000" in html
    # The hiring manager reads; only HR records steps.
    assert reverse("contracts:register", args=[Contract.objects.get().pk]) not in html


def test_a_late_registration_is_shown_as_late_c6(personas, team_a_job, client_for):
    with time_machine.travel("2026-08-14 03:00:00+00:00", tick=False):
        application = application_make(job=team_a_job, actor=personas.hr_admin)
        offer_accepted_make(application=application, signatory=personas.recruiter)
        contract_sign_fully(
            contract=contract_make(application=application, actor=personas.recruiter),
            actor=personas.recruiter,
        )
    with time_machine.travel("2026-08-24 03:00:00+00:00", tick=False):
        html = (
            client_for(personas.recruiter)
            .get(reverse("contracts:detail", args=[application.pk]))
            .content.decode()
        )
    assert "The due date has passed" in html


def test_hr_takes_each_step_from_the_page(draft, personas, client_for):
    client = client_for(personas.recruiter)
    detail = reverse("contracts:detail", args=[draft.application_id])
    assert client.post(reverse("contracts:send", args=[draft.pk]))["Location"] == detail
    today = timezone.localdate().isoformat()
    client.post(reverse("contracts:candidate_signed", args=[draft.pk]), {"signed_on": today})
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.images import png_bytes

    photo = SimpleUploadedFile("foto.png", png_bytes(800, 1000), content_type="image/png")
    client.post(reverse("contracts:company_signed", args=[draft.pk]), {"signed_on": today, "scan": photo})
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.SIGNED
    html = client.get(detail).content.decode()
    assert "Register it by" in html and reverse("contracts:register", args=[draft.pk]) in html


def test_a_bad_scan_from_the_page_is_a_message_and_changes_nothing(draft, personas, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(personas.recruiter)
    client.post(reverse("contracts:send", args=[draft.pk]))
    bad = SimpleUploadedFile("kontrak.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("contracts:candidate_signed", args=[draft.pk]),
        {"signed_on": timezone.localdate().isoformat(), "scan": bad},
        follow=True,
    )
    assert response.status_code == 200
    assert "Upload the signed contract as a PDF or as a scan or photo" in response.content.decode()
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.SENT


def test_a_step_out_of_order_from_the_page_is_a_message(draft, personas, client_for):
    response = client_for(personas.recruiter).post(
        reverse("contracts:company_signed", args=[draft.pk]), {"signed_on": "2026-11-01"}, follow=True
    )
    assert "The candidate signs first" in response.content.decode()
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.DRAFT


def test_the_documents_download_as_private_pdfs(draft, personas, client_for):
    client = client_for(personas.hiring_manager)
    response = client.get(reverse("contracts:document", args=[draft.pk]))
    assert response["Content-Type"] == "application/pdf" and response["Cache-Control"] == "private, no-store"
    assert 'filename="kontrak-putri-maharani-v1.pdf"' in response["Content-Disposition"]
    assert "PERJANJIAN KERJA WAKTU TERTENTU" in pdf_text(response.content)
    english = client.get(reverse("contracts:document", args=[draft.pk]), {"lang": "en"})
    assert "FIXED-TERM EMPLOYMENT AGREEMENT" in pdf_text(english.content)


def test_the_scan_downloads_named_by_its_content_and_sandboxed(draft, personas, client_for):
    contract = contract_sign_fully(contract=draft, actor=personas.recruiter)
    scan = contract.scans.get()
    response = client_for(personas.recruiter).get(reverse("contracts:scan", args=[scan.pk]))
    assert response["X-Content-Type-Options"] == "nosniff"
    if response.status_code == 200:  # streamed; from a bucket it is a signed link on another origin
        assert "sandbox" in response["Content-Security-Policy"]
    got = download_follow(response)
    assert got.content_type == "application/pdf"
    assert got.disposition.startswith('attachment; filename="kontrak-putri-maharani-v1-scan.pdf"')


def test_the_contract_page_reads_in_a_bounded_number_of_queries(
    draft, personas, client_for, django_assert_max_num_queries
):
    contract = contract_sign_fully(contract=draft, actor=personas.recruiter)
    client = client_for(personas.recruiter)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("contracts:detail", args=[contract.application_id])).status_code == 200
