"""Writes of the candidate portal: sending a sign-in link, opening it, withdrawing, and the short-lived
links that take a signed-in candidate to the pages other apps serve by signed link (choosing an interview
time, answering an offer, sending onboarding documents)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Lower
from django.http import HttpRequest

from rekrut.candidates.models import Candidate
from rekrut.candidates.sessions import candidate_session_start
from rekrut.core.errors import SignedLinkUnknown
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_link_open
from rekrut.events.services import audit_record
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.services import message_queue
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_withdraw
from rekrut.portal.purposes import SIGN_IN, SIGN_IN_KEY

SIGN_IN_PURPOSE = "portal_sign_in"
# Short and single use: the link is a key to the candidate's applications, sitting in a mailbox.
SIGN_IN_MINUTES = 30
# A hop from the portal to another app's candidate page: made on the click, used at once.
HOP_VALID_FOR = timedelta(hours=2)


def candidate_for_email(email: str) -> Candidate | None:
    """The record a sign-in link opens: the newest live record with this address (matched without case,
    as mail is). The portal then shows every live record with the same address (portal.selectors)."""
    email = email.strip().lower()
    if not email:
        return None
    return (
        Candidate.objects.alias(email_lower=Lower("email"))
        .filter(email_lower=email, merged_into=None)
        .order_by("-created_at", "-pk")
        .first()
    )


def portal_link_send(*, email: str, next_path: str = "", request_key: str = "") -> bool:
    """E-mails a sign-in link to the candidate with this address; False, and nothing sent, for an address
    no candidate has. Runs in the worker (portal.tasks), so the page answers alike either way.

    `request_key` names the page's request: a task run again after a worker crash finds its message already
    queued and sends no second link."""
    candidate = candidate_for_email(email)
    if candidate is None:
        return False
    key = f"{SIGN_IN_KEY}request:{request_key}" if request_key else ""
    with transaction.atomic():
        if key and OutboxMessage.objects.filter(key=key).exists():
            return True
        issued = signed_link_issue(
            purpose=SIGN_IN_PURPOSE,
            subject=candidate,
            valid_for=timedelta(minutes=SIGN_IN_MINUTES),
            created_by=None,
            max_uses=1,
            url_name="portal:open",
        )
        url = issued.url or ""
        if next_path:
            url += "?" + urlencode({"next": next_path})
        message_queue(
            key=key or f"{SIGN_IN_KEY}{issued.link.pk}",
            to=candidate.email,
            template=SIGN_IN,
            language=candidate.language or settings.LANGUAGE_CODE,
            context={
                "person": candidate.full_name,
                "url": url,
                "minutes": SIGN_IN_MINUTES,
                "company": settings.COMPANY_NAME,
            },
            # Whoever asked can ask again; HR admins are not told of every lost sign-in mail.
            notify_on_failure=False,
        )
    return True


def portal_sign_in(*, request: HttpRequest, token: str) -> Candidate:
    """Uses the sign-in link (once) and starts the candidate's session on this browser. Raises a
    SignedLinkRefused subclass for a link that is unknown, expired or used."""
    link = signed_link_open(
        token=token, purpose=SIGN_IN_PURPOSE, ip=client_ip(request), user_agent=client_user_agent(request)
    )
    candidate = Candidate.objects.filter(pk=link.subject_id, merged_into=None).first()
    if candidate is None:
        # Merged or erased since the link was sent: the link opens nothing, and says no more than that.
        raise SignedLinkUnknown()
    # HR admins see the sign-in beside who viewed the record (UU 27/2022 Ps 31); the token never goes in.
    audit_record(actor=None, action="candidate.signed_in", subject=candidate, ip=client_ip(request))
    candidate_session_start(request, candidate)
    return candidate


def portal_application_withdraw(*, application: Application, reason: str) -> Application:
    """The candidate withdraws their own application (the caller found it among theirs), with an optional
    reason HR reads in the application's history."""
    return application_withdraw(
        application=application,
        actor=None,
        expected_version=application.version,
        note=reason.strip(),
        by_candidate=True,
    )


def portal_hop_issue(*, purpose: str, subject: models.Model, url_name: str) -> IssuedLink:
    """A fresh link to another app's candidate page (its own signed-link page), for a candidate who is
    signed in and owns `subject`: only the token's hash is stored, so the link HR e-mailed cannot be shown
    again, and a new one is made on the click. It expires soon; the page it opens still checks its own
    rules (an offer withdrawn, times expired)."""
    return signed_link_issue(
        purpose=purpose, subject=subject, valid_for=HOP_VALID_FOR, created_by=None, url_name=url_name
    )
