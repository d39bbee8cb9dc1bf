"""Consents under UU PDP Ps 20–24: recorded per purpose with the text's version, language, time, address and
browser; withdrawn without losing the proof; audited."""

import pytest

from rekrut.candidates.consent import (
    CONSENT_VERSIONS,
    consent_is_given,
    consent_record,
    consent_retention_months,
    consent_withdraw,
)
from rekrut.candidates.models import Consent, ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.events.models import AuditEvent
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def test_a_consent_keeps_its_proof_and_a_withdrawal_keeps_the_row():
    candidate = CandidateFactory()
    consent = consent_record(
        candidate=candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        language="id",
        ip="203.0.113.9",
        user_agent="Mozilla/5.0 " + "x" * 400,
    )
    assert consent.text_version == f"{CONSENT_VERSIONS[ConsentPurpose.TALENT_POOL]}.r12m"
    assert (consent.language, consent.ip, len(consent.user_agent)) == ("id", "203.0.113.9", 300)
    assert consent_is_given(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL)
    assert consent_withdraw(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL) == 1
    assert not consent_is_given(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL)
    assert Consent.objects.get().withdrawn_at is not None
    assert list(AuditEvent.objects.values_list("action", flat=True).order_by("pk")) == [
        "consent.given",
        "consent.withdrawn",
    ]
    assert consent_withdraw(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL) == 0


def test_the_version_names_the_retention_period_the_text_stated():
    # Only this answer, in place of the retention setting rekrut/privacy answers with.
    answering = list(consent_retention_months._receivers)
    consent_retention_months._receivers[:] = [lambda: 24]
    try:
        consent = consent_record(
            candidate=CandidateFactory(), purpose=ConsentPurpose.APPLICATION, language="en"
        )
    finally:
        consent_retention_months._receivers[:] = answering
    assert consent.text_version.endswith(".r24m")


def test_an_unknown_purpose_is_refused():
    with pytest.raises(DomainError):
        consent_record(candidate=CandidateFactory(), purpose="marketing", language="id")
    assert not Consent.objects.exists()
