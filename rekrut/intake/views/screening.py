"""HR's page for a job's screening questions: the list, adding one, taking one off."""

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.intake.models import QuestionKind, ScreeningQuestion
from rekrut.intake.screening import NO, YES, QuestionSpec, screening_question_add, screening_question_remove
from rekrut.jobs.access import job_access_get


class QuestionForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Question"), max_length=300)
    kind = forms.ChoiceField(label=gettext_lazy("Kind of answer"), choices=QuestionKind.choices)
    is_required = forms.BooleanField(
        label=gettext_lazy("An answer is required"), required=False, initial=True
    )
    choices = forms.CharField(
        label=gettext_lazy("Choices (one per line; for a choice question)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    knockout_answer = forms.ChoiceField(
        label=gettext_lazy("Flag for HR when the answer is (yes/no question)"),
        required=False,
        choices=[("", "—"), (YES, gettext_lazy("Yes")), (NO, gettext_lazy("No"))],
    )
    knockout_choices = forms.CharField(
        label=gettext_lazy("Flag for HR when the answer is one of (one per line; choice question)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    knockout_min = forms.DecimalField(
        label=gettext_lazy("Flag for HR below (number question)"),
        required=False,
        max_digits=12,
        decimal_places=2,
    )
    knockout_max = forms.DecimalField(
        label=gettext_lazy("Flag for HR above (number question)"),
        required=False,
        max_digits=12,
        decimal_places=2,
    )

    @staticmethod
    def _lines(text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))

    def spec(self) -> QuestionSpec:
        data: dict[str, Any] = self.cleaned_data
        low: Decimal | None = data.get("knockout_min")
        high: Decimal | None = data.get("knockout_max")
        return QuestionSpec(
            text=data["text"],
            kind=data["kind"],
            is_required=data["is_required"],
            choices=self._lines(data.get("choices", "")),
            knockout_answer=data.get("knockout_answer", ""),
            knockout_choices=self._lines(data.get("knockout_choices", "")),
            knockout_min=low,
            knockout_max=high,
        )


@login_required
def screening_questions(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    if not access.can_edit:
        raise PermissionDenied
    job = access.job
    form = QuestionForm(request.POST or None, initial={"is_required": True})
    if request.method == "POST" and form.is_valid():
        added = carry_out(
            request,
            lambda: screening_question_add(actor=request.user, job=job, spec=form.spec()),
            _("The question is added. Applicants answer it from now on."),
            form=form,
        )
        if added is not None:
            return redirect("intake:screening_questions", job_id=job.pk)
    questions = ScreeningQuestion.objects.filter(job=job, is_active=True).order_by("position", "pk")
    return render(
        request,
        "intake/screening_questions.html",
        {"nav": "jobs", "job": job, "questions": questions, "form": form},
    )


@login_required
@require_POST
def screening_question_delete(request: AuthedRequest, job_id: int, question_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    if not access.can_edit:
        raise PermissionDenied
    question = get_object_or_404(ScreeningQuestion, pk=question_id, job=access.job, is_active=True)
    carry_out(
        request,
        lambda: screening_question_remove(actor=request.user, question=question),
        _("The question is taken off. Answers already given stay with their applications."),
    )
    return redirect("intake:screening_questions", job_id=access.job.pk)
