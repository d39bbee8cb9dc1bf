"""Education levels and language levels read from a CV, as ranks that can be compared with the job's ask.

Education: SMA/SMK < D3 < D4/S1 < S2 < S3 (D1 and D2 count as high school plus, below D3). Languages: basic
< conversational < fluent < native, from JSON Resume's free-text `fluency` in either language, or TOEFL/IELTS
scores written in the CV.
"""

import re

from rekrut.intake.ranking.text import term_words, words

EDUCATION_RANK = {"sma": 1, "d3": 2, "s1": 3, "s2": 4, "s3": 5}
RANK_EDUCATION = {rank: level for level, rank in EDUCATION_RANK.items()}

# As words (text.words): the highest level a phrase names wins.
_EDUCATION_TERMS: dict[int, tuple[str, ...]] = {
    5: ("s3", "doktor", "doctorate", "phd", "ph d", "ph.d", "doctoral"),
    4: (
        "s2",
        "magister",
        "master",
        "masters",
        "master s",
        "msc",
        "m.sc",
        "mba",
        "m.b.a",
        "m.m",
        "m.kom",
        "m.t",
        "m.si",
        "m.pd",
        "m.ak",
        "m.eng",
        "m.a",
        "postgraduate",
        "pascasarjana",
    ),
    3: (
        "s1",
        "d4",
        "d iv",
        "diploma iv",
        "sarjana",
        "sarjana terapan",
        "bachelor",
        "bachelors",
        "bachelor s",
        "undergraduate",
        "bsc",
        "b.sc",
        "b.a",
        "b.eng",
        "s.kom",
        "s.e",
        "s.t",
        "s.h",
        "s.psi",
        "s.pd",
        "s.ak",
        "s.sos",
        "s.i.kom",
        "s.ikom",
        "s.tr",
        "s.si",
        "s.ked",
        "s.farm",
        "strata 1",
        "strata satu",
        "universitas",
        "university",
    ),
    2: (
        "d3",
        "d iii",
        "diploma iii",
        "diploma 3",
        "diploma three",
        "ahli madya",
        "a.md",
        "amd",
        "associate degree",
    ),
    1: (
        "sma",
        "smk",
        "stm",
        "smea",
        "slta",
        "madrasah aliyah",
        "high school",
        "senior high school",
        "vocational high school",
        "sekolah menengah atas",
        "sekolah menengah kejuruan",
        "paket c",
        "d1",
        "d2",
        "diploma i",
        "diploma ii",
    ),
}
_EDUCATION_LOOKUP = [(rank, term_words(term)) for rank, terms in _EDUCATION_TERMS.items() for term in terms]
# A school's name alone tells the level when its degree was left out ("SMA Negeri 3 Bandung").
_SCHOOL_ONLY = {"universitas", "university"}
# In running text, only the unmistakable names of a degree count (an "S.T." or "B.A." may be anything).
_TEXT_TERMS = [
    (rank, term)
    for rank, term in _EDUCATION_LOOKUP
    if term not in _SCHOOL_ONLY and ("." not in term or len(term) > 4) and term not in ("d1", "d2")
]


def education_rank(entries: list[dict]) -> int:
    """The highest level of education the CV's entries show; 0 when none can be read."""
    best = 0
    for entry in entries:
        degree = words(f"{entry.get('studyType') or ''}")
        school = words(f"{entry.get('institution') or ''}")
        for rank, term in _EDUCATION_LOOKUP:
            if rank <= best:
                continue
            in_degree = f" {term} " in degree
            in_school = term not in _SCHOOL_ONLY and f" {term} " in school
            # "Universitas X" with no degree: someone who studied there, most likely a bachelor's.
            if in_degree or in_school or (term in ("universitas", "university") and f" {term} " in school):
                best = rank
    return best


def education_rank_in_text(text_words: str) -> int:
    """The highest degree a CV's text names (from `words`), when it has no structured education."""
    return max((rank for rank, term in _TEXT_TERMS if f" {term} " in text_words), default=0)


