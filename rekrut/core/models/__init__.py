"""Core models: the shared mixins (bilingual texts, append-only rows), signed links, idempotency keys."""

from rekrut.core.models.append_only import (
    AppendOnly,
    AppendOnlyManager,
    AppendOnlyQuerySet,
    append_only_erase,
)
from rekrut.core.models.bilingual import Bilingual, bilingual, in_english, language_suffix
from rekrut.core.models.idempotency import IdempotencyKey
from rekrut.core.models.signed_links import LinkOutcome, SignedLink, SignedLinkUse

__all__ = [
    "AppendOnly",
    "AppendOnlyManager",
    "AppendOnlyQuerySet",
    "Bilingual",
    "IdempotencyKey",
    "LinkOutcome",
    "SignedLink",
    "SignedLinkUse",
    "append_only_erase",
    "bilingual",
    "in_english",
    "language_suffix",
]
