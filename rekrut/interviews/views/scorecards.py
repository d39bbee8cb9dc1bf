"""The interviewer's scorecard: a draft saved as they go (htmx autosave, or the Save draft button without
JavaScript), submitted to lock it, amended with a reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rekrut.accounts.http import AuthedRequest
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews import kit
from rekrut.interviews.forms import ScorecardForm
from rekrut.interviews.models import Interview, Scorecard
from rekrut.interviews.selectors.interviews import interview_get
from rekrut.interviews.selectors.plans import round_attributes
from rekrut.interviews.selectors.scorecards import scorecard_of
from rekrut.interviews.services import scorecards as services
from rekrut.interviews.views.interviews import plan_round_get_for


def _form(request: AuthedRequest, interview: Interview, scorecard: Scorecard | None) -> ScorecardForm:
    plan_round = plan_round_get_for(interview)
    questions = [kq.question for kq in plan_round.kit.all()]
    initial = ScorecardForm.initial_from(services.scorecard_input_of(scorecard)) if scorecard else {}
    return ScorecardForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        attributes=round_attributes(plan_round),
        questions=questions,
        plan_round=plan_round,
    )


def _field_problems(form: ScorecardForm) -> list[str]:
    # Every attribute's evidence field is labelled "Evidence": name the attribute too.
    attributes = {f"evidence_{a.code}": a.name for a in form.attributes}
    problems = []
    for name, errors in form.errors.items():
        if name in form.fields:
            label = form.fields[name].label
            if name in attributes:
                label = f"{attributes[name]} — {label}"
            problems.append(f"{label}: {' '.join(str(error) for error in errors)}")
    return problems


@login_required
def scorecard(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = interview_get(user=request.user, interview_id=interview_id)
    if not any(p.pk == request.user.pk for p in interview.interviewers.all()):
        raise PermissionDenied(_("You are not an interviewer on this interview."))
    mine = scorecard_of(user=request.user, interview=interview)
    form = _form(request, interview, mine)
    action = request.POST.get("action", "save")
    if request.method == "POST" and form.is_valid():
        content = form.to_input()
        try:
            if action == "submit":
                services.scorecard_submit(actor=request.user, interview=interview, content=content)
            elif action == "amend":
                services.scorecard_amend(
                    actor=request.user,
                    interview=interview,
                    content=content,
                    reason=form.cleaned_data.get("amend_reason") or "",
                )
            else:
                services.scorecard_save_draft(actor=request.user, interview=interview, content=content)
        except AccessDenied as denied:
            raise PermissionDenied(str(denied.message)) from None
        except DomainError as error:
            if request.htmx:
                # 200, not 400: htmx swaps only successful answers, and the interviewer must see why.
                return render(request, "interviews/_autosave_status.html", {"error": error.message})
            form.add_error(None, error.message)
        else:
            if request.htmx and action in {"save", "autosave"}:
                return render(request, "interviews/_autosave_status.html", {"saved_at": timezone.now()})
            if action == "submit":
                messages.success(request, _("Your scorecard is submitted. You can now read the others'."))
                return redirect("interviews:evaluation", application_id=interview.application_id)
            if action == "amend":
                messages.success(request, _("Your scorecard is amended; the earlier version is kept."))
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect("interviews:scorecard", interview_id=interview.pk)
    elif request.method == "POST" and request.htmx:
        problems = _field_problems(form)
        return render(
            request,
            "interviews/_autosave_status.html",
            {"error": problems[0] if problems else _("Some answers could not be read.")},
        )
    elif request.method == "POST":
        # The page lays its fields out itself: say at the top which answer is wrong (e.g. too long).
        for problem in _field_problems(form):
            form.add_error(None, problem)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "interviews/scorecard.html",
        {
            "nav": "work",
            "interview": interview,
            "application": interview.application,
            "scorecard": mine,
            "form": form,
            "versions": list(mine.versions.select_related("submitted_by")) if mine else [],
            "minutes_per_question": kit.minutes_per_question(interview.duration_minutes, len(form.questions)),
            "started": interview.starts_at <= timezone.now(),
        },
        status=status,
    )
