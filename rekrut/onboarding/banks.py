"""Indonesian banks a salary is paid into, with their clearing codes (Bank Indonesia's SKN/BI-FAST codes,
which payroll files ask for), and account numbers checked as far as a bank's length is well known."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rekrut.onboarding.identity import NumberRefused, digits_of


@dataclass(frozen=True)
class Bank:
    code: str  # the bank's clearing code, e.g. "014" for BCA
    name: str
    # Account numbers of this bank have one of these lengths; empty: 6 to 20 digits.
    lengths: tuple[int, ...] = ()


BANKS: tuple[Bank, ...] = (
    Bank("014", "BCA (Bank Central Asia)", (10,)),
    Bank("008", "Bank Mandiri", (13,)),
    Bank("002", "BRI (Bank Rakyat Indonesia)", (15,)),
    Bank("009", "BNI (Bank Negara Indonesia)", (10,)),
    Bank("451", "BSI (Bank Syariah Indonesia)"),
    Bank("200", "BTN (Bank Tabungan Negara)"),
    Bank("022", "CIMB Niaga"),
    Bank("011", "Bank Danamon"),
    Bank("013", "Bank Permata"),
    Bank("028", "OCBC NISP"),
    Bank("019", "Panin Bank"),
    Bank("016", "Maybank Indonesia"),
    Bank("023", "UOB Indonesia"),
    Bank("213", "SMBC Indonesia (BTPN)"),
    Bank("426", "Bank Mega"),
    Bank("441", "KB Bank (Bukopin)"),
    Bank("147", "Bank Muamalat"),
    Bank("153", "Bank Sinarmas"),
    Bank("087", "HSBC Indonesia"),
    Bank("542", "Bank Jago"),
    Bank("535", "SeaBank Indonesia"),
    Bank("501", "blu by BCA Digital"),
    Bank("111", "Bank DKI"),
    Bank("110", "bank bjb"),
    Bank("113", "Bank Jateng"),
    Bank("114", "Bank Jatim"),
    Bank("129", "BPD Bali"),
    Bank("117", "Bank Sumut"),
)
BY_CODE = {bank.code: bank for bank in BANKS}
ACCOUNT_MIN, ACCOUNT_MAX = 6, 20


def bank_choices() -> list[tuple[str, str]]:
    return [(bank.code, bank.name) for bank in BANKS]


def bank_name(code: str) -> str:
    bank = BY_CODE.get(code)
    return bank.name if bank else code


def account_check(*, bank_code: str, number: str) -> str:
    """The account number as digits for this bank, or NumberRefused saying what is wrong."""
    bank = BY_CODE.get(bank_code)
    if bank is None:
        raise NumberRefused(_("Choose your bank from the list."), code="bank_unknown")
    digits = digits_of(number)
    if not digits.isdigit():
        raise NumberRefused(_("An account number has digits only."), code="account_format")
    if bank.lengths and len(digits) not in bank.lengths:
        raise NumberRefused(
            _("A %(bank)s account number has %(length)s digits; this one has %(count)d.")
            % {"bank": bank.name, "length": " / ".join(str(n) for n in bank.lengths), "count": len(digits)},
            code="account_length",
        )
    if not ACCOUNT_MIN <= len(digits) <= ACCOUNT_MAX:
        raise NumberRefused(
            _("An account number has %(min)d to %(max)d digits; this one has %(count)d.")
            % {"min": ACCOUNT_MIN, "max": ACCOUNT_MAX, "count": len(digits)},
            code="account_length",
        )
    return digits
