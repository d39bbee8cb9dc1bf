"""Writes for interviews: scheduling, cancelling, and recording when an interview really ran."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.idempotency import idempotent_run
from rekrut.core.limits import OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.links import link_normalize
from rekrut.interviews.models import (
    MAX_DURATION_MINUTES,
    Interview,
    InterviewMode,
    InterviewStatus,
    PlanRound,
    ScorecardStatus,
)
from rekrut.interviews.services.invitations import CANCELLED, INVITED, RESCHEDULED, invitations_queue
from rekrut.jobs.models import Job
from rekrut.jobs.selectors import job_is_managed_by
from rekrut.jobs.services import team_members_add
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


def _check_people(interviewers: Iterable[User]) -> list[User]:
    people = list(dict.fromkeys(interviewers))
    if not people:
        raise DomainError(_("Choose at least one interviewer."), code="no_interviewers")
    if any(not person.is_active for person in people):
        raise DomainError(_("Interviewers must be active users."), code="inactive_interviewer")
    return people


def interviewers_onto_team(*, actor: User, job: Job, people: list[User], add_to_team: bool) -> list[User]:
    """Interviewers come from the job's hiring team, since they see the candidate's data. Someone else is
    added to the team first, visibly and only when asked, by someone allowed to change the team."""
    on_team = set(job.team.values_list("user_id", flat=True))
    outside = [person for person in people if person.pk not in on_team]
    if not outside:
        return []
    if not add_to_team:
        raise DomainError(
            _(
                "%(names)s is not on this job's hiring team. Add them to the team first (the job's HR owner "
                "or an HR admin can), so that everyone who sees the candidate is on the team."
            )
            % {"names": ", ".join(str(person) for person in outside)},
            code="not_on_team",
        )
    return team_members_add(actor=actor, job=job, people=outside)


# The form is filled in at "now" and sent a little later; a start this close behind is still "now".
PAST_GRACE = timedelta(minutes=5)
# An assessment day is the longest an interview really runs.
LONGEST_ACTUAL = timedelta(hours=24)


def _check_time(starts_at: datetime, duration_minutes: int, *, allow_past: bool) -> None:
    if timezone.is_naive(starts_at):
        raise DomainError(_("The start time needs a time zone."), code="naive_time")
    if not moment_in_range(starts_at):
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if not allow_past and starts_at < timezone.now() - PAST_GRACE:
        raise DomainError(
            _("The interview cannot start in the past. Choose a time from now on."), code="in_the_past"
        )
    # A length of at least a minute is what makes the planned end come after the start.
    if not 1 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise DomainError(
            _("The interview must end after it starts, within %(max)d minutes.")
            % {"max": MAX_DURATION_MINUTES},
            code="duration",
        )


@dataclass(frozen=True)
class Place:
    """Where an interview happens, by its mode: an address and a room on site, a meeting link online, the
    number the call comes from by phone. An empty mode reads it from `location` alone, the way places were
    typed before there were modes (an API client or an import that sends one line)."""

    mode: str = ""
    location: str = ""
    room: str = ""
    meeting_url: str = ""

    def checked(self) -> "Place":
        location, room, link = self.location.strip(), self.room.strip(), self.meeting_url.strip()
        mode = self.mode or _mode_read_from(location)
        if mode not in InterviewMode.values:
            raise DomainError(_("Choose how the interview is held."), code="mode")
        if mode == InterviewMode.ONLINE:
            link = link_normalize(link or location)
            location = room = ""
            if not link.lower().startswith(("https://", "http://")):
                raise DomainError(
                    _(
                        "An online interview needs its meeting link, e.g. https://meet.google.com/abc-defg-hij."
                    ),
                    code="meeting_url",
                )
        elif mode == InterviewMode.PHONE:
            link = room = ""
        else:
            link = ""
        for text, limit in ((location, SHORT_TEXT), (room, 120), (link, 500)):
            if len(text) > limit:
                raise DomainError(
                    _("Keep the place to %(max)d characters.") % {"max": limit}, code="location_too_long"
                )
        return Place(mode=mode, location=location, room=room, meeting_url=link)


def _mode_read_from(location: str) -> str:
    text = link_normalize(location.strip())
    if text.lower().startswith(("https://", "http://")):
        return InterviewMode.ONLINE
    if _PHONE_NUMBER.fullmatch(text):
        return InterviewMode.PHONE
    return InterviewMode.ON_SITE


# A place that is only a phone number ("+62 812-3456-7890", "tel:0215550123"): the interview is a call.
_PHONE_NUMBER = re.compile(r"(?:tel:)?\+?[\d\s().-]{8,20}", re.IGNORECASE)


def interview_schedule(
    *,
    actor: User,
    application: Application,
    plan_round: PlanRound,
    starts_at: datetime,
    duration_minutes: int,
    interviewers: Iterable[User],
    location: str = "",
    place: Place | None = None,
    notify: bool = True,
    add_to_team: bool = False,
    allow_past: bool = False,
    idempotency_key: str = "",
) -> Interview:
    """Plans an interview of a round of the application's job and tells the interviewers and the candidate.

    The start is from now on: `allow_past` is for recording interviews that already took place (the demo
    company, tests). The same `idempotency_key` sent again returns the first interview (a double click
    or a retry makes no second interview and no second invitation). `place` says where by mode; a
    `location` alone is read as before (a link is online, a number a call, other text an address).
    """
    people = list(interviewers)
    place = place or Place(location=location)
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="interview.schedule",
        inputs={
            "application": application,
            "round": plan_round,
            "starts_at": starts_at,
            "minutes": duration_minutes,
            "interviewers": sorted(person.pk for person in people),
            "place": [place.mode, place.location.strip(), place.room.strip(), place.meeting_url.strip()],
            "notify": notify,
            "add_to_team": add_to_team,
        },
        run=lambda: _schedule(
            actor=actor,
            application=application,
            plan_round=plan_round,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            interviewers=people,
            place=place,
            notify=notify,
            add_to_team=add_to_team,
            allow_past=allow_past,
        ),
    )


@transaction.atomic
def _schedule(
    *,
    actor: User,
    application: Application,
    plan_round: PlanRound,
    starts_at: datetime,
    duration_minutes: int,
    interviewers: list[User],
    place: Place,
    notify: bool,
    add_to_team: bool,
    allow_past: bool,
) -> Interview:
    if not job_is_managed_by(user=actor, job=application.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can schedule interviews."))
    if application.status != ApplicationStatus.ACTIVE:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")
    if plan_round.job_id != application.job_id:
        raise DomainError(_("That round belongs to another job."), code="foreign_round")
    _check_time(starts_at, duration_minutes, allow_past=allow_past)
    place = place.checked()
    people = _check_people(interviewers)
    interviewers_onto_team(actor=actor, job=application.job, people=people, add_to_team=add_to_team)
    interview = Interview.objects.create(
        application=application,
        round=plan_round,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        mode=place.mode,
        location=place.location,
        room=place.room,
        meeting_url=place.meeting_url,
        created_by=actor,
    )
    interview.interviewers.set(people)
    if notify:
        invitations_queue(interview=interview, kind=INVITED)
    return interview


@transaction.atomic
def interview_cancel(*, actor: User, interview: Interview, reason: str) -> Interview:
    locked = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__job__location", "application__candidate", "round__stage")
        .get(pk=interview.pk)
    )
    if not job_is_managed_by(user=actor, job=locked.application.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can cancel interviews."))
    if locked.status == InterviewStatus.CANCELLED:
        raise DomainError(_("This interview is already cancelled."), code="already_cancelled")
    if not reason.strip():
        raise DomainError(_("Say why the interview is cancelled."), code="reason_required")
    if locked.scorecards.filter(status=ScorecardStatus.SUBMITTED).exists():
        raise DomainError(
            _("Scorecards were already submitted for this interview; it cannot be cancelled."),
            code="has_scorecards",
        )
    locked.status = InterviewStatus.CANCELLED
    locked.cancel_reason = reason.strip()[:300]
    # Same UID, higher SEQUENCE: calendars remove the event they were sent (RFC 5546 CANCEL).
    locked.calendar_sequence += 1
    locked.save(update_fields=["status", "cancel_reason", "calendar_sequence"])
    invitations_queue(interview=locked, kind=CANCELLED)
    return locked


@transaction.atomic
def interview_reschedule(
    *,
    actor: User,
    interview: Interview,
    starts_at: datetime,
    duration_minutes: int,
    location: str = "",
    place: Place | None = None,
) -> Interview:
    """Moves an interview to a new time, length or place and tells everyone: the same calendar event
    (same UID) with a higher SEQUENCE, so calendars move it instead of adding a second one."""
    locked = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__job__location", "application__candidate", "round__stage")
        .get(pk=interview.pk)
    )
    if not job_is_managed_by(user=actor, job=locked.application.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can reschedule interviews."))
    if locked.status == InterviewStatus.CANCELLED:
        raise DomainError(_("This interview was cancelled; schedule a new one."), code="cancelled")
    if locked.scorecards.filter(status=ScorecardStatus.SUBMITTED).exists():
        raise DomainError(
            _("Scorecards were already submitted for this interview; it cannot be moved."),
            code="has_scorecards",
        )
    _check_time(starts_at, duration_minutes, allow_past=False)
    place = (place or Place(location=location)).checked()
    before = (locked.starts_at, locked.duration_minutes, _place_of(locked))
    if (starts_at, duration_minutes, place) == before:
        raise DomainError(_("Nothing changed: choose a new time, length or place."), code="unchanged")
    previous_start = locked.starts_at
    locked.starts_at, locked.duration_minutes = starts_at, duration_minutes
    locked.mode, locked.location, locked.room, locked.meeting_url = (
        place.mode,
        place.location,
        place.room,
        place.meeting_url,
    )
    locked.calendar_sequence += 1
    locked.save(
        update_fields=[
            "starts_at",
            "duration_minutes",
            "mode",
            "location",
            "room",
            "meeting_url",
            "calendar_sequence",
        ]
    )
    invitations_queue(interview=locked, kind=RESCHEDULED, previous_start=previous_start)
    return locked


def _place_of(interview: Interview) -> Place:
    return Place(
        mode=interview.mode,
        location=interview.location,
        room=interview.room,
        meeting_url=interview.meeting_url,
    )


@transaction.atomic
def interview_times_record(
    *, actor: User, interview: Interview, started_at: datetime, ended_at: datetime
) -> Interview:
    """Records when the interview really started and ended; one that ran long shows it."""
    locked = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__job")
        .get(pk=interview.pk)
    )
    assigned = locked.interviewers.filter(pk=actor.pk).exists()
    if not (assigned or job_is_managed_by(user=actor, job=locked.application.job)):
        raise AccessDenied(_("Only the interviewers or the job's managers can record the interview's times."))
    if locked.status == InterviewStatus.CANCELLED:
        raise DomainError(_("This interview was cancelled."), code="cancelled")
    if timezone.is_naive(started_at) or timezone.is_naive(ended_at):
        raise DomainError(_("The times need a time zone."), code="naive_time")
    if not (moment_in_range(started_at) and moment_in_range(ended_at)):
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if ended_at <= started_at:
        raise DomainError(_("The end must come after the start."), code="end_before_start")
    if ended_at - started_at > LONGEST_ACTUAL:
        raise DomainError(_("An interview cannot last longer than a day."), code="too_long")
    now = timezone.now()
    if started_at > now:
        raise DomainError(_("The interview cannot have started in the future."), code="future")
    if ended_at > now + PAST_GRACE:
        raise DomainError(_("The interview cannot have ended in the future."), code="future_end")
    locked.actual_started_at, locked.actual_ended_at = started_at, ended_at
    locked.save(update_fields=["actual_started_at", "actual_ended_at"])
    return locked
