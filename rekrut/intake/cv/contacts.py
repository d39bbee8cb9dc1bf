"""Contacts in a CV's text: phone numbers in the style of the CV's country, links, and the city."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import phonenumbers

from rekrut.core.phones import MOBILE_TYPES, country_code_preferred
from rekrut.intake.cv.words import cities, words

DEFAULT_REGION = "ID"

# "CA 94105", "NY 10001-1234": a US state and ZIP code in an address line.
_US_ADDRESS = re.compile(
    r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|"
    r"PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b"
)
# A "+" followed by a country code, as in "+1 415..." or "+65 9123...".
_PLUS_CODE = re.compile(r"\+\s?(\d{1,3})[\s.(-]")
# Runs of digits that are something else: DOIs (10.1234/...), ISBNs, and 15-16 digit ids (NIK, NPWP, KTP).
_NOT_A_PHONE = re.compile(
    r"\b10\.\d{4,9}/\S+|\bISBN(?:-1[03])?:?\s*[\d-]{10,17}|\b\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}\b|\b\d{15,16}\b",
    re.IGNORECASE,
)
# NANP written nationally: "(415) 555-0134", "415-555-0134", "415.555.0134".
_NANP_WRITTEN = re.compile(r"^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$")


def cv_regions(text: str) -> list[str]:
    """The regions to read national numbers by: Indonesia, the default, and those the CV points to (a "+1",
    a US address, a country or a big foreign city named)."""
    regions: list[str] = []
    for code in _PLUS_CODE.findall(text):
        region = phonenumbers.region_code_for_country_code(int(code))
        if region not in ("ZZ", "001"):
            regions.append(region)
    if _US_ADDRESS.search(text):
        regions.append("US")
    lowered = text.casefold()
    for region, names in words()["countries"].items():
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered) for name in names):
            regions.append(region)
    # Indonesia first: its numbers must carry a trunk 0 or a country code, so it claims no foreign number,
    # while a foreign region reading first could take the tail of an Indonesian one.
    return list(dict.fromkeys([DEFAULT_REGION, *regions]))


def _plausible(raw: str, number: phonenumbers.PhoneNumber, region: str, preceding: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if region == DEFAULT_REGION:
        # Indonesians always write the trunk 0 or the country code; a bare run of digits in a CV (an ID
        # number, a year range) is not a phone number even if it happens to be valid.
        return raw.lstrip("( ").startswith(("0", "+")) or digits.startswith("62")
    if "+" in raw:
        return True
    if re.search(r"\d[\s.-]?$", preceding):
        return False  # the tail of a longer run of digits (another country's number, an id)
    # A national number abroad must look like one as written, so dates and ids stay out.
    return bool(_NANP_WRITTEN.match(raw.strip())) if number.country_code == 1 else len(digits) >= 8


def _valid(number: phonenumbers.PhoneNumber, raw: str) -> bool:
    if phonenumbers.is_valid_number(number):
        return True
    # "(123) 456-7890" is how a US number is written, though no area code starts with 1: a CV example
    # or an old number still reaches a person's eye, so keep it when its shape is the country's own.
    return (
        number.country_code == 1
        and phonenumbers.is_possible_number(number)
        and bool(_NANP_WRITTEN.match(raw.strip()))
    )


def phones_find(text: str, regions: list[str] | None = None) -> list[str]:
    """Phone numbers in E.164, mobiles first, each once, read with the CV's regions."""
    regions = regions or cv_regions(text)
    masked = _NOT_A_PHONE.sub(lambda m: " " * len(m.group(0)), text)
    found: dict[tuple[int, int], tuple[str, bool]] = {}
    for region in regions:
        matcher = phonenumbers.PhoneNumberMatcher(masked, region, leniency=phonenumbers.Leniency.POSSIBLE)
        for match in matcher:
            span = (match.start, match.end)
            if any(start < span[1] and span[0] < end for start, end in found):
                continue  # an earlier region (the CV's own) already read this stretch
            if not _plausible(
                match.raw_string, match.number, region, masked[max(0, match.start - 2) : match.start]
            ):
                continue
            number = country_code_preferred(match.number, match.raw_string)
            if not _valid(number, match.raw_string):
                continue
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found[span] = (e164, phonenumbers.number_type(number) in MOBILE_TYPES)
    ordered = [found[span] for span in sorted(found)]
    mobiles = [e164 for e164, mobile in ordered if mobile]
    others = [e164 for e164, mobile in ordered if not mobile]
    return list(dict.fromkeys([*mobiles, *others]))


_LINK = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?"
    r"(?:[a-z0-9-]+\.)+(?:com|id|io|dev|me|net|org|co|app|site|page|link|xyz|tech|design|art|ai)"
    r"(?:\.[a-z]{2})?(?:/[^\s,;|<>()\"']*)?",
    re.IGNORECASE,
)
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "medium.com": "Medium",
    "kaggle.com": "Kaggle",
    "instagram.com": "Instagram",
    "twitter.com": "Twitter",
    "x.com": "X",
}


def link_network(url: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].casefold()
    return next((name for domain, name in _NETWORKS.items() if host.endswith(domain)), "")


def links_find(text: str, emails: list[str], contact_lines: Sequence[str] = ()) -> list[str]:
    """Web addresses (profiles, portfolio), each with https:// in front, each once. A bare domain
    ("budi.dev") is taken only among the contact lines; elsewhere it needs a path or www., so "gmail.com"
    in an e-mail or a tool's name in the skills is not a link."""
    mail_domains = {email.split("@")[1] for email in emails}
    contacts = {part.strip().casefold() for line in contact_lines for part in re.split(r"[|•·,]", line)}
    links: list[str] = []
    # A long contact line wraps inside a link ("linkedin.com/in/" + "budi" on the next line).
    text = re.sub(r"/\n(?=[\w-]+(?:\s|$))", "/", text)
    for match in _LINK.finditer(text):
        raw = match.group(0).rstrip(".,;:!?")
        bare = re.sub(r"^https?://", "", raw, flags=re.IGNORECASE)
        host = re.sub(r"^www\.", "", bare.split("/")[0], flags=re.IGNORECASE).casefold()
        has_path = "/" in bare.rstrip("/")
        if host in mail_domains and not has_path:
            continue
        standalone = raw.casefold() in contacts
        if not (raw.casefold().startswith(("http", "www.")) or has_path or link_network(bare) or standalone):
            continue
        links.append("https://" + bare.rstrip("/") if not raw.casefold().startswith("http") else raw)
    return list(dict.fromkeys(links))


@cache
def _city_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in cities())
    return re.compile(rf"(?<!\w)({names})(?!\w)", re.IGNORECASE)


_ADDRESS_LABEL = re.compile(
    r"^(?:alamat|domisili|kota|tempat tinggal|lokasi|location|address|city|based in)\b", re.IGNORECASE
)


def city_find(lines: list[str]) -> str:
    """The city where the candidate lives, from the CV's top and contact lines: a labelled address
    ("Domisili: Bandung") first, else the first known city named there."""
    by_name = {name.casefold(): name for name in cities()}
    labelled = [line for line in lines if _ADDRESS_LABEL.match(line)]
    for line in [*labelled, *lines]:
        match = _city_pattern().search(line)
        if match:
            return by_name[match.group(1).casefold()]
    return ""
