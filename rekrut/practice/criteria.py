"""The public criteria of each round that a candidate rates themselves on after an answer.

They are what any Rekrut company's round looks at in general (PRODUCT.md: the two interviews side by side),
never a company's own rubric, which stays private to its interviewers.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RATING_SCALE = (1, 2, 3, 4, 5)

ROUND_CRITERIA: dict[str, tuple[tuple[str, Promise], ...]] = {
    "hr": (
        ("attitude", _("Attitude")),
        ("motivation", _("Motivation")),
        ("communication", _("Communication")),
        ("discipline", _("Discipline")),
        ("adaptability", _("Adaptability")),
        ("culture_fit", _("Culture fit")),
    ),
    "user": (
        ("technical_skill", _("Technical skill")),
        ("relevant_experience", _("Relevant experience")),
        ("problem_solving", _("Problem solving")),
        ("tools", _("Mastery of tools")),
        ("team_fit", _("Team fit")),
    ),
    "superior": (
        ("team_direction", _("Fit with the team's direction")),
        ("initiative", _("Initiative")),
        ("communication", _("Communication")),
        ("growth", _("Willingness to grow")),
    ),
    "director": (
        ("company_direction", _("Fit with the company's direction")),
        ("judgement", _("Judgement")),
        ("leadership", _("Leadership")),
        ("integrity", _("Integrity")),
    ),
}

ROUND_TYPES = tuple(ROUND_CRITERIA)


def criteria_of(round_type: str) -> tuple[tuple[str, Promise], ...]:
    return ROUND_CRITERIA.get(round_type, ())
