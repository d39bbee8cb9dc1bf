"""What each outgoing message is for, so HR can reword it: a registry of purposes.

An app registers a Purpose in its AppConfig.ready(). The key is the file template name message_queue
renders (`interviews/email/candidate_invited`), so the file template is always the default and an HR
override (notifications.MessageTemplate) replaces it per language. `variables` are what HR may write as
`{{ name }}`; `values` turns the context message_queue receives into those variables' text, and
`sample_context` is a context like it, from which the editor previews both Rekrut's default wording and HR's.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from django_stubs_ext import StrOrPromise

Audience = Literal["candidate", "staff"]
PurposeChannel = Literal["email", "whatsapp"]


@dataclass(frozen=True)
class Purpose:
    key: str
    label: StrOrPromise
    audience: Audience
    # name -> what it is (lazy text, shown in the editor's language)
    variables: Mapping[str, StrOrPromise]
    values: Callable[[dict], dict[str, str]]
    # A context like the one message_queue receives: the preview reads the file template (Rekrut's default
    # wording) and HR's text from it, as the recipient would.
    sample_context: Callable[[], dict]
    channel: PurposeChannel = "email"

    def sample(self) -> dict[str, str]:
        """The variables' values in the preview: the sample context through `values`, like a real message."""
        return self.values(self.sample_context())


_PURPOSES: dict[str, Purpose] = {}


def purpose_register(purpose: Purpose) -> Purpose:
    """Registers (or, on a second ready() in tests, replaces) one purpose; returns it."""
    _PURPOSES[purpose.key] = purpose
    return purpose


def purpose_get(key: str) -> Purpose | None:
    return _PURPOSES.get(key)


def purposes_all() -> list[Purpose]:
    """Every registered purpose, candidate messages first, then by key (a stable order for the list page)."""
    return sorted(_PURPOSES.values(), key=lambda p: (p.audience != "candidate", p.key))
