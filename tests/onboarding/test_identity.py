"""NIK (L5, Dukcapil) and NPWP (L6, PMK 112/2022 as amended by PMK 136/2023; PER-6/PJ/2024) checks, and
masking on screen. Each row names the rule it holds the product to."""

from datetime import date

import pytest
import time_machine

from rekrut.onboarding.banks import account_check
from rekrut.onboarding.identity import NumberRefused, masked, nik_check, npwp_check


@pytest.mark.parametrize(
    ("rule", "value", "code"),
    [
        ("L5 valid: a man born 17-08-1990, Jakarta Selatan", "3174011708900001", None),
        ("L5 valid: a woman's day + 40 (57 = the 17th)", "3174015708900002", None),
        ("L5 valid: dots and spaces are left out", "3174 0117 0890 0001", None),
        ("L5 wrong length: 15 digits", "317401170890001", "nik_length"),
        ("L5 wrong length: 17 digits", "31740117089000011", "nik_length"),
        ("L5 digits only", "31740117089O0001", "nik_format"),
        ("L5 bad date: day 32", "3174013208900001", "nik_date"),
        ("L5 bad date: day 00", "3174010008900001", "nik_date"),
        ("L5 bad date: day 40 is neither a man's nor a woman's", "3174014008900001", "nik_date"),
        ("L5 bad date: women's day past 71", "3174017208900001", "nik_date"),
        ("L5 bad date: day 81 (stdnum takes it as the 1st)", "3174018108900001", "nik_date"),
        ("L5 bad date: month 13", "3174011713900001", "nik_date"),
        ("L5 bad date: 31 February", "3174013102900001", "nik_date"),
        ("L5 bad date: a woman's 30 February (70)", "3174017002900001", "nik_date"),
        ("L5 province code: 99 is no province", "9974011708900001", "nik_region"),
        ("L5 serial from 0001", "3174011708900000", "nik_serial"),
    ],
)
def test_nik_is_checked_as_dukcapil_writes_it(rule: str, value: str, code: str | None) -> None:
    if code is None:
        assert nik_check(value).number == value.replace(" ", "")
    else:
        with pytest.raises(NumberRefused) as refused:
            nik_check(value)
        assert refused.value.code == code, rule
        assert str(refused.value.message)  # a message for the person, not a code


@time_machine.travel("2026-11-22 09:00 +07:00", tick=False)
@pytest.mark.parametrize(
    ("value", "born", "female"),
    [
        ("3174011708900001", date(1990, 8, 17), False),
        ("3174015708900002", date(1990, 8, 17), True),
        # L5 gives only the year's last two digits: 05 is 2005 (21 years old), not 1905.
        ("3174010103050001", date(2005, 3, 1), False),
        ("3174014112990001", date(1999, 12, 1), True),
    ],
)
def test_nik_says_the_birth_date_and_sex(value: str, born: date, female: bool) -> None:
    facts = nik_check(value)
    assert (facts.birth_date, facts.is_female) == (born, female)


@pytest.mark.parametrize(
    ("rule", "value", "stored", "code"),
    [
        ("L6 an individual's NPWP is their NIK (16 digits)", "3174011708900001", "3174011708900001", None),
        ("L6 16 digits: the old number with a leading 0", "0013121660091000", "0013121660091000", None),
        ("L6 the old 15 digits, written with dots", "01.312.166.0-091.000", "0013121660091000", None),
        ("L6 the old 15 digits are stored as 16", "013121660091000", "0013121660091000", None),
        ("L6 the old number's check digit", "013121661091000", None, "npwp_checksum"),
        ("L6 wrong length: 14 digits", "01312166009100", None, "npwp_length"),
        ("L6 wrong length: 17 digits", "00131216600910001", None, "npwp_length"),
        ("L6 digits only", "01.312.166.0-091.ABC", None, "npwp_format"),
        ("L6 + L5 a NIK-NPWP with a bad date", "3174013208900001", None, "npwp_nik"),
    ],
)
def test_npwp_is_checked(rule: str, value: str, stored: str | None, code: str | None) -> None:
    if code is None:
        assert npwp_check(value) == stored, rule
    else:
        with pytest.raises(NumberRefused) as refused:
            npwp_check(value)
        assert refused.value.code == code, rule


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("3174011708900001", "3174********0001"),
        ("0013121660091000", "0013********1000"),
        ("", ""),
        ("12345678", "********"),
    ],
)
def test_numbers_are_masked_on_screen(number: str, shown: str) -> None:
    assert masked(number) == shown


@pytest.mark.parametrize(
    ("bank", "number", "code"),
    [
        ("014", "1234567890", None),  # BCA: 10 digits
        ("014", "123456789", "account_length"),
        ("008", "1234567890123", None),  # Mandiri: 13 digits
        ("451", "7123456789", None),  # BSI: no fixed length known, 6 to 20 digits
        ("451", "12345", "account_length"),
        ("014", "12345abcde", "account_format"),
        ("999", "1234567890", "bank_unknown"),
    ],
)
def test_bank_accounts_are_checked(bank: str, number: str, code: str | None) -> None:
    if code is None:
        assert account_check(bank_code=bank, number=number) == number
    else:
        with pytest.raises(NumberRefused) as refused:
            account_check(bank_code=bank, number=number)
        assert refused.value.code == code
