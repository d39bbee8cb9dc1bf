"""The application's online tests (HR sends one with a deadline), and an attempt's answers with the review of
those a person scores."""

from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.core.files import file_response
from rekrut.online_tests import selectors
from rekrut.online_tests.forms import SendForm
from rekrut.online_tests.models import Answer, OnlineTest
from rekrut.online_tests.scoring import RATING_MAX, RATING_MIN
from rekrut.online_tests.services.review import Mark, attempt_review
from rekrut.online_tests.services.sending import online_test_send
from rekrut.online_tests.services.taking import attempt_close_if_over
from rekrut.online_tests.work_files import WORK_TYPES
from rekrut.pipeline.access import application_access_get


@login_required
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = application_access_get(user=request.user, application_id=application_id)
    app = access.application
    zone = app.job.location.time_zone
    # Coming from the assessments page (?type=), the test of that assessment's type is already chosen.
    wanted = request.GET.get("type", "")
    chosen = OnlineTest.objects.filter(assessment_type_id=wanted).first() if wanted.isdigit() else None
    initial = {"test": chosen} if chosen else {}
    form = SendForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not access.job.is_hr_owner:
            raise PermissionDenied
        with timezone.override(ZoneInfo(zone)):
            valid = form.is_valid()
        if valid:
            d = form.cleaned_data
            sent = carry_out(
                request,
                lambda: online_test_send(
                    actor=request.user, application=app, test=d["test"], due_at=d["due_at"]
                ),
                _("The test is on its way to the candidate by e-mail."),
                form=form,
            )
            if sent is not None:
                return redirect("online_tests:application", application_id=app.pk)
    attempts = [attempt_close_if_over(attempt) for attempt in selectors.attempts_of(application_id=app.pk)]
    return render(
        request,
        "online_tests/application.html",
        {
            "nav": "candidates",
            "application": app,
            "access": access,
            "attempts": attempts,
            "form": form,
            "can_send": access.job.is_hr_owner and access.is_open,
            "zone": zone,
        },
    )


def _marks(request: AuthedRequest, answers: list[Answer]) -> dict[int, Mark]:
    marks = {}
    for answer in answers:
        if answer.points is not None:
            continue
        ratings = {}
        for criterion in answer.question.rubric:
            raw = request.POST.get(f"a{answer.pk}-{criterion['key']}", "")
            if raw.isdigit() and RATING_MIN <= int(raw) <= RATING_MAX:
                ratings[criterion["key"]] = int(raw)
        points = None
        raw_points = request.POST.get(f"a{answer.pk}-points", "").strip().replace(",", ".")
        if raw_points:
            try:
                points = Decimal(raw_points)
            except InvalidOperation:
                points = Decimal(-1)  # refused by the service with the question's number
        marks[answer.pk] = Mark(
            ratings=ratings, points=points, note=request.POST.get(f"a{answer.pk}-note", "")
        )
    return marks


@login_required
def attempt(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    found = selectors.attempt_get(user=request.user, attempt_id=attempt_id)
    current = attempt_close_if_over(found.attempt)
    answers = selectors.answers_of(current)
    if request.method == "POST":
        if not found.access.job.can_manage_applications:
            raise PermissionDenied
        raw_version = request.POST.get("version", "")
        version = int(raw_version) if raw_version.isdigit() else 0
        reviewed = carry_out(
            request,
            lambda: attempt_review(
                actor=request.user, attempt=current, marks=_marks(request, answers), expected_version=version
            ),
            _("The answers are scored and the result is recorded on the assessment."),
        )
        if reviewed is not None:
            return redirect("online_tests:attempt", attempt_id=current.pk)
    found = selectors.attempt_get(user=request.user, attempt_id=attempt_id)
    return render(
        request,
        "online_tests/attempt.html",
        {
            "nav": "candidates",
            "found": found,
            "attempt": found.attempt,
            "application": found.attempt.assessment.application,
            "answers": selectors.answers_of(found.attempt),
            "ratings": range(RATING_MIN, RATING_MAX + 1),
            "zone": found.attempt.assessment.application.job.location.time_zone,
        },
    )


@login_required
def answer_file(request: AuthedRequest, answer_id: int) -> HttpResponseBase:
    """A work sample handed in, served as what its content is (checked when uploaded), never inline."""
    answer = selectors.answer_get(user=request.user, answer_id=answer_id)
    # Named after what the content is, never what the candidate called the file.
    return file_response(
        request,
        answer.file,
        filename=f"work-{answer.pk}.{answer.file_kind}",
        content_type=WORK_TYPES.get(answer.file_kind, "application/octet-stream"),
    )
