"""The practice question bank: Rekrut's own questions per interview round and job family.

The prep packs (portal) and the practice pages read it through `questions_for` and `question_get`; keys are
stable so a practice session stored weeks ago still finds its question. Texts are gettext msgids in English,
shown in the active language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class BankQuestion:
    key: str  # stable, e.g. "hr.motivation.why_us"
    round_type: str  # rekrut.interviews.models.RoundType value
    families: tuple[str, ...]  # rekrut.jobs.models.JobFamily values; () = every family
    managerial: bool  # leadership questions, asked for managerial roles only
    text: str | Promise  # lazy: resolved in the active language when shown
    good_answer_shows: str | Promise


def _q(
    key: str,
    round_type: str,
    text: Promise,
    shows: Promise,
    families: tuple[str, ...] = (),
    managerial: bool = False,
) -> BankQuestion:
    return BankQuestion(key, round_type, families, managerial, text, shows)


QUESTIONS: tuple[BankQuestion, ...] = (
    # HR interview: attitude, motivation, communication, discipline, adaptability, culture fit.
    _q(
        "hr.intro.about_you",
        "hr",
        _("Tell us about yourself and the path that led you to apply for this position."),
        _("A short, honest career story in two minutes that ends with why this role is the next step."),
    ),
    _q(
        "hr.motivation.why_us",
        "hr",
        _("Why do you want to work at our company rather than somewhere else?"),
        _("That you looked into the company's products and culture and can link them to your own goals."),
    ),
    _q(
        "hr.self.strengths_weaknesses",
        "hr",
        _("What is one strength you rely on at work, and one weakness you are working on?"),
        _("Self-awareness: a strength backed by an example, and a real weakness with what you do about it."),
    ),
    _q(
        "hr.conflict.colleague",
        "hr",
        _("Describe a disagreement with a colleague and how you handled it."),
        _("Calm, respectful handling: what happened, what you did, how it ended, and no blaming."),
    ),
    _q(
        "hr.career.leaving",
        "hr",
        _("Why are you leaving, or why did you leave, your last job?"),
        _("An honest, forward-looking reason that does not speak badly of a former employer."),
    ),
    _q(
        "hr.career.five_years",
        "hr",
        _("Where do you see your career in three to five years?"),
        _("Realistic goals that fit what the role and the company can offer."),
    ),
    _q(
        "hr.discipline.pressure",
        "hr",
        _("Tell us about a time you had several deadlines at once. How did you keep them?"),
        _("Discipline and planning: how you set priorities, the steps you took, and the result."),
    ),
    _q(
        "hr.adaptability.change",
        "hr",
        _("Tell us about a big change at work or school and how you adapted to it."),
        _("Adaptability: what changed, what you learned quickly, and how it turned out."),
    ),
    _q(
        "hr.salary.expectation",
        "hr",
        _("What salary do you expect, and how did you arrive at that figure?"),
        _(
            "A researched range in Rupiah with reasons, said calmly, leaving room to discuss the whole "
            "package."
        ),
    ),
    _q(
        "hr.culture.team",
        "hr",
        _("In what kind of team and working culture do you do your best work?"),
        _(
            "Honest preferences that show you can work with different people and fit the company's way of "
            "working."
        ),
    ),
    # User interview: technical skill, relevant experience, problem solving, tools, team fit.
    _q(
        "user.experience.most_relevant",
        "user",
        _("Which of your past experiences is most relevant to this position, and why?"),
        _("One concrete experience tied to the job's requirements, with your part in it and its result."),
    ),
    _q(
        "user.tools.mastered",
        "user",
        _("Which tools or software do you use well, and what have you built or done with them?"),
        _("Named tools with a real piece of work done with each, not just a list."),
    ),
    _q(
        "user.problem.hardest",
        "user",
        _("Tell us about the hardest problem you solved in your work."),
        _(
            "A clear sequence: the problem, how you analysed it, the options, the solution and the "
            "measured result."
        ),
    ),
    _q(
        "user.problem.mistake",
        "user",
        _("Tell us about a mistake you made at work and what you did next."),
        _("Ownership: what went wrong, how you fixed it, and what you changed so it does not happen again."),
    ),
    _q(
        "user.case.first_month",
        "user",
        _("If you joined us, what would you do in your first month in this role?"),
        _(
            "That you understood the role: learning the team's workflow, early priorities and how you "
            "would measure them."
        ),
    ),
    _q(
        "user.field.trends",
        "user",
        _("What change in your field matters most right now, and how does it affect your work?"),
        _("Up-to-date knowledge of the field and a reasoned opinion backed by an example."),
    ),
    _q(
        "user.team.workflow",
        "user",
        _("How do you work with other teams to get a piece of work finished?"),
        _("Team fit: how you communicate, share progress and resolve hand-off problems, with an example."),
    ),
    _q(
        "user.quality.measure",
        "user",
        _("How do you know that your work is good? Which results do you measure?"),
        _("Concrete measures of quality or results, with figures from your past work."),
    ),
    # Superior interview: fit with the team's needs and direction.
    _q(
        "superior.fit.team_direction",
        "superior",
        _("Our department is changing direction this year. How would you help the team get there?"),
        _("That you think beyond your own tasks: how your work supports the department's goals."),
    ),
    _q(
        "superior.expectations.manager",
        "superior",
        _("What do you expect from your direct superior, and what can they expect from you?"),
        _("Mature expectations about feedback and support, and clear commitments in return."),
    ),
    _q(
        "superior.initiative.improvement",
        "superior",
        _("Tell us about an improvement you proposed without being asked."),
        _("Initiative: the problem you noticed, the proposal, how you convinced others and the result."),
    ),
    _q(
        "superior.feedback.received",
        "superior",
        _("Describe hard feedback you received and what you changed afterwards."),
        _("Openness to feedback and a concrete change in how you work."),
    ),
    _q(
        "superior.priorities.conflict",
        "superior",
        _("Two managers give you urgent tasks at the same time. What do you do?"),
        _("Sound judgement: clarifying priorities openly and keeping both sides informed."),
    ),
    _q(
        "superior.growth.learning",
        "superior",
        _("What have you learned in the last year, and how did you use it at work?"),
        _("Continuous learning that turned into better results."),
    ),
    _q(
        "superior.commitment.long_term",
        "superior",
        _("What would make you stay and grow with this team for several years?"),
        _("Honest long-term motivation that matches what the team can offer."),
    ),
    _q(
        "superior.pressure.target",
        "superior",
        _("Tell us about a target you nearly missed. What did you do to reach it?"),
        _("Persistence and problem solving under pressure, with the outcome in figures."),
    ),
    # Director interview: fit with the company's direction, judgement, values.
    _q(
        "director.vision.company",
        "director",
        _(
            "What do you think our company should focus on in the next two years, and what would your part "
            "be?"
        ),
        _("Understanding of the company's business and a realistic view of how the role contributes."),
    ),
    _q(
        "director.decision.difficult",
        "director",
        _("Describe a difficult decision you made with incomplete information."),
        _("Judgement: the options weighed, the risk taken, the decision and what it led to."),
    ),
    _q(
        "director.values.integrity",
        "director",
        _("Tell us about a time you had to choose between a quick result and doing the right thing."),
        _("Integrity and values, told through a real situation and its consequences."),
    ),
    _q(
        "director.impact.business",
        "director",
        _("Which result of your work had the biggest effect on the business?"),
        _("Business impact in figures: revenue, cost, time or customers, and your own part in it."),
    ),
    _q(
        "director.strategy.risk",
        "director",
        _("What is the biggest risk for a company like ours, and how would you reduce it?"),
        _("Strategic thinking grounded in the industry, with practical steps."),
    ),
    _q(
        "director.contribution.unique",
        "director",
        _("Why should we choose you over other strong candidates?"),
        _("A confident, evidence-based summary of what you bring that fits the company's direction."),
    ),
    _q(
        "director.change.lead",
        "director",
        _("How would you convince people to accept a change they do not want?"),
        _("Persuasion through reasons and listening, shown by an example."),
    ),
    _q(
        "director.closing.questions",
        "director",
        _("What would you like to ask us about the company's direction?"),
        _("Thoughtful questions that show you researched the company and think about the long term."),
    ),
    # Leadership questions for managerial roles (any round).
    _q(
        "hr.leadership.style",
        "hr",
        _("How would the people you have led describe your leadership style?"),
        _("A leadership style shown by a real example of guiding a team, not just adjectives."),
        managerial=True,
    ),
    _q(
        "user.leadership.project",
        "user",
        _("Tell us about a project you led from start to finish."),
        _("Leading: the goal, how you split the work, the decisions you made and the result in figures."),
        managerial=True,
    ),
    _q(
        "user.leadership.underperformer",
        "user",
        _("How did you handle a team member who was not performing?"),
        _("Fair, direct handling: understanding the cause, a clear plan, follow-up and the outcome."),
        managerial=True,
    ),
    _q(
        "superior.leadership.grow_team",
        "superior",
        _("How have you helped someone in your team grow?"),
        _("Developing people: coaching steps and what the person achieved afterwards."),
        managerial=True,
    ),
    _q(
        "director.leadership.hard_call",
        "director",
        _("Describe a decision as a leader that was unpopular but right."),
        _("Courage and accountability: why it was needed, how you explained it and what it achieved."),
        managerial=True,
    ),
    # Family-specific questions (user interview, and some for HR).
    _q(
        "user.cs.angry_customer",
        "user",
        _("Tell us about a customer who was very angry. How did you resolve the complaint?"),
        _("Empathy and a clear resolution, with response time or satisfaction figures if you have them."),
        families=("customer_service",),
    ),
    _q(
        "user.cs.targets",
        "user",
        _("Which service measures have you worked to, such as response time or satisfaction scores?"),
        _("Familiarity with service targets and how you met them, in numbers."),
        families=("customer_service",),
    ),
    _q(
        "user.sales.closing",
        "user",
        _("Tell us about a deal you closed that looked lost at first."),
        _("Persistence and a sales method: the objection, your approach, the deal value."),
        families=("sales",),
    ),
    _q(
        "user.sales.pipeline",
        "user",
        _("How do you plan your monthly target and keep your pipeline full?"),
        _("A repeatable method with figures: prospects, conversion and target achieved."),
        families=("sales",),
    ),
    _q(
        "user.marketing.campaign",
        "user",
        _("Tell us about a campaign or piece of content you made. How did you measure it?"),
        _("A concrete campaign with its audience, channel and measured results such as reach or conversion."),
        families=("marketing_content",),
    ),
    _q(
        "user.marketing.brief",
        "user",
        _("How do you turn a short brief into content that fits the brand?"),
        _("A process: research, drafting, review and revision, with tools named."),
        families=("marketing_content",),
    ),
    _q(
        "user.software.design",
        "user",
        _("Describe a system or feature you designed. Which trade-offs did you make?"),
        _("Technical depth: the requirements, the options considered, the trade-offs and the result."),
        families=("software_engineering",),
    ),
    _q(
        "user.software.incident",
        "user",
        _("Tell us about a production bug or outage you handled."),
        _("A calm debugging sequence: detection, analysis, fix, and what was changed to prevent it."),
        families=("software_engineering",),
    ),
    _q(
        "user.finance.reconciliation",
        "user",
        _("Tell us about a difference in the books you found. How did you trace it?"),
        _("Accuracy and method: how you found the cause, corrected it and prevented it recurring."),
        families=("finance_admin",),
    ),
    _q(
        "user.finance.deadline",
        "user",
        _("How do you make sure month-end closing or tax reports are on time and correct?"),
        _("A checklist-driven routine with tools named and a record of meeting deadlines."),
        families=("finance_admin",),
    ),
    _q(
        "user.operations.efficiency",
        "user",
        _("Tell us about a process you made faster or cheaper."),
        _("The process before and after, in figures such as time, cost or error rate."),
        families=("operations",),
    ),
    _q(
        "user.operations.safety",
        "user",
        _("How do you keep work safe and on schedule when something goes wrong on the floor?"),
        _("Safety first, a clear escalation, and how you recovered the schedule."),
        families=("operations",),
    ),
    _q(
        "user.managerial.strategy",
        "user",
        _("How do you turn a company target into a plan your team can follow?"),
        _("Breaking a goal into measurable team targets, with follow-up and an example."),
        families=("managerial",),
    ),
    _q(
        "user.managerial.budget",
        "user",
        _("Tell us about a budget or resource decision you were responsible for."),
        _("Responsible use of money and people, with the figures and the outcome."),
        families=("managerial",),
    ),
    _q(
        "user.general.learn_fast",
        "user",
        _("Tell us about a time you had to learn a new task quickly."),
        _("How you learned, who you asked, and how soon you delivered results."),
        families=("general",),
    ),
    _q(
        "user.general.organise",
        "user",
        _("How do you organise your daily work so nothing is forgotten?"),
        _("A concrete routine or tool and an example of it working."),
        families=("general",),
    ),
)

_BY_KEY: dict[str, BankQuestion] = {q.key: q for q in QUESTIONS}


def questions_for(
    round_type: str, family: str | None = None, *, managerial: bool = False
) -> list[BankQuestion]:
    """The questions of a round: general ones, then the family's own, then leadership ones when managerial.

    With no family, only the questions for every family are given (family-specific ones need a family).
    """
    general = [q for q in QUESTIONS if q.round_type == round_type and not q.families and not q.managerial]
    own = [q for q in QUESTIONS if q.round_type == round_type and family and family in q.families]
    lead = [q for q in QUESTIONS if q.round_type == round_type and q.managerial and managerial]
    return own + general + lead


def question_get(key: str) -> BankQuestion | None:
    return _BY_KEY.get(key)
