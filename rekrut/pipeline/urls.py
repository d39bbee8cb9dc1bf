from django.urls import path

from rekrut.pipeline import views

app_name = "pipeline"

urlpatterns = [
    path("my-work/", views.my_work, name="my_work"),
    path("jobs/<int:job_id>/board/", views.board, name="board"),
    path("applications/<int:application_id>/move/", views.application_move, name="move"),
    path("applications/<int:application_id>/reject/", views.application_reject, name="reject"),
    path("applications/<int:application_id>/withdraw/", views.application_withdraw, name="withdraw"),
    path("applications/<int:application_id>/reopen/", views.application_reopen, name="reopen"),
]
