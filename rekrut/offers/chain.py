"""The offer's approval chain: HR, then the hiring manager, then a director when the offer needs one.

Who decides each step:
- HR: a second HR person, the job's HR owner or an HR admin other than the one who submitted the offer
  (four eyes on salary data). The request goes to the job's other HR owners, else to the HR admins.
- Hiring manager: the job's user (TeamRole.USER).
- Director: the job's director (TeamRole.DIRECTOR), when the job is managerial or strategic, the monthly
  gross pay is above the company's amount (OfferPolicy.director_above), or the pay is outside the job's
  salary range (Offer.needs_extra_approval).
Nobody stands in for another step's approver, not even an HR admin: the team is changed instead.

Each submission is a round; each decision an append-only OfferApproval row with the terms' hash. A return
(with a comment) sends the offer back to draft; a change after approval makes a new version (services.py),
which is submitted again: either way the chain starts over.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import Role, User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.limits import NOTE_TEXT
from rekrut.core.localization import rupiah
from rekrut.core.signed_links import signed_link_issue, signed_links_revoke_for
from rekrut.core.site import absolute_url
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.models import HiringTeamMember, Job, TeamRole
from rekrut.notifications.services import message_queue
from rekrut.offers.letter import offer_terms_hash
from rekrut.offers.models import (
    ApprovalDecision,
    ApprovalRequest,
    ApprovalStep,
    ApprovalVia,
    Offer,
    OfferApproval,
    OfferPolicy,
    OfferStatus,
)
from rekrut.offers.selectors import offer_policy
from rekrut.offers.services import OfferRefused, offer_check, offer_data_of
from rekrut.pipeline.access import application_access

action_register("offer.submitted", gettext_lazy("Offer submitted for approval"))
action_register("offer.step_approved", gettext_lazy("Offer approved at one step"))
action_register("offer.approved", gettext_lazy("Offer fully approved"))
action_register("offer.returned", gettext_lazy("Offer returned for changes"))

APPROVE_PURPOSE = "offer_approve"
# An approver's e-mail link works for a week; after that they decide on the offer page.
APPROVAL_LINK_DAYS = 7

STEP_ROLES = {ApprovalStep.MANAGER: TeamRole.USER, ApprovalStep.DIRECTOR: TeamRole.DIRECTOR}

DIRECTOR_REASONS: dict[str, Promise] = {
    "managerial": gettext_lazy("the job is managerial or strategic"),
    "above_amount": gettext_lazy("the monthly pay is above the amount set in Settings"),
    "outside_range": gettext_lazy("the pay is outside the job's salary range"),
}

NOBODY: dict[str, Promise] = {
    ApprovalStep.HR: gettext_lazy(
        "Nobody else in HR can approve this offer: the HR step needs the job's HR owner or an HR admin other "
        "than you. Ask an HR admin to join, or to submit it."
    ),
    ApprovalStep.MANAGER: gettext_lazy(
        "The job has no hiring manager (user) on its hiring team to approve the offer. Add one to the team."
    ),
    ApprovalStep.DIRECTOR: gettext_lazy(
        "This offer needs a director's approval (%(reasons)s), but the job has no director on its hiring "
        "team. Add one to the team."
    ),
}


@dataclass(frozen=True)
class ChainPlan:
    steps: list[str]
    director_reasons: list[str] = field(default_factory=list)


def chain_plan(*, offer: Offer, job: Job, policy: OfferPolicy) -> ChainPlan:
    """The steps this offer needs, in order, and why a director is among them."""
    reasons = []
    if job.is_managerial:
        reasons.append("managerial")
    gross = offer.base_salary + sum(a.amount for a in offer.allowances.all())
    if policy.director_above is not None and gross > policy.director_above:
        reasons.append("above_amount")
    if offer.needs_extra_approval:
        reasons.append("outside_range")
    steps = [ApprovalStep.HR.value, ApprovalStep.MANAGER.value]
    if reasons:
        steps.append(ApprovalStep.DIRECTOR.value)
    return ChainPlan(steps=steps, director_reasons=reasons)


def reasons_text(codes: list[str], policy: OfferPolicy | None = None) -> str:
    words = []
    for code in codes:
        if code == "above_amount" and policy is not None and policy.director_above is not None:
            words.append(_("the monthly pay is above %(amount)s") % {"amount": rupiah(policy.director_above)})
        elif code in DIRECTOR_REASONS:
            words.append(str(DIRECTOR_REASONS[code]))
    return "; ".join(words)


def _team_with(job: Job, role: str) -> list[User]:
    members = HiringTeamMember.objects.filter(job=job, role=role, user__is_active=True).select_related("user")
    return [member.user for member in members.order_by("user__first_name", "user__pk")]


def step_approvers(*, step: str, job: Job, submitter: User) -> list[User]:
    """Who is asked to decide a step (and gets its e-mail link)."""
    if step == ApprovalStep.HR:
        owners = [user for user in _team_with(job, TeamRole.HR_OWNER) if user.pk != submitter.pk]
        if owners:
            return owners
        admins = User.objects.filter(is_active=True, role=Role.HR_ADMIN).exclude(pk=submitter.pk)
        return list(admins.order_by("first_name", "pk"))
    return _team_with(job, STEP_ROLES[ApprovalStep(step)])


def may_decide(*, user: User, step: str, job: Job, submitter_id: int | None) -> bool:
    """Whether `user` may approve or return this step (the table in the module's docstring)."""
    if not user.is_active or not user.pk:
        return False
    roles = set(HiringTeamMember.objects.filter(job=job, user=user).values_list("role", flat=True))
    if step == ApprovalStep.HR:
        return user.pk != submitter_id and (user.is_hr_admin or TeamRole.HR_OWNER in roles)
    return STEP_ROLES[ApprovalStep(step)] in roles


def round_decisions(offer: Offer) -> list[OfferApproval]:
    return list(
        OfferApproval.objects.filter(offer=offer, round=offer.approval_round)
        .select_related("actor")
        .order_by("decided_at", "pk")
    )


def current_step(offer: Offer, decisions: list[OfferApproval] | None = None) -> str | None:
    """The step waiting for a decision; None unless the offer is in approval."""
    if offer.status != OfferStatus.IN_APPROVAL:
        return None
    decided = {d.step for d in (round_decisions(offer) if decisions is None else decisions)}
    return next((step for step in offer.approval_steps if step not in decided), None)


@dataclass(frozen=True)
class StepState:
    step: str
    label: str
    state: str  # "approved", "returned", "waiting", "later"
    decision: OfferApproval | None
    approvers: list[User]


def chain_state(offer: Offer) -> list[StepState]:
    """The current round's steps as the offer page shows them."""
    if not offer.approval_round:
        return []
    decisions = {d.step: d for d in round_decisions(offer)}
    waiting = current_step(offer, list(decisions.values()))
    states = []
    job = offer.application.job
    submitter = offer.submitted_by or offer.created_by
    for step in offer.approval_steps:
        decision = decisions.get(step)
        state = decision.decision if decision is not None else ("waiting" if step == waiting else "later")
        approvers = step_approvers(step=step, job=job, submitter=submitter) if decision is None else []
        states.append(StepState(step, str(ApprovalStep(step).label), state, decision, approvers))
    return states


def _requests_send(*, offer: Offer, step: str, actor: User) -> None:
    """Asks each approver of `step` by e-mail, with their own single-use link, in their language."""
    application = offer.application
    submitter = offer.submitted_by or actor
    for approver in step_approvers(step=step, job=application.job, submitter=submitter):
        request = ApprovalRequest.objects.create(
            offer=offer, round=offer.approval_round, step=step, approver=approver
        )
        issued = signed_link_issue(
            purpose=APPROVE_PURPOSE,
            subject=request,
            valid_for=timedelta(days=APPROVAL_LINK_DAYS),
            created_by=actor,
            max_uses=1,
            url_name="offers:approval_link",
        )
        if not approver.email:
            continue  # they decide on the offer page, which My work and the candidate page link to
        message_queue(
            key=f"offer-approval-{request.pk}",
            to=approver.email,
            template="offers/email/approval_requested",
            context={
                "person": approver.get_full_name() or approver.get_username(),
                "candidate": application.candidate.full_name,
                "job": application.job.title,
                "version": offer.version,
                "step": str(ApprovalStep(step).label),
                "submitter": str(submitter),
                "url": issued.url,
                "page": absolute_url("offers:detail", application.pk),
                "days": APPROVAL_LINK_DAYS,
                "company": _company(),
            },
            language=approver.language,
        )


def _company() -> str:
    return settings.COMPANY_NAME


def _requests_withdraw(*, offer: Offer, actor: User | None, step: str | None = None) -> None:
    """Stops the e-mail links of the offer's current round (of one step, when given)."""
    requests = ApprovalRequest.objects.filter(offer=offer, round=offer.approval_round)
    if step is not None:
        requests = requests.filter(step=step)
    for request in requests:
        signed_links_revoke_for(subject=request, actor=actor, purpose=APPROVE_PURPOSE)


def _locked(offer: Offer) -> Offer:
    return (
        Offer.objects.select_for_update(of=("self",))
        .select_related("application__job", "application__candidate", "submitted_by", "created_by")
        .get(pk=offer.pk)
    )


@transaction.atomic
def offer_submit(*, actor: User, offer: Offer, expected_version: int | None = None) -> Offer:
    """Sends a draft into approval: every rule is checked again, the chain is planned, and the first
    step's approvers are asked. Refused, with the reason, when a step has nobody to decide it."""
    locked = _locked(offer)
    access = application_access(user=actor, application=locked.application)
    if not access.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can submit the offer for approval."))
    if expected_version is not None and locked.lock_version != expected_version:
        raise StaleEdit(_("Someone changed this offer after you opened it. Reload the page."))
    if not access.is_open:
        raise DomainError(_("This application is closed; reopen it before making an offer."), code="closed")
    if locked.status != OfferStatus.DRAFT:
        raise DomainError(
            _("Only a draft is submitted for approval; this offer is: %(status)s.")
            % {"status": locked.get_status_display()},
            code="not_draft",
        )
    check = offer_check(job=locked.application.job, data=offer_data_of(locked))
    if check.refusals:
        raise OfferRefused(check.refusals)
    policy = offer_policy()
    plan = chain_plan(offer=locked, job=locked.application.job, policy=policy)
    for step in plan.steps:
        if not step_approvers(step=step, job=locked.application.job, submitter=actor):
            raise DomainError(
                str(NOBODY[step]) % {"reasons": reasons_text(plan.director_reasons, policy)}
                if step == ApprovalStep.DIRECTOR
                else str(NOBODY[step]),
                code="no_approver",
            )
    locked.approval_round += 1
    locked.approval_steps = plan.steps
    locked.director_reasons = plan.director_reasons
    locked.submitted_by, locked.submitted_at = actor, timezone.now()
    locked.status = OfferStatus.IN_APPROVAL
    locked.lock_version += 1
    locked.save()
    audit_record(
        actor=actor,
        action="offer.submitted",
        subject=locked,
        changes={
            "version": locked.version,
            "round": locked.approval_round,
            "steps": plan.steps,
            "director_reasons": plan.director_reasons,
        },
    )
    _requests_send(offer=locked, step=plan.steps[0], actor=actor)
    return locked


@transaction.atomic
def offer_decide(
    *,
    actor: User,
    offer: Offer,
    decision: str,
    comment: str = "",
    via: str = ApprovalVia.PAGE,
    expected_step: tuple[int, str] | None = None,
) -> Offer:
    """Approves or returns the step waiting for a decision. `expected_step` is (round, step) as the
    approver saw it: a decision on a page that is no longer current is refused, not applied elsewhere."""
    locked = _locked(offer)
    job = locked.application.job
    if locked.status != OfferStatus.IN_APPROVAL:
        raise DomainError(
            _("This offer is not waiting for approval any more (%(status)s).")
            % {"status": locked.get_status_display()},
            code="not_in_approval",
        )
    step = current_step(locked)
    assert step is not None
    if expected_step is not None and expected_step != (locked.approval_round, step):
        raise StaleEdit(_("The approvals moved on since you opened the offer. Reload the page."))
    submitter_id = locked.submitted_by_id
    if not may_decide(user=actor, step=step, job=job, submitter_id=submitter_id):
        # Only a forged or scripted request gets here: the page offers the buttons to this step's approvers.
        if any(
            may_decide(user=actor, step=s, job=job, submitter_id=submitter_id) for s in locked.approval_steps
        ):
            raise AccessDenied(
                _("The offer is waiting for the %(step)s step; yours comes later or is done.")
                % {"step": ApprovalStep(step).label}
            )
        raise AccessDenied(
            _("You do not approve this offer's %(step)s step.") % {"step": ApprovalStep(step).label}
        )
    comment = comment.strip()
    if decision not in ApprovalDecision.values:
        raise DomainError(_("Choose to approve or to return the offer."), code="invalid_decision")
    if decision == ApprovalDecision.RETURNED and not comment:
        raise DomainError(_("Say what needs to change before you return the offer."), code="comment_missing")
    if len(comment) > NOTE_TEXT:
        raise DomainError(
            _("The comment is too long: at most %(limit)s characters.") % {"limit": NOTE_TEXT},
            code="comment_too_long",
        )
    try:
        with transaction.atomic():
            row = OfferApproval.objects.create(
                offer=locked,
                round=locked.approval_round,
                step=step,
                decision=decision,
                comment=comment,
                actor=actor,
                via=via,
                terms_hash=offer_terms_hash(locked),
            )
    except IntegrityError:
        raise StaleEdit(_("Someone decided this step a moment ago. Reload the page.")) from None
    _requests_withdraw(offer=locked, actor=actor, step=step)
    changes = {"version": locked.version, "round": locked.approval_round, "step": step, "via": via}
    if decision == ApprovalDecision.RETURNED:
        _requests_withdraw(offer=locked, actor=actor)
        locked.status = OfferStatus.DRAFT
        locked.lock_version += 1
        locked.save(update_fields=["status", "lock_version", "updated_at"])
        audit_record(
            actor=actor, action="offer.returned", subject=locked, changes={**changes, "comment": comment}
        )
        _tell_submitter(locked, row, template="offers/email/approval_returned")
        return locked
    audit_record(actor=actor, action="offer.step_approved", subject=locked, changes=changes)
    following = current_step(locked)
    if following is None:
        locked.status = OfferStatus.APPROVED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor, action="offer.approved", subject=locked, changes={"version": locked.version}
        )
        _tell_submitter(locked, row, template="offers/email/approved")
    else:
        _requests_send(offer=locked, step=following, actor=actor)
    return locked


def _tell_submitter(offer: Offer, row: OfferApproval, *, template: str) -> None:
    submitter = offer.submitted_by
    if submitter is None or not submitter.email or not submitter.is_active:
        return
    application = offer.application
    message_queue(
        key=f"offer-decided-{row.pk}",
        to=submitter.email,
        template=template,
        context={
            "person": submitter.get_full_name() or submitter.get_username(),
            "candidate": application.candidate.full_name,
            "job": application.job.title,
            "version": offer.version,
            "step": str(ApprovalStep(row.step).label),
            "approver": str(row.actor),
            "comment": row.comment,
            "page": absolute_url("offers:detail", application.pk),
            "company": _company(),
        },
        language=submitter.language,
    )
