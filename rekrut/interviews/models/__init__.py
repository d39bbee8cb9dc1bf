"""Models of the interviews app, split by topic: the shipped library, job plans, interviews, decisions."""

from rekrut.interviews.models.decisions import Decision, DecisionOutcome, DecisionPolicy, StrongYesWeight
from rekrut.interviews.models.interviews import (
    ImmutableRow,
    Interview,
    InterviewStatus,
    Recommendation,
    Scorecard,
    ScorecardQuestionNote,
    ScorecardRating,
    ScorecardStatus,
    ScorecardVersion,
)
from rekrut.interviews.models.library import (
    DECIDING_KINDS,
    INTERVIEW_KINDS,
    ROUND_TYPE_OF_KIND,
    RUBRIC_LEVEL_NAMES,
    RUBRIC_LEVELS,
    Attribute,
    Question,
    RoundTemplate,
    RoundTemplateAttribute,
    RoundType,
)
from rekrut.interviews.models.plans import (
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    KitQuestion,
    PlanRound,
    PlanRoundAttribute,
)

__all__ = [
    "DECIDING_KINDS",
    "INTERVIEW_KINDS",
    "MAX_DURATION_MINUTES",
    "MIN_DURATION_MINUTES",
    "ROUND_TYPE_OF_KIND",
    "RUBRIC_LEVELS",
    "RUBRIC_LEVEL_NAMES",
    "Attribute",
    "Decision",
    "DecisionOutcome",
    "DecisionPolicy",
    "ImmutableRow",
    "Interview",
    "InterviewStatus",
    "KitQuestion",
    "PlanRound",
    "PlanRoundAttribute",
    "Question",
    "Recommendation",
    "RoundTemplate",
    "RoundTemplateAttribute",
    "RoundType",
    "Scorecard",
    "ScorecardQuestionNote",
    "ScorecardRating",
    "ScorecardStatus",
    "ScorecardVersion",
    "StrongYesWeight",
]
