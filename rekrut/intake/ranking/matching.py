"""A job's requirements compiled once, then matched against each CV profile: what is met, what is missing.

Must-have and nice-to-have skills match any of their synonyms as whole words. Years of experience add up
the work periods (overlaps once); with "experience in", only the jobs whose title, employer or summary say
it. Education and languages compare ranks. Location is said, never scored: it is a reason, not a filter.
"""

import re
from dataclasses import dataclass

from rekrut.intake.ranking.levels import EDUCATION_RANK, LANGUAGE_RANK, language_key
from rekrut.intake.ranking.periods import years_total
from rekrut.intake.ranking.profile import CvProfile, language_mentioned
from rekrut.intake.ranking.synonyms import variants
from rekrut.intake.ranking.text import words
from rekrut.jobs.models import Job, JobRequirements, WorkMode


@dataclass(frozen=True)
class Skill:
    label: str  # as HR wrote it
    terms: frozenset[str]
    single: frozenset[str]  # one-word terms of two letters or more: looked up in the CV's words
    padded: tuple[str, ...]  # terms of several words, " term ", ready for a substring test
    letters: tuple[str, ...]  # one-letter terms ("r"), matched only as an item of a list


@dataclass(frozen=True)
class LanguageAsk:
    label: str
    key: str
    level: str
    rank: int


@dataclass(frozen=True)
class Criteria:
    must_have: tuple[Skill, ...]
    nice_to_have: tuple[Skill, ...]
    experience_years: int | None
    experience_in: str
    experience_terms: frozenset[str]
    education_min: str
    languages: tuple[LanguageAsk, ...]
    job_city: str
    job_city_words: str
    job_region_words: str
    location_matters: bool

    @property
    def is_empty(self) -> bool:
        return not (
            self.must_have
            or self.nice_to_have
            or self.experience_years
            or self.education_min
            or self.languages
        )


def _skill(label: str) -> Skill:
    terms = variants(label)
    return Skill(
        label=label,
        terms=terms,
        single=frozenset(term for term in terms if len(term) > 1 and " " not in term),
        padded=tuple(f" {term} " for term in terms if " " in term),
        letters=tuple(term for term in terms if len(term) == 1),
    )


def criteria_of(*, job: Job, requirements: JobRequirements) -> Criteria:
    """The requirements ready to match (synonyms looked up once for the whole ranking)."""
    location = job.location
    return Criteria(
        must_have=tuple(_skill(label) for label in requirements.must_have),
        nice_to_have=tuple(_skill(label) for label in requirements.nice_to_have),
        experience_years=requirements.experience_years or None,
        experience_in=requirements.experience_in,
        experience_terms=variants(requirements.experience_in) if requirements.experience_in else frozenset(),
        education_min=requirements.education_min,
        languages=tuple(
            LanguageAsk(
                label=str(ask.get("language", "")),
                key=language_key(str(ask.get("language", ""))),
                level=str(ask.get("level", "")),
                rank=LANGUAGE_RANK.get(str(ask.get("level", "")), 3),
            )
            for ask in requirements.languages
        ),
        job_city=location.city,
        job_city_words=words(location.city).strip(),
        job_region_words=words(location.region).strip(),
        location_matters=requirements.location_matters and job.work_mode != WorkMode.REMOTE,
    )


class Place:
    SAME_CITY = "same_city"
    SAME_REGION = "same_region"
    RELOCATES = "relocates"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LanguageResult:
    ask: LanguageAsk
    rank: int  # the CV's level; 0 named without a level; -1 not named
    met: bool


@dataclass(frozen=True)
class Match:
    must_met: tuple[str, ...]
    must_missing: tuple[str, ...]
    nice_met: tuple[str, ...]
    nice_missing: tuple[str, ...]
    years: float | None  # None: the CV gives no dates nor a stated number
    years_met: bool | None  # None: the job asks for no experience
    education: int
    education_met: bool | None
    languages: tuple[LanguageResult, ...]
    place: str | None  # a Place; None when the job does not care (remote, or HR switched it off)
    city: str

    def sort_key(self) -> tuple:
        """Must-haves first, then nice-to-haves, then experience, education and languages (larger first)."""
        return (
            -len(self.must_met),
            -len(self.nice_met),
            -(self.years_met is True),
            -(self.education_met is True),
            -sum(result.met for result in self.languages),
            -int(self.years or 0),
        )


def _has_any(haystack: str, terms: frozenset[str]) -> bool:
    return any(f" {term} " in haystack for term in terms)


def _in_a_list(text: str, term: str) -> bool:
    """A one-letter skill ("R", "C") counts only as an item of a list ("Python, R, SQL"): as a word it is
    too often an initial ("Jl. R. Soeprapto")."""
    item = re.compile(rf"(?:^|[,;/|•·(:])[ \t]*{re.escape(term)}[ \t]*(?:$|[,;/|•·):])", re.I | re.M)
    return bool(item.search(text))


def _skill_met(skill: Skill, profile: CvProfile) -> bool:
    if not skill.single.isdisjoint(profile.tokens):
        return True
    haystack = profile.words
    if any(term in haystack for term in skill.padded):
        return True
    return any(
        f" {term} " in profile.skills_words or _in_a_list(profile.text, term) for term in skill.letters
    )


def _years(criteria: Criteria, profile: CvProfile) -> float | None:
    if profile.work:
        work = profile.work
        if criteria.experience_terms:
            work = tuple(entry for entry in work if _has_any(entry.words, criteria.experience_terms))
        return years_total([(entry.start, entry.end) for entry in work])
    if profile.years_stated is not None and not criteria.experience_terms:
        return float(profile.years_stated)
    return None


def _place(criteria: Criteria, profile: CvProfile) -> str | None:
    if not criteria.location_matters:
        return None
    if criteria.job_city_words and f" {criteria.job_city_words} " in profile.city_words:
        return Place.SAME_CITY
    if criteria.job_region_words and f" {criteria.job_region_words} " in profile.city_words:
        return Place.SAME_REGION
    if profile.relocates:
        return Place.RELOCATES
    return Place.ELSEWHERE if profile.city_words.strip() else Place.UNKNOWN


def match(criteria: Criteria, profile: CvProfile) -> Match:
    must_met = tuple(s.label for s in criteria.must_have if _skill_met(s, profile))
    nice_met = tuple(s.label for s in criteria.nice_to_have if _skill_met(s, profile))
    years = _years(criteria, profile) if criteria.experience_years else None
    asked_level = EDUCATION_RANK.get(criteria.education_min, 0)
    languages = []
    for ask in criteria.languages:
        rank = profile.languages.get(ask.key)
        if rank is None:
            rank = 0 if language_mentioned(profile, ask.key) else -1
        languages.append(LanguageResult(ask=ask, rank=rank, met=rank >= ask.rank))
    return Match(
        must_met=must_met,
        must_missing=tuple(s.label for s in criteria.must_have if s.label not in must_met),
        nice_met=nice_met,
        nice_missing=tuple(s.label for s in criteria.nice_to_have if s.label not in nice_met),
        years=years,
        years_met=None if not criteria.experience_years else (years or 0) >= criteria.experience_years,
        education=profile.education,
        education_met=None if not asked_level else profile.education >= asked_level,
        languages=tuple(languages),
        place=_place(criteria, profile),
        city=profile.city,
    )
