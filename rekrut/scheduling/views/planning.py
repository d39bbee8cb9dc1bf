"""Scheduling and moving an interview: the one page for each, with the conflict warnings.

The POST is the source of truth: a valid form is checked for conflicts; warnings the user has not yet
confirmed are shown with "Schedule anyway", which confirms exactly those warnings for exactly that time
(conflicts.conflicts_fingerprint). An HTMX request with `check` only answers the warnings for what is
typed so far, as the fields change.
"""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.models import User
from rekrut.core.actions import carry_out
from rekrut.core.localization import local_datetime
from rekrut.core.models.idempotency import IdempotencyKey
from rekrut.interviews.models import Interview, PlanRound
from rekrut.interviews.selectors.interviews import interview_get
from rekrut.interviews.selectors.plans import plan_rounds
from rekrut.interviews.services import interviews as services
from rekrut.jobs.access import job_access
from rekrut.pipeline.access import application_access_get
from rekrut.scheduling.conflicts import Conflict, conflicts_find, conflicts_fingerprint
from rekrut.scheduling.forms_planning import ScheduleForm, TimeForm
from rekrut.scheduling.selectors_planning import address_of, people_off_team, place_initial, team_people

CONFIRMED = "confirmed"
MOVED = gettext_lazy("The interview is moved; the interviewers and the candidate are told.")


def _round_chosen(request: AuthedRequest, rounds: list[PlanRound], stage_id: int) -> PlanRound | None:
    """The round asked for (?round=), else the round of the application's current stage, else the first."""
    by_id = {str(r.pk): r for r in rounds}
    wanted = request.GET.get("round", "")
    if wanted in by_id:
        return by_id[wanted]
    return next((r for r in rounds if r.stage_id == stage_id), rounds[0] if rounds else None)


def _elsewhere(people: list[User], starts_at: datetime, place_zone: str) -> list[tuple[User, str]]:
    """The start as each person elsewhere reads it (an interviewer in WITA for a job in WIB)."""
    return [(p, local_datetime(starts_at, p.time_zone)) for p in people if p.time_zone != place_zone]


def _checked(
    request: AuthedRequest, form: TimeForm, people: list[User], **find: Any
) -> tuple[list[Conflict], str, dict[str, Any]]:
    """The warnings for the form's time, their fingerprint, and what the page shows about them."""
    data = form.cleaned_data
    ends_at = data["starts_at"] + timedelta(minutes=data["duration_minutes"])
    conflicts = conflicts_find(
        starts_at=data["starts_at"], ends_at=ends_at, interviewers=people, place_zone=form.place_zone, **find
    )
    fingerprint = conflicts_fingerprint(conflicts, starts_at=data["starts_at"], ends_at=ends_at)
    shown = {
        "conflicts": conflicts,
        "fingerprint": fingerprint,
        "checked": True,
        "elsewhere": _elsewhere(
            list(dict.fromkeys([*people, request.user])), data["starts_at"], form.place_zone
        ),
    }
    return conflicts, fingerprint, shown


def _check_only(request: AuthedRequest, form: TimeForm, people: list[User], **find: Any) -> HttpResponse:
    """The warnings for what is typed so far: whatever else is missing, a time and a length suffice."""
    shown: dict[str, Any] = {"checked": False}
    if {"starts_at", "duration_minutes"} <= set(form.cleaned_data):
        _conflicts, _fingerprint, shown = _checked(request, form, people, **find)
    return render(request, "scheduling/_conflicts.html", shown)


