"""Phone numbers as people type them, stored as E.164 (+62...). Indonesian numbers by default."""

from __future__ import annotations

import re

import phonenumbers
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


class PhoneInvalid(ValueError):
    """Not a phone number we can store; `message` is for the person typing it."""

    def __init__(self, message: StrOrPromise | None = None) -> None:
        super().__init__("phone_invalid")
        self.message = message or _("Enter a valid Indonesian phone number, e.g. 0812 3456 7890.")


def is_mobile(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.number_type(number) in MOBILE_TYPES


_COUNTRY_CODE_SPLIT = re.compile(r"\(?62\)?[\s.-]")


def country_code_preferred(number: phonenumbers.PhoneNumber, raw: str) -> phonenumbers.PhoneNumber:
    # "62 810 000 000" without a "+" is how WhatsApp exports numbers. When the rest is short, phonenumbers
    # reads it as a 062x landline whose trunk 0 was dropped. Prefer the country code when the rest is a
    # mobile (far likelier among candidates) or "62" stands apart ("62 21 5551234").
    digits = re.sub(r"\D", "", raw)
    if "+" in raw or not digits.startswith("62"):
        return number
    try:
        international = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_valid_number(international) or international.country_code != 62:
        return number
    is_mobile = phonenumbers.number_type(international) in MOBILE_TYPES
    return international if is_mobile or _COUNTRY_CODE_SPLIT.match(raw.strip()) else number


_PHONE_CHARS = re.compile(r"[\d\s+()./-]+")


def phone_normalize(raw: str) -> str:
    """A phone number as typed ("0812-3456-7890", "+62 812...", "(021) 555 1234") in E.164.

    Numbers without a country code are read as Indonesian; an explicit foreign code (+65...) is
    kept, for candidates living abroad. Raises `PhoneInvalid`.
    """
    raw = raw.strip()
    # phonenumbers turns letters into keypad digits ("0812 CALL ME"); in a form that is a typo.
    if not raw or len(raw) > 40 or not _PHONE_CHARS.fullmatch(raw):
        raise PhoneInvalid()
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException as exc:
        raise PhoneInvalid() from exc
    number = country_code_preferred(number, raw)
    if not phonenumbers.is_valid_number(number):
        raise PhoneInvalid()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
