"""The access matrix: every page of Rekrut × every persona, allowed or refused, in one table.

Refusals follow one convention: 404 for an object the persona may not see (so they cannot even tell it
exists), 403 for an action their role cannot do, and the login page for anyone signed out. Object pages are
checked against team A's and team B's job ("board[team_a]"); actions also check that the change happened
exactly when allowed; list pages must not list another team's jobs or candidates.

`test_every_page_is_in_the_matrix` keeps the table complete: a URL name in the checked namespaces that is
neither in PAGES nor in EXCLUDED (with its reason) fails the suite, so a new page cannot skip the matrix.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.intake import importing
from rekrut.interviews.models import Attribute, Decision, DecisionPolicy, Interview, InterviewStatus, Question
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure, question_create
from rekrut.jobs.models import Job, JobFamily, StageKind
from rekrut.pipeline import services as pipeline_services
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason
from tests.candidates.filebuilders import csv_bytes, pdf_bytes
from tests.conftest import Personas
from tests.factories import application_make, job_make

pytestmark = pytest.mark.django_db

CHECKED_NAMESPACES = ("accounts", "jobs", "desk", "intake", "interviews", "events")

# URL names deliberately left out of the matrix, each with its reason.
EXCLUDED = {
    "accounts:password_reset_confirm": (
        "needs the one-time token from the reset e-mail; open to everyone by design (the token is the "
        "credential), and Django's own tests cover the token check"
    ),
}


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
# Each persona's place on each team's hiring team (conftest: team A = team_a_job, team B = team_b_job).
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


def _sees(persona: str, team: str) -> bool:
    return persona == "hr_admin" or persona in TEAM_ROLES[team]


# Policies: who gets what. `team` is None for pages that are not about one team's object.
Policy = Callable[[str, str | None], Outcome]


def anyone(persona: str, team: str | None) -> Outcome:
    return ALLOWED


def hr_staff(persona: str, team: str | None) -> Outcome:
    return ALLOWED if persona in HR_STAFF else FORBIDDEN


def hr_admin_only(persona: str, team: str | None) -> Outcome:
    return ALLOWED if persona == "hr_admin" else FORBIDDEN


def team_members(persona: str, team: str | None) -> Outcome:
    assert team
    return ALLOWED if _sees(persona, team) else NOT_FOUND


def _team_action(*roles: str, hr_staff_too: bool = False) -> Policy:
    def policy(persona: str, team: str | None) -> Outcome:
        assert team
        if not _sees(persona, team):
            return NOT_FOUND
        if persona == "hr_admin" or TEAM_ROLES[team].get(persona) in roles:
            return ALLOWED
        return ALLOWED if hr_staff_too and persona in HR_STAFF else FORBIDDEN

    policy.__name__ = f"team_{'_'.join(roles)}"
    return policy


team_hr_owner = _team_action("hr_owner")
team_managers = _team_action("hr_owner", "user")  # jobs.selectors.MANAGING_ROLES
team_hr_staff = _team_action(hr_staff_too=True)  # members who are HR staff (intake:edit)


# Who is on each team's scheduled interview (see _interview); interviewers may be people off the team.
ASSIGNED = {"team_a": {"interviewer"}, "team_b": {"other_manager"}}


def team_assigned_interviewer(persona: str, team: str | None) -> Outcome:
    """Only the interview's own interviewers write its scorecard; not even HR admins."""
    assert team
    if not _sees(persona, team):
        return NOT_FOUND
    return ALLOWED if persona in ASSIGNED[team] else FORBIDDEN


def team_managers_or_assigned(persona: str, team: str | None) -> Outcome:
    assert team
    if persona in ASSIGNED[team]:
        return ALLOWED
    return team_managers(persona, team)


def question_author(persona: str, team: str | None) -> Outcome:
    """A question of the bank is retired by its author (recruiter Rina here) or an HR admin."""
    return ALLOWED if persona in {"hr_admin", "recruiter"} else FORBIDDEN


def import_starter(persona: str, team: str | None) -> Outcome:
    """An import belongs to who started it (the team's HR owner here); HR admins see every import."""
    assert team
    return ALLOWED if persona == "hr_admin" or TEAM_ROLES[team].get(persona) == "hr_owner" else NOT_FOUND


# --- the world every case runs in ---------------------------------------------------------------------


@dataclass
class World:
    personas: Personas
    jobs: dict[str, Job]
    applications: dict[str, Application]
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, persona: str) -> User | None:
        return None if persona == "anonymous" else getattr(self.personas, persona)

    def application(self, team: str) -> Application:
        return Application.objects.get(pk=self.applications[team].pk)