@login_required
def schedule(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = application_access_get(user=request.user, application_id=application_id)
    if not access.job.can_manage_applications:
        raise PermissionDenied
    app = access.application
    job = app.job
    rounds = plan_rounds(job=job)
    team = team_people(job=job)
    chosen = _round_chosen(request, rounds, app.stage_id)
    initial: dict[str, Any] = {"mode": "on_site", "address": address_of(job)}
    if chosen is not None:
        on_team = {p.pk for p in team}
        initial |= {
            "round": chosen,
            "duration_minutes": chosen.duration_minutes,
            "interviewers": [p for p in chosen.interviewers.all() if p.pk in on_team],
        }
    form = ScheduleForm(
        request.POST or None,
        initial=initial,
        rounds=rounds,
        team=team,
        others=people_off_team(job=job) if access.job.can_edit else None,
        place_zone=job.location.time_zone,
    )
    context: dict[str, Any] = {
        "nav": "candidates",
        "application": app,
        "job": job,
        "form": form,
        "rounds": rounds,
        "can_schedule": access.is_open and bool(rounds),
    }
    if request.method != "POST":
        return render(request, "scheduling/schedule.html", context)
    if not context["can_schedule"]:
        messages.error(request, _("This application is closed; reopen it first."))
        return redirect("scheduling:schedule", application_id=app.pk)
    find = {"candidate": app.candidate}
    valid = form.is_valid()
    people = list(form.cleaned_data.get("people", []))
    if request.POST.get("check") and request.htmx:
        return _check_only(request, form, people, **find)
    if valid:
        conflicts, fingerprint, shown = _checked(request, form, people, **find)
        context |= shown
        # A repeat of a form already carried out (a double click) would clash with its own interview:
        # it goes straight to the service, which answers as the first time.
        repeat = _already_sent(request.user, form.cleaned_data["idempotency_key"])
        if repeat or not conflicts or request.POST.get(CONFIRMED) == fingerprint:
            d = form.cleaned_data
            interview = carry_out(
                request,
                lambda: services.interview_schedule(
                    actor=request.user,
                    application=app,
                    plan_round=d["round"],
                    starts_at=d["starts_at"],
                    duration_minutes=d["duration_minutes"],
                    interviewers=d["people"],
                    place=d["place"],
                    add_to_team=bool(d.get("others")),
                    idempotency_key=d["idempotency_key"],
                ),
                lambda done: (
                    _("The %(round)s is scheduled; the interviewers and the candidate are told by e-mail.")
                    % {"round": done.round.stage.name}
                ),
                form=form,
            )
            if interview is not None:
                return redirect("interviews:application", application_id=app.pk)
    return render(request, "scheduling/schedule.html", context)


def _already_sent(user: User, key: str) -> bool:
    return bool(key) and IdempotencyKey.objects.filter(actor_id=user.pk, key=key).exists()


def _same_as(interview: Interview, data: dict[str, Any]) -> bool:
    place = data["place"]
    return (
        interview.starts_at == data["starts_at"]
        and interview.duration_minutes == data["duration_minutes"]
        and (interview.mode, interview.location, interview.room, interview.meeting_url)
        == (place.mode, place.location, place.room, place.meeting_url)
    )


@login_required
def reschedule(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """A new time, length or place: everyone is told, and calendars move the one event they hold."""
    interview = interview_get(user=request.user, interview_id=interview_id)
    job = interview.application.job
    if not job_access(user=request.user, job=job).can_manage_applications:
        raise PermissionDenied
    zone = job.location.time_zone
    local = timezone.localtime(interview.starts_at, ZoneInfo(zone))
    form = TimeForm(
        request.POST or None,
        initial={
            "day": local.date(),
            "at": local.time(),
            "duration_minutes": interview.duration_minutes,
            **place_initial(interview),
        },
        place_zone=zone,
    )
    people = list(interview.interviewers.all())
    context: dict[str, Any] = {
        "nav": "candidates",
        "interview": interview,
        "application": interview.application,
        "job": job,
        "form": form,
        "interviewers": people,
    }
    if request.method != "POST":
        return render(request, "scheduling/reschedule.html", context)
    find = {"candidate": interview.application.candidate, "moving": interview}
    valid = form.is_valid()
    if request.POST.get("check") and request.htmx:
        return _check_only(request, form, people, **find)
    if valid and not interview.is_cancelled:
        if request.POST.get("sequence") != str(interview.calendar_sequence):
            # The form was drawn before the interview last changed: a second click on a move already
            # made answers as the first; otherwise someone else moved it meanwhile.
            if _same_as(interview, form.cleaned_data):
                messages.success(request, MOVED)
                return redirect("interviews:kit", interview_id=interview.pk)
            form.add_error(
                None,
                _("Someone changed this interview meanwhile: it now starts %(when)s. Check and send again.")
                % {"when": local_datetime(interview.starts_at, zone)},
            )
            return render(request, "scheduling/reschedule.html", context)
        conflicts, fingerprint, shown = _checked(request, form, people, **find)
        context |= shown
        if not conflicts or request.POST.get(CONFIRMED) == fingerprint:
            d = form.cleaned_data
            moved = carry_out(
                request,
                lambda: services.interview_reschedule(
                    actor=request.user,
                    interview=interview,
                    starts_at=d["starts_at"],
                    duration_minutes=d["duration_minutes"],
                    place=d["place"],
                ),
                MOVED,
                form=form,
            )
            if moved is not None:
                return redirect("interviews:kit", interview_id=interview.pk)
    return render(request, "scheduling/reschedule.html", context)
