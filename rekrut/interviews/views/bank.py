"""The question bank: everyone reads it; HR adds its own questions and retires them."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.interviews.forms import QuestionForm
from rekrut.interviews.models import Question, RoundType
from rekrut.interviews.selectors.plans import attributes_in_use, question_is_retirable_by, questions_in_bank
from rekrut.interviews.services import plans
from rekrut.jobs.models import JobFamily

PAGE_SIZE = 30


@login_required
def questions(request: AuthedRequest) -> HttpResponse:
    round_type = request.GET.get("round_type", "")
    job_family = request.GET.get("job_family", "")
    attribute = request.GET.get("attribute", "")
    retired = request.GET.get("retired") == "1"
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        added = carry_out(
            request,
            lambda: plans.question_create(
                actor=request.user,
                round_type=d["round_type"],
                job_family=d["job_family"],
                text_id=d["text_id"],
                text_en=d["text_en"],
                attributes=d["attributes"],
                strong_answer_id=d["strong_answer_id"],
                strong_answer_en=d["strong_answer_en"],
                follow_ups=form.follow_up_list(),
                idempotency_key=d["idempotency_key"],
            ),
            _("The question is added to the bank."),
            form=form,
        )
        if added is not None:
            return redirect("interviews:questions")
    found = questions_in_bank(
        round_type=round_type if round_type in RoundType.values else "",
        job_family=job_family if job_family in JobFamily.values else "",
        attribute_code=attribute,
        include_retired=retired,
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "interviews/questions.html",
        {
            "nav": "jobs",
            "page": page,
            "retirable": {q.pk for q in page if question_is_retirable_by(user=request.user, question=q)},
            "form": form,
            "round_types": RoundType.choices,
            "job_families": JobFamily.choices,
            "attributes": attributes_in_use(),
            "filters": {
                "round_type": round_type,
                "job_family": job_family,
                "attribute": attribute,
                "retired": retired,
            },
            "query_string": query.urlencode(),
        },
    )


@login_required
@require_POST
def question_retire(request: AuthedRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_id)
    carry_out(
        request,
        lambda: plans.question_retire(actor=request.user, question=question),
        _("The question is retired; kits that chose it keep it."),
    )
    return redirect("interviews:questions")
