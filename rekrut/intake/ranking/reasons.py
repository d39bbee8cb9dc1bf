"""The reasons for a place in the ranking, in words, in the viewer's language (worded when shown).

"Memenuhi 4 dari 5 syarat wajib; belum ada: SQL" / "Meets 4 of 5 must-haves; missing: SQL", then the
nice-to-haves, the experience ("3 tahun layanan pelanggan, diminta 2"), education, languages and where the
applicant lives. Each reason has a tone for the page: met, short of the ask, or said for information.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rekrut.intake.ranking.levels import LANGUAGE_RANK, RANK_EDUCATION
from rekrut.intake.ranking.matching import Criteria, Match, Place
from rekrut.jobs.models import EducationLevel, LanguageLevel

MET, SHORT, INFO = "met", "short", "info"
LEVEL_OF_RANK = {rank: level for level, rank in LANGUAGE_RANK.items()}


@dataclass(frozen=True)
class Reason:
    tone: str
    text: str


def _list(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def years_said(years: float) -> str:
    if years < 1:
        months = int(years * 12)
        return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
    whole = int(years)
    return ngettext("%(n)d year", "%(n)d years", whole) % {"n": whole}


def _skills(match: Match, criteria: Criteria) -> list[Reason]:
    found = []
    total = len(criteria.must_have)
    if total:
        met = len(match.must_met)
        if not match.must_missing:
            text = ngettext("Meets the %(total)d must-have", "Meets all %(total)d must-haves", total) % {
                "total": total
            }
        else:
            text = ngettext(
                "Meets %(met)d of %(total)d must-have; missing: %(missing)s",
                "Meets %(met)d of %(total)d must-haves; missing: %(missing)s",
                total,
            ) % {"met": met, "total": total, "missing": _list(match.must_missing)}
        found.append(Reason(MET if not match.must_missing else SHORT, text))
    total = len(criteria.nice_to_have)
    if total:
        if match.nice_met:
            text = ngettext(
                "%(met)d of %(total)d nice-to-have: %(skills)s",
                "%(met)d of %(total)d nice-to-haves: %(skills)s",
                total,
            ) % {"met": len(match.nice_met), "total": total, "skills": _list(match.nice_met)}
        else:
            text = ngettext(
                "No nice-to-have found: %(missing)s", "No nice-to-haves found: %(missing)s", total
            ) % {"missing": _list(match.nice_missing)}
        found.append(Reason(MET if match.nice_met else INFO, text))
    return found


def _experience(match: Match, criteria: Criteria) -> list[Reason]:
    asked = criteria.experience_years
    if not asked:
        return []
    tone = MET if match.years_met else SHORT
    if match.years is None:
        text = _("Work dates not found in the CV; asks %(asked)d years") % {"asked": asked}
        return [Reason(SHORT, text)]
    if criteria.experience_in:
        text = _("%(years)s of %(field)s, asks %(asked)d") % {
            "years": years_said(match.years),
            "field": criteria.experience_in,
            "asked": asked,
        }
    else:
        text = _("%(years)s of work experience, asks %(asked)d") % {
            "years": years_said(match.years),
            "asked": asked,
        }
    return [Reason(tone, text)]


def _education(match: Match, criteria: Criteria) -> list[Reason]:
    if not criteria.education_min:
        return []
    asked = EducationLevel(criteria.education_min).label
    if not match.education:
        return [Reason(SHORT, _("Education not found in the CV; asks at least %(asked)s") % {"asked": asked})]
    has = EducationLevel(RANK_EDUCATION[match.education]).label
    return [
        Reason(
            MET if match.education_met else SHORT,
            _("%(has)s, asks at least %(asked)s") % {"has": has, "asked": asked},
        )
    ]


def _languages(match: Match) -> list[Reason]:
    found = []
    for result in match.languages:
        asked = str(LanguageLevel(result.ask.level).label).lower() if result.ask.level else ""
        values = {"language": result.ask.label, "asked": asked}
        if result.rank < 0:
            found.append(Reason(SHORT, _("%(language)s not in the CV; asks %(asked)s") % values))
        elif result.rank == 0:
            text = _("%(language)s named without a level; asks %(asked)s") % values
            found.append(Reason(SHORT, text))
        else:
            values["has"] = str(LanguageLevel(LEVEL_OF_RANK[result.rank]).label).lower()
            text = _("%(language)s: %(has)s, asks %(asked)s") % values
            found.append(Reason(MET if result.met else SHORT, text))
    return found


def _place(match: Match, criteria: Criteria) -> list[Reason]:
    values = {"city": match.city, "job_city": criteria.job_city}
    texts = {
        Place.SAME_CITY: _("Lives in %(job_city)s, where the job is"),
        Place.SAME_REGION: _("Lives in %(city)s, in the job's province"),
        Place.RELOCATES: _("Lives in %(city)s; willing to relocate to %(job_city)s"),
        Place.ELSEWHERE: _("Lives in %(city)s; the job is in %(job_city)s"),
        Place.UNKNOWN: _("Where the applicant lives is not in the CV"),
    }
    if match.place is None:
        return []
    if match.place == Place.RELOCATES and not match.city:
        return [Reason(INFO, _("Willing to relocate to %(job_city)s") % values)]
    return [Reason(INFO, texts[match.place] % values)]


def reasons_of(match: Match, criteria: Criteria) -> list[Reason]:
    """Every reason, in the order the ranking weighs them (location last: it is never weighed)."""
    return [
        *_skills(match, criteria),
        *_experience(match, criteria),
        *_education(match, criteria),
        *_languages(match),
        *_place(match, criteria),
    ]
