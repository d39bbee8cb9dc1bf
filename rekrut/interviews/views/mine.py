"""The viewer's own interviews, the block on "my work", and the interview flags on the pipeline board.

The pipeline app sits below this one and cannot import it, so its pages load these through htmx.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.selectors.interviews import board_flags as flags_for_board
from rekrut.interviews.selectors.interviews import my_interviews
from rekrut.jobs.selectors import job_get


@login_required
def mine(request: AuthedRequest) -> HttpResponse:
    return render(request, "interviews/mine.html", {"nav": "work", "mine": my_interviews(user=request.user)})


@login_required
def my_work_block(request: AuthedRequest) -> HttpResponse:
    return render(request, "interviews/_my_work_block.html", {"mine": my_interviews(user=request.user)})


@login_required
def board_flags(request: AuthedRequest) -> HttpResponse:
    try:
        job_id = int(request.GET.get("job", ""))
    except ValueError:
        raise Http404 from None
    job = job_get(user=request.user, job_id=job_id)
    return render(request, "interviews/_board_flags.html", {"flags": flags_for_board(job=job)})
