"""The one idempotency mechanism: a key per form or API request, stored with the person and the result in
the service's own transaction; a repeat returns the first result and writes nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.idempotency import IdempotencyKeyReused, idempotent_run
from rekrut.core.models import IdempotencyKey
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def candidate_add(actor, name: str, key: str) -> Candidate:
    return idempotent_run(
        actor=actor,
        key=key,
        action="candidate.create",
        inputs={"name": name},
        run=lambda: Candidate.objects.create(full_name=name),
    )


def test_a_repeat_returns_the_first_result_and_writes_nothing():
    sari = UserFactory()
    first = candidate_add(sari, "Putri Anggraini", "key-1")
    again = candidate_add(sari, "Putri Anggraini", "key-1")
    assert again == first
    assert Candidate.objects.filter(full_name="Putri Anggraini").count() == 1
    assert IdempotencyKey.objects.get().result == first


def test_keys_belong_to_one_person():
    """Two people whose pages happened to draw the same key each get their own record."""
    first = candidate_add(UserFactory(), "Putri Anggraini", "same-key")
    second = candidate_add(UserFactory(), "Putri Anggraini", "same-key")
    assert first != second


def test_the_same_key_with_other_inputs_is_refused_not_answered_with_the_wrong_record():
    sari = UserFactory()
    candidate_add(sari, "Putri Anggraini", "key-1")
    with pytest.raises(IdempotencyKeyReused):
        candidate_add(sari, "Agus Santoso", "key-1")
    assert not Candidate.objects.filter(full_name="Agus Santoso").exists()


def test_a_refusal_stores_no_key_so_the_corrected_form_can_be_sent_again():
    sari = UserFactory()

    def refused():
        raise DomainError("Nomor telepon tidak valid.")

    with pytest.raises(DomainError):
        idempotent_run(actor=sari, key="key-1", action="candidate.create", inputs={}, run=refused)
    assert not IdempotencyKey.objects.exists()
    assert candidate_add(sari, "Putri Anggraini", "key-1").full_name == "Putri Anggraini"


def test_without_a_key_every_call_runs():
    sari = UserFactory()
    candidate_add(sari, "Putri Anggraini", "")
    candidate_add(sari, "Putri Anggraini", "")
    assert Candidate.objects.filter(full_name="Putri Anggraini").count() == 2


def test_a_mangled_key_is_refused():
    with pytest.raises(DomainError) as refused:
        candidate_add(UserFactory(), "Putri Anggraini", "has spaces\n")
    assert refused.value.code == "bad_key"


def test_old_keys_are_forgotten_as_their_owner_sends_new_ones():
    sari = UserFactory()
    candidate_add(sari, "Putri Anggraini", "old-key")
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        candidate_add(sari, "Agus Santoso", "new-key")
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new-key"]


class Form(SubmitOnceForm):
    pass


def test_each_drawn_form_carries_a_fresh_key_and_a_sent_one_keeps_it():
    first, second = str(Form()["idempotency_key"]), str(Form()["idempotency_key"])
    assert 'type="hidden"' in first and first != second
    sent = Form({"idempotency_key": "abc-123"})
    assert sent.is_valid() and sent.cleaned_data["idempotency_key"] == "abc-123"
    assert 'value="abc-123"' in str(sent["idempotency_key"])


@pytest.mark.parametrize("sent", [{}, {"idempotency_key": "two words"}, {"idempotency_key": "x" * 500}])
def test_a_missing_or_mangled_form_key_only_loses_the_protection(sent):
    form = Form(sent)
    assert form.is_valid()
    assert form.cleaned_data["idempotency_key"] == ""
