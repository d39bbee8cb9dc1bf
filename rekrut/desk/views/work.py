"""My work: what waits for the viewer in the pipeline, and their interviews, on one page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.selectors.interviews import my_interviews
from rekrut.pipeline import selectors


@login_required
def my_work(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "desk/my_work.html",
        {
            "nav": "work",
            "waiting": selectors.my_work(user=request.user),
            "mine": my_interviews(user=request.user),
        },
    )
