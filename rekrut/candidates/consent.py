"""Consents under UU PDP: recording what a candidate agreed to, and withdrawing it.

A consent is valid only when written or recorded, distinguishable per purpose and in plain words, and the
company must be able to prove it (UU PDP Ps 21–24): each row keeps the wording's version, its language, the
time, the address and the browser. The wording itself is shown by the careers site; when it changes, its
version changes (CONSENT_VERSIONS), so every row says which text the person actually read."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate, Consent, ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.core.hooks import Hook
from rekrut.core.http import USER_AGENT_MAX
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.models import Job

action_register("consent.given", _("Consent given"))
action_register("consent.withdrawn", _("Consent withdrawn"))

# The current version of each purpose's wording. Bump it whenever the wording shown to candidates changes.
CONSENT_VERSIONS: dict[str, str] = {
    ConsentPurpose.APPLICATION: "application-2026-01",
    ConsentPurpose.TALENT_POOL: "talent_pool-2026-01",
    ConsentPurpose.ASSESSMENT: "assessment-2026-11",
}


DEFAULT_RETENTION_MONTHS = 12

consent_retention_months: Hook[[], int] = Hook(
    "consent_retention_months",
    """Returns how many months the company keeps a rejected or withdrawn candidate's data (rekrut/privacy
    answers with its retention setting). The consent text states it (UU PDP Ps 21: retention period).""",
)


def retention_months() -> int:
    answers = consent_retention_months.run()
    return answers[0] if answers else DEFAULT_RETENTION_MONTHS


def consent_text_version(purpose: str) -> str:
    """The version of the text shown now: the wording's version and the retention period it states."""
    return f"{CONSENT_VERSIONS[purpose]}.r{retention_months()}m"


@transaction.atomic
def consent_record(
    *,
    candidate: Candidate,
    purpose: str,
    language: str,
    text_version: str | None = None,
    job: Job | None = None,
    ip: str | None = None,
    user_agent: str = "",
) -> Consent:
    """Records that `candidate` agreed to `purpose` after reading the text `text_version` (the current one
    when None) in `language`. A second consent to the same purpose is a new row: each is proof of its own."""
    if purpose not in ConsentPurpose.values:
        raise DomainError(_("Unknown consent purpose."), code="consent_purpose")
    consent = Consent.objects.create(
        candidate=candidate,
        purpose=purpose,
        text_version=text_version or consent_text_version(purpose),
        language=language,
        job=job,
        given_at=timezone.now(),
        ip=ip or None,
        user_agent=user_agent[:USER_AGENT_MAX],
    )
    audit_record(
        actor=None,
        action="consent.given",
        subject=candidate,
        changes={"purpose": purpose, "text_version": consent.text_version, "language": language},
        ip=ip,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, candidate: Candidate, purpose: str, actor: User | None = None) -> int:
    """Withdraws every active consent of `candidate` to `purpose` (UU PDP Ps 9); returns how many were.
    `actor` is the HR user who recorded a withdrawal asked for outside Rekrut, None for the candidate."""
    if purpose not in ConsentPurpose.values:
        raise DomainError(_("Unknown consent purpose."), code="consent_purpose")
    withdrawn = Consent.objects.filter(
        candidate=candidate, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    if withdrawn:
        audit_record(actor=actor, action="consent.withdrawn", subject=candidate, changes={"purpose": purpose})
    return withdrawn


def consent_is_given(*, candidate: Candidate, purpose: str) -> bool:
    """Whether the candidate holds an active consent to `purpose` right now."""
    return Consent.objects.filter(candidate=candidate, purpose=purpose, withdrawn_at__isnull=True).exists()


def consents_of(*, candidate: Candidate) -> list[Consent]:
    """Every consent the candidate gave, newest first, withdrawn ones included (for their data download)."""
    return list(Consent.objects.filter(candidate=candidate).select_related("job"))
