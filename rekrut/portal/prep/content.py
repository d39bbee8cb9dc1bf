"""The prep pack's words: Rekrut's own advice per round type and per mode, written for candidates. Data
only (lazy texts, shown in the candidate's language); pack.py picks what fits one interview.

What each round assesses is its public description (the product's HR and user interview criteria), never
the company's rubric or its scoring anchors."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.models import InterviewMode, RoundType


@dataclass(frozen=True)
class RoundAdvice:
    runs_it: Promise  # who sits across the table, by role (never a person's name)
    about: Promise  # what the round is for
    looks_at: tuple[Promise, ...]  # the round's public criteria
    style: Promise  # the communication that fits it
    style_tips: tuple[Promise, ...]


ROUNDS: dict[str, RoundAdvice] = {
    RoundType.HR: RoundAdvice(
        runs_it=_("Someone from the HR team (HRD or a recruiter)."),
        about=_(
            "The HR team gets to know you as a person: your attitude, motivation and readiness for the "
            "job, and whether the way the company works suits you. The questions are general, not about "
            "the technical side of the job."
        ),
        looks_at=(
            _("Attitude and professionalism"),
            _("Communication"),
            _("Discipline"),
            _("Adaptability"),
            _("Emotional stability"),
            _("Motivation and fit with the company's culture"),
        ),
        style=_("Polite, positive, calm and confident."),
        style_tips=(
            _(
                "Tell your career story honestly and in order: where you started, what you learned, "
                "why this job."
            ),
            _("Speak well of former employers and colleagues, even when you left for a reason."),
            _("Answer salary and notice-period questions plainly; a range you researched is fine."),
        ),
    ),
    RoundType.USER: RoundAdvice(
        runs_it=_(
            'Your prospective direct superior (often called the "user"): the person who leads the team you '
            "would join, sometimes with a colleague from that team."
        ),
        about=_(
            "This conversation is about the work itself: whether you can do the job, what you have done "
            "before that is relevant, and how you solve the problems the team meets."
        ),
        looks_at=(
            _("Technical skill for the job"),
            _("Relevant experience"),
            _("Problem analysis and solving"),
            _("The tools and methods you master"),
            _("How quickly you would fit the team's way of working"),
        ),
        style=_("Professional and technical: discuss, give your reasons, offer concrete solutions."),
        style_tips=(
            _("Explain how you think, step by step, not only the answer."),
            _("It is fine to disagree politely when you can say why."),
            _("Use real examples with numbers, tools and results from your own work."),
        ),
    ),
    RoundType.SUPERIOR: RoundAdvice(
        runs_it=_("A leader above your prospective superior, for example the head of the department."),
        about=_(
            "A wider view: how you would fit the department's direction, work with other teams and grow in "
            "the role."
        ),
        looks_at=(
            _("Fit with the department's needs and direction"),
            _("Working across teams"),
            _("Judgement and priorities"),
        ),
        style=_("Clear and to the point, linking your work to the department's goals."),
        style_tips=(
            _("Show that you understand what the department is trying to achieve."),
            _("Keep answers short and let the interviewer ask for detail."),
        ),
    ),
    RoundType.DIRECTOR: RoundAdvice(
        runs_it=_("A director of the company."),
        about=_(
            "A conversation about the bigger picture: how you see the company and its market, and for "
            "leading roles how you lead people and make decisions."
        ),
        looks_at=(
            _("Fit with the company's direction"),
            _("Business sense"),
            _("Leadership and decision making"),
        ),
        style=_("Confident and strategic, with the results of your work in front."),
        style_tips=(
            _("Start with the outcome, then how you got there."),
            _("Know the company's products, customers and recent news well."),
        ),
    ),
    RoundType.CUSTOM: RoundAdvice(
        runs_it=_("Members of the hiring team for this position."),
        about=_("A further conversation about how you fit the position and the team."),
        looks_at=(_("Fit with the position"), _("Communication")),
        style=_("Polite, clear and honest, with examples from your own work."),
        style_tips=(_("Ask at the start, if it is not clear, what the conversation will focus on."),),
    ),
}

# How much the round weighs, from the job's decision policy (interviews.policy.Rules).
WEIGHT_HR_GATE = _(
    "An early gate: passing the HR interview opens the way to the next interviews; the final say usually "
    "rests with your future superior."
)
WEIGHT_HR_PART = _("One part of the overall picture; the final say usually rests with your future superior.")
WEIGHT_USER_DECIDES = _(
    "Usually the deciding round: your future superior's recommendation weighs most in the final decision."
)
WEIGHT_USER_PART = _("An important round that is weighed together with the other interviews.")
WEIGHT_LEADERS_DECIDE = _(
    "For this managerial position the leaders' interviews are part of the decision, after the HR and user "
    "interviews."
)
WEIGHT_OTHER = _("It completes the picture; the team decides after all interviews are done.")

PREPARE_STORIES = (
    _("A project you led or played a key part in: the goal, what you did, the result."),
    _("A problem you solved: what went wrong, how you found the cause, what changed after."),
    _("A time you worked with or managed a team: your role and how you kept everyone moving."),
)
STORY_TIP = _(
    "Tell each story in four parts: the situation, your task, the action you took and the result, with a "
    "number where you have one."
)
LEADERSHIP_STORIES = (
    _("A decision you made with incomplete information, and how it turned out."),
    _("How you grew someone in your team, or handled a team member who was struggling."),
    _("A change you led: how you brought people along and what it achieved."),
)
QUESTIONS_TO_ASK = (
    _("What would my main responsibilities be in the first three months?"),
    _("How does the team work day to day, and who would I work with most?"),
    _("What would success in this role look like after a year?"),
    _("What are the biggest challenges of this role right now?"),
)
CLOSING = (
    _("Thank the interviewer for their time."),
    _("Say in one or two sentences why you fit the position."),
    _("Show that you are keen on the job, and ask what the next step is."),
)

ETIQUETTE: dict[str, tuple[Promise, ...]] = {
    InterviewMode.ONLINE: (
        _("Open the meeting link a day before to test it, and again 10 minutes before the start."),
        _("Use a working device with a charged battery, a camera and a microphone; earphones help."),
        _("Make sure your internet connection is stable; keep mobile data ready as a backup."),
        _("Sit in a quiet, well-lit room with a tidy background, and silence other notifications."),
        _("Dress as you would on site, and look at the camera when you speak."),
    ),
    InterviewMode.ON_SITE: (
        _("Arrive 10 to 15 minutes early; check the route and the traffic the day before."),
        _("Dress neatly and appropriately for the company."),
        _("Be polite to everyone from arrival to leaving, including security and reception."),
        _("Bring your identity card (KTP), a printed CV, your certificates and a pen."),
        _("Switch your phone to silent before you go in."),
    ),
    InterviewMode.PHONE: (
        _("Be in a quiet place with good signal a few minutes before the time."),
        _("Keep your phone charged and at hand, and answer with your name."),
        _("Keep your CV and some notes in front of you."),
        _("Speak clearly and smile: it can be heard in your voice."),
    ),
}

WHAT_HAPPENS_AFTER = _(
    "After the interview the team evaluates it internally. There may be further interviews, then a medical "
    "check-up and an offer. We tell you each step by e-mail, and the portal shows where you are."
)

# After the interview.
REFLECTION = (
    _("What went well"),
    _("What I would do better next time"),
    _("Questions I could not answer well, to look up"),
)
SIGNALS = (
    _("It ran longer than planned."),
    _("You were asked many in-depth questions, such as a case study or how you would go about a task."),
    _("The interviewer told you about the team and its projects."),
    _("You were asked when you could start or about your notice period."),
    _("The interviewer looked engaged and interested."),
)
# Without an HR-set answer time, the usual wait, stated as an estimate.
RESPONSE_DAYS = 14
