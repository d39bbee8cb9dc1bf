"""Interview kit arithmetic, pure (no ORM): which bank questions to suggest, and time per question."""

from collections.abc import Sequence
from dataclasses import dataclass

GENERAL_FAMILY = "general"
# Opening (introductions, how the interview runs) and the candidate's own questions at the end.
RESERVED_MINUTES = 10
MINUTES_PER_SUGGESTED_QUESTION = 7
MIN_SUGGESTED, MAX_SUGGESTED = 3, 10


@dataclass(frozen=True)
class QuestionRef:
    id: int
    job_family: str
    attribute_codes: frozenset[str]


def suggested_count(duration_minutes: int) -> int:
    """How many questions fit a round of this length, leaving time to open and to close."""
    fitting = (duration_minutes - RESERVED_MINUTES) // MINUTES_PER_SUGGESTED_QUESTION
    return max(MIN_SUGGESTED, min(MAX_SUGGESTED, fitting))


def minutes_per_question(duration_minutes: int, question_count: int) -> int | None:
    """Time guidance shown in the kit: the round's length, less the opening and closing, per question."""
    if question_count <= 0:
        return None
    return max(1, (duration_minutes - RESERVED_MINUTES) // question_count)


def suggest(
    questions: Sequence[QuestionRef], *, focus: Sequence[str], job_family: str, limit: int
) -> list[int]:
    """Question ids for a kit: every focus attribute probed at least once where the bank allows, questions
    written for the job's family preferred over general ones, then filled up to `limit`. The result keeps
    the bank's order, which opens with the introductory questions."""
    wanted = set(focus)
    eligible = [
        q for q in questions if q.job_family in {job_family, GENERAL_FAMILY} and q.attribute_codes & wanted
    ]
    # Stable sort: the job's own family first, the bank's order kept within each group.
    ranked = sorted(eligible, key=lambda q: q.job_family != job_family or job_family == GENERAL_FAMILY)
    chosen: list[int] = []
    covered: set[str] = set()
    for code in focus:
        if len(chosen) >= limit:
            break
        if code in covered:
            continue
        pick = next((q for q in ranked if code in q.attribute_codes and q.id not in chosen), None)
        if pick is not None:
            chosen.append(pick.id)
            covered |= pick.attribute_codes
    for q in ranked:
        if len(chosen) >= limit:
            break
        if q.id not in chosen:
            chosen.append(q.id)
    order = {q.id: i for i, q in enumerate(questions)}
    return sorted(chosen, key=order.__getitem__)
