"""The medical check-up's rules that need no database: what a package may not require (D5).

Kepmenakertrans 68/2004 Ps 5 (rule D5 in shared/domain/indonesia.md): an HIV test may not be a
requirement of recruitment; it is only ever voluntary, with written consent, and confidential. A package is
what the company requires of every candidate sent to the clinic, so none of its items may be an HIV test.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import DomainError

# After folding (below): "HIV", "anti-HIV", "Anti HIV 1/2", "tes HIV", "H.I.V", "HIV/AIDS", "rapid HIV";
# VCT and PITC are the Indonesian Health Ministry's names for HIV testing with counselling; and the virus
# by its full name, in English or Indonesian ("virus imunodefisiensi manusia"). "Archive" is not matched.
_HIV_TEST = re.compile(
    r"(?<![a-z])(?:anti)?hiv"
    r"|(?<![a-z])(?:vct|pitc)(?![a-z])"
    r"|im+uno ?defi[cs]i",
)


def _folded(text: str) -> str:
    """Lower-case Latin letters and digits with single spaces: full-width letters, accents, invisible
    characters (zero-width spaces) and punctuation cannot hide a word, nor can spacing out its letters."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if unicodedata.category(c) not in {"Mn", "Cf"}).casefold()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    # "h i v" -> "hiv": a run of single letters is read as one word.
    return re.sub(r"\b([a-z])\s(?=[a-z]\b)", r"\1", text)


def mentions_hiv_test(text: str) -> bool:
    return bool(_HIV_TEST.search(_folded(text)))


HIV_TEST_REFUSED = _(
    "An HIV test cannot be part of a medical check-up package: Indonesian law forbids it as a recruitment "
    "requirement (Kepmenakertrans 68/2004 Ps 5). Remove “%(item)s”."
)


def package_items_check(*, name: str, items: list[str]) -> None:
    """Refuses a package whose name or any item is an HIV test (D5), naming the item and the rule."""
    for text in [name, *items]:
        if mentions_hiv_test(text):
            raise DomainError(HIV_TEST_REFUSED % {"item": text.strip()}, code="hiv_test_forbidden")


def items_split(text: str) -> list[str]:
    """A package's items as HR types them: one per line, blank lines and repeats left out."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
