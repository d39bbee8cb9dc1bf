"""Generating the contract from the accepted offer: what Ps 54(1) UU 13/2003 requires (C5), in Bahasa
Indonesia (C3), as a PDF whose text holds the right figures and words, versioned."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from rekrut.contracts import services
from rekrut.contracts.models import Contract, ContractEvent, ContractStatus
from rekrut.contracts.services import ContractRefused
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.offers.models import Offer
from tests.contracts.factories import contract_data_make, offer_accepted_make
from tests.pipeline.factories import application_make


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_the_contract_is_generated_in_bahasa_indonesia_with_every_item_of_ps_54_c3_c5(at_contract, personas):
    offer = Offer.objects.get(application=at_contract)
    Offer.objects.filter(pk=offer.pk).update(start_date=date(2026, 11, 22), end_date=date(2027, 11, 21))
    contract = services.contract_generate(
        actor=personas.recruiter,
        application=at_contract,
        data=contract_data_make(signing_date=date(2026, 11, 20)),
    )
    text = pdf_text(bytes(Contract.objects.get(pk=contract.pk).document))
    expected = [
        "PERJANJIAN KERJA WAKTU TERTENTU",
        # (a) the company
        "PT Nusantara Maju Bersama",
        "Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan",
        "Bidang usaha : Perdagangan eceran",
        # (b) the worker: name, sex, age, address
        "Nama : Putri Maharani",
        "Jenis kelamin : Perempuan",
        "Umur : 30 tahun (lahir tanggal 20 Mei 1996)",
        "Jl. Melati No. 7, Bandung",
        # (c) position, (d) workplace
        "sebagai Customer Service Officer",
        "Kantor Pusat Jakarta, Jakarta Selatan",
        # (e) wage and how it is paid: Rp with dots, no space (L1)
        "Gaji pokok Rp7.000.000",
        "Tunjangan jabatan (tunjangan tetap) Rp1.000.000",
        "Jumlah upah per bulan Rp8.000.000",
        "Uang makan sebesar Rp500.000 per bulan",
        "paling lambat tanggal 25 melalui transfer ke rekening bank atas nama PEKERJA",
        # (f) rights and obligations
        "Hak dan Kewajiban PENGUSAHA",
        "Hak dan Kewajiban PEKERJA",
        "BPJS Kesehatan dan BPJS Ketenagakerjaan",
        "uang kompensasi",
        # (g) start and duration: dates as "22 November 2026" (L2)
        "jangka waktu 12 bulan, terhitung sejak tanggal 22 November 2026",
        "sampai dengan tanggal 21 November 2027",
        "tidak mensyaratkan masa percobaan",
        # C3: Indonesian prevails
        "yang berlaku adalah teks dalam Bahasa Indonesia",
        # (h) place and date, (i) signatures, two originals
        "Dibuat di Jakarta, pada tanggal 20 November 2026",
        "rangkap 2 (dua)",
        "Direktur Sumber Daya Manusia",
    ]
    for words in expected:
        assert words in text, words
    assert "PENGUSAHA" in text and "PEKERJA" in text and personas.recruiter.get_full_name() in text


def test_a_pkwtt_states_its_probation_and_no_end_c5(personas, team_a_job):
    application = application_make(job=team_a_job, actor=personas.hr_admin)
    offer_accepted_make(
        application=application, signatory=personas.recruiter, employment_type="pkwtt", working_pattern="6x7"
    )
    contract = services.contract_generate(
        actor=personas.recruiter, application=application, data=contract_data_make(worker_sex="m")
    )
    text = pdf_text(bytes(contract.document))
    assert "PERJANJIAN KERJA WAKTU TIDAK TERTENTU" in text
    assert "masa percobaan kerja selama 3 bulan" in text
    assert "Jenis kelamin : Laki-laki" in text
    assert "7 (tujuh) jam sehari dan 6 (enam) hari kerja" in text
    assert "uang kompensasi" not in text  # C7 is for a PKWT only


def test_the_english_translation_says_the_indonesian_text_prevails_c3(draft, personas):
    english = pdf_text(
        services.contract_document_open(actor=personas.recruiter, contract=draft, language="en")
    )
    assert "Translation for information only" in english
    assert "the Indonesian text prevails" in english
    assert "Base salary Rp7.000.000" in english
    assert AuditEvent.objects.filter(action="contract.downloaded", subject_id=draft.pk).count() == 1


C5_FORM_CASES = [
    # (the generate form's field left empty, Ps 54(1) item named in the message)
    ("company_name", "Ps 54(1)(a)"),
    ("company_address", "Ps 54(1)(a)"),
    ("company_business", "Ps 54(1)(a)"),
    ("worker_sex", "Ps 54(1)(b)"),
    ("worker_birth_date", "Ps 54(1)(b)"),
    ("worker_address", "Ps 54(1)(b)"),
    ("pay_method", "Ps 54(1)(e)"),
    ("pay_day", "Ps 54(1)(e)"),
    ("signing_place", "Ps 54(1)(h)"),
    ("signing_date", "Ps 54(1)(h)"),
]


@pytest.mark.parametrize(("field", "item"), C5_FORM_CASES, ids=[c[0] for c in C5_FORM_CASES])
def test_generation_is_refused_naming_what_is_missing_and_saves_nothing_c5(
    at_contract, personas, field, item
):
    empty = None if field in {"worker_birth_date", "pay_day", "signing_date"} else ""
    with pytest.raises(ContractRefused) as refused:
        services.contract_generate(
            actor=personas.recruiter, application=at_contract, data=contract_data_make(**{field: empty})
        )
    assert [m.field for m in refused.value.missing] == [field]
    assert item in str(refused.value.missing[0].message)
    assert (
        not Contract.objects.exists() and not AuditEvent.objects.filter(action="contract.generated").exists()
    )


@pytest.mark.parametrize(
    ("offer_change", "code"),
    [
        ({"position": ""}, "position"),
        ({"contract_months": None}, "duration"),
        ({"base_salary": 0}, "wage"),
    ],
)
def test_what_the_offer_lacks_is_refused_too_c5(at_contract, personas, offer_change, code):
    Offer.objects.filter(application=at_contract).update(**offer_change)
    with pytest.raises(ContractRefused) as refused:
        services.contract_generate(
            actor=personas.recruiter, application=at_contract, data=contract_data_make()
        )
    assert code in [m.code for m in refused.value.missing]


def test_the_worker_needs_a_name_and_the_signatory_a_name_c5(at_contract, personas):
    at_contract.candidate.full_name = ""
    at_contract.candidate.save()
    personas.recruiter.first_name = personas.recruiter.last_name = ""
    personas.recruiter.save()
    with pytest.raises(ContractRefused) as refused:
        services.contract_generate(
            actor=personas.recruiter, application=at_contract, data=contract_data_make()
        )
    assert [m.code for m in refused.value.missing] == ["worker_name", "signatory"]


def test_an_underage_worker_is_refused_uu_13_2003_ps_68(at_contract, personas):
    with pytest.raises(ContractRefused, match="under 18"):
        services.contract_generate(
            actor=personas.recruiter,
            application=at_contract,
            data=contract_data_make(worker_birth_date=date(2015, 1, 1)),
        )


def test_overlong_text_is_refused_with_the_limit(at_contract, personas):
    with pytest.raises(ContractRefused, match="500 characters"):
        services.contract_generate(
            actor=personas.recruiter,
            application=at_contract,
            data=contract_data_make(worker_address="x" * 501),
        )


def test_no_accepted_offer_no_contract(personas, team_a_job):
    application = application_make(job=team_a_job, actor=personas.hr_admin)
    with pytest.raises(DomainError, match="not accepted an offer"):
        services.contract_generate(
            actor=personas.recruiter, application=application, data=contract_data_make()
        )


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "other_recruiter"])
def test_only_the_hr_owner_or_an_hr_admin_generates(at_contract, personas, persona):
    with pytest.raises(AccessDenied):
        services.contract_generate(
            actor=getattr(personas, persona), application=at_contract, data=contract_data_make()
        )


def test_regenerating_makes_a_new_version_and_the_old_stays_in_history(draft, personas):
    services.contract_send(actor=personas.recruiter, contract=draft)
    second = services.contract_generate(
        actor=personas.hr_admin, application=draft.application, data=contract_data_make(pay_day=28)
    )
    assert second.version == 2 and second.status == ContractStatus.DRAFT and second.sent_at is None
    old = Contract.objects.get(pk=draft.pk)
    assert old.status == ContractStatus.SUPERSEDED and old.pay_day == 25 and bytes(old.document)
    assert list(ContractEvent.objects.filter(contract=old).values_list("kind", flat=True)) == [
        "generated",
        "sent",
        "superseded",
    ]
    assert "paling lambat tanggal 28" in pdf_text(bytes(second.document))
    assert "paling lambat tanggal 25" in pdf_text(bytes(old.document))


def test_a_double_click_generates_one_version(at_contract, personas):
    once = {"actor": personas.recruiter, "application": at_contract, "data": contract_data_make()}
    first = services.contract_generate(**once, idempotency_key="k-1")
    again = services.contract_generate(**once, idempotency_key="k-1")
    assert first.pk == again.pk and Contract.objects.count() == 1


def test_a_contract_signed_by_both_is_final(draft, personas):
    from tests.contracts.factories import contract_sign_fully

    contract_sign_fully(contract=draft, actor=personas.recruiter)
    with pytest.raises(DomainError, match="can no longer be changed"):
        services.contract_generate(
            actor=personas.recruiter, application=draft.application, data=contract_data_make()
        )
