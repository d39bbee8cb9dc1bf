from django.urls import path

from rekrut.pipeline import views_intake

app_name = "intake"

urlpatterns = [
    path("new/", views_intake.candidate_add, name="add"),
    path("new/cv/", views_intake.cv_read, name="cv_read"),
    path("<int:candidate_id>/apply/", views_intake.candidate_apply, name="apply"),
]
