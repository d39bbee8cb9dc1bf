"""Web addresses as people type them: "linkedin.com/in/putri" or "meet.google.com/abc-defg-hij", without
https://. Stored as typed, they became links relative to Rekrut's own pages (issue 7); they are stored
with the scheme instead."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# A host name, an optional port, then an optional path, query or fragment; nothing else, no spaces.
_BARE_ADDRESS = re.compile(
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24}))(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)
# In free text (an interview's place) "Gedung.Utama" is not an address: only these endings, or "www.",
# make one. Indonesia's own second levels (co.id, ac.id, go.id, ...) end in "id".
# fmt: off
_COMMON_ENDINGS = frozenset((
    "com", "net", "org", "id", "io", "co", "us", "me", "app", "dev", "info", "biz", "edu", "gov", "ai",
    "sg", "my", "link", "page", "site", "online", "tech", "xyz", "so", "gl", "ly", "to", "tv", "cc", "ws",
    "fm", "eu", "uk", "au", "in", "jp", "kr", "cn", "tw", "hk", "th", "vn", "ph", "nl", "de", "fr",
))
# fmt: on

WEB_ADDRESS = forms.URLField(assume_scheme="https")


def link_normalize(text: str) -> str:
    """`text` with https:// in front when it is just a web address typed without a scheme (e.g. an
    interview's place "zoom.us/j/123"); any other text (a room, an address with a scheme) unchanged."""
    stripped = text.strip()
    match = _BARE_ADDRESS.fullmatch(stripped)
    if match is None:
        return text
    host = match["host"].lower()
    if not (host.startswith("www.") or match["tld"].lower() in _COMMON_ENDINGS):
        return text
    return f"https://{stripped}"


def link_clean(text: str) -> str:
    """A link field's value: a valid http(s) address, https:// added when typed without a scheme. Raises
    forms.ValidationError with a message naming what was typed."""
    try:
        return str(WEB_ADDRESS.clean(text.strip()))
    except forms.ValidationError:
        raise forms.ValidationError(
            _("“%(link)s” is not a web address.") % {"link": text.strip()}, code="invalid"
        ) from None
