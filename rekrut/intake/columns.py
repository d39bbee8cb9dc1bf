"""Guessing which column of an imported table feeds which field (Indonesian and English names).

The names cover hand-made sheets and the exports of the systems HR most often leaves: OpenCATS
("First Name", "Cell Phone", "Key Skills"), Odoo's applicants ("Applicant's Name", "Mobile", "Stage") and
job-fair sheets ("Nama Lengkap", "No. WA", "Domisili"). A first and last name in separate columns are
joined into the full name, never the first name alone.
"""

import re
import unicodedata


def _words(spec: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in spec.split(","))


# Header words folded to one spelling before matching, so the lists below stay short.
_TOKEN_ALIASES = {
    **dict.fromkeys(_words("nomor, nomer, number, num, nr"), "no"),
    **dict.fromkeys(_words("telp, tlp, telpon, telephone, phone, tel"), "telepon"),
    **dict.fromkeys(_words("handphone, ponsel, mobile, cellphone, cell, seluler"), "hp"),
    "whatsapp": "wa",
    "surel": "email",
    "mail": "email",
}
_JOINED = (
    ("e mail", "email"),
    ("linked in", "linkedin"),
    ("hand phone", "handphone"),
    ("whats app", "whatsapp"),
    ("first name", "firstname"),
    ("given name", "firstname"),
    ("nama depan", "firstname"),
    ("middle name", "middlename"),
    ("nama tengah", "middlename"),
    ("last name", "lastname"),
    ("family name", "lastname"),
    ("nama belakang", "lastname"),
    ("surname", "lastname"),
)

# Best name first: an exact match beats a match inside a longer header, then list order decides.
CANDIDATE_NAMES: dict[str, tuple[str, ...]] = {
    "full_name": _words(
        "nama lengkap, full name, fullname, nama, name, nama kandidat, nama pelamar, candidate name,"
        "applicant name, applicant s name, candidate, kandidat, pelamar, applicant, contact name"
    ),
    "email": _words("email, alamat email, email address, email 1, primary email, email email"),
    "phone": _words(
        "no hp, hp, hp telepon, no wa, wa, no hp wa, hp wa, no telepon, telepon, no kontak, kontak,"
        "contact no, contact"
    ),
    "city": _words(
        "kota, city, domisili, kota domisili, kota kabupaten, kabupaten kota, kab kota, kabupaten, lokasi,"
        "location, tempat tinggal, town"
    ),
    "source": _words(
        "sumber, source, sumber lamaran, sumber kandidat, sumber informasi, candidate source, channel, kanal,"
        "platform, melamar via"
    ),
    "linkedin": _words("linkedin, linkedin url, url linkedin, profil linkedin, linkedin profile"),
    "notes": _words("catatan, notes, note, keterangan, ket, komentar, comments, comment, remarks, memo"),
}
# Words that say a column is about someone or something else ("Nama Perusahaan", "Telepon Darurat").
_OTHER_PARTY = frozenset(
    _words(
        "perusahaan, company, employer, sekolah, school, universitas, university, kampus, ibu, ayah, wali,"
        "darurat, emergency, referensi, reference, referrer, perekrut, recruiter, atasan, supervisor, owner,"
        "2nd, second, kedua, 2, home, rumah, work, kantor, fax"
    )
)
_NAME_PARTS = frozenset(("firstname", "middlename", "lastname"))
CANDIDATE_EXCLUDED: dict[str, frozenset[str]] = {
    "full_name": _OTHER_PARTY
    | _NAME_PARTS
    | set(
        _words(
            "panggilan, nickname, file, user, posisi, position, jabatan, job, lowongan, subject, application,"
            "stage, tahap, tag, tags, degree"
        )
    ),
    "email": _OTHER_PARTY,
    "phone": _OTHER_PARTY,
    "city": _OTHER_PARTY | {"lahir", "birth", "alamat", "address"},
}


def header_key(header: str) -> str:
    """A header folded for matching: ASCII, lower case, words only, aliases to one spelling."""
    ascii_text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())
    for split, joined in _JOINED:
        text = re.sub(rf"\b{split}\b", joined, text)
    return " ".join(_TOKEN_ALIASES.get(token, token) for token in text.split())


def fields_guess(
    headers: list[str],
    names: dict[str, tuple[str, ...]],
    excluded: dict[str, frozenset[str]] | None = None,
    taken: set[int] | None = None,
) -> dict[str, str | None]:
    """For each field of `names`, the header of the column that most likely feeds it, or None.

    Matches ignoring case, accents and punctuation ("No. HP", "E-mail", "Kota/Kabupaten"). Each column
    feeds at most one field; columns in `taken` feed none.
    """
    excluded = excluded or {}
    keys = [header_key(header) for header in headers]
    options: list[tuple[int, int, int, str]] = []  # (-score, field order, column, field)
    for order, (field, field_names) in enumerate(names.items()):
        for column, key in enumerate(keys):
            padded = f" {key} "
            for rank, name in enumerate(field_names):
                if key == name:
                    options.append((-(200 - rank), order, column, field))
                elif f" {name} " in padded and not set(key.split()) & excluded.get(field, frozenset()):
                    options.append((-(100 - rank), order, column, field))
    mapping: dict[str, str | None] = dict.fromkeys(names)
    used: set[int] = set(taken or ())
    for _score, _order, column, field in sorted(options):
        if mapping[field] is None and column not in used:
            mapping[field] = headers[column]
            used.add(column)
    return mapping


def name_parts_guess(headers: list[str]) -> list[str]:
    """The first, middle and last name columns in that order, when the file splits the name that way and
    has a last name (a first name alone is no full name); otherwise []."""
    keys = [header_key(header) for header in headers]
    parts = []
    for part in ("firstname", "middlename", "lastname"):
        found = next((h for h, key in zip(headers, keys, strict=True) if key == part), None)
        if found is not None:
            parts.append((part, found))
    named = dict(parts)
    if "firstname" in named and "lastname" in named:
        return [header for _part, header in parts]
    return []


def mapping_guess(headers: list[str]) -> dict[str, str | None]:
    """For each candidate field, the header of the column that most likely feeds it, or None."""
    return candidate_columns_guess(headers)[0]


def candidate_columns_guess(headers: list[str]) -> tuple[dict[str, str | None], dict[str, list[str]]]:
    """The guessed mapping, and the columns joined after a field's own column (first + last name)."""
    mapping = fields_guess(headers, CANDIDATE_NAMES, CANDIDATE_EXCLUDED)
    joins: dict[str, list[str]] = {}
    parts = name_parts_guess(headers)
    exact_full_name = mapping["full_name"] is not None and header_key(mapping["full_name"]) in (
        "nama lengkap",
        "full name",
        "fullname",
    )
    if parts and not exact_full_name:
        taken = {headers.index(part) for part in parts}
        mapping = fields_guess(
            headers,
            {k: v for k, v in CANDIDATE_NAMES.items() if k != "full_name"},
            CANDIDATE_EXCLUDED,
            taken=taken,
        )
        mapping = {"full_name": parts[0], **mapping}
        joins["full_name"] = parts[1:]
    elif mapping["full_name"] is None:  # a first name alone, with no last name beside it, is the name
        keys = [header_key(header) for header in headers]
        if "firstname" in keys and headers[keys.index("firstname")] not in mapping.values():
            mapping["full_name"] = headers[keys.index("firstname")]
    return mapping, joins
