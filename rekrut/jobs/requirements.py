"""A job's structured requirements: the parts HR sets so that the applications can be ranked against them.

Only skills, experience, education, languages and location may be asked. A requirement about age, sex,
religion, ethnicity, marital status or looks is refused with the ad check's own advice (UU 13/2003 Ps 5–6,
domain rule D1; SE Menaker M/6/HK.04/V/2025, rule D3), so the ranking can never be steered by one.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.access import job_access
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.models import EducationLevel, Job, JobRequirements, LanguageLevel

action_register("job.requirements_changed", _("Requirements for ranking changed"))

SKILLS_MAX = 20
SKILL_LENGTH_MAX = 60
LANGUAGES_MAX = 5
YEARS_MAX = 40
# Words about who a person is rather than what they can do, beyond those the ad check already warns about.
PERSONAL_TERMS = re.compile(
    r"\b(islam|muslim|muslimah|kristen|christian|katolik|catholic|protestan|hindu|buddha|budha|buddhist|"
    r"konghucu|hijab|berhijab|jilbab|berjilbab|menikah|married|usia|umur|age|foto|photo|"
    r"tahun\s+kelahiran|kelahiran|berwajah|good\s+looking)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LanguageSpec:
    language: str
    level: str


@dataclass(frozen=True)
class RequirementsSpec:
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    experience_years: int | None = None
    experience_in: str = ""
    education_min: str = ""
    languages: tuple[LanguageSpec, ...] = ()
    location_matters: bool = True


def skills_clean(skills: tuple[str, ...] | list[str]) -> list[str]:
    """Trimmed, spaces collapsed, duplicates (ignoring case) dropped, in the order HR wrote them."""
    seen: set[str] = set()
    kept = []
    for skill in skills:
        skill = " ".join(skill.split()).strip(" ,;")
        if skill and skill.casefold() not in seen:
            seen.add(skill.casefold())
            kept.append(skill)
    return kept


def _spec_check(spec: RequirementsSpec) -> None:
    for skills in (spec.must_have, spec.nice_to_have):
        if len(skills) > SKILLS_MAX:
            raise DomainError(
                _("List at most %(max)d skills in each list.") % {"max": SKILLS_MAX}, code="skills_max"
            )
        for skill in skills:
            if len(skill) > SKILL_LENGTH_MAX:
                raise DomainError(
                    _("“%(skill)s” is too long for a skill: keep each one under %(max)d characters.")
                    % {"skill": skill[:30] + "…", "max": SKILL_LENGTH_MAX},
                    code="skill_length",
                )
    if spec.experience_years is not None and not 0 <= spec.experience_years <= YEARS_MAX:
        raise DomainError(
            _("Years of experience must be between 0 and %(max)d.") % {"max": YEARS_MAX}, code="years"
        )
    if spec.education_min and spec.education_min not in EducationLevel.values:
        raise DomainError(_("Choose an education level from the list."), code="education")
    if len(spec.languages) > LANGUAGES_MAX:
        raise DomainError(
            _("Ask for at most %(max)d languages.") % {"max": LANGUAGES_MAX}, code="languages_max"
        )
    for language in spec.languages:
        if language.level not in LanguageLevel.values:
            raise DomainError(_("Choose how well each language is needed."), code="language_level")
    asked = [*spec.must_have, *spec.nice_to_have, spec.experience_in]
    asked += [language.language for language in spec.languages]
    for warning in ad_warnings(*asked):
        raise DomainError(
            _("“%(phrase)s” cannot be a requirement for ranking. %(advice)s")
            % {"phrase": warning.phrase, "advice": warning.advice},
            code="requirement_discriminatory",
        )
    for text in asked:
        if found := PERSONAL_TERMS.search(text):
            raise DomainError(
                _(
                    "“%(phrase)s” is about who a person is, not what they can do: it cannot be a requirement "
                    "for ranking (UU 13/2003 Ps 5–6)."
                )
                % {"phrase": found.group(0)},
                code="requirement_discriminatory",
            )


@transaction.atomic
def job_requirements_set(*, actor: User, job: Job, spec: RequirementsSpec) -> JobRequirements:
    """Saves the job's structured requirements (the job's HR owner or an HR admin), audited."""
    if not job_access(user=actor, job=job).can_edit:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its requirements."))
    spec = RequirementsSpec(
        must_have=tuple(skills_clean(spec.must_have)),
        nice_to_have=tuple(skills_clean(spec.nice_to_have)),
        experience_years=spec.experience_years,
        experience_in=" ".join(spec.experience_in.split()),
        education_min=spec.education_min,
        languages=tuple(
            LanguageSpec(" ".join(language.language.split()), language.level)
            for language in spec.languages
            if language.language.strip()
        ),
        location_matters=spec.location_matters,
    )
    _spec_check(spec)
    requirements, _created = JobRequirements.objects.select_for_update().get_or_create(job=job)
    before = _for_audit(requirements)
    requirements.must_have = list(spec.must_have)
    requirements.nice_to_have = list(spec.nice_to_have)
    requirements.experience_years = spec.experience_years or None
    requirements.experience_in = spec.experience_in if spec.experience_years else ""
    requirements.education_min = spec.education_min
    requirements.languages = [{"language": lang.language, "level": lang.level} for lang in spec.languages]
    requirements.location_matters = spec.location_matters
    requirements.save()
    after = _for_audit(requirements)
    changes = {key: [before[key], value] for key, value in after.items() if before[key] != value}
    if changes:
        audit_record(actor=actor, action="job.requirements_changed", subject=job, changes=changes)
    return requirements


def _for_audit(requirements: JobRequirements) -> dict[str, object]:
    return {
        "must_have": list(requirements.must_have),
        "nice_to_have": list(requirements.nice_to_have),
        "experience_years": requirements.experience_years,
        "experience_in": requirements.experience_in,
        "education_min": requirements.education_min,
        "languages": list(requirements.languages),
        "location_matters": requirements.location_matters,
    }


def job_requirements_of(*, job: Job) -> JobRequirements:
    """The job's requirements; an unsaved empty set when HR has not written any yet."""
    found = JobRequirements.objects.filter(job=job).first()
    return found if found is not None else JobRequirements(job=job)
