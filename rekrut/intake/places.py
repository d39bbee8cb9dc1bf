"""Where a place written in free text is: "Jakarta Selatan", "Lampung Selatan Regency", "Kota Bandung",
"Kab. Bogor" → the regency or city, its province, and the province's time zone (WIB, WITA or WIT).

The table (data/places_id.json) lists the 38 provinces with their zone and their cities (kota) and
regencies (kabupaten), from public facts. Indonesia's zones follow provinces (Keppres 41/1987): Sumatra,
Java, West and Central Kalimantan are WIB (the last two on Asia/Pontianak in the tz database); South, East
and North Kalimantan, Bali, NTB, NTT and Sulawesi are WITA; Maluku and the Papua provinces are WIT.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "places_id.json"

_KAB = re.compile(r"^(kabupaten|kab)\s+|\s+(regency|kabupaten)$")
_KOTA = re.compile(r"^(kota administrasi|kota adm|kota madya|kotamadya|kota|city of)\s+|\s+(city|kota)$")
_PROVINCE = re.compile(r"^(provinsi|prov|province of)\s+|\s+(province|provinsi)$")


@dataclass(frozen=True)
class Place:
    name: str  # "Bandung", "Lampung Selatan"
    kind: str  # "kota", "kabupaten" or "provinsi"
    province: str
    time_zone: str  # "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar" or "Asia/Jayapura"

    @property
    def label(self) -> str:
        """The name a location gets: "Kabupaten Bogor", "Kota Bogor"; a city known by its name alone
        (no regency of the same name) keeps it: "Jakarta Selatan", "Surabaya"."""
        if self.kind == "kabupaten":
            return f"Kabupaten {self.name}"
        if self.kind == "kota" and self.name in _regency_names():
            return f"Kota {self.name}"
        return self.name


def place_key(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.replace("kab.", "kab ")).split())


@cache
def places_table() -> dict:
    with DATA.open(encoding="utf-8") as file:
        return json.load(file)


@cache
def _index() -> dict[tuple[str, str], Place]:
    """(kind, key) -> place; kind "" holds the best place for a name written without "kota"/"kab"."""
    index: dict[tuple[str, str], Place] = {}
    for province in places_table()["provinces"]:
        zone, name = province["zone"], province["name"]
        whole = Place(name, "provinsi", name, zone)
        for alias in [name, *province["aliases"]]:
            index[("provinsi", place_key(alias))] = whole
        for kind in ("kabupaten", "kota"):  # a bare name means the city (kota) when both exist
            for place_name in province[kind]:
                place = Place(place_name, kind, name, zone)
                index[(kind, place_key(place_name))] = place
                index[("", place_key(place_name))] = place
    for alias, target in places_table()["aliases"].items():
        found = place_find(target, _index=index)
        if found is not None:
            index[("", place_key(alias))] = found
    for (kind, key), place in list(index.items()):  # a province's name alone: the province itself
        if kind == "provinsi":
            index.setdefault(("", key), place)
    return index


@cache
def _regency_names() -> frozenset[str]:
    return frozenset(name for p in places_table()["provinces"] for name in p["kabupaten"])


def place_find(text: str, *, _index: dict[tuple[str, str], Place] | None = None) -> Place | None:
    """The place a free text names, or None. "Bandung, Jawa Barat" is read part by part, most specific
    first; "Kab. X"/"X Regency" is a regency, "Kota X"/"X City" a city, a bare name the city when both
    exist."""
    index = _index if _index is not None else globals()["_index"]()
    for part in re.split(r"[,/;()]", text):
        key = place_key(part)
        if not key:
            continue
        if _KAB.search(key):
            found = index.get(("kabupaten", _KAB.sub("", key).strip()))
        elif _KOTA.search(key):
            found = index.get(("kota", _KOTA.sub("", key).strip()))
        elif _PROVINCE.search(key):
            found = index.get(("provinsi", _PROVINCE.sub("", key).strip()))
        else:
            found = index.get(("", key))
        if found is not None:
            return found
    return None


def places_all() -> list[Place]:
    """Every city and regency in the table (for tests and the admin)."""
    return [place for (kind, _key), place in _index().items() if kind in ("kota", "kabupaten")]
