from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class DomainError(Exception):
    """A rule refused an action. `message` is shown to the user, in their language; nothing was saved."""

    code = "domain_error"

    def __init__(self, message: StrOrPromise, *, code: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        if code:
            self.code = code


class StaleEdit(DomainError):
    """Someone changed the record after this user loaded it; their edit would overwrite it."""

    code = "stale"


class AccessDenied(DomainError):
    code = "forbidden"


class ImmutableRow(Exception):
    """Code tried to edit or delete a row of an append-only table (history, versions, the audit log).

    A programming error, not a refusal to show: no user action can lead here through the services.
    """


class SignedLinkRefused(DomainError):
    """A signed link did not open. Each case has its own message; none says which object it is about."""

    code = "link_refused"
    default_message: StrOrPromise = _("This link is not valid. Ask the sender for a new one.")

    def __init__(self, message: StrOrPromise | None = None) -> None:
        super().__init__(message or self.default_message)


class SignedLinkUnknown(SignedLinkRefused):
    """No link has this token: mistyped, cut off by a mail program, tampered with, or never issued."""

    code = "link_unknown"


class SignedLinkExpired(SignedLinkRefused):
    code = "link_expired"
    default_message = _("This link has expired. Ask the sender for a new one.")


class SignedLinkRevoked(SignedLinkRefused):
    code = "link_revoked"
    default_message = _("This link was withdrawn by the sender. Ask them for a new one if you still need it.")


class SignedLinkUsedUp(SignedLinkRefused):
    code = "link_used_up"
    default_message = _("This link has already been used as many times as it allows.")


class SignedLinkWrongPurpose(SignedLinkRefused):
    code = "link_wrong_purpose"
    default_message = _("This link is not meant for this page. Open the link exactly as you received it.")
