"""Indonesian identity and tax numbers: checked with clear messages, and masked on screen.

NIK (rule L5, Dukcapil): 16 digits `PP KK CC DDMMYY SSSS`, the region of first registration, the birth date
with 40 added to a woman's day (41–71), and a serial from 0001. python-stdnum's `stdnum.id.nik` checks the
length, the date and the regency/city code against its table of regions; it takes any day past 40 modulo 40
(day 81 passes as the 1st) and any serial, so L5's day ranges and the serial are checked here too.

NPWP (rule L6, PMK 112/2022 as amended by PMK 136/2023; PER-6/PJ/2024): since 1 July 2024 a resident
individual's NPWP is their NIK; others have 16 digits, the old 15-digit number with a leading 0. stdnum's
`stdnum.id.npwp` checks both and the old number's check digit; a 15-digit number is accepted and stored as
16 (with the leading 0).
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.id import nik as stdnum_nik
from stdnum.id import npwp as stdnum_npwp

from rekrut.core.errors import DomainError

SEPARATORS = re.compile(r"[\s.\-]")


class NumberRefused(DomainError):
    code = "number_refused"


@dataclass(frozen=True)
class NikFacts:
    """What a NIK says about its holder (L5). A mismatch with what they typed is a warning, not a refusal."""

    number: str
    birth_date: date
    is_female: bool


def digits_of(value: str) -> str:
    return SEPARATORS.sub("", value or "")


def nik_check(value: str) -> NikFacts:
    """The NIK as 16 digits with what it says, or NumberRefused naming what is wrong (L5, Dukcapil)."""
    number = digits_of(value)
    if not number.isdigit():
        raise NumberRefused(_("A NIK has digits only (16 of them, as on the KTP)."), code="nik_format")
    if len(number) != 16:
        raise NumberRefused(
            _("A NIK has 16 digits; this one has %(count)d.") % {"count": len(number)}, code="nik_length"
        )
    day, month = int(number[6:8]), int(number[8:10])
    # L5: the day is 01–31, or 41–71 for a woman (her day + 40).
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        raise NumberRefused(
            _(
                "Digits 7 to 12 of a NIK are the birth date (DDMMYY, a woman's day + 40): "
                "this one is not a date."
            ),
            code="nik_date",
        )
    if number[12:] == "0000":
        raise NumberRefused(_("The last 4 digits of a NIK start from 0001."), code="nik_serial")
    try:
        stdnum_nik.validate(number)
    except InvalidComponent:
        # The birth date was checked above, so what is left is the region code.
        try:
            stdnum_nik.get_birth_date(number)
        except InvalidComponent:
            raise NumberRefused(
                _("Digits 7 to 12 of a NIK are the birth date: this one is not a real date."),
                code="nik_date",
            ) from None
        raise NumberRefused(
            _("The first 4 digits of a NIK are the province and regency or city: %(code)s is not one.")
            % {"code": number[:4]},
            code="nik_region",
        ) from None
    except ValidationError:
        raise NumberRefused(_("This is not a valid NIK."), code="nik_invalid") from None
    return NikFacts(number=number, birth_date=_birth_date(number), is_female=day > 40)


def _birth_date(number: str) -> date:
    """The NIK's birth date. Only the year's last two digits are there: stdnum takes 19YY whenever that is a
    date, which makes someone born in 2005 a 121-year-old; the latest year not in the future is meant."""
    day, month, year = int(number[6:8]) % 40, int(number[8:10]), int(number[10:12])
    today = timezone.localdate()
    for century in (2000, 1900):
        try:
            born = date(century + year, month, day)
        except ValueError:
            continue
        if born <= today:
            return born
    return stdnum_nik.get_birth_date(number)


def npwp_check(value: str) -> str:
    """The NPWP as 16 digits, or NumberRefused (L6). A personal NPWP that is a NIK is checked as a NIK."""
    number = digits_of(value)
    if not number.isdigit():
        raise NumberRefused(
            _("An NPWP has digits only (dots and dashes may be left out)."), code="npwp_format"
        )
    if len(number) not in (15, 16):
        raise NumberRefused(
            _(
                "An NPWP has 16 digits (your NIK, or the old 15-digit number with a 0 in front); "
                "this one has %(count)d."
            )
            % {"count": len(number)},
            code="npwp_length",
        )
    if len(number) == 16 and not number.startswith("0"):
        try:
            return nik_check(number).number
        except NumberRefused as refused:
            raise NumberRefused(
                _("This NPWP is not a valid NIK (an individual's NPWP is their NIK): %(reason)s")
                % {"reason": refused.message},
                code="npwp_nik",
            ) from None
    try:
        stdnum_npwp.validate(number)
    except InvalidChecksum:
        raise NumberRefused(
            _("The NPWP's check digit does not match: look for a mistyped digit."), code="npwp_checksum"
        ) from None
    except (InvalidFormat, InvalidLength, ValidationError):
        raise NumberRefused(_("This is not a valid NPWP."), code="npwp_invalid") from None
    # L6: the old 15-digit number is the new one without its leading 0.
    return number if len(number) == 16 else "0" + number


def digits_check(value: str, *, length: int, message: StrOrPromise, code: str) -> str:
    """A number of exactly `length` digits (BPJS card numbers), or NumberRefused with `message`."""
    number = digits_of(value)
    if not number.isdigit() or len(number) != length:
        raise NumberRefused(message, code=code)
    return number


def masked(number: str) -> str:
    """The first 4 and last 4 digits, the rest hidden (3171********0001): enough to tell two apart."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
