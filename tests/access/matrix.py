"""The access matrix's machinery, written once: outcomes, policies, the world the cases run in, the check.

Every page of Rekrut × every persona, allowed or refused. Refusals follow one convention: 404 for an object
the persona may not see (so they cannot even tell it exists), 403 for an action their role cannot do, and
the login page for anyone signed out. Object pages are checked against team A's and team B's job
("desk:board[team_a]"); actions also check that the change happened exactly when allowed; list pages must
not list another team's jobs or candidates.

The rows (PAGES) live in one module per URL namespace (tests/access/test_<namespace>.py);
tests/access/test_complete.py checks that together they cover every page. The world is built once per
module and each case runs in a savepoint that is rolled back after it: see tests/access/conftest.py.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.interviews.models import Interview, KitQuestion, PlanRound, Question
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import Job, StageKind
from rekrut.pipeline.models import Application
from tests.candidates.filebuilders import pdf_bytes
from tests.conftest import Personas, personas_make, team_a_job_make, team_b_job_make
from tests.pipeline.factories import application_make


class Outcome(enum.Enum):
    ALLOWED = "allowed"  # 200, or a redirect to the page's success page (and the action happened)
    NOT_FOUND = "404"  # the persona may not see this object
    FORBIDDEN = "403"  # the persona sees it, but their role cannot do this
    LOGIN = "login"  # signed out: redirected to the login page


ALLOWED, NOT_FOUND, FORBIDDEN, LOGIN = Outcome

PERSONAS = (
    "anonymous",
    "hr_admin",
    "recruiter",
    "hiring_manager",
    "interviewer",
    "director",
    "other_recruiter",
    "other_manager",
    "outsider",
)
HR_STAFF = {"hr_admin", "recruiter", "other_recruiter"}
# Each persona's place on each team's hiring team (tests/conftest.py: team_a_job_make, team_b_job_make).
TEAM_ROLES = {
    "team_a": {
        "recruiter": "hr_owner",
        "hiring_manager": "user",
        "interviewer": "interviewer",
        "director": "director",
    },
    "team_b": {"other_recruiter": "hr_owner", "other_manager": "user"},
}
TEAMS = tuple(TEAM_ROLES)
# Who is on each team's scheduled interview (World.interviews); interviewers may be people off the team.
ASSIGNED = {"team_a": {"interviewer"}, "team_b": {"other_manager"}}

CANDIDATE_NAMES = {"team_a": "Putri Maharani", "team_b": "Bayu Saputra"}
JOB_TITLES = {"team_a": "Customer Service Officer", "team_b": "Staf Keuangan"}


def sees(persona: str, team: str) -> bool:
    return persona == "hr_admin" or persona in TEAM_ROLES[team]


# --- policies: who gets what. `team` is None for pages that are not about one team's object ----------

Policy = Callable[[str, str | None], Outcome]


def anyone(persona: str, team: str | None) -> Outcome:
    return ALLOWED


def hr_staff(persona: str, team: str | None) -> Outcome:
    return ALLOWED if persona in HR_STAFF else FORBIDDEN


def hr_admin_only(persona: str, team: str | None) -> Outcome:
    return ALLOWED if persona == "hr_admin" else FORBIDDEN


def team_members(persona: str, team: str | None) -> Outcome:
    assert team
    return ALLOWED if sees(persona, team) else NOT_FOUND


def team_action(*roles: str, hr_staff_too: bool = False) -> Policy:
    def policy(persona: str, team: str | None) -> Outcome:
        assert team
        if not sees(persona, team):
            return NOT_FOUND
        if persona == "hr_admin" or TEAM_ROLES[team].get(persona) in roles:
            return ALLOWED
        return ALLOWED if hr_staff_too and persona in HR_STAFF else FORBIDDEN

    policy.__name__ = f"team_{'_'.join(roles)}"
    return policy


team_hr_owner = team_action("hr_owner")
team_managers = team_action("hr_owner", "user")  # jobs.selectors.MANAGING_ROLES
team_hr_staff = team_action(hr_staff_too=True)  # members who are HR staff (intake:edit)


def team_assigned_interviewer(persona: str, team: str | None) -> Outcome:
    """Only the interview's own interviewers write its scorecard; not even HR admins."""
    assert team
    if not sees(persona, team):
        return NOT_FOUND
    return ALLOWED if persona in ASSIGNED[team] else FORBIDDEN


def team_managers_or_assigned(persona: str, team: str | None) -> Outcome:
    assert team
    if persona in ASSIGNED[team]:
        return ALLOWED
    return team_managers(persona, team)


