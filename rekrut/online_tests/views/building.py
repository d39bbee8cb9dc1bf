"""HR's pages to build a test: the list, the test with its sections and questions, and the preview."""

import random
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out, carry_out_form
from rekrut.online_tests import selectors
from rekrut.online_tests.forms import QuestionForm, SectionForm, TestForm
from rekrut.online_tests.models import Answer
from rekrut.online_tests.scoring import draw
from rekrut.online_tests.services import building


@login_required
def tests(request: AuthedRequest) -> HttpResponse:
    found = selectors.tests_for(user=request.user)
    return render(request, "online_tests/list.html", {"nav": "online_tests", "tests": found})


def _test_save(request: AuthedRequest, form: TestForm, test: Any = None) -> Any:
    if not form.is_valid():
        return None
    d = form.cleaned_data
    return carry_out(
        request,
        lambda: building.online_test_save(
            actor=request.user,
            test=test,
            expected_version=d.get("version"),
            **{name: d[name] for name in form.fields if name != "version"},
        ),
        _("The test is saved."),
        form=form,
    )


@login_required
def create(request: AuthedRequest) -> HttpResponse:
    if not request.user.is_hr:
        raise PermissionDenied
    form = TestForm(request.POST or None)
    if request.method == "POST" and (saved := _test_save(request, form)) is not None:
        return redirect("online_tests:test", test_id=saved.pk)
    return render(request, "online_tests/edit.html", {"nav": "online_tests", "form": form})


@login_required
def edit(request: AuthedRequest, test_id: int) -> HttpResponse:
    test = selectors.test_get(user=request.user, test_id=test_id)
    form = TestForm(request.POST or None, initial=TestForm.initial_of(test))
    if request.method == "POST" and _test_save(request, form, test) is not None:
        return redirect("online_tests:test", test_id=test.pk)
    return render(request, "online_tests/edit.html", {"nav": "online_tests", "form": form, "test": test})


@login_required
def test(request: AuthedRequest, test_id: int) -> HttpResponse:
    found = selectors.test_get(user=request.user, test_id=test_id)
    context = {
        "nav": "online_tests",
        "test": found,
        "section_form": SectionForm(),
        "question_form": QuestionForm(),
        "drawn": sum(
            min(s.draw_count, len(s.questions.all())) if s.draw_count else len(s.questions.all())
            for s in found.sections.all()
        ),
    }
    return render(request, "online_tests/test.html", context)


@login_required
@require_POST
def section_add(request: AuthedRequest, test_id: int) -> HttpResponse:
    found = selectors.test_get(user=request.user, test_id=test_id)
    carry_out_form(
        request,
        SectionForm(request.POST),
        lambda d: building.section_add(actor=request.user, test=found, **d),
        _("The section is added. Add its questions."),
    )
    return redirect("online_tests:test", test_id=found.pk)


@login_required
@require_POST
def section_change(request: AuthedRequest, section_id: int) -> HttpResponse:
    section = selectors.section_get(user=request.user, section_id=section_id)
    carry_out_form(
        request,
        SectionForm(request.POST),
        lambda d: building.section_change(actor=request.user, section=section, **d),
        _("The section is saved."),
    )
    return redirect("online_tests:test", test_id=section.test_id)


@login_required
@require_POST
def question_add(request: AuthedRequest, section_id: int) -> HttpResponse:
    section = selectors.section_get(user=request.user, section_id=section_id)
    form = QuestionForm(request.POST)
    carry_out_form(
        request,
        form,
        lambda d: building.question_add(
            actor=request.user,
            section=section,
            kind=d["kind"],
            text_id=d["text_id"],
            text_en=d["text_en"],
            points=d["points"],
            options=form.options(),
            answer_number=d["answer_number"],
            tolerance=d["tolerance"] or 0,
            rubric=form.rubric(),
        ),
        _("The question is added to the pool."),
    )
    return redirect("online_tests:test", test_id=section.test_id)


@login_required
@require_POST
def question_remove(request: AuthedRequest, question_id: int) -> HttpResponse:
    question = selectors.question_get(user=request.user, question_id=question_id)
    carry_out(
        request,
        lambda: building.question_remove(actor=request.user, question=question),
        _("The question is out of the pool. Attempts that drew it keep it."),
    )
    return redirect("online_tests:test", test_id=question.section.test_id)


@login_required
def preview(request: AuthedRequest, test_id: int) -> HttpResponse:
    """The test as a candidate would see it: one random draw, nothing saved."""
    found = selectors.test_get(user=request.user, test_id=test_id)
    rng = random.Random()
    answers = []
    for section in found.sections.all():
        for question in draw(list(section.questions.all()), section.draw_count, rng):
            options = list(question.options.all())
            rng.shuffle(options)
            answer = Answer(question=question, position=len(answers) + 1)
            answers.append({"answer": answer, "options": options})
    return render(
        request,
        "online_tests/preview.html",
        {"nav": "online_tests", "test": found, "items": answers, "preview": True},
    )
