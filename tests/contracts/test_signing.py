"""The signing steps in their one order (draft → sent → signed by the candidate → signed by the company),
each with its audit and history row; the signed scan checked by content; the PKWT's registration due date
(C6) with its one reminder; the "contract.signed" webhook; the contract stage's exit rule."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from rekrut.contracts import services
from rekrut.contracts.models import Contract, ContractEvent, ContractScan, ContractStatus
from rekrut.contracts.reminders import registrations_remind_due
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.webhooks.models import WebhookEndpoint
from rekrut.pipeline.services import application_move
from tests.candidates.filebuilders import pdf_bytes, pdf_encrypted_bytes, zip_bytes
from tests.contracts.factories import contract_make, contract_sign_fully, scan_make
from tests.core.images import jpeg_header_bytes, png_bytes

STEPS = {
    "send": lambda actor, c: services.contract_send(actor=actor, contract=c),
    "candidate": lambda actor, c: services.contract_candidate_sign(
        actor=actor, contract=c, signed_on=timezone.localdate()
    ),
    "company": lambda actor, c: services.contract_company_sign(
        actor=actor, contract=c, signed_on=timezone.localdate(), scan=scan_make()
    ),
}
ORDER = ["send", "candidate", "company"]


def _reach(contract: Contract, actor, steps: int) -> Contract:
    for name in ORDER[:steps]:
        contract = STEPS[name](actor, contract)
    return contract


def test_the_steps_in_order_end_signed_by_both_with_audit_and_history(draft, personas):
    contract = _reach(draft, personas.recruiter, 3)
    assert contract.status == ContractStatus.SIGNED
    assert contract.candidate_signed_on == contract.company_signed_on == timezone.localdate()
    kinds = list(ContractEvent.objects.filter(contract=draft).values_list("kind", flat=True))
    assert kinds == ["generated", "sent", "candidate_signed", "scan_uploaded", "company_signed"]
    actions = set(AuditEvent.objects.filter(subject_id=draft.pk).values_list("action", flat=True))
    assert {
        "contract.generated",
        "contract.sent",
        "contract.candidate_signed",
        "contract.company_signed",
    } <= actions


OUT_OF_ORDER = [
    # (steps done, step tried, what the refusal says)
    (0, "candidate", "Send the contract to the candidate before"),
    (0, "company", "The candidate signs first"),
    (1, "company", "The candidate signs first"),
    (1, "send", "already sent"),
    (2, "candidate", "already recorded"),
    (2, "send", "already sent"),
    (3, "company", "already signed by both"),
    (3, "candidate", "already recorded"),
]


@pytest.mark.parametrize(("done", "step", "says"), OUT_OF_ORDER)
def test_a_step_out_of_order_is_refused_and_changes_nothing(draft, personas, done, step, says):
    contract = _reach(draft, personas.recruiter, done)
    before = (contract.status, ContractEvent.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError, match=says):
        STEPS[step](personas.recruiter, contract)
    contract.refresh_from_db()
    assert (contract.status, ContractEvent.objects.count(), AuditEvent.objects.count()) == before


def test_a_superseded_version_takes_no_more_steps(draft, personas):
    contract_make(application=draft.application, actor=personas.recruiter)
    with pytest.raises(DomainError, match="newer version"):
        services.contract_send(actor=personas.recruiter, contract=draft)


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "other_recruiter"])
def test_only_hr_records_the_steps(draft, personas, persona):
    with pytest.raises(AccessDenied):
        services.contract_send(actor=getattr(personas, persona), contract=draft)


def test_signing_dates_cannot_be_in_the_future_or_before_the_step_before(draft, personas):
    contract = _reach(draft, personas.recruiter, 1)
    today = timezone.localdate()
    with pytest.raises(DomainError, match="future"):
        services.contract_candidate_sign(
            actor=personas.recruiter, contract=contract, signed_on=today + timedelta(1)
        )
    with pytest.raises(DomainError, match="before this version was generated"):
        services.contract_candidate_sign(
            actor=personas.recruiter, contract=contract, signed_on=today - timedelta(1)
        )
    with pytest.raises(DomainError, match="Enter the date"):
        services.contract_candidate_sign(actor=personas.recruiter, contract=contract, signed_on=None)
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.SENT


def test_the_company_signs_only_with_the_scan_on_file(draft, personas):
    contract = _reach(draft, personas.recruiter, 2)
    with pytest.raises(DomainError, match="Upload the scan"):
        services.contract_company_sign(
            actor=personas.recruiter, contract=contract, signed_on=timezone.localdate()
        )
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.CANDIDATE_SIGNED


def test_a_scan_given_with_the_candidates_signature_is_enough(draft, personas):
    contract = _reach(draft, personas.recruiter, 1)
    services.contract_candidate_sign(
        actor=personas.recruiter, contract=contract, signed_on=timezone.localdate(), scan=scan_make()
    )
    signed = services.contract_company_sign(
        actor=personas.recruiter, contract=contract, signed_on=timezone.localdate()
    )
    assert signed.status == ContractStatus.SIGNED


BAD_SCANS = [
    # (what the uploader sent, the refusal): every check is core's (tests/core/test_scans.py); here, the
    # contract's own wording and that nothing is saved.
    ("a Word document", zip_bytes({"word/document.xml": b"<w:document/>"}), "signed contract as a PDF"),
    ("HTML named .pdf", b"<html><script>alert(1)</script></html>", "signed contract as a PDF"),
    ("larger than 10 MB", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "larger than 10 MB"),
    ("a password-protected PDF", pdf_encrypted_bytes("Kontrak", user_password="rahasia"), "password"),
    ("a 100-megapixel PNG bomb", png_bytes(10_000, 10_000), "more than a signed contract needs"),
    ("a 100-megapixel JPEG", jpeg_header_bytes(10_000, 10_000), "more than a signed contract needs"),
]


@pytest.mark.parametrize(("what", "data", "says"), BAD_SCANS, ids=[b[0] for b in BAD_SCANS])
def test_a_bad_scan_is_refused_with_a_clear_message_and_nothing_is_saved(draft, personas, what, data, says):
    contract = _reach(draft, personas.recruiter, 1)
    with pytest.raises(DomainError, match=says):
        services.contract_candidate_sign(
            actor=personas.recruiter,
            contract=contract,
            signed_on=timezone.localdate(),
            scan=services.ScanUpload(name="kontrak.pdf", data=data),
        )
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.SENT
    assert not ContractScan.objects.exists()


@pytest.mark.parametrize(
    ("data", "kind"),
    [(pdf_bytes("Kontrak"), "pdf"), (png_bytes(1200, 1600), "png"), (jpeg_header_bytes(1200, 1600), "jpg")],
)
def test_a_pdf_or_a_photo_is_accepted_and_kept_by_its_content(draft, personas, data, kind):
    contract = _reach(draft, personas.recruiter, 2)
    scan = services.contract_scan_upload(
        actor=personas.recruiter, contract=contract, scan=services.ScanUpload(name="scan.exe", data=data)
    )
    assert scan.kind == kind and scan.file.name.endswith(f".{kind}") and "scan.exe" not in scan.file.name
    with scan.file.open("rb") as stored:
        assert stored.read() == data


# ---- C6: the PKWT's registration ----------------------------------------------------------------------


@pytest.fixture
def signed_before_independence_day(personas, team_a_job):
    """A 12-month PKWT signed by both on Friday 14 August 2026 (Monday 17 August is a public holiday)."""
    from tests.contracts.factories import offer_accepted_make
    from tests.pipeline.factories import application_make

    with time_machine.travel("2026-08-14 03:00:00+00:00", tick=False):
        application = application_make(job=team_a_job, actor=personas.hr_admin, full_name="Putri Maharani")
        offer_accepted_make(application=application, signatory=personas.recruiter)
        contract = contract_make(application=application, actor=personas.recruiter)
        return contract_sign_fully(contract=contract, actor=personas.recruiter)


def test_a_pkwt_signed_on_friday_14_august_2026_is_due_on_thursday_20_august_c6(
    signed_before_independence_day,
):
    """C6 · PP 35/2021 Ps 13-14: Sat 15 and Sun 16 are weekend, Mon 17 August is Independence Day."""
    assert signed_before_independence_day.company_signed_on == date(2026, 8, 14)
    assert signed_before_independence_day.registration_due == date(2026, 8, 20)


def test_a_pkwtt_is_not_registered_c6(personas, team_a_job):
    from tests.contracts.factories import offer_accepted_make
    from tests.pipeline.factories import application_make

    application = application_make(job=team_a_job, actor=personas.hr_admin)
    offer_accepted_make(application=application, signatory=personas.recruiter, employment_type="pkwtt")
    contract = contract_sign_fully(
        contract=contract_make(application=application, actor=personas.recruiter), actor=personas.recruiter
    )
    assert contract.registration_due is None
    with pytest.raises(DomainError, match="Only a fixed-term contract"):
        services.contract_register(
            actor=personas.recruiter, contract=contract, registered_on=timezone.localdate(), number="X"
        )


def test_the_reminder_goes_once_on_the_due_date_to_the_hr_owner_c6(signed_before_independence_day, personas):
    with time_machine.travel("2026-08-19 10:00:00+07:00", tick=False):
        assert registrations_remind_due() == 0
    with time_machine.travel("2026-08-20 08:00:00+07:00", tick=False):
        assert registrations_remind_due() == 1
        assert registrations_remind_due() == 0  # the next sweep
    with time_machine.travel("2026-08-25 08:00:00+07:00", tick=False):
        assert registrations_remind_due() == 0
    message = OutboxMessage.objects.get(key__startswith="contract-")
    assert message.to == personas.recruiter.email
    # In Rina's own language (Bahasa Indonesia, the default): dates as "20 Agustus 2026" (L2).
    assert message.language == "id"
    assert "20 Agustus 2026" in message.subject and "Putri Maharani" in message.subject
    assert "14 Agustus 2026" in message.body and "/contracts/application/" in message.body
    assert "PP 35/2021" in message.body


def test_a_registered_contract_gets_no_reminder_c6(signed_before_independence_day, personas):
    with time_machine.travel("2026-08-18 10:00:00+07:00", tick=False):
        services.contract_register(
            actor=personas.recruiter,
            contract=signed_before_independence_day,
            registered_on=date(2026, 8, 18),
            number="PKWT/2026/000123",
        )
    with time_machine.travel("2026-08-20 10:00:00+07:00", tick=False):
        assert registrations_remind_due() == 0
    contract = Contract.objects.get(pk=signed_before_independence_day.pk)
    assert (contract.registered_on, contract.registration_number) == (date(2026, 8, 18), "PKWT/2026/000123")
    assert contract.events.filter(kind="registered", on=date(2026, 8, 18)).exists()


@pytest.mark.parametrize(
    ("registered_on", "number", "says"),
    [
        (date(2026, 8, 13), "A-1", "before the contract was signed"),
        (date(2026, 8, 30), "A-1", "future"),
        (date(2026, 8, 18), "  ", "registration number"),
        (None, "A-1", "date it was registered"),
        (date(2026, 8, 18), "A" * 101, "100 characters"),
    ],
)
def test_bad_registration_details_are_refused_c6(
    signed_before_independence_day, personas, registered_on, number, says
):
    with time_machine.travel("2026-08-18 10:00:00+07:00", tick=False), pytest.raises(DomainError, match=says):
        services.contract_register(
            actor=personas.recruiter,
            contract=signed_before_independence_day,
            registered_on=registered_on,
            number=number,
        )
    assert Contract.objects.get(pk=signed_before_independence_day.pk).registered_on is None


def test_registering_twice_is_refused_c6(signed_before_independence_day, personas):
    with time_machine.travel("2026-08-18 10:00:00+07:00", tick=False):
        contract, on = signed_before_independence_day, date(2026, 8, 18)
        kwargs = {"actor": personas.recruiter, "contract": contract, "registered_on": on}
        services.contract_register(**kwargs, number="A-1")
        with pytest.raises(DomainError, match="already registered"):
            services.contract_register(**kwargs, number="A-2")


def test_a_contract_not_signed_by_both_cannot_be_registered(draft, personas):
    with pytest.raises(DomainError, match="once both sides have signed"):
        services.contract_register(
            actor=personas.recruiter, contract=draft, registered_on=timezone.localdate(), number="A"
        )


# ---- webhooks, e-mail, exit rule ----------------------------------------------------------------------


def test_signing_by_both_announces_contract_signed_without_the_wage(draft, personas):
    WebhookEndpoint.objects.create(
        url="https://payroll.example.co.id/hooks", events=["contract.signed"], created_by=personas.hr_admin
    )
    contract = _reach(draft, personas.recruiter, 2)
    assert not OutboxMessage.objects.filter(channel="webhook").exists()
    STEPS["company"](personas.recruiter, contract)
    message = OutboxMessage.objects.get(channel="webhook")
    body = message.payload["body"]
    assert body["event"] == "contract.signed"
    assert body["data"]["contract"]["id"] == draft.pk
    assert body["data"]["contract"]["registration_due"] is not None
    assert "7000000" not in str(body) and "salary" not in str(body)
    assert mail.outbox == []


def _next_stage(application):
    return application.job.stages.filter(position__gt=application.stage.position, is_active=True).order_by(
        "position"
    )[0]


def test_the_contract_stage_is_left_only_with_a_contract_signed_by_both(at_contract, personas):
    def move():
        return application_move(
            application=type(at_contract).objects.get(pk=at_contract.pk),
            to_stage=_next_stage(at_contract),
            actor=personas.recruiter,
            expected_version=None,
        )

    with pytest.raises(DomainError, match="No contract has been generated"):
        move()
    contract = contract_make(application=at_contract, actor=personas.recruiter)
    contract = _reach(contract, personas.recruiter, 2)
    with pytest.raises(DomainError, match="not signed by both"):
        move()
    STEPS["company"](personas.recruiter, contract)
    assert move().stage.kind == "onboarding"


def test_the_board_asks_the_rule_for_all_cards_in_two_queries(
    at_contract, personas, django_assert_max_num_queries
):
    from rekrut.contracts.guards import contract_exit_blockers

    with django_assert_max_num_queries(2):
        blockers = contract_exit_blockers(at_contract.job, [at_contract])
    assert [b.code for b in blockers[at_contract.pk]] == ["contract_missing"]
