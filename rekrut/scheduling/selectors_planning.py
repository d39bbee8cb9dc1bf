"""Reads of the planning pages: who may interview for a job, and an interview's place as the form shows it."""

from rekrut.accounts.models import User
from rekrut.interviews.models import Interview, InterviewMode
from rekrut.jobs.models import Job


def team_people(*, job: Job) -> list[User]:
    """The active people on the job's hiring team, once each whatever their roles."""
    return list(
        User.objects.filter(team_memberships__job=job, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def people_off_team(*, job: Job) -> list[User]:
    """Active staff not on the job's hiring team: whom its HR owner may bring on as an interviewer."""
    return list(
        User.objects.filter(is_active=True)
        .exclude(team_memberships__job=job)
        .order_by("first_name", "last_name", "username")
    )


def place_initial(interview: Interview) -> dict[str, str]:
    """The form's mode fields filled from the interview: the address or the phone number share `location`."""
    phone = interview.mode == InterviewMode.PHONE
    return {
        "mode": interview.mode,
        "address": "" if phone else interview.location,
        "phone_from": interview.location if phone else "",
        "room": interview.room,
        "meeting_url": interview.meeting_url,
    }


def address_of(job: Job) -> str:
    """Where an on-site interview for the job is, as far as Rekrut knows: its location's name and city."""
    location = job.location
    if location.city and location.city.lower() not in location.name.lower():
        return f"{location.name}, {location.city}"
    return location.name
