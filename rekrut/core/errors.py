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
