"""Signed links: how people without an account (candidates, clinics) reach one thing for one purpose.

A link is issued for a purpose ("portal", "self_schedule", "offer_response", "document_upload") and an
object, with an expiry and optionally a number of uses; it can be revoked. The token is random and shown
once: only its SHA-256 is stored. Every attempt to open one is logged, refusals included, and a refusal
never says which object the token would have opened.

Call `signed_link_open` / `signed_link_verify` outside your own transaction (views do): a refusal raises,
and an enclosing transaction rolled back by that exception would take the log row with it.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from rekrut.core.errors import (
    SignedLinkExpired,
    SignedLinkRefused,
    SignedLinkRevoked,
    SignedLinkUnknown,
    SignedLinkUsedUp,
    SignedLinkWrongPurpose,
)
from rekrut.core.http import USER_AGENT_MAX
from rekrut.core.models import LinkOutcome, SignedLink, SignedLinkUse
from rekrut.core.site import absolute_url

PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# secrets.token_urlsafe(32): 43 characters of [A-Za-z0-9_-]. Anything else is refused before any lookup.
TOKEN_BYTES = 32
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")

REFUSALS: dict[str, type[SignedLinkRefused]] = {
    LinkOutcome.UNKNOWN: SignedLinkUnknown,
    LinkOutcome.WRONG_PURPOSE: SignedLinkWrongPurpose,
    LinkOutcome.REVOKED: SignedLinkRevoked,
    LinkOutcome.EXPIRED: SignedLinkExpired,
    LinkOutcome.USED_UP: SignedLinkUsedUp,
}


@dataclass(frozen=True)
class IssuedLink:
    """What issuing returns, once: the token (to put in a URL) is not stored and cannot be shown again."""

    link: SignedLink
    token: str
    url: str | None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def signed_link_issue(
    *,
    purpose: str,
    subject: models.Model,
    valid_for: timedelta,
    created_by: AbstractBaseUser | None,
    max_uses: int | None = None,
    url_name: str | None = None,
) -> IssuedLink:
    """A new link for `subject`; with `url_name`, also its absolute URL (`reverse(url_name, [token])`)."""
    if not PURPOSE.match(purpose):
        raise ValueError(f"A link purpose is a short code like 'offer_response', not {purpose!r}.")
    if valid_for <= timedelta(0):
        raise ValueError("A link must be valid for some time.")
    if max_uses is not None and max_uses < 1:
        raise ValueError("max_uses must be at least 1 (or None for no limit).")
    if subject.pk is None:
        raise ValueError("Save the object before issuing a link to it.")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    link = SignedLink.objects.create(
        purpose=purpose,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        token_hash=token_hash(token),
        expires_at=now + valid_for,
        max_uses=max_uses,
        created_by_id=created_by.pk if created_by else None,
        created_at=now,
    )
    return IssuedLink(link=link, token=token, url=absolute_url(url_name, token) if url_name else None)


def signed_link_open(*, token: str, purpose: str, ip: str | None = None, user_agent: str = "") -> SignedLink:
    """Opens the link: checks it, counts one use and logs it. Raises a SignedLinkRefused subclass."""
    return _resolve(token=token, purpose=purpose, ip=ip, user_agent=user_agent, use=True)


def signed_link_verify(
    *, token: str, purpose: str, ip: str | None = None, user_agent: str = ""
) -> SignedLink:
    """Checks the link without counting a use (a page shown before the one action that uses it); logged."""
    return _resolve(token=token, purpose=purpose, ip=ip, user_agent=user_agent, use=False)


def _resolve(*, token: str, purpose: str, ip: str | None, user_agent: str, use: bool) -> SignedLink:
    with transaction.atomic():
        link = None
        if TOKEN.match(token):
            link = SignedLink.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        outcome = _outcome(link, purpose=purpose, now=timezone.now(), use=use)
        if outcome == LinkOutcome.OPENED and link is not None:
            SignedLink.objects.filter(pk=link.pk).update(use_count=F("use_count") + 1)
            link.use_count += 1
        SignedLinkUse.objects.create(
            # A token for another purpose is still logged against its link: the holder is not told which.
            link=link,
            outcome=outcome,
            purpose=purpose[:40],
            ip=ip,
            user_agent=user_agent[:USER_AGENT_MAX],
        )
    if outcome in REFUSALS:
        raise REFUSALS[outcome]()
    assert link is not None
    return link


def _outcome(link: SignedLink | None, *, purpose: str, now: datetime, use: bool) -> str:
    # The purpose is checked first, so a token shown on the wrong page reveals nothing about its state.
    if link is None:
        return LinkOutcome.UNKNOWN
    if link.purpose != purpose:
        return LinkOutcome.WRONG_PURPOSE
    if link.revoked_at is not None:
        return LinkOutcome.REVOKED
    if now >= link.expires_at:
        return LinkOutcome.EXPIRED
    if link.max_uses is not None and link.use_count >= link.max_uses:
        return LinkOutcome.USED_UP
    return LinkOutcome.OPENED if use else LinkOutcome.VERIFIED


@transaction.atomic
def signed_link_revoke(*, link: SignedLink, actor: AbstractBaseUser | None) -> SignedLink:
    """Stops the link from opening. Revoking twice keeps the first time and person."""
    locked = SignedLink.objects.select_for_update().get(pk=link.pk)
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoked_by_id = timezone.now(), actor.pk if actor else None
        locked.save(update_fields=["revoked_at", "revoked_by"])
    return locked


@transaction.atomic
def signed_links_revoke_for(
    *, subject: models.Model, actor: AbstractBaseUser | None, purpose: str | None = None
) -> int:
    """Revokes every live link to `subject` (of one purpose, if given), e.g. before issuing a new one."""
    links = SignedLink.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk, revoked_at=None
    )
    if purpose is not None:
        links = links.filter(purpose=purpose)
    return links.update(revoked_at=timezone.now(), revoked_by_id=actor.pk if actor else None)
