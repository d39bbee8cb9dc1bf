"""The shared model mixins: bilingual names in the active language, append-only rows that nothing edits."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from rekrut.core.errors import ImmutableRow
from rekrut.core.models import AppendOnly, Bilingual, LinkOutcome, SignedLinkUse, bilingual
from rekrut.interviews.models import Attribute, Decision, RoundTemplate, ScorecardVersion
from rekrut.jobs.models import Stage, StageTemplate
from rekrut.pipeline.models import RejectReason, Transition

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize("model", [Stage, StageTemplate, RejectReason, Attribute, RoundTemplate])
def test_bilingual_models_share_the_one_mixin(model):
    assert issubclass(model, Bilingual)
    # The property comes from the mixin, not a copy in the model.
    assert "name" not in vars(model)


@pytest.mark.parametrize(
    ("language", "name"), [("id", "Wawancara HR"), ("en", "HR interview"), ("en-us", "HR interview")]
)
def test_the_name_is_read_in_the_active_language(language, name):
    stage = Stage(name_id="Wawancara HR", name_en="HR interview")
    with translation.override(language):
        assert stage.name == name
        assert str(stage) == name


def test_an_empty_english_text_falls_back_to_indonesian():
    reason = RejectReason(name_id="Tidak hadir", name_en="")
    with translation.override("en"):
        assert reason.name == "Tidak hadir"
        assert bilingual(reason, "name") == "Tidak hadir"


@pytest.mark.parametrize("model", [Transition, ScorecardVersion, Decision, SignedLinkUse])
def test_append_only_models_share_the_one_mixin(model):
    assert issubclass(model, AppendOnly)
    assert "save" not in vars(model) and "delete" not in vars(model)


@pytest.mark.django_db
def test_an_append_only_row_is_written_once_and_never_edited_or_deleted():
    row = SignedLinkUse.objects.create(outcome=LinkOutcome.UNKNOWN, purpose="portal", at=NOW)
    row.purpose = "offer_response"
    with pytest.raises(ImmutableRow):
        row.save()
    with pytest.raises(ImmutableRow):
        row.delete()
    with pytest.raises(ImmutableRow):
        SignedLinkUse.objects.filter(pk=row.pk).update(purpose="offer_response")
    with pytest.raises(ImmutableRow):
        SignedLinkUse.objects.all().delete()
    with pytest.raises(ImmutableRow):
        SignedLinkUse.objects.get(pk=row.pk).save()
    assert SignedLinkUse.objects.get().purpose == "portal"


@pytest.mark.django_db
def test_a_new_instance_cannot_overwrite_a_row_by_reusing_its_id():
    from django.db import IntegrityError, transaction

    row = SignedLinkUse.objects.create(outcome=LinkOutcome.UNKNOWN, purpose="portal", at=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignedLinkUse(pk=row.pk, outcome=LinkOutcome.OPENED, purpose="portal", at=NOW).save()
    assert SignedLinkUse.objects.get().outcome == LinkOutcome.UNKNOWN


def test_the_old_exception_names_still_import():
    from rekrut.interviews.models import ImmutableRow as from_interviews
    from rekrut.pipeline.models import ImmutableRow as from_pipeline

    assert from_interviews is from_pipeline is ImmutableRow
