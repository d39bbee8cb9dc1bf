"""The approval chain: its order, who may decide each step, returns and changes that start it over, and
that nothing is sent before everyone approved."""

import pytest

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import OutboxMessage
from rekrut.offers.chain import chain_plan, current_step, offer_decide, offer_submit
from rekrut.offers.models import OfferApproval, OfferPolicy, OfferStatus
from rekrut.offers.sending import offer_send
from tests.jobs.factories import job_make
from tests.offers.factories import offer_approved, offer_make, offer_submitted
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani", email="putri@example.com")


@pytest.fixture
def managerial_application(personas):
    job = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        director=personas.director,
        managerial=True,
        title="Kepala Cabang",
    )
    return application_make(job=job, full_name="Bayu Saputra", email="bayu@example.com")


def test_a_staff_offer_goes_to_hr_then_the_hiring_manager(personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.recruiter)
    assert offer.status == OfferStatus.IN_APPROVAL
    assert offer.approval_steps == ["hr", "manager"]
    assert current_step(offer) == "hr"
    offer = offer_decide(actor=personas.hr_admin, offer=offer, decision="approved")
    assert current_step(offer) == "manager"
    offer = offer_decide(actor=personas.hiring_manager, offer=offer, decision="approved")
    assert offer.status == OfferStatus.APPROVED
    rows = list(OfferApproval.objects.filter(offer=offer).values_list("step", "decision", "actor__username"))
    assert rows == [("hr", "approved", "sari"), ("manager", "approved", "budi")]
    actions = list(
        AuditEvent.objects.filter(subject_id=offer.pk, action__startswith="offer.").values_list(
            "action", flat=True
        )
    )
    assert actions.count("offer.step_approved") == 2
    assert "offer.submitted" in actions and "offer.approved" in actions


@pytest.mark.parametrize(
    ("reason", "setup"),
    [
        ("managerial", "managerial"),
        ("above_amount", "policy"),
        ("outside_range", "range"),
    ],
)
def test_a_director_is_added_when_the_offer_needs_one(
    personas, application, managerial_application, reason, setup
) -> None:
    target = application
    if setup == "managerial":
        target = managerial_application
    elif setup == "policy":
        OfferPolicy.objects.create(director_above=8_000_000)  # the offer pays 8.500.000 a month
    else:
        application.job.salary_max = 7_500_000
        application.job.save()
    offer = offer_submitted(application=target, actor=personas.recruiter)
    assert offer.approval_steps == ["hr", "manager", "director"]
    assert offer.director_reasons == [reason]


def test_no_director_below_the_amount(personas, application) -> None:
    OfferPolicy.objects.create(director_above=9_000_000)
    offer = offer_make(application=application, actor=personas.recruiter)
    assert chain_plan(offer=offer, job=application.job, policy=OfferPolicy.objects.get()).steps == [
        "hr",
        "manager",
    ]


# Who may decide each step of a managerial offer submitted by the job's HR owner (recruiter Rina).
WHO_DECIDES = {
    "hr": {"hr_admin"},
    "manager": {"hiring_manager"},
    "director": {"director"},
}


@pytest.mark.parametrize("step", ["hr", "manager", "director"])
@pytest.mark.parametrize(
    "persona",
    [
        "hr_admin",
        "recruiter",
        "hiring_manager",
        "interviewer",
        "director",
        "other_recruiter",
        "other_manager",
        "outsider",
    ],
)
def test_who_may_decide_each_step(personas, managerial_application, step, persona) -> None:
    order = ["hr", "manager", "director"]
    deciders = [personas.hr_admin, personas.hiring_manager, personas.director]
    offer = offer_submitted(application=managerial_application, actor=personas.recruiter)
    for earlier in deciders[: order.index(step)]:
        offer = offer_decide(actor=earlier, offer=offer, decision="approved")
    assert current_step(offer) == step
    user = getattr(personas, persona)
    if persona in WHO_DECIDES[step]:
        offer_decide(actor=user, offer=offer, decision="approved")
        assert OfferApproval.objects.filter(offer=offer, step=step, actor=user).exists()
    else:
        with pytest.raises(AccessDenied) as refused:
            offer_decide(actor=user, offer=offer, decision="approved")
        # Someone whose own step comes later (or is done) is told whose turn it is.
        other_step = any(persona in WHO_DECIDES[s] for s in order if s != step)
        assert ("waiting for the" in str(refused.value.message)) == other_step
        assert not OfferApproval.objects.filter(offer=offer, step=step).exists()