CANDIDATE_NAMES = {"team_a": "Putri Maharani", "team_b": "Bayu Saputra"}
JOB_TITLES = {"team_a": "Customer Service Officer", "team_b": "Staf Keuangan"}


@pytest.fixture(scope="module")
def media_root(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return tmp_path_factory.mktemp("media")


@pytest.fixture
def world(personas: Personas, team_a_job: Job, team_b_job: Job, settings, media_root) -> World:
    settings.MEDIA_ROOT = media_root
    jobs = {"team_a": team_a_job, "team_b": team_b_job}
    applications = {}
    for n, team in enumerate(TEAMS, start=1):
        application = application_make(
            job=jobs[team],
            full_name=CANDIDATE_NAMES[team],
            email=f"pelamar{n}@example.com",
            phone=f"+6281200000{n:03d}",
        )
        applications[team] = application
    return World(personas=personas, jobs=jobs, applications=applications)


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
    call: Callable[[World, str | None], Call] = lambda world, team: Call()
    # For actions: did the change happen? Checked both ways: it must happen exactly when allowed.
    happened: Callable[[World, str | None], bool] | None = None
    # Where an allowed redirect may land (None: any page but the login page).
    success: tuple[str, ...] | None = None
    # List pages: for a persona, the teams whose job/candidate the page must show (the others it must not).
    listed: Callable[[str], set[str]] | None = None
    listed_text: dict[str, str] = field(default_factory=dict)


def _job(world: World, team: str | None) -> Call:
    assert team
    return Call(args=(world.jobs[team].pk,))


def _candidate(world: World, team: str | None) -> Call:
    assert team
    return Call(args=(world.applications[team].candidate_id,))


def _candidate_with_cv(world: World, team: str | None) -> Call:
    assert team
    candidate = world.applications[team].candidate
    candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Curriculum vitae")))
    return Call(args=(candidate.pk,))


def _screening(world: World, team: str | None) -> Any:
    assert team
    return world.jobs[team].stages.get(kind=StageKind.SCREENING)


def _merge(world: World, team: str | None) -> Call:
    """The team's candidate and a second record of the same person, who applied for the same job again."""
    assert team
    keep = world.applications[team].candidate
    twin = application_make(job=world.jobs[team], full_name=keep.full_name, email=keep.email.upper())
    return Call(args=(keep.pk, twin.candidate_id))


def _move_back(world: World, team: str | None) -> Call:
    """The team's application, moved on to CV screening by mistake, to be moved back to Applied."""
    application = pipeline_services.application_move(
        application=world.application(team or ""),
        to_stage=_screening(world, team),
        actor=world.personas.hr_admin,
        expected_version=None,
    )
    return Call(args=(application.pk,), data={"version": application.version, "reason": "Salah geser."})


def _move(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    return Call(
        args=(application.pk,), data={"version": application.version, "to_stage": _screening(world, team).pk}
    )


def _reject(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    reason = RejectReason.objects.filter(is_active=True).first()
    assert reason, "the data migration's reject reasons are missing"
    return Call(args=(application.pk,), data={"version": application.version, "reason": reason.pk})


def _version(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    return Call(args=(application.pk,), data={"version": application.version})


def _reopen(world: World, team: str | None) -> Call:
    application = pipeline_services.application_reject(
        application=world.application(team or ""),
        reason=RejectReason.objects.filter(is_active=True).first(),  # type: ignore[arg-type]
        actor=world.personas.hr_admin,
        expected_version=None,
        notify_candidate=False,
    )
    return Call(args=(application.pk,), data={"version": application.version, "note": "Salah klik."})


def _apply(world: World, team: str | None) -> Call:
    """The team's candidate applies for a second job of the same team."""
    assert team
    first = world.jobs[team]
    members = {m.role: m.user for m in first.team.select_related("user")}
    second = job_make(
        hr_owner=members["hr_owner"],
        user=members.get("user"),
        interviewers=tuple(m.user for m in first.team.filter(role="interviewer")),
        director=members.get("director"),
        title="Teller",
    )
    world.extra["second_job"] = second
    return Call(args=(world.applications[team].candidate_id,), data={"job": second.pk})


def _cv_upload(world: World, team: str | None) -> Call:
    cv = pdf_bytes("Dewi Lestari\ndewi.lestari@example.com\n0812-3456-7890")
    return Call(data={"cv": SimpleUploadedFile("cv.pdf", cv, content_type="application/pdf")})


def _import(world: World, team: str | None, *, queued: bool = False) -> Call:
    """A CSV import for the team's job, started by the team's HR owner."""
    assert team
    starter = world.jobs[team].team.get(role="hr_owner").user
    table = csv_bytes([["Nama", "Email", "No HP"], ["Dewi Lestari", "dewi@example.com", "0812-3456-7890"]])
    candidate_import = importing.import_start(
        actor=starter, name="pelamar.csv", data=table, job=world.jobs[team]
    )
    if queued:
        candidate_import = importing.import_queue(actor=starter, candidate_import=candidate_import)
    return Call(args=(candidate_import.pk,))


def _interview(world: World, team: str | None) -> Interview:
    """The team's candidate in the HR interview stage, with an interview that began two hours ago."""
    assert team
    key = f"interview-{team}"
    if key not in world.extra:
        job = world.jobs[team]
        application = application_make(
            job=job, stage_kind=StageKind.HR_INTERVIEW, full_name=f"Diwawancarai {team}"
        )
        interview_plan_ensure(job=job)
        world.extra[key] = interview_schedule(
            actor=world.personas.hr_admin,
            application=application,
            plan_round=job.interview_rounds.get(stage__kind=StageKind.HR_INTERVIEW),
            starts_at=timezone.now() - timedelta(hours=2),
            duration_minutes=60,
            interviewers=[getattr(world.personas, persona) for persona in sorted(ASSIGNED[team])],
            notify=False,
        )
    return world.extra[key]


def _interview_call(world: World, team: str | None) -> Call:
    return Call(args=(_interview(world, team).pk,))


def _interview_application(world: World, team: str | None) -> Call:
    return Call(args=(_interview(world, team).application_id,))


def _round(world: World, team: str | None) -> Any:
    return _interview(world, team).round


def _round_call(world: World, team: str | None) -> Call:
    return Call(args=(_round(world, team).pk,))


def _kit(world: World, team: str | None) -> list[int]:
    return list(_round(world, team).kit.order_by("position", "pk").values_list("question_id", flat=True))


def _kit_add(world: World, team: str | None) -> Call:
    plan_round = _round(world, team)
    question = (
        Question.objects.filter(is_active=True, round_type=plan_round.round_type)
        .exclude(pk__in=_kit(world, team))
        .first()
    )
    assert question, "the shipped question bank has no spare question for this round"
    world.extra["question"] = question
    return Call(args=(plan_round.pk,), data={"question": question.pk})


def _kit_first(world: World, team: str | None, **data: str) -> Call:
    kit = _kit(world, team)
    assert len(kit) >= 2, "the round's kit was not filled from the question bank"
    world.extra["kit"] = kit
    return Call(args=(_round(world, team).pk,), data={"question": kit[0], **data})


def _decide(world: World, team: str | None) -> Call:
    application = _interview(world, team).application
    data = {
        "version": application.version,
        "outcome": "hold",
        "reason": "Menunggu hasil interview user.",
        "override": "on",
        "override_reason": "Kandidat punya tawaran lain.",
    }
    return Call(args=(application.pk,), data=data)


def _times(world: World, team: str | None) -> Call:
    local = timezone.localtime(_interview(world, team).starts_at)
    data = {
        "started_at": local.strftime("%Y-%m-%dT%H:%M"),
        "ended_at": (local + timedelta(minutes=50)).strftime("%Y-%m-%dT%H:%M"),
    }
    return Call(args=(_interview(world, team).pk,), data=data)


def _question(world: World, team: str | None) -> Call:
    question = question_create(
        actor=world.personas.recruiter,
        round_type="hr",
        job_family=JobFamily.GENERAL,
        text_id="Ceritakan saat Anda menenangkan pelanggan yang marah.",
        text_en="Tell about a time you calmed an angry customer.",
        attributes=Attribute.objects.all()[:1],
    )
    world.extra["question"] = question
    return Call(args=(question.pk,))


def _interview_is(world: World, team: str | None) -> Interview:
    return Interview.objects.get(pk=_interview(world, team).pk)


def _status_is(status: str) -> Callable[[World, str | None], bool]:
    return lambda world, team: world.application(team or "").status == status


def _my_work_lists(persona: str) -> set[str]:
    # A new application waits in "Applied", which its team's HR owner works on.
    return {team for team, roles in TEAM_ROLES.items() if roles.get(persona) == "hr_owner"}


def _visible_teams(persona: str) -> set[str]:
    return {team for team in TEAMS if _sees(persona, team)}


PAGES: tuple[Page, ...] = (
    # accounts
    Page("accounts:login", anyone, login_required=False, success=("desk:my_work",)),
    Page("accounts:logout", anyone, method="post", login_required=False, success=("accounts:login",)),
    Page("accounts:preferences", anyone),
    Page("accounts:password_reset", anyone, login_required=False),
    Page("accounts:password_reset_done", anyone, login_required=False),
    Page("accounts:password_reset_complete", anyone, login_required=False),
    # jobs
    Page("desk:jobs", anyone, listed=_visible_teams, listed_text=JOB_TITLES),
    Page("jobs:create", hr_staff),
    # Stateless: warns about discriminatory wording in posted text, reads and reveals no data.
    Page(
        "jobs:ad_check",
        anyone,
        method="post",
        call=lambda world, team: Call(data={"title": "Staf Admin", "requirements": "Wanita, maks. 25 tahun"}),
    ),
    Page("jobs:detail", team_members, teams=TEAMS, call=_job),
    Page("jobs:edit", team_hr_owner, teams=TEAMS, call=_job),
    Page("jobs:stages", team_hr_owner, teams=TEAMS, call=_job),
    # pipeline
    Page("desk:my_work", anyone, listed=_my_work_lists, listed_text=CANDIDATE_NAMES),
    Page("desk:board", team_members, teams=TEAMS, call=_job),
    Page(
        "desk:move",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_move,
        happened=lambda world, team: world.application(team or "").stage == _screening(world, team),
        success=("desk:board",),
    ),
    Page(
        "desk:move_back",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_move_back,
        happened=lambda world, team: world.application(team or "").stage.kind == StageKind.APPLIED,
        success=("desk:board",),
    ),
    Page(
        "desk:reject",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_reject,
        happened=_status_is(ApplicationStatus.REJECTED),
        success=("desk:board",),
    ),
    Page(
        "desk:withdraw",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_version,
        happened=_status_is(ApplicationStatus.WITHDRAWN),
        success=("desk:candidate",),
    ),
    Page(
        "desk:reopen",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_reopen,
        happened=_status_is(ApplicationStatus.ACTIVE),
        success=("desk:candidate",),
    ),
    # candidates
    Page("desk:candidates", anyone, listed=_visible_teams, listed_text=CANDIDATE_NAMES),
    Page("desk:candidate", team_members, teams=TEAMS, call=_candidate),
    Page("intake:edit", team_hr_staff, teams=TEAMS, call=_candidate),
    Page("desk:candidate_cv", team_members, teams=TEAMS, call=_candidate_with_cv),
    Page("desk:merge", team_hr_staff, teams=TEAMS, call=_merge),
    # intake
    Page("intake:add", hr_staff),
    Page("intake:cv_read", hr_staff, method="post", call=_cv_upload),
    Page(
        "intake:apply",
        _team_action("hr_owner", "user", hr_staff_too=True),  # pipeline.services.application_create
        method="post",
        teams=TEAMS,
        call=_apply,
        happened=lambda world, team: Application.objects.filter(
            candidate=world.applications[team or ""].candidate, job=world.extra.get("second_job")
        ).exists(),
        success=("desk:candidate",),
    ),
    Page("intake:import_start", hr_staff),
    Page("intake:import_map", import_starter, teams=TEAMS, call=_import),
    Page(
        "intake:import_status",
        import_starter,
        teams=TEAMS,
        call=lambda world, team: _import(world, team, queued=True),
    ),
    # interviews
    Page("interviews:mine", anyone),
    Page("interviews:questions", anyone),
    Page(
        "interviews:question_retire",
        question_author,
        method="post",
        call=_question,
        happened=lambda world, team: not Question.objects.get(pk=world.extra["question"].pk).is_active,
        success=("interviews:questions",),
    ),
    Page("interviews:plan", team_members, teams=TEAMS, call=_job),
    Page(
        "interviews:policy",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(
            args=(world.jobs[team or ""].pk,), data={"hr_is_gate": "on", "strong_user_yes_weight": "1"}
        ),
        happened=lambda world, team: DecisionPolicy.objects.filter(job=world.jobs[team or ""]).exists(),
        success=("interviews:plan",),
    ),
    Page("interviews:round_edit", team_members, teams=TEAMS, call=_round_call),
    Page("interviews:round_form_pdf", team_members, teams=TEAMS, call=_round_call),
    Page(
        "interviews:kit_add",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_kit_add,
        happened=lambda world, team: world.extra["question"].pk in _kit(world, team),
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_remove",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_kit_first,
        happened=lambda world, team: world.extra["kit"][0] not in _kit(world, team),
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_move",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _kit_first(world, team, offset="1"),
        happened=lambda world, team: _kit(world, team)[:2] == world.extra["kit"][1::-1],
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_suggest",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_round_call,
        success=("interviews:round_edit",),
    ),
    Page("interviews:application", team_members, teams=TEAMS, call=_interview_application),
    Page("interviews:evaluation", team_members, teams=TEAMS, call=_interview_application),
    Page(
        "interviews:decide",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_decide,
        happened=lambda world, team: Decision.objects.filter(
            application=_interview(world, team).application
        ).exists(),
        success=("interviews:evaluation",),
    ),
    Page("interviews:kit", team_members, teams=TEAMS, call=_interview_call),
    Page(
        "interviews:times",
        team_managers_or_assigned,
        method="post",
        teams=TEAMS,
        call=_times,
        happened=lambda world, team: _interview_is(world, team).actual_started_at is not None,
        success=("interviews:kit",),
    ),
    Page(
        "interviews:cancel",
        team_managers,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(args=(_interview(world, team).pk,), data={"reason": "Jadwal bentrok."}),
        happened=lambda world, team: _interview_is(world, team).status == InterviewStatus.CANCELLED,
        success=("interviews:application",),
    ),
    Page("interviews:scorecard", team_assigned_interviewer, teams=TEAMS, call=_interview_call),
    Page("interviews:form_pdf", team_members, teams=TEAMS, call=_interview_call),
    # events
    Page("events:log", hr_admin_only),
)

# Cases where the product does not yet answer as the matrix says (strict xfail, with the reason).
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


def _cases() -> Iterator[Case]:
    for page in PAGES:
        for team in page.teams:
            for persona in PERSONAS:
                if persona == "anonymous" and page.login_required:
                    expected = LOGIN
                else:
                    expected = page.policy(persona, team)
                yield Case(page, team, persona, expected)


CASES = list(_cases())


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if reason := KNOWN_PRODUCT_BUGS.get(case.id):
            marks.append(pytest.mark.xfail(reason=reason, raises=WrongAnswer, strict=True))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


class WrongAnswer(AssertionError):
    """The page answered with another status or redirect than the matrix says (what KNOWN_PRODUCT_BUGS
    expects to fail, and nothing else)."""


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


@pytest.mark.parametrize("case", _params())
def test_access(case: Case, world: World, client: Any) -> None:
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
            elif not _sees(case.persona, team):
                assert text not in html, f"{page.name} lists {team}'s {text!r} to {case.persona}"


# --- the matrix stays complete ------------------------------------------------------------------------


def _url_names(patterns: list[Any], namespace: str) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}"
        elif isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)


def urlconf_names() -> set[str]:
    names: set[str] = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace in CHECKED_NAMESPACES:
            names |= set(_url_names(pattern.url_patterns, pattern.namespace))
    return names


def test_every_page_is_in_the_matrix() -> None:
    names = urlconf_names()
    in_matrix = {page.name for page in PAGES}
    missing = names - in_matrix - set(EXCLUDED)
    assert not missing, f"add these pages to PAGES in tests/test_access_matrix.py: {sorted(missing)}"
    stale = (in_matrix | set(EXCLUDED)) - names
    assert not stale, f"no longer in the urlconf: {sorted(stale)}"
    assert not in_matrix & set(EXCLUDED)


def test_team_roles_match_the_fixtures(world: World) -> None:
    """Expectations come from TEAM_ROLES at collection time; it must describe the conftest teams."""
    usernames = {getattr(world.personas, persona).username: persona for persona in PERSONAS[1:]}
    for team, job in world.jobs.items():
        actual = {usernames[m.user.username]: m.role for m in job.team.select_related("user")}
        assert actual == TEAM_ROLES[team], team


def test_every_known_bug_names_a_case_of_the_matrix() -> None:
    assert set(KNOWN_PRODUCT_BUGS) <= {case.id for case in CASES}


def test_the_matrix_allows_and_refuses_something_to_everyone() -> None:
    # Guards against a policy typo that would allow (or refuse) everything: a matrix that cannot fail.
    for persona in PERSONAS:
        outcomes = {case.expected for case in CASES if case.persona == persona}
        assert ALLOWED in outcomes and len(outcomes) > 1, persona
