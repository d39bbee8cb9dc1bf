"""The viewer's own interviews."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.selectors.interviews import my_interviews


@login_required
def mine(request: AuthedRequest) -> HttpResponse:
    return render(request, "interviews/mine.html", {"nav": "work", "mine": my_interviews(user=request.user)})
