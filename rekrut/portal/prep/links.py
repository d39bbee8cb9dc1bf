"""The prep pack's signed link: put in the candidate's interview invitation (interviews.hooks), bound to
one interview, and valid until some days after it so the "after the interview" page opens from it too."""

from datetime import datetime, timedelta

from django.utils import timezone

from rekrut.core.signed_links import signed_link_issue
from rekrut.interviews.models import Interview

PREP_PURPOSE = "interview_prep"
# After the interview the same page turns to the thank-you note and what comes next; the note is best
# sent within a few days, and two weeks covers the usual wait for an answer.
AFTER_DAYS = 14
AFTER = timedelta(days=AFTER_DAYS)


def prep_open_until(interview: Interview) -> datetime:
    return interview.ends_at + AFTER


def prep_link_issue(interview: Interview) -> dict[str, str]:
    """A link to the interview's prep pack, for the invitation e-mail (a receiver of
    interviews.hooks.invitation_links). It opens any number of times: the candidate comes back to it."""
    valid_for = prep_open_until(interview) - timezone.now()
    if valid_for <= timedelta(0):
        return {}  # an interview recorded after it took place: nothing to prepare for
    issued = signed_link_issue(
        purpose=PREP_PURPOSE,
        subject=interview,
        valid_for=valid_for,
        created_by=None,
        url_name="portal:prep_link",
    )
    return {"prep_url": issued.url or ""}
