"""Guessing which column of an imported table feeds which candidate field (Indonesian and English names)."""

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
)

# Best name first: an exact match beats a match inside a longer header, then list order decides.
_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "full_name": _words(
        "nama lengkap, full name, fullname, nama, name, nama kandidat, nama pelamar, candidate name,"
        "applicant name, candidate, kandidat, pelamar, applicant"
    ),
    "email": _words("email, alamat email, email address"),
    "phone": _words(
        "no hp, hp, no wa, wa, no hp wa, hp wa, no telepon, telepon, no kontak, kontak, contact no, contact"
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
        "perusahaan, company, sekolah, school, universitas, university, kampus, ibu, ayah, wali, darurat,"
        "emergency, referensi, reference, referrer, perekrut, recruiter, atasan, supervisor"
    )
)
_EXCLUDED: dict[str, frozenset[str]] = {
    "full_name": _OTHER_PARTY
    | set(_words("panggilan, nickname, file, user, posisi, position, jabatan, job, lowongan")),
    "email": _OTHER_PARTY,
    "phone": _OTHER_PARTY,
    "city": _OTHER_PARTY | {"lahir", "birth", "alamat", "address"},
}


def _header_key(header: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())
    for split, joined in _JOINED:
        text = re.sub(rf"\b{split}\b", joined, text)
    return " ".join(_TOKEN_ALIASES.get(token, token) for token in text.split())


def mapping_guess(headers: list[str]) -> dict[str, str | None]:
    """For each candidate field, the header of the column that most likely feeds it, or None.

    Matches Indonesian and English names ignoring case, accents and punctuation ("No. HP",
    "E-mail", "Kota/Kabupaten"). Each column feeds at most one field.
    """
    keys = [_header_key(header) for header in headers]
    options: list[tuple[int, int, int, str]] = []  # (-score, field order, column, field)
    for order, (field, names) in enumerate(_FIELD_NAMES.items()):
        for column, key in enumerate(keys):
            padded = f" {key} "
            for rank, name in enumerate(names):
                if key == name:
                    options.append((-(200 - rank), order, column, field))
                elif f" {name} " in padded and not set(key.split()) & _EXCLUDED.get(field, frozenset()):
                    options.append((-(100 - rank), order, column, field))
    mapping: dict[str, str | None] = dict.fromkeys(_FIELD_NAMES)
    used: set[int] = set()
    for _score, _order, column, field in sorted(options):
        if mapping[field] is None and column not in used:
            mapping[field] = headers[column]
            used.add(column)
    return mapping
