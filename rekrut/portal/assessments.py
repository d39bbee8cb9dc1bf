"""The candidate's assessments in the portal: the list on the home page (what, when and where or the
deadline, instructions) and a hop to the assessment's own page (the brief and the upload), never other
people's and never a report or a note."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from rekrut.assessments.models import Assessment
from rekrut.assessments.selectors import assessments_for_candidate
from rekrut.assessments.services.assessments import LINK_PURPOSE
from rekrut.candidates.models import Candidate
from rekrut.candidates.sessions import candidate_required
from rekrut.portal import services
from rekrut.portal.pages import portal_page
from rekrut.portal.selectors import records_of


def assessments_of(candidate: Candidate) -> list[Assessment]:
    return assessments_for_candidate(candidate_ids=list(records_of(candidate).values_list("pk", flat=True)))


@require_POST
@portal_page
@candidate_required
def assessment_open(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """To the assessment's page (a fresh short-lived link: the e-mailed one is stored only as a hash)."""
    # candidate_required has put the signed-in candidate on the request.
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    found = next((a for a in assessments_of(candidate) if a.pk == assessment_id), None)
    if found is None:
        raise Http404
    issued = services.portal_hop_issue(purpose=LINK_PURPOSE, subject=found, url_name="assessments:page")
    return redirect(reverse("assessments:page", args=[issued.token]))
