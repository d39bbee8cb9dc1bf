"""The same create sent twice (a double click, a browser or client retrying) is carried out once.

Every form that creates something carries a hidden key made when the form is drawn (rekrut.core.forms
`IdempotencyKeyField`); API clients send the same as an `Idempotency-Key` header. The service runs its
work through `idempotent_run`, which stores the key with the person and the result in the service's own
transaction: a repeat with the same key returns that first result and writes nothing (no second row, no
second e-mail). Nothing is stored when the service refuses, so the corrected form can be sent again.

Two identical requests at the same moment: the key's unique constraint makes the second wait for the
first (PostgreSQL blocks its insert on the index; SQLite's writers are serialized by BEGIN IMMEDIATE) and
then read the first one's result, so the service body never runs twice.
"""

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import DomainError
from rekrut.core.models.idempotency import KEY_MAX_LENGTH, IdempotencyKey

Result = TypeVar("Result")

# A retry comes within seconds or minutes; a week covers a laptop reopened on a stale form.
KEEP_FOR = timedelta(days=7)
# Printable ASCII without spaces, as the IETF Idempotency-Key draft's examples (UUIDs and the like).
KEY_PATTERN = re.compile(rf"[\x21-\x7e]{{1,{KEY_MAX_LENGTH}}}")


class IdempotencyKeyReused(DomainError):
    """The key was already used for another action or other inputs: replaying the first would be wrong."""

    code = "idempotency_key_reused"

    def __init__(self) -> None:
        super().__init__(
            _(
                "This form was already sent once, with other details. Reload the page to send it again "
                "(API: use a new Idempotency-Key)."
            )
        )


class IdempotentResultGone(DomainError):
    code = "already_done"

    def __init__(self) -> None:
        super().__init__(_("This was already sent once, and what it created has since been removed."))


def idempotency_key_valid(key: str) -> bool:
    return bool(KEY_PATTERN.fullmatch(key))


def _canonical(value: object) -> Any:
    """The inputs as plain JSON: records by their model and id, times in UTC, collections in order."""
    if isinstance(value, models.Model):
        return [value._meta.label_lower, value.pk]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=json.dumps)
    if isinstance(value, list | tuple | models.QuerySet):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _fingerprint(action: str, inputs: Mapping[str, object]) -> str:
    text = json.dumps([action, _canonical(inputs)], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _replay(first: IdempotencyKey, fingerprint: str) -> Any:
    if first.fingerprint != fingerprint:
        raise IdempotencyKeyReused
    if first.result_type_id is None:
        return None
    result = first.result
    if result is None:
        raise IdempotentResultGone
    return result


@transaction.atomic
def idempotent_run(
    *,
    actor: AbstractBaseUser,
    key: str,
    action: str,
    inputs: Mapping[str, object],
    run: Callable[[], Result],
) -> Result:
    """Runs `run` once per (actor, key) and returns its result (a model instance, or None), or the first
    run's result on a repeat.

    `action` names the service ("interview.schedule"); `inputs` are what it was given, so that a key
    sent again with other inputs is refused (IdempotencyKeyReused) instead of answered with a result
    that does not match. Without a key (scripts, the demo, old pages) `run` simply runs.
    """
    if not key:
        return run()
    if not idempotency_key_valid(key):
        raise DomainError(_("The form's idempotency key is not valid. Reload the page."), code="bad_key")
    fingerprint = _fingerprint(action, inputs)
    now = timezone.now()
    # Old keys are forgotten as their owner sends new ones: no sweep needed, and the table stays small.
    IdempotencyKey.objects.filter(actor_id=actor.pk, created_at__lt=now - KEEP_FOR).delete()
    first = IdempotencyKey.objects.filter(actor_id=actor.pk, key=key).first()
    if first is None:
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(
                    actor_id=actor.pk, key=key, action=action, fingerprint=fingerprint, created_at=now
                )
        except IntegrityError:
            # The same request won a moment earlier: its transaction has committed; answer as it did.
            first = IdempotencyKey.objects.get(actor_id=actor.pk, key=key)
        else:
            result = run()
            if isinstance(result, models.Model):
                claim.result = result
                claim.save(update_fields=["result_type", "result_id"])
            return result
    return _replay(first, fingerprint)  # type: ignore[no-any-return]
