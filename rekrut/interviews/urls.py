from django.urls import path

from rekrut.interviews.views import bank, documents, evaluation, interviews, mine, plans, scorecards

app_name = "interviews"

urlpatterns = [
    path("mine/", mine.mine, name="mine"),
    path("jobs/<int:job_id>/plan/", plans.plan, name="plan"),
    path("jobs/<int:job_id>/policy/", plans.policy_edit, name="policy"),
    path("rounds/<int:round_id>/", plans.round_edit, name="round_edit"),
    path("rounds/<int:round_id>/kit/add/", plans.kit_add, name="kit_add"),
    path("rounds/<int:round_id>/kit/remove/", plans.kit_remove, name="kit_remove"),
    path("rounds/<int:round_id>/kit/move/", plans.kit_move, name="kit_move"),
    path("rounds/<int:round_id>/kit/suggest/", plans.kit_suggest, name="kit_suggest"),
    path("rounds/<int:round_id>/kit/share/", plans.kit_share, name="kit_share"),
    path("rounds/<int:round_id>/form.pdf", documents.round_form_pdf, name="round_form_pdf"),
    path("questions/", bank.questions, name="questions"),
    path("questions/<int:question_id>/retire/", bank.question_retire, name="question_retire"),
    path("applications/<int:application_id>/", interviews.application, name="application"),
    path("applications/<int:application_id>/evaluation/", evaluation.evaluation, name="evaluation"),
    path("applications/<int:application_id>/decide/", evaluation.decide, name="decide"),
    path("<int:interview_id>/kit/", interviews.interview_kit, name="kit"),
    path("<int:interview_id>/times/", interviews.interview_times, name="times"),
    path("<int:interview_id>/cancel/", interviews.interview_cancel, name="cancel"),
    path("<int:interview_id>/scorecard/", scorecards.scorecard, name="scorecard"),
    path("<int:interview_id>/form.pdf", documents.form_pdf, name="form_pdf"),
    path("<int:interview_id>/calendar.ics", documents.calendar_ics, name="calendar"),
]
