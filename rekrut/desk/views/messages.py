"""A message sent to a candidate, as they received it, for the people who may see that candidate."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.notifications.selectors import message_to_get
from rekrut.pipeline.access import candidate_access_get


@login_required
def candidate_message(request: AuthedRequest, candidate_id: int, message_id: int) -> HttpResponse:
    # A candidate the user may not see, or a message that was not sent to this candidate: both a 404.
    candidate = candidate_access_get(user=request.user, candidate_id=candidate_id).candidate
    message = message_to_get(address=candidate.email, message_id=message_id)
    return render(
        request,
        "desk/candidate_message.html",
        {"nav": "candidates", "candidate": candidate, "message": message},
    )
