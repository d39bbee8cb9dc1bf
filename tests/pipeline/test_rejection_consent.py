"""The rejection e-mail mentions the talent pool only to a candidate who consented to it (UU PDP Ps 20)."""

import pytest

from rekrut.candidates.consent import consent_record, consent_withdraw
from rekrut.candidates.models import ConsentPurpose
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline import services
from rekrut.pipeline.models import RejectReason
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

TALENT_POOL = "talent pool"


def _reject(application, actor):
    # The e-mail goes in the candidate's language; these tests read the English one.
    application.candidate.language = "en"
    application.candidate.save(update_fields=["language"])
    reason = RejectReason.objects.create(name_id="Tidak sesuai", name_en="Not a fit")
    services.application_reject(application=application, reason=reason, actor=actor, expected_version=None)
    return OutboxMessage.objects.get(to=application.candidate.email).body


def test_without_a_consent_the_rejection_claims_none(team_a_job, personas):
    application = application_make(job=team_a_job)
    body = _reject(application, personas.recruiter)
    assert "not continue your application" in body
    assert TALENT_POOL not in body and "consent" not in body.split("Rekrut")[0].lower()


def test_with_a_talent_pool_consent_the_rejection_says_so(team_a_job, personas):
    application = application_make(job=team_a_job)
    consent_record(candidate=application.candidate, purpose=ConsentPurpose.TALENT_POOL, language="en")
    assert TALENT_POOL in _reject(application, personas.recruiter)


def test_a_withdrawn_consent_is_not_claimed(team_a_job, personas):
    application = application_make(job=team_a_job)
    consent_record(candidate=application.candidate, purpose=ConsentPurpose.TALENT_POOL, language="en")
    consent_withdraw(candidate=application.candidate, purpose=ConsentPurpose.TALENT_POOL)
    assert TALENT_POOL not in _reject(application, personas.recruiter)
