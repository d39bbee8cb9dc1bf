"""The staff desk's pages keep the addresses they had before they moved here, so bookmarks still work."""

from django.urls import path

from rekrut.desk.views import board, candidates, exports, jobs, messages, ranking, work

app_name = "desk"

urlpatterns = [
    path("pipeline/my-work/", work.my_work, name="my_work"),
    path("jobs/", jobs.job_list, name="jobs"),
    path("pipeline/jobs/<int:job_id>/board/", board.board, name="board"),
    path("pipeline/jobs/<int:job_id>/board/stages/<int:stage_id>/", board.board_more, name="board_cards"),
    path("pipeline/jobs/<int:job_id>/ranking/", ranking.ranking, name="ranking"),
    path("pipeline/applications/<int:application_id>/move/", board.application_move, name="move"),
    path(
        "pipeline/applications/<int:application_id>/move-back/", board.application_move_back, name="move_back"
    ),
    path("pipeline/applications/<int:application_id>/reject/", board.application_reject, name="reject"),
    path("pipeline/applications/<int:application_id>/withdraw/", board.application_withdraw, name="withdraw"),
    path("pipeline/applications/<int:application_id>/reopen/", board.application_reopen, name="reopen"),
    path("candidates/", candidates.candidate_list, name="candidates"),
    path("candidates/export.<str:file_type>", exports.candidates_export, name="candidates_export"),
    path(
        "pipeline/jobs/<int:job_id>/applications.<str:file_type>",
        exports.applications_export,
        name="applications_export",
    ),
    path("candidates/<int:candidate_id>/", candidates.candidate_detail, name="candidate"),
    path("candidates/<int:candidate_id>/cv/", candidates.candidate_cv, name="candidate_cv"),
    path(
        "candidates/<int:candidate_id>/messages/<int:message_id>/",
        messages.candidate_message,
        name="candidate_message",
    ),
    path("candidates/<int:keep_id>/merge/<int:duplicate_id>/", candidates.candidate_merge, name="merge"),
]
