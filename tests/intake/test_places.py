"""Free-text places → regency or city, province and time zone, over the whole data file (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekrut.core.localization import INDONESIAN_ZONES
from rekrut.intake.places import place_find, places_all, places_table

# The zone of each province, written here independently of the data file (Keppres 41/1987 and the
# provinces formed since): a typo in the file's zone for a province shows up as a mismatch.
WIB = {
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur",
}  # fmt: skip
WIB_PONTIANAK = {"Kalimantan Barat", "Kalimantan Tengah"}
WITA = {
    "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Bali", "Nusa Tenggara Barat",
    "Nusa Tenggara Timur", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat",
    "Sulawesi Selatan", "Sulawesi Tenggara",
}  # fmt: skip
WIT = {
    "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah",
    "Papua Pegunungan",
}  # fmt: skip
EXPECTED_ZONE = {
    **dict.fromkeys(WIB, "Asia/Jakarta"),
    **dict.fromkeys(WIB_PONTIANAK, "Asia/Pontianak"),
    **dict.fromkeys(WITA, "Asia/Makassar"),
    **dict.fromkeys(WIT, "Asia/Jayapura"),
}
PLACES = places_all()


def test_the_file_holds_every_province_with_its_zone_and_their_places():
    provinces = {p["name"]: p for p in places_table()["provinces"]}
    assert set(provinces) == set(EXPECTED_ZONE)  # all 38
    for name, province in provinces.items():
        assert province["zone"] == EXPECTED_ZONE[name], name
        assert province["kota"] or province["kabupaten"], name
    assert len(PLACES) > 400


@given(st.sampled_from(PLACES))
def test_every_place_has_a_known_zone_that_matches_its_province(place):
    assert place.time_zone in dict(INDONESIAN_ZONES)
    assert place.time_zone == EXPECTED_ZONE[place.province]


@given(st.sampled_from(PLACES), st.sampled_from(["{}", "{}, {province}", "  {}  "]), st.booleans())
def test_every_place_is_found_again_from_how_people_write_it(place, pattern, upper):
    if place.kind == "kabupaten":
        text = pattern.format(f"Kab. {place.name}", province=place.province)
    else:
        text = pattern.format(f"Kota {place.name}", province=place.province)
    found = place_find(text.upper() if upper else text)
    assert found == place


@given(st.sampled_from([p for p in PLACES if p.kind == "kabupaten"]))
def test_a_regency_written_in_english_is_the_regency(place):
    assert place_find(f"{place.name} Regency") == place
    assert place_find(f"Kabupaten {place.name}") == place


@pytest.mark.parametrize(
    ("text", "province", "zone"),
    [
        ("Jakarta Selatan", "DKI Jakarta", "Asia/Jakarta"),
        ("Lampung Selatan Regency", "Lampung", "Asia/Jakarta"),
        ("Kota Bandung", "Jawa Barat", "Asia/Jakarta"),
        ("Kab. Bogor", "Jawa Barat", "Asia/Jakarta"),
        ("South Jakarta", "DKI Jakarta", "Asia/Jakarta"),
        ("Pontianak", "Kalimantan Barat", "Asia/Pontianak"),
        ("Palangka Raya", "Kalimantan Tengah", "Asia/Pontianak"),
        ("Banjarmasin", "Kalimantan Selatan", "Asia/Makassar"),
        ("Tarakan", "Kalimantan Utara", "Asia/Makassar"),
        ("Mataram", "Nusa Tenggara Barat", "Asia/Makassar"),
        ("Kupang", "Nusa Tenggara Timur", "Asia/Makassar"),
        ("Ternate", "Maluku Utara", "Asia/Jayapura"),
        ("Merauke", "Papua Selatan", "Asia/Jayapura"),
        ("Kab. Mimika", "Papua Tengah", "Asia/Jayapura"),
        ("Sorong", "Papua Barat Daya", "Asia/Jayapura"),
        ("Cikarang", "Jawa Barat", "Asia/Jakarta"),
    ],
)
def test_places_people_write(text, province, zone):
    found = place_find(text)
    assert found is not None and (found.province, found.time_zone) == (province, zone)


def test_kota_and_kabupaten_of_the_same_name_are_told_apart():
    assert place_find("Bogor").label == "Kota Bogor"  # a bare name is the city
    assert place_find("Kab. Bogor").label == "Kabupaten Bogor"
    assert place_find("Bogor Regency").label == "Kabupaten Bogor"
    assert place_find("Jakarta Selatan").label == "Jakarta Selatan"


@pytest.mark.parametrize("text", ["Atlantis", "Remote", "", "Kota", "Kab."])
def test_an_unknown_place_is_none(text):
    assert place_find(text) is None
