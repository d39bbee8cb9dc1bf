"""The engine's judgements in plain words, in the active language (the candidate's).

Each note says what was found and, when something is missing, what to add; nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.practice.feedback.result import Feedback

STAR_NAMES: dict[str, Promise] = {
    "situation": _("Situation"),
    "task": _("Task"),
    "action": _("Action"),
    "result": _("Result"),
}
STAR_HINTS: dict[str, Promise] = {
    "situation": _("Set the scene: where you worked, when, and what was going on."),
    "task": _("Say what you were responsible for or what goal you had to reach."),
    "action": _('Tell what you yourself did, step by step: "I drew up…", "I called…".'),
    "result": _("End with the outcome, in figures if you can, and what you learned."),
}
STEP_NAMES: dict[str, Promise] = {
    "problem": _("the problem"),
    "analysis": _("how you analysed it"),
    "options": _("the options you weighed"),
    "solution": _("the solution"),
    "result": _("the result"),
}
EVIDENCE_KINDS: dict[str, Promise] = {
    "number": _("number"),
    "percentage": _("percentage"),
    "money": _("amount of money"),
    "duration": _("duration"),
    "tool": _("tool"),
}


@dataclass(frozen=True)
class Note:
    topic: (
        str  # "structure", "evidence", "length", "fillers", "hedges", "terms", "honesty", "motivation", ...
    )
    good: bool
    text: str


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes:
        return str(format_lazy(_("{minutes} min {seconds} s"), minutes=minutes, seconds=rest))
    return str(format_lazy(_("{seconds} s"), seconds=rest))


def feedback_notes(feedback: Feedback) -> list[Note]:
    notes = [_structure(feedback), _evidence(feedback), _length(feedback)]
    notes.append(
        Note(
            "fillers",
            False,
            str(
                format_lazy(
                    _("Filler words: {words}. Pause silently instead; a short pause sounds confident."),
                    words=", ".join(sorted({f.text.lower() for f in feedback.fillers})),
                )
            ),
        )
        if feedback.fillers
        else Note("fillers", True, str(_("No filler words found.")))
    )
    if feedback.hedges:
        words = ", ".join(sorted({h.text.lower() for h in feedback.hedges}))
        notes.append(
            Note(
                "hedges",
                False,
                str(
                    format_lazy(
                        _(
                            "Hedging words: {words}. Say what you know plainly; if you are unsure, say "
                            "what you would check."
                        ),
                        words=words,
                    )
                ),
            )
        )
    if feedback.terms:
        notes.append(_terms(feedback))
    if feedback.blames:
        notes.append(
            Note(
                "honesty",
                False,
                str(
                    _(
                        "Part of the answer blames someone else (a former employer, boss or colleagues). "
                        "Interviewers hear this as a warning sign: describe the situation neutrally and say "
                        "what you did and learned."
                    )
                ),
            )
        )
    if feedback.round_type == "hr":
        if feedback.motivation:
            notes.append(
                Note(
                    "motivation",
                    True,
                    str(_("You speak about your motivation. Link it to what you know about the company.")),
                )
            )
        else:
            notes.append(
                Note(
                    "motivation",
                    False,
                    str(
                        _(
                            "Motivation does not come through. Say why this role and this company interest "
                            "you."
                        )
                    ),
                )
            )
    if feedback.round_type == "user":
        notes.append(_sequence(feedback))
    if feedback.generic and not feedback.part("action").found:
        notes.append(
            Note(
                "story",
                False,
                str(
                    _(
                        "The answer describes you in general terms. Interviewers believe one real example "
                        "more than a list of qualities."
                    )
                ),
            )
        )
    return notes


def _structure(feedback: Feedback) -> Note:
    found = ", ".join(str(STAR_NAMES[p]) for p in feedback.star_found)
    missing = feedback.star_missing
    if not missing:
        return Note(
            "structure",
            True,
            str(_("Complete STAR structure: situation, task, action and result are all there.")),
        )
    hints = " ".join(str(STAR_HINTS[p]) for p in missing)
    names = ", ".join(str(STAR_NAMES[p]) for p in missing)
    if not found:
        return Note("structure", False, str(format_lazy(_("No STAR part found yet. {hints}"), hints=hints)))
    return Note(
        "structure",
        False,
        str(
            format_lazy(
                _("Found: {found}. Missing: {missing}. {hints}"), found=found, missing=names, hints=hints
            )
        ),
    )


def _evidence(feedback: Feedback) -> Note:
    if not feedback.evidence:
        return Note(
            "evidence",
            False,
            str(
                _(
                    'No concrete evidence yet. Add a number, a result or a tool you used: "cut the waiting '
                    'time from 3 days to 1", "with Excel".'
                )
            ),
        )
    kinds = ", ".join(dict.fromkeys(str(EVIDENCE_KINDS[f.kind]) for f in feedback.evidence))
    count = len(feedback.evidence)
    return Note(
        "evidence",
        True,
        ngettext(
            "%(count)d piece of concrete evidence (%(kinds)s).",
            "%(count)d pieces of concrete evidence (%(kinds)s).",
            count,
        )
        % {"count": count, "kinds": kinds},
    )


def _length(feedback: Feedback) -> Note:
    low, high = feedback.good_range
    said = ngettext(
        "%(words)d word, about %(time)s spoken.", "%(words)d words, about %(time)s spoken.", feedback.words
    ) % {"words": feedback.words, "time": _minutes(feedback.seconds)}
    if feedback.length == "good":
        return Note("length", True, f"{said} {_('A good length for this round.')}")
    if feedback.length == "long":
        advice = format_lazy(
            _("Long for this round: aim for {low}–{high} words and keep the strongest example."),
            low=low,
            high=high,
        )
    else:
        advice = format_lazy(
            _("Short for this round: aim for {low}–{high} words with one concrete example."),
            low=low,
            high=high,
        )
    return Note("length", False, f"{said} {advice}")


def _terms(feedback: Feedback) -> Note:
    used, missed = feedback.terms_used, feedback.terms_missed
    if not missed:
        return Note(
            "terms",
            True,
            str(
                format_lazy(_("You touch every key requirement of the job: {terms}."), terms=", ".join(used))
            ),
        )
    if not used:
        return Note(
            "terms",
            False,
            str(
                format_lazy(
                    _(
                        "The answer touches none of the job's key requirements. Where it is true for you, "
                        "mention: {terms}."
                    ),
                    terms=", ".join(missed),
                )
            ),
        )
    return Note(
        "terms",
        False,
        str(
            format_lazy(
                _("Job terms used: {used}. Not yet: {missed}."),
                used=", ".join(used),
                missed=", ".join(missed),
            )
        ),
    )


def _sequence(feedback: Feedback) -> Note:
    missing = [str(STEP_NAMES[step]) for step, found in feedback.sequence if not found]
    if not missing and feedback.sequence_in_order:
        return Note(
            "problem_solving",
            True,
            str(_("Clear problem solving: problem, analysis, options, solution and result, in order.")),
        )
    if not missing:
        return Note(
            "problem_solving",
            False,
            str(
                _(
                    "All problem-solving steps are there, but not in order. Tell them as problem → "
                    "analysis → options → solution → result."
                )
            ),
        )
    return Note(
        "problem_solving",
        False,
        str(format_lazy(_("For a technical interviewer, add {steps}."), steps=", ".join(missing))),
    )
