"""Text as the ranking compares it: folded, cut into words, with lines about protected attributes removed.

Matching a phrase is a substring test on " word word " with a space on each side, so a term only ever
matches whole words: "R" never matches the r of "rapi", "Java" never matches "JavaScript".
"""

import re

from rekrut.candidates.folding import text_fold

# Kept inside words: C++, C#, R&D, Node.js and ASP.NET stay one word; a dot only inside a word. Every other
# character of folded text is a space (str.translate: far faster than a regular expression on a whole CV).
_WORD_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789+#&.")
_TO_SPACE = {code: " " for code in range(0x250) if chr(code) not in _WORD_CHARS}
_NOT_WORD = re.compile(r"[^a-z0-9+#&.]+")

# Lines of a CV stating age, sex, religion, ethnicity, marital status, body or birth: the ranking never
# reads them (UU 13/2003 Ps 5–6, domain rule D1; SE Menaker M/6/HK.04/V/2025, rule D3).
PROTECTED_LINE = re.compile(
    r"[\s\W]*(agama|religion|status(\s+(pernikahan|perkawinan|pribadi))?|marital(\s+status)?|"
    r"(tempat[\s,/&]*)?(tanggal|tgl\.?)\s+lahir|tempat\s*/?\s*tgl\.?\s+lahir|ttl|date\s+of\s+birth|"
    r"place\s+and\s+date\s+of\s+birth|birth\s*date|dob|born|lahir|usia|umur|age|jenis\s+kelamin|gender|"
    r"sex|suku(\s+bangsa)?|ethnicity|race|ras|tinggi(\s+badan)?|berat(\s+badan)?|height|weight|"
    r"golongan\s+darah|blood\s+type|kewarganegaraan|nationality|foto|photo)\b",
    re.IGNORECASE,
)


def words(text: str) -> str:
    """The text folded (case, accents) and cut into words, one space between them and one at each end."""
    spaced = " " + (text_fold(text) or "").translate(_TO_SPACE) + " "
    if not spaced.isascii():  # letters of other scripts are not words the requirements use
        spaced = _NOT_WORD.sub(" ", spaced)
    if "." not in spaced:
        return " " + " ".join(spaced.split()) + " "
    # A dot at either end of a word is punctuation ("Excel." ".NET"); plain string work, as this runs on
    # every CV of a ranking and regular expressions over whole CVs were most of its time.
    while ". " in spaced:
        spaced = spaced.replace(". ", " ")
    while " ." in spaced:
        spaced = spaced.replace(" .", " ")
    tokens = spaced.split()
    # "Ms.Excel" is also "Ms Excel"; "Node.js" stays findable as itself.
    dotted = " ".join(token for token in tokens if "." in token).replace(".", " ")
    return " " + " ".join(tokens) + (" " + " ".join(dotted.split()) if dotted else "") + " "


def term_words(term: str) -> str:
    """A term as `words` cuts it, without the outer spaces ("Ms. Excel" -> "ms excel")."""
    return words(term).strip()


def protected_lines_drop(text: str) -> str:
    """The text without the lines that begin by stating a protected attribute ("Agama: Islam")."""
    return "\n".join(line for line in text.splitlines() if not PROTECTED_LINE.match(line))


def has(haystack: str, term: str) -> bool:
    """Whether `haystack` (from `words`) holds `term` (from `term_words`) as whole words."""
    return bool(term) and f" {term} " in haystack
