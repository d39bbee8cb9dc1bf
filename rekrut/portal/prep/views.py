"""The prep pack's pages: from the portal (signed in) and from the invitation's link (no account). Before
the interview ends the page is the pack; after it, the thank-you note, a reflection and what comes next
(the pack stays a tap away)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rekrut.candidates.sessions import candidate_required
from rekrut.core.errors import SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_open
from rekrut.interviews.models import Interview, InterviewStatus
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.portal import selectors
from rekrut.portal.pages import portal_page, portal_render
from rekrut.portal.prep import content
from rekrut.portal.prep.links import PREP_PURPOSE, prep_open_until
from rekrut.portal.prep.pack import prep_pack_build
from rekrut.portal.prep.thanks import thank_you_mailto, thank_you_text


def _closed(request: HttpRequest, interview: Interview) -> str:
    """Why the pack no longer opens, or "" while it does."""
    if interview.status == InterviewStatus.CANCELLED:
        return _("This interview was cancelled. The recruitment team will e-mail you about any new time.")
    if interview.application.status != ApplicationStatus.ACTIVE:
        return _("This application is no longer in progress, so its prep pack is closed.")
    if timezone.now() >= prep_open_until(interview):
        return _("This prep pack has closed: the interview was some time ago.")
    return ""


def _page(request: HttpRequest, interview: Interview, *, here: str) -> HttpResponse:
    closed = _closed(request, interview)
    if closed:
        return portal_render(request, "portal/prep/closed.html", {"message": closed}, status=410)
    pack = prep_pack_build(interview)
    context = {
        "pack": pack,
        "here": here,
        "portal_nav": "home",
        "stories": content.PREPARE_STORIES,
        "story_tip": content.STORY_TIP,
        "leadership_stories": content.LEADERSHIP_STORIES,
        "questions_to_ask": content.QUESTIONS_TO_ASK,
        "closing": content.CLOSING,
        "after_text": content.WHAT_HAPPENS_AFTER,
    }
    if pack.is_over and request.GET.get("view") != "pack":
        note = thank_you_text(pack, candidate_name=interview.application.candidate.full_name)
        context |= {
            "note": note,
            "mailto": thank_you_mailto(pack, note),
            "signals": content.SIGNALS,
            "reflection": content.REFLECTION,
            "response_days": content.RESPONSE_DAYS,
        }
        return portal_render(request, "portal/prep/after.html", context)
    return portal_render(request, "portal/prep/pack.html", context)


@portal_page
@candidate_required
def prep(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = selectors.interview_of(
        candidate=request.candidate,  # type: ignore[attr-defined]
        interview_id=interview_id,
        cancelled_too=True,
    )
    return _page(request, interview, here=reverse("portal:prep", args=[interview.pk]))


def prep_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation e-mail. Like every portal page it is private and keeps its address
    (the token) from other sites; its language is the one the visitor chose, else the candidate's."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    interview = None
    refused_message = ""
    try:
        link = signed_link_open(
            token=token, purpose=PREP_PURPOSE, ip=client_ip(request), user_agent=client_user_agent(request)
        )
    except SignedLinkRefused as refused:
        status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
        refused_message = str(refused.message)
    else:
        interview = (
            Interview.objects.filter(pk=link.subject_id)
            .select_related("round__stage", "application__job__location", "application__candidate")
            .first()
        )
        if interview is None:  # erased since the link was sent: it opens nothing, and says no more
            status, refused_message = 404, str(SignedLinkUnknown().message)
        elif not chosen:
            language = interview.application.candidate.language or language
    with translation.override(language):
        request.LANGUAGE_CODE = language
        if interview is None:
            response = portal_render(
                request, "portal/prep/closed.html", {"message": refused_message}, status=status
            )
        else:
            response = _page(request, interview, here=reverse("portal:prep_link", args=[token]))
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["Content-Language"] = language
    return response