def test_the_submitter_never_approves_the_hr_step_even_as_hr_admin(personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.hr_admin)
    with pytest.raises(AccessDenied):
        offer_decide(actor=personas.hr_admin, offer=offer, decision="approved")
    # The job's HR owner is the second pair of eyes, and the one asked.
    assert OutboxMessage.objects.filter(
        to=personas.recruiter.email, key__startswith="offer-approval-"
    ).exists()
    offer_decide(actor=personas.recruiter, offer=offer, decision="approved")


def test_a_return_needs_a_comment_and_sends_the_offer_back_to_draft(personas, application) -> None:
    offer = offer_submitted(application=application, actor=personas.recruiter)
    offer = offer_decide(actor=personas.hr_admin, offer=offer, decision="approved")
    with pytest.raises(DomainError, match="what needs to change"):
        offer_decide(actor=personas.hiring_manager, offer=offer, decision="returned", comment="  ")
    offer = offer_decide(
        actor=personas.hiring_manager, offer=offer, decision="returned", comment="Tunjangan terlalu tinggi."
    )
    assert offer.status == OfferStatus.DRAFT
    told = OutboxMessage.objects.get(to=personas.recruiter.email, key__startswith="offer-decided-")
    assert "Tunjangan terlalu tinggi." in told.body
    # Submitted again, the chain starts over at HR, in a new round; the first round stays as history.
    offer = offer_submit(actor=personas.recruiter, offer=offer)
    assert offer.approval_round == 2
    assert current_step(offer) == "hr"
    assert OfferApproval.objects.filter(offer=offer).count() == 2


def test_a_change_after_approval_makes_a_new_version_that_starts_over(personas, application) -> None:
    approved = offer_approved(
        application=application,
        actor=personas.recruiter,
        approvers=[personas.hr_admin, personas.hiring_manager],
    )
    changed = offer_make(application=application, actor=personas.recruiter, base_salary=7_200_000)
    approved.refresh_from_db()
    assert approved.status == OfferStatus.SUPERSEDED
    assert (changed.version, changed.status) == (2, OfferStatus.DRAFT)
    with pytest.raises(DomainError, match="approved by everyone"):
        offer_send(actor=personas.recruiter, offer=changed)
    changed = offer_submit(actor=personas.recruiter, offer=changed)
    assert current_step(changed) == "hr"


def test_nothing_is_sent_before_every_approval(personas, application) -> None:
    offer = offer_make(application=application, actor=personas.recruiter)
    with pytest.raises(DomainError, match="approved by everyone"):
        offer_send(actor=personas.recruiter, offer=offer)
    offer = offer_submit(actor=personas.recruiter, offer=offer)
    offer = offer_decide(actor=personas.hr_admin, offer=offer, decision="approved")
    with pytest.raises(DomainError, match="approved by everyone"):
        offer_send(actor=personas.recruiter, offer=offer)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.IN_APPROVAL
    assert not OutboxMessage.objects.filter(to="putri@example.com").exists()


def test_a_step_with_nobody_to_decide_refuses_the_submission(personas) -> None:
    job = job_make(hr_owner=personas.recruiter, title="Tanpa Manajer")
    application = application_make(job=job, full_name="Tanpa Manajer")
    offer = offer_make(application=application, actor=personas.recruiter)
    with pytest.raises(DomainError, match="no hiring manager"):
        offer_submit(actor=personas.recruiter, offer=offer)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT


def test_only_hr_submits_and_a_stale_page_is_refused(personas, application) -> None:
    offer = offer_make(application=application, actor=personas.recruiter)
    with pytest.raises(AccessDenied):
        offer_submit(actor=personas.hiring_manager, offer=offer)
    with pytest.raises(StaleEdit):
        offer_submit(actor=personas.recruiter, offer=offer, expected_version=offer.lock_version - 1)
