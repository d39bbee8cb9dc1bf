"""Downloads: PDF evaluation forms, blank for a round, filled for an interview (only scorecards the viewer
may read), and an interview's calendar invitation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify

from rekrut.accounts.http import AuthedRequest
from rekrut.core.pdf import pdf_language, pdf_response
from rekrut.interviews.calendar import invitation_response
from rekrut.interviews.documents import evaluation_form_pdf
from rekrut.interviews.models import ScorecardStatus
from rekrut.interviews.selectors.interviews import interview_get
from rekrut.interviews.selectors.plans import plan_round_get
from rekrut.interviews.selectors.scorecards import salary_masked, scorecards_visible_to
from rekrut.interviews.views.interviews import plan_round_get_for


@login_required
def round_form_pdf(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = plan_round_get(user=request.user, round_id=round_id)
    language = pdf_language(request)
    content = evaluation_form_pdf(plan_round=plan_round, language=language)
    return pdf_response(
        content, filename=f"evaluation-form-{plan_round.job.title}-{plan_round.round_type}-{language}"
    )


@login_required
def form_pdf(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = interview_get(user=request.user, interview_id=interview_id)
    plan_round = plan_round_get_for(interview)
    scorecards = salary_masked(
        scorecards_visible_to(user=request.user, application=interview.application)
        .filter(interview=interview, status=ScorecardStatus.SUBMITTED)
        .prefetch_related("ratings", "question_notes"),
        user=request.user,
        application=interview.application,
    )
    language = pdf_language(request)
    content = evaluation_form_pdf(
        plan_round=plan_round, language=language, interview=interview, scorecards=scorecards
    )
    name = slugify(interview.application.candidate.full_name) or "candidate"
    return pdf_response(content, filename=f"evaluation-{name}-{plan_round.round_type}-{language}")


@login_required
def calendar_ics(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """The interview's current invitation, for a calendar the e-mail did not reach."""
    return invitation_response(interview_get(user=request.user, interview_id=interview_id))
