"""The week views: my interviews (and, for HR, those of the jobs I own), and one job's, an ISO week at a
time in the viewer's zone; `[` `]` and `t` move between weeks (week.js) along the page's own links."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.models import Interview
from rekrut.jobs.access import job_access_get
from rekrut.scheduling.selectors_week import (
    interviews_mine,
    interviews_of_job,
    week_build,
    week_label,
    week_monday,
)


def _week_page(
    request: AuthedRequest, interviews: QuerySet[Interview], context: dict[str, object]
) -> HttpResponse:
    zone_name = timezone.get_current_timezone_name()
    today = timezone.localdate()
    asked = request.GET.get("week", "")
    monday = week_monday(asked, today=today)
    if monday is None:
        # A week typed by hand into the address: say so, and show this week instead of an error page.
        context["week_error"] = _(
            "“%(week)s” is not a week Rekrut knows. Write it as year, W and week number, e.g. %(example)s; "
            "this week is shown instead."
        ) % {"week": asked[:20], "example": week_label(today)}
        monday = week_monday("", today=today) or date.today()
    week = week_build(interviews=interviews, monday=monday, zone_name=zone_name)
    return render(
        request,
        "scheduling/week.html",
        {**context, "week": week, "this_week": week_label(today), "zone_name": zone_name},
    )


@login_required
def week(request: AuthedRequest) -> HttpResponse:
    return _week_page(request, interviews_mine(user=request.user), {"nav": "week", "job": None})


@login_required
def job_week(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    return _week_page(request, interviews_of_job(job=access.job), {"nav": "week", "job": access.job})
