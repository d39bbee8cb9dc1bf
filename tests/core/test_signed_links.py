"""Signed links: one purpose, an expiry, optional uses, revocable; only the token's hash is kept; every
attempt to open one is logged, and a refusal never says which object the token is about."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from rekrut.core.errors import (
    SignedLinkExpired,
    SignedLinkRefused,
    SignedLinkRevoked,
    SignedLinkUnknown,
    SignedLinkUsedUp,
    SignedLinkWrongPurpose,
)
from rekrut.core.models import LinkOutcome, SignedLink, SignedLinkUse
from rekrut.core.signed_links import (
    signed_link_issue,
    signed_link_open,
    signed_link_revoke,
    signed_link_verify,
    signed_links_revoke_for,
)
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db

MONDAY_9AM = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09.00 WIB


@pytest.fixture
def frozen():
    with time_machine.travel(MONDAY_9AM, tick=False) as traveller:
        yield traveller


@pytest.fixture
def candidate(db):
    return CandidateFactory(full_name="Putri Maharani")


def issue(candidate, personas, **kwargs):
    kwargs.setdefault("valid_for", timedelta(days=7))
    return signed_link_issue(
        purpose="offer_response", subject=candidate, created_by=personas.recruiter, **kwargs
    )


def outcomes() -> list[str]:
    return list(SignedLinkUse.objects.order_by("pk").values_list("outcome", flat=True))


def test_only_the_tokens_hash_is_stored_and_the_link_opens_its_object(frozen, candidate, personas):
    issued = issue(candidate, personas)
    link = SignedLink.objects.get()
    assert issued.token not in {link.token_hash, link.purpose}
    assert link.token_hash == hashlib.sha256(issued.token.encode()).hexdigest()
    assert link.expires_at == MONDAY_9AM + timedelta(days=7)
    assert link.created_by == personas.recruiter

    opened = signed_link_open(
        token=issued.token, purpose="offer_response", ip="203.0.113.7", user_agent="Firefox"
    )
    assert opened.subject == candidate
    assert opened.use_count == 1
    use = SignedLinkUse.objects.get()
    assert (use.link, use.outcome, use.ip, use.user_agent, use.at) == (
        link,
        LinkOutcome.OPENED,
        "203.0.113.7",
        "Firefox",
        MONDAY_9AM,
    )


def test_two_links_never_share_a_token(candidate, personas):
    assert issue(candidate, personas).token != issue(candidate, personas).token


@pytest.mark.urls("tests.core.urls_links")
def test_issuing_with_a_url_name_gives_the_absolute_url_once(candidate, personas, settings):
    settings.SITE_URL = "https://rekrut.example.co.id"
    issued = issue(candidate, personas, url_name="link_probe")
    assert issued.url == f"https://rekrut.example.co.id/link/{issued.token}/"
    assert issue(candidate, personas).url is None


def test_a_link_expires_at_its_time(frozen, candidate, personas):
    issued = issue(candidate, personas, valid_for=timedelta(hours=48))
    frozen.move_to(MONDAY_9AM + timedelta(hours=47, minutes=59))
    signed_link_open(token=issued.token, purpose="offer_response")
    frozen.move_to(MONDAY_9AM + timedelta(hours=48))
    with pytest.raises(SignedLinkExpired):
        signed_link_open(token=issued.token, purpose="offer_response")
    assert outcomes() == [LinkOutcome.OPENED, LinkOutcome.EXPIRED]


def test_a_link_with_max_uses_is_used_up_and_checking_it_uses_nothing(frozen, candidate, personas):
    issued = issue(candidate, personas, max_uses=1)
    signed_link_verify(token=issued.token, purpose="offer_response")
    signed_link_verify(token=issued.token, purpose="offer_response")
    assert signed_link_open(token=issued.token, purpose="offer_response").use_count == 1
    with pytest.raises(SignedLinkUsedUp):
        signed_link_open(token=issued.token, purpose="offer_response")
    with pytest.raises(SignedLinkUsedUp):
        signed_link_verify(token=issued.token, purpose="offer_response")
    assert SignedLink.objects.get().use_count == 1
    assert outcomes() == ["verified", "verified", "opened", "used_up", "used_up"]


def test_a_revoked_link_no_longer_opens_and_keeps_who_revoked_it(frozen, candidate, personas):
    issued = issue(candidate, personas)
    frozen.shift(timedelta(hours=1))
    signed_link_revoke(link=issued.link, actor=personas.recruiter)
    frozen.shift(timedelta(hours=1))
    signed_link_revoke(link=issued.link, actor=personas.hr_admin)  # the first revocation stands
    link = SignedLink.objects.get()
    assert (link.revoked_at, link.revoked_by) == (MONDAY_9AM + timedelta(hours=1), personas.recruiter)
    with pytest.raises(SignedLinkRevoked):
        signed_link_open(token=issued.token, purpose="offer_response")
    assert outcomes() == [LinkOutcome.REVOKED]


def test_revoking_an_objects_links_leaves_other_objects_and_purposes_alone(candidate, personas):
    offer = issue(candidate, personas)
    portal = signed_link_issue(
        purpose="portal", subject=candidate, valid_for=timedelta(days=30), created_by=None
    )
    other = issue(CandidateFactory(), personas)
    assert signed_links_revoke_for(subject=candidate, actor=personas.recruiter, purpose="offer_response") == 1
    with pytest.raises(SignedLinkRevoked):
        signed_link_open(token=offer.token, purpose="offer_response")
    signed_link_open(token=portal.token, purpose="portal")
    signed_link_open(token=other.token, purpose="offer_response")


def test_a_link_for_another_purpose_is_refused_without_saying_anything_of_its_state(candidate, personas):
    issued = issue(candidate, personas)
    signed_link_revoke(link=issued.link, actor=personas.recruiter)
    # Revoked, but shown on the wrong page: the holder learns only that it is not for this page.
    with pytest.raises(SignedLinkWrongPurpose):
        signed_link_open(token=issued.token, purpose="self_schedule")
    assert SignedLinkUse.objects.get().link == issued.link


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character changed
        lambda token: token[:-1],  # cut off by a mail program
        lambda token: token + "x",
        lambda token: token.upper(),
        lambda token: "",
        lambda token: "../" + token,
        lambda token: token * 100,
    ],
    ids=["changed", "truncated", "extended", "upper", "empty", "path", "huge"],
)
def test_a_tampered_token_is_unknown_and_the_attempt_is_logged(candidate, personas, tamper):
    issued = issue(candidate, personas)
    with pytest.raises(SignedLinkUnknown) as refused:
        signed_link_open(token=tamper(issued.token), purpose="offer_response", ip="198.51.100.4")
    assert "Putri" not in str(refused.value.message)
    use = SignedLinkUse.objects.get()
    assert (use.link, use.outcome, use.ip) == (None, LinkOutcome.UNKNOWN, "198.51.100.4")
    assert SignedLink.objects.get().use_count == 0


def test_every_refusal_has_its_own_translatable_message_and_code():
    refusals = [
        SignedLinkUnknown,
        SignedLinkExpired,
        SignedLinkRevoked,
        SignedLinkUsedUp,
        SignedLinkWrongPurpose,
    ]
    assert len({cls.code for cls in refusals}) == len(refusals)
    assert len({str(cls().message) for cls in refusals}) == len(refusals)
    assert all(isinstance(cls(), SignedLinkRefused) for cls in refusals)


def test_a_refusal_is_logged_even_when_the_caller_catches_it(candidate, personas):
    with pytest.raises(SignedLinkUnknown):
        signed_link_open(token="x" * 43, purpose="portal")
    assert outcomes() == [LinkOutcome.UNKNOWN]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"purpose": "Offer Response"},
        {"purpose": ""},
        {"valid_for": timedelta(0)},
        {"max_uses": 0},
    ],
)
def test_a_link_must_have_a_purpose_code_a_lifetime_and_a_positive_use_limit(candidate, personas, kwargs):
    with pytest.raises(ValueError):
        signed_link_issue(
            **{
                "purpose": "portal",
                "subject": candidate,
                "valid_for": timedelta(days=1),
                "created_by": personas.recruiter,
                **kwargs,
            }
        )
    assert not SignedLink.objects.exists()