LANGUAGE_RANK = {"basic": 1, "conversational": 2, "fluent": 3, "native": 4}

_FLUENCY_TERMS: dict[int, tuple[str, ...]] = {
    4: ("native", "native speaker", "bahasa ibu", "mother tongue", "penutur asli", "bilingual"),
    3: (
        "fluent",
        "lancar",
        "fasih",
        "mahir",
        "advanced",
        "proficient",
        "professional",
        "full professional",
        "professional working",
        "sangat baik",
        "excellent",
        "c1",
        "c2",
    ),
    2: (
        "conversational",
        "intermediate",
        "menengah",
        "cukup",
        "cukup baik",
        "baik",
        "good",
        "aktif",
        "limited working",
        "b1",
        "b2",
        "upper intermediate",
    ),
    1: ("basic", "dasar", "beginner", "pemula", "elementary", "pasif", "passive", "sedikit", "a1", "a2"),
}
_FLUENCY_LOOKUP = [(rank, term_words(term)) for rank, terms in _FLUENCY_TERMS.items() for term in terms]


def fluency_rank(fluency: str) -> int:
    """A JSON Resume `fluency` as a rank; 0 when it says nothing readable."""
    said = words(fluency)
    for rank, term in _FLUENCY_LOOKUP:  # highest first
        if f" {term} " in said:
            return rank
    return 0


_LANGUAGE_NAMES: tuple[tuple[str, ...], ...] = (
    ("inggris", "english", "bahasa inggris"),
    ("indonesia", "indonesian", "bahasa indonesia"),
    ("mandarin", "chinese", "tionghoa", "bahasa mandarin", "putonghua"),
    ("jepang", "japanese", "bahasa jepang", "nihongo"),
    ("korea", "korean", "bahasa korea"),
    ("arab", "arabic", "bahasa arab"),
    ("jawa", "javanese", "bahasa jawa"),
    ("sunda", "sundanese", "bahasa sunda"),
    ("belanda", "dutch", "bahasa belanda"),
    ("jerman", "german", "bahasa jerman", "deutsch"),
    ("prancis", "perancis", "french", "bahasa prancis", "bahasa perancis", "francais"),
    ("spanyol", "spanish", "bahasa spanyol", "espanol"),
    ("melayu", "malay", "bahasa melayu"),
    ("thai", "thailand", "bahasa thailand"),
    ("vietnam", "vietnamese", "bahasa vietnam"),
    ("hokkien", "hokian"),
    ("kanton", "cantonese"),
)
_LANGUAGE_KEY = {term_words(name): group[0] for group in _LANGUAGE_NAMES for name in group}


def language_key(name: str) -> str:
    """One name per language, whatever the CV or HR called it ("English", "Bahasa Inggris" -> "inggris")."""
    key = term_words(name)
    return _LANGUAGE_KEY.get(key, key)


def language_names(key: str) -> tuple[str, ...]:
    """The words a CV may use for the language (for finding it in the text)."""
    for group in _LANGUAGE_NAMES:
        if group[0] == key:
            return tuple(term_words(name) for name in group)
    return (key,)


_TOEFL = re.compile(r"toefl[^0-9\n]{0,20}(\d{3})", re.IGNORECASE)
_IELTS = re.compile(r"ielts[^0-9\n]{0,20}(\d(?:[.,]\d)?)", re.IGNORECASE)


def english_from_scores(text: str) -> int:
    """English level from a TOEFL (PBT/ITP) or IELTS score written in the CV; 0 without one."""
    rank = 0
    for score in _TOEFL.findall(text):
        value = int(score)
        rank = max(rank, 3 if value >= 550 else 2 if value >= 450 else 1 if value >= 310 else 0)
    for score in _IELTS.findall(text):
        band = float(score.replace(",", "."))
        rank = max(rank, 3 if band >= 6.5 else 2 if band >= 5 else 1 if band > 0 else 0)
    return rank
