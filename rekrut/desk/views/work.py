"""My work: what waits for the viewer, what is late first, then the rest by what to do; their interviews;
and for HR admins (on no team) what waits across every job."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.selectors.interviews import my_interviews
from rekrut.interviews.selectors.overdue import overdue_scorecards_by_job
from rekrut.pipeline import selectors

# The HR admin's late list shows the longest waiting across the company; the table per job counts the rest.
COMPANY_LATE_SHOWN = 10


@login_required
def my_work(request: AuthedRequest) -> HttpResponse:
    now = timezone.now()
    work = selectors.my_work_grouped(user=request.user, now=now)
    mine = my_interviews(user=request.user, now=now)
    company = selectors.work_across_jobs(user=request.user, now=now, late_limit=COMPANY_LATE_SHOWN)
    overdue_by_job = overdue_scorecards_by_job(now=now) if request.user.is_hr_admin else {}
    # An HR admin's late list is the company's, which holds their own late applications too.
    late = company.late if request.user.is_hr_admin else work.late
    late_total = company.late_total if request.user.is_hr_admin else len(work.late)
    return render(
        request,
        "desk/my_work.html",
        {
            "nav": "work",
            "work": work,
            "mine": mine,
            "late": late,
            "late_more": late_total - len(late),
            "late_count": late_total + len(mine.overdue) + len(mine.chase),
            "scorecards_late": len(mine.overdue) + len(mine.chase),
            "company": company,
            "company_rows": [(row, overdue_by_job.get(row.job.pk, 0)) for row in company.jobs],
            "group_labels": selectors.GROUP_LABELS,
            "stale_days": selectors.STALE_AFTER_DAYS,
        },
    )
