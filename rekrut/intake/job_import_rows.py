"""Reading one row of a job-listings file into job fields: employment types written the way job boards
and HR sheets write them ("fullTime,contract", "Karyawan Tetap"), work modes, Rupiah salaries ("Rp5.000.000",
"5 jt", "5.000.000 - 7.000.000", "N/A") and statuses. Pure text rules, no database: the import kind
(intake.job_import) looks departments and locations up.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import EmploymentType, JobStatus, WorkMode


class CellRefused(ValueError):
    """A cell that cannot be read; the message names the value and says what to write instead."""


def _fold(text: str) -> str:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)  # "fullTime" -> "full Time"
    return " ".join(re.sub(r"[^a-z0-9/]+", " ", spaced.casefold()).split())


# Each written form -> a Rekrut employment type. A multi-valued cell ("fullTime,contract") is resolved
# by `employment_type_read`: the most specific value wins.
_EMPLOYMENT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "pkwtt",
            "permanent",
            "permanen",
            "tetap",
            "karyawan tetap",
            "pegawai tetap",
            "full time",
            "fulltime",
            "purna waktu",
            "regular",
            "reguler",
            "full time permanent",
        ],
        EmploymentType.PKWTT,
    ),
    **dict.fromkeys(
        [
            "pkwt",
            "contract",
            "kontrak",
            "karyawan kontrak",
            "fixed term",
            "temporary",
            "temp",
            "sementara",
            "part time",
            "parttime",
            "paruh waktu",
            "seasonal",
            "musiman",
            "harian",
            "daily",
            "outsourcing",
            "alih daya",
        ],
        EmploymentType.PKWT,
    ),
    **dict.fromkeys(
        ["internship", "intern", "magang", "pemagangan", "trainee", "praktik kerja", "pkl", "mbkm"],
        EmploymentType.INTERNSHIP,
    ),
    **dict.fromkeys(
        [
            "freelance",
            "freelancer",
            "lepas",
            "pekerja lepas",
            "contractor",
            "kontraktor",
            "per diem",
            "project",
            "proyek",
        ],
        EmploymentType.FREELANCE,
    ),
}
# The order that resolves a multi-valued cell: "full time" says only the hours, so a contract next to it
# makes a PKWT; an internship or freelance work says more than either.
_EMPLOYMENT_ORDER = (
    EmploymentType.INTERNSHIP,
    EmploymentType.FREELANCE,
    EmploymentType.PKWT,
    EmploymentType.PKWTT,
)

_WORK_MODE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "on site",
            "onsite",
            "on-site",
            "wfo",
            "work from office",
            "kantor",
            "di kantor",
            "office",
            "lapangan",
        ],
        WorkMode.ON_SITE,
    ),
    **dict.fromkeys(["hybrid", "hibrida", "campuran"], WorkMode.HYBRID),
    **dict.fromkeys(
        [
            "remote",
            "wfh",
            "wfa",
            "work from home",
            "work from anywhere",
            "jarak jauh",
            "dari rumah",
            "fully remote",
        ],
        WorkMode.REMOTE,
    ),
}

_STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["open", "opened", "dibuka", "buka", "aktif", "active", "published", "live", "tayang"], JobStatus.OPEN
    ),
    **dict.fromkeys(["draft", "draf", "konsep", "new", "baru"], JobStatus.DRAFT),
    **dict.fromkeys(["on hold", "hold", "paused", "ditunda", "tunda", "dijeda"], JobStatus.ON_HOLD),
    **dict.fromkeys(
        [
            "closed",
            "close",
            "ditutup",
            "tutup",
            "filled",
            "terisi",
            "archived",
            "arsip",
            "expired",
            "kedaluwarsa",
        ],
        JobStatus.CLOSED,
    ),
}

# A salary cell that says there is no figure: left empty, not refused.
_NO_SALARY = frozenset(
    [
        "n/a",
        "na",
        "n a",
        "-",
        "--",
        "none",
        "tidak ada",
        "nego",
        "negotiable",
        "negosiasi",
        "dirahasiakan",
        "confidential",
        "competitive",
        "kompetitif",
        "tbd",
        "tba",
    ]
)
_UNITS = {"jt": 1_000_000, "juta": 1_000_000, "rb": 1_000, "ribu": 1_000, "k": 1_000}
_AMOUNT = re.compile(r"^(?P<number>\d[\d.,]*)\s*(?P<unit>jt|juta|rb|ribu|k)?$")
_RANGE = re.compile(r"\s*(?:–|—|-|~|\bto\b|\bs/d\b|\bsd\b|\bsampai\b|\bhingga\b)\s*")
SALARY_MAX = 10**12  # a monthly salary past a trillion Rupiah is a typo


def employment_type_read(text: str) -> str | None:
    """The employment type a cell names, or None when empty. Raises CellRefused for an unknown value."""
    values = [_fold(part) for part in re.split(r"[,;/|+&]|\band\b|\bdan\b", text)]
    values = [value for value in values if value]
    if not values:
        return None
    types = set()
    for value in values:
        found = _EMPLOYMENT_WORDS.get(value) or _EMPLOYMENT_WORDS.get(value.replace(" ", ""))
        if found is None:
            raise CellRefused(
                _(
                    "“%(value)s” is not an employment type Rekrut knows. "
                    "Write permanent, contract, internship or freelance."
                )
                % {"value": text}
            )
        types.add(found)
    return next(kind for kind in _EMPLOYMENT_ORDER if kind in types)


def _choice_read(text: str, words: dict[str, str], refused: str) -> str | None:
    folded = _fold(text)
    if not folded:
        return None
    found = words.get(folded) or words.get(folded.replace(" ", ""))
    if found is None:
        raise CellRefused(refused % {"value": text})
    return found


def work_mode_read(text: str) -> str | None:
    return _choice_read(
        text,
        _WORK_MODE_WORDS,
        str(_("“%(value)s” is not a work mode Rekrut knows. Write on-site, hybrid or remote.")),
    )


def status_read(text: str) -> str | None:
    return _choice_read(
        text,
        _STATUS_WORDS,
        str(_("“%(value)s” is not a job status Rekrut knows. Write draft, open, on hold or closed.")),
    )


def _amount_read(text: str, unit: str | None) -> int:
    match = _AMOUNT.match(text)
    if match is None:
        raise ValueError(text)
    number, unit = match["number"], match["unit"] or unit
    if unit:  # "5,5 jt", "7.5 juta": the mark is a decimal point
        value = Decimal(number.replace(",", ".")) * _UNITS[unit]
    else:  # "5.000.000", "5,000,000.00", "5.000.000,00": marks group thousands; two last digits are cents
        whole = re.sub(r"[.,]\d{2}$", "", number) if re.search(r"[.,]\d{3}", number) else number
        whole = re.sub(r"[.,]\d{1,2}$", "", whole)
        if not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*|\d+", whole):
            raise ValueError(text)
        value = Decimal(re.sub(r"[.,]", "", whole))
    if value != value.to_integral_value() or value < 0:
        raise ValueError(text)
    return int(value)


def salary_read(text: str) -> tuple[int | None, int | None]:
    """The monthly range a cell gives, in whole Rupiah: "Rp5.000.000" -> (5000000, 5000000),
    "5 - 7 jt" -> (5000000, 7000000), "N/A" -> (None, None). Raises CellRefused."""
    folded = " ".join(text.casefold().split())
    if not folded or folded in _NO_SALARY:
        return None, None
    cleaned = re.sub(
        r"\b(rp|idr)\.?\s*|/\s*(bulan|bln|month|mo)\b|\b(per bulan|per month|sebulan)\b", " ", folded
    )
    cleaned = re.sub(r"\s+(?=(jt|juta|rb|ribu|k)\b)", "", cleaned)  # "5 jt" -> "5jt"
    parts = [part.strip() for part in _RANGE.split(cleaned.strip()) if part.strip()]
    try:
        if not 1 <= len(parts) <= 2:
            raise ValueError(text)
        last_unit = _AMOUNT.match(parts[-1])
        unit = last_unit["unit"] if last_unit else None
        amounts = [_amount_read(part, unit) for part in parts]
    except (ValueError, InvalidOperation):
        raise CellRefused(
            _(
                "“%(value)s” is not a salary Rekrut can read. "
                "Write it like Rp5.000.000, 5 jt or 5.000.000 - 7.000.000."
            )
            % {"value": text}
        ) from None
    low, high = amounts[0], amounts[-1]
    if high >= SALARY_MAX:
        raise CellRefused(_("“%(value)s” is more than a monthly salary can be.") % {"value": text})
    if low > high:
        raise CellRefused(
            _("In “%(value)s” the minimum salary is higher than the maximum.") % {"value": text}
        )
    return low, high


def headcount_read(text: str) -> int | None:
    folded = text.strip().replace(".", "").replace(",", "")
    if not folded:
        return None
    if not folded.isdigit():
        raise CellRefused(_("“%(value)s” is not a number of people.") % {"value": text})
    return int(folded)