def question_author(persona: str, team: str | None) -> Outcome:
    """A question of the bank is retired by its author (recruiter Rina, test_interviews) or an HR admin."""
    return ALLOWED if persona in {"hr_admin", "recruiter"} else FORBIDDEN


def import_starter(persona: str, team: str | None) -> Outcome:
    """An import belongs to who started it (the team's HR owner, test_intake); HR admins see every import."""
    assert team
    return ALLOWED if persona == "hr_admin" or TEAM_ROLES[team].get(persona) == "hr_owner" else NOT_FOUND


# --- the world every case runs in ---------------------------------------------------------------------


@dataclass
class World:
    """Both teams' jobs, each with a new application (its candidate has a CV) and an interview in the HR
    interview stage that began two hours ago. Each case gets its own deep copy of the world as built (as
    Django's setUpTestData does), whose `scratch` holds what that case's call arranged for its `happened`
    check: nothing a case holds or changes in memory reaches another case."""

    personas: Personas
    jobs: dict[str, Job]
    applications: dict[str, Application]
    interviews: dict[str, Interview]
    scratch: dict[str, Any] = field(default_factory=dict)

    def user(self, persona: str) -> User | None:
        return None if persona == "anonymous" else getattr(self.personas, persona)

    def application(self, team: str) -> Application:
        return Application.objects.get(pk=self.applications[team].pk)

    def interview(self, team: str) -> Interview:
        return Interview.objects.get(pk=self.interviews[team].pk)

    def reread(self) -> World:
        """The same world read again from the database."""
        people = vars(self.personas)
        users = User.objects.in_bulk([user.pk for user in people.values()])
        jobs = Job.objects.in_bulk([job.pk for job in self.jobs.values()])
        applications = Application.objects.select_related("candidate", "job", "stage").in_bulk(
            [application.pk for application in self.applications.values()]
        )
        interviews = Interview.objects.in_bulk([interview.pk for interview in self.interviews.values()])
        return World(
            personas=Personas(**{name: users[user.pk] for name, user in people.items()}),
            jobs={team: jobs[job.pk] for team, job in self.jobs.items()},
            applications={team: applications[a.pk] for team, a in self.applications.items()},
            interviews={team: interviews[i.pk] for team, i in self.interviews.items()},
        )


def world_build() -> World:
    """Everything any page of the matrix needs; what one action needs first (a rejected application to
    reopen, an import, a second job) its call arranges inside its own case."""
    personas = personas_make()
    jobs = {"team_a": team_a_job_make(personas), "team_b": team_b_job_make(personas)}
    applications = {}
    for n, team in enumerate(TEAMS, start=1):
        application = application_make(
            job=jobs[team],
            full_name=CANDIDATE_NAMES[team],
            email=f"pelamar{n}@example.com",
            phone=f"+6281200000{n:03d}",
        )
        application.candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Curriculum vitae")))
        applications[team] = application
    interviews = {}
    for team, job in jobs.items():
        interviewed = application_make(
            job=job, stage_kind=StageKind.HR_INTERVIEW, full_name=f"Diwawancarai {team}"
        )
        interview_plan_ensure(job=job)
        interviews[team] = interview_schedule(
            actor=personas.hr_admin,
            application=interviewed,
            plan_round=job.interview_rounds.get(stage__kind=StageKind.HR_INTERVIEW),
            starts_at=timezone.now() - timedelta(hours=2),
            duration_minutes=60,
            interviewers=[getattr(personas, persona) for persona in sorted(ASSIGNED[team])],
            notify=False,
            allow_past=True,
        )
    # Read back, so that the Python objects are what the database holds once the world is built.
    return World(personas=personas, jobs=jobs, applications=applications, interviews=interviews).reread()


# The tables whose rows an action of the matrix updates in place (a row count would not show those changes).
_WATCHED_ROWS = (User, Job, Candidate, Application, Interview, PlanRound, KitQuestion, Question)


def world_state() -> dict[str, Any]:
    """What the database holds, as far as a case could change it: the row count of every table, and every
    row of the tables whose rows actions update. Equal before every case, or a case's changes leaked."""
    tables = sorted(connection.introspection.table_names(include_views=False))
    quote = connection.ops.quote_name
    # Table and column names come from the database's catalogue and the models, quoted: nothing from outside.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        state: dict[str, Any] = dict(zip(tables, cursor.fetchone(), strict=True))
        for model in _WATCHED_ROWS:
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # noqa: S608
            state[f"{model._meta.db_table} rows"] = cursor.fetchall()
    return state


