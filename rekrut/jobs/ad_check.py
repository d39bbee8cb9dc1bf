"""Warnings for discriminatory requirements in a job ad.

SE Menaker M/6/HK.04/V/2025 asks employers not to require age limits (unless the work truly needs them),
"good looks", marital status, height, skin colour or ethnicity, and not to exclude people with disabilities;
UU 13/2003 Ps 5–6 guarantees equal opportunity without discrimination (sex, ethnicity, race, religion,
politics). Kepmenakertrans 68/2004 Ps 5 forbids HIV tests as a hiring requirement. While HR types they are
warnings; an ad that still carries one is not published (jobs.services) until HR rewords it or acknowledges
the warning with a reason, since some are lawful where the job genuinely requires them (an age limit:
MK 35/PUU-XXII/2024; a sex for a role that needs it).
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AdWarning:
    code: str  # the rule's stable name: an acknowledgement is kept per rule and phrase
    phrase: str
    advice: str | Promise

    @property
    def key(self) -> str:
        """What an acknowledgement is stored under: the same wording acknowledged once stays acknowledged."""
        return f"{self.code}:{' '.join(self.phrase.casefold().split())}"


RULES: list[tuple[str, re.Pattern[str], str | Promise]] = [
    (
        "age",
        re.compile(
            r"\b(usia|umur)\s+(maks(imal|imum)?|min(imal|imum)?|max)\b|\bage\s+(limit|max|min)|"
            r"\b(max(imum)?|maks(imal)?)\.?\s+\d{2}\s*(tahun|th|years)",
            re.I,
        ),
        _("Age limits are allowed only where the work truly requires them (SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "looks",
        re.compile(r"good[\s-]?looking|berpenampilan\s+menarik|penampilan\s+menarik|cantik|tampan", re.I),
        _("Do not ask for good looks (SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "marital",
        re.compile(
            r"belum\s+menikah|sudah\s+menikah|single|lajang|status\s+(pernikahan|perkawinan)|"
            r"\bunmarried\b|\bmarital\b",
            re.I,
        ),
        _("Do not require a marital status (SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "height",
        re.compile(r"tinggi\s+badan|\bheight\b|\bminimal\s+\d{3}\s*cm", re.I),
        _("Do not require a body height unless the work truly needs it (SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "skin",
        re.compile(r"warna\s+kulit|kulit\s+putih|skin\s+colou?r", re.I),
        _("Do not require a skin colour (SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "ethnicity",
        re.compile(r"\b(suku|etnis|ras|ethnicity|race)\b", re.I),
        _("Do not require an ethnicity or race (UU 13/2003 Ps 5–6; SE Menaker M/6/HK.04/V/2025)."),
    ),
    (
        "religion",
        re.compile(r"\b(agama|beragama|religion)\b", re.I),
        _("Do not require a religion (UU 13/2003 Ps 5–6)."),
    ),
    (
        "politics",
        re.compile(r"partai\s+politik|afiliasi\s+politik|political\s+(party|affiliation|views?)", re.I),
        _("Do not ask about political views or party membership (UU 13/2003 Ps 6, elucidation)."),
    ),
    (
        "sex",
        re.compile(r"\b(pria|wanita|laki-laki|perempuan|male|female)\b", re.I),
        _("Requiring a sex excludes candidates; keep it only where the work needs it (UU 13/2003 Ps 6)."),
    ),
    (
        "hiv",
        re.compile(r"\bhiv\b|bebas\s+hiv", re.I),
        _("An HIV test may not be a hiring requirement (Kepmenakertrans 68/2004 Ps 5)."),
    ),
    (
        "disability",
        re.compile(r"tidak\s+cacat|sehat\s+jasmani\s+dan\s+rohani\s+tanpa\s+cacat|no\s+disabilit", re.I),
        _("Do not exclude people with disabilities (UU 8/2016; SE Menaker M/6/HK.04/V/2025)."),
    ),
]


def ad_warnings(*texts: str) -> list[AdWarning]:
    """Each rule that a phrase in the ad trips, once, with the phrase quoted."""
    text = "\n".join(texts)
    found = []
    for code, pattern, advice in RULES:
        match = pattern.search(text)
        if match:
            found.append(AdWarning(code=code, phrase=match.group(0), advice=advice))
    return found
