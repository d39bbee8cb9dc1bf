"""Where higher apps take part in the interviews app's work without being imported by it."""

from rekrut.core.hooks import Hook
from rekrut.interviews.models import Interview

# The candidate's invitation (and its update after a reschedule) may carry links that higher apps serve:
# the portal adds its prep pack ({"prep_url": ...}). Receivers run in the invitation's transaction and
# return names the e-mail templates read.
invitation_links: Hook[[Interview], dict[str, str]] = Hook(
    "interviews.invitation_links", "Links for the candidate's invitation: {name: absolute URL}."
)
