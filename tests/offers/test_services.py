"""offer_draft_save: every refusal at once in the user's language and nothing saved; a draft edited in
place; a revision after approval as a new version, the old one kept; stale saves refused; the audit row."""

from datetime import date

import pytest
from django.utils import translation

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.models import AuditEvent
from rekrut.offers.models import Offer, OfferStatus
from rekrut.offers.services import AllowanceLine, OfferRefused, offer_draft_save
from tests.offers.factories import offer_data_make, offer_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani")


def test_the_hr_owner_drafts_an_offer_with_its_lines_and_an_audit_row(application, personas) -> None:
    offer = offer_make(application=application, actor=personas.recruiter)
    assert (offer.version, offer.status, offer.lock_version) == (1, OfferStatus.DRAFT, 1)
    assert [(a.kind, a.name, a.amount) for a in offer.allowances.all()] == [
        ("fixed", "Tunjangan jabatan", 1_000_000),
        ("variable", "Uang makan", 500_000),
    ]
    assert offer.benefit_lines() == ["Asuransi kesehatan swasta", "Laptop"]
    event = AuditEvent.objects.get(action="offer.drafted")
    assert event.subject_id == offer.pk and event.actor_id == personas.recruiter.pk
    # Salary data stays out of the log: it names what changed, not the amounts.
    assert "7000000" not in str(event.changes)


def test_a_pkwt_gets_its_end_date_and_no_probation(application, personas) -> None:
    offer = offer_make(
        application=application,
        actor=personas.recruiter,
        employment_type="pkwt",
        contract_months=12,
        probation_months=0,
    )
    assert offer.end_date == date(2028, 1, 3)


def test_every_refusal_at_once_in_indonesian_and_nothing_saved(application, personas) -> None:
    data = offer_data_make(
        job=application.job,
        signatory=personas.recruiter,
        employment_type="pkwt",
        contract_months=48,
        earlier_pkwt_months=24,
        probation_months=2,
        base_salary=3_000_000,
        allowances=(AllowanceLine("fixed", "Tunjangan", 2_000_000),),
        annual_leave_days=10,
        start_date=date(2026, 11, 2),
    )
    with translation.override("id"), pytest.raises(OfferRefused) as refused:
        offer_draft_save(actor=personas.recruiter, application=application, data=data, expected_version=None)
    codes = {refusal.code for refusal in refused.value.refusals}
    assert codes == {
        "base_share_too_low",
        "below_minimum_wage",
        "probation_on_pkwt",
        "pkwt_too_long",
        "leave_too_short",
        "start_in_past",
        "expiry_after_start",
    }
    message = str(refused.value.message)
    assert "Rp5.729.876" in message and "DKI Jakarta" in message
    assert "PKWT" in message and "bulan" in message  # worded in Bahasa Indonesia
    assert not Offer.objects.exists() and not AuditEvent.objects.filter(action__startswith="offer.").exists()


def test_a_draft_is_edited_in_place(application, personas) -> None:
    first = offer_make(application=application, actor=personas.recruiter)
    second = offer_make(application=application, actor=personas.recruiter, base_salary=7_500_000)
    assert second.pk == first.pk and second.version == 1 and second.lock_version == 2
    assert Offer.objects.get().base_salary == 7_500_000
    event = AuditEvent.objects.get(action="offer.draft_changed")
    assert event.changes["fields"] == ["base_salary"]


def test_a_change_after_approval_makes_a_new_version_and_keeps_the_old_one(application, personas) -> None:
    first = offer_make(application=application, actor=personas.recruiter)
    Offer.objects.filter(pk=first.pk).update(status=OfferStatus.SENT)
    second = offer_make(application=application, actor=personas.recruiter, base_salary=8_000_000)
    assert (second.version, second.status) == (2, OfferStatus.DRAFT)
    first.refresh_from_db()
    assert (first.status, first.base_salary) == (OfferStatus.SUPERSEDED, 7_000_000)
    assert AuditEvent.objects.filter(action="offer.revised", subject_id=second.pk).exists()


def test_an_accepted_offer_is_final(application, personas) -> None:
    first = offer_make(application=application, actor=personas.recruiter)
    Offer.objects.filter(pk=first.pk).update(status=OfferStatus.ACCEPTED)
    with pytest.raises(DomainError, match="accepted"):
        offer_make(application=application, actor=personas.recruiter)


def test_a_save_on_top_of_someone_elses_is_refused(application, personas) -> None:
    offer_make(application=application, actor=personas.recruiter)
    data = offer_data_make(job=application.job, signatory=personas.recruiter, base_salary=9_000_000)
    with pytest.raises(StaleEdit):
        offer_draft_save(actor=personas.hr_admin, application=application, data=data, expected_version=None)
    offer_make(application=application, actor=personas.hr_admin, base_salary=7_200_000)  # lock 2
    with pytest.raises(StaleEdit):
        offer_draft_save(actor=personas.recruiter, application=application, data=data, expected_version=1)
    assert Offer.objects.get().base_salary == 7_200_000


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director", "other_recruiter"])
def test_only_the_hr_owner_or_an_hr_admin_drafts(application, personas, persona) -> None:
    data = offer_data_make(job=application.job, signatory=personas.recruiter)
    with pytest.raises(AccessDenied):
        offer_draft_save(
            actor=getattr(personas, persona), application=application, data=data, expected_version=None
        )
    assert not Offer.objects.exists()


def test_pay_outside_the_jobs_range_is_saved_and_marked_for_an_extra_approval(application, personas) -> None:
    job = application.job
    job.salary_min, job.salary_max = 5_000_000, 7_000_000
    job.save()
    offer = offer_make(application=application, actor=personas.recruiter)  # 7.000.000 + 1.000.000 fixed
    assert offer.needs_extra_approval
    assert AuditEvent.objects.get(action="offer.drafted").changes["needs_extra_approval"] is True


def test_a_closed_application_gets_no_offer(application, personas) -> None:
    from rekrut.pipeline.models import ApplicationStatus

    type(application).objects.filter(pk=application.pk).update(status=ApplicationStatus.REJECTED)
    application.refresh_from_db()
    with pytest.raises(DomainError, match="closed"):
        offer_make(application=application, actor=personas.recruiter)
