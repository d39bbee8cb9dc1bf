"""Search answers ranked from the index, and says "more than …" rather than counting every match."""

import pytest
from django.urls import reverse

from rekrut.pipeline import search
from rekrut.pipeline.search import CandidateFilters, candidates_search, count_capped
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def test_those_named_by_the_word_come_before_those_found_by_cv_text_only(personas):
    by_cv = CandidateFactory(full_name="Rina Wulandari", cv_text="Atasan: Budi Santoso, supervisor gudang.")
    by_name = CandidateFactory(full_name="Budi Hartono", cv_text="Kasir")
    by_surname = CandidateFactory(full_name="Andi Budiman", cv_text="Admin")
    newest_cv = CandidateFactory(full_name="Sari Dewi", cv_text="Referensi: Pak Budi")
    found = list(candidates_search(user=personas.hr_admin, filters=CandidateFilters(query="budi")))
    names = [c.pk for c in found]
    assert set(names) == {by_cv.pk, by_name.pk, by_surname.pk, newest_cv.pk}
    # Name matches first (newest first among them), then the CV-only matches, newest first.
    assert names == [by_surname.pk, by_name.pk, newest_cv.pk, by_cv.pk]


def test_the_count_stops_at_the_cap_and_says_there_are_more(personas, client_for, monkeypatch):
    for i in range(6):
        CandidateFactory(full_name=f"Budi Saputra {i}")
    candidates = candidates_search(user=personas.hr_admin, filters=CandidateFilters(query="saputra"))
    assert count_capped(candidates, cap=4) == (4, True)
    assert count_capped(candidates, cap=6) == (6, False)
    monkeypatch.setattr(search, "SEARCH_COUNT_CAP", 4)
    monkeypatch.setattr(count_capped, "__defaults__", (4,))
    page = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "saputra"}).content.decode()
    assert "More than 4 candidates" in page
    monkeypatch.setattr(count_capped, "__defaults__", (6,))
    page = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "saputra"}).content.decode()
    assert "6 candidates" in page and "More than" not in page