# --- the pages ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    args: tuple[object, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    name: str  # "namespace:url_name"
    policy: Policy
    method: str = "get"
    teams: tuple[str | None, ...] = (None,)
    login_required: bool = True
    # The request to make; may arrange what an action needs first (inside the case: it is rolled back).
    call: Callable[[World, str | None], Call] = lambda world, team: Call()
    # For actions: did the change happen? Checked both ways: it must happen exactly when allowed.
    happened: Callable[[World, str | None], bool] | None = None
    # Where an allowed redirect may land (None: any page but the login page).
    success: tuple[str, ...] | None = None
    # List pages: for a persona, the teams whose job/candidate the page must show (the others it must not).
    listed: Callable[[str], set[str]] | None = None
    listed_text: dict[str, str] = field(default_factory=dict)


def job_call(world: World, team: str | None) -> Call:
    assert team
    return Call(args=(world.jobs[team].pk,))


def candidate_call(world: World, team: str | None) -> Call:
    assert team
    return Call(args=(world.applications[team].candidate_id,))


# Cases where the product does not yet answer as the matrix says (strict xfail, with the reason), by case id.
KNOWN_PRODUCT_BUGS: dict[str, str] = {}


@dataclass(frozen=True)
class Case:
    page: Page
    team: str | None
    persona: str
    expected: Outcome

    @property
    def id(self) -> str:
        where = f"[{self.team}]" if self.team else ""
        return f"{self.page.name}{where}-{self.persona}-{self.expected.value}"


def cases(pages: tuple[Page, ...]) -> list[Case]:
    found = []
    for page in pages:
        for team in page.teams:
            for persona in PERSONAS:
                if persona == "anonymous" and page.login_required:
                    expected = LOGIN
                else:
                    expected = page.policy(persona, team)
                found.append(Case(page, team, persona, expected))
    return found


def params(pages: tuple[Page, ...]) -> list[Any]:
    """The cases of these pages as pytest params, a known product bug marked as a strict xfail."""
    found = []
    for case in cases(pages):
        marks = []
        if reason := KNOWN_PRODUCT_BUGS.get(case.id):
            marks.append(pytest.mark.xfail(reason=reason, raises=WrongAnswer, strict=True))
        found.append(pytest.param(case, id=case.id, marks=marks))
    return found


class WrongAnswer(AssertionError):
    """The page answered with another status or redirect than the matrix says (what KNOWN_PRODUCT_BUGS
    expects to fail, and nothing else)."""


def access_check(case: Case, world: World, client: Any) -> None:
    """One case: the persona calls the page, which must answer as the matrix says; an action must have
    happened exactly when allowed; a list page must not list another team's job or candidate."""
    page = case.page
    if user := world.user(case.persona):
        client.force_login(user)
    call = page.call(world, case.team)
    url = reverse(page.name, args=call.args)
    response = client.post(url, call.data) if page.method == "post" else client.get(url, call.data)
    status = response.status_code

    # First what matters most: a refused action changed nothing (a known bug's xfail does not cover this).
    if page.happened is not None:
        happened = page.happened(world, case.team)
        assert happened == (case.expected is ALLOWED), (
            f"the action {'did not happen' if case.expected is ALLOWED else 'happened'} ({url}: {status})"
        )
    _answer_check(case, url, response)

    if page.listed is not None and case.expected is ALLOWED:
        html = response.content.decode()
        shown = page.listed(case.persona)
        for team, text in page.listed_text.items():
            if team in shown:
                assert text in html, f"{page.name} does not list {team}'s {text!r} to {case.persona}"
            elif not sees(case.persona, team):
                assert text not in html, f"{page.name} lists {team}'s {text!r} to {case.persona}"


def _answer_check(case: Case, url: str, response: Any) -> None:
    status, page = response.status_code, case.page
    if case.expected is LOGIN:
        login = reverse("accounts:login") + "?next="
        if status != 302 or not response["Location"].startswith(login):
            raise WrongAnswer(f"{url}: {status}, expected a redirect to the login page")
    elif case.expected is ALLOWED:
        if status not in (200, 302):
            raise WrongAnswer(f"{url}: {status}, expected the page")
        if status == 302:
            target = _redirect_target(response)
            if target == "accounts:login" and page.success != ("accounts:login",):
                raise WrongAnswer(f"{url}: sent to the login page")
            if page.success and target not in page.success:
                raise WrongAnswer(f"{url} redirected to {target}, expected {page.success}")
    elif status != int(case.expected.value):
        raise WrongAnswer(f"{url}: {status}, expected {case.expected.value}")


def _redirect_target(response: Any) -> str:
    location = urlsplit(response["Location"]).path
    try:
        match = resolve(location)
    except Resolver404:
        return location
    return match.view_name
