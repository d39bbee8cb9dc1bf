"""PDF evaluation forms: blank for a round, filled for an interview (only scorecards the viewer may read)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language

from rekrut.accounts.http import AuthedRequest
from rekrut.interviews.documents import LANGUAGES, evaluation_form_pdf
from rekrut.interviews.models import ScorecardStatus
from rekrut.interviews.selectors.interviews import interview_get
from rekrut.interviews.selectors.plans import plan_round_get
from rekrut.interviews.selectors.scorecards import scorecards_visible_to
from rekrut.interviews.views.interviews import plan_round_get_for


def _language(request: AuthedRequest) -> str:
    wanted = request.GET.get("lang") or (get_language() or "id")[:2]
    return wanted if wanted in LANGUAGES else "id"


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def round_form_pdf(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = plan_round_get(user=request.user, round_id=round_id)
    language = _language(request)
    content = evaluation_form_pdf(plan_round=plan_round, language=language)
    return _pdf(
        content, f"evaluation-form-{slugify(plan_round.job.title)}-{plan_round.round_type}-{language}"
    )


@login_required
def form_pdf(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = interview_get(user=request.user, interview_id=interview_id)
    plan_round = plan_round_get_for(interview)
    scorecards = list(
        scorecards_visible_to(user=request.user, application=interview.application)
        .filter(interview=interview, status=ScorecardStatus.SUBMITTED)
        .prefetch_related("ratings", "question_notes")
    )
    language = _language(request)
    content = evaluation_form_pdf(
        plan_round=plan_round, language=language, interview=interview, scorecards=scorecards
    )
    name = slugify(interview.application.candidate.full_name) or "candidate"
    return _pdf(content, f"evaluation-{name}-{plan_round.round_type}-{language}")
