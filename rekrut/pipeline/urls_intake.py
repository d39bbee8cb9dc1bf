from django.urls import path

from rekrut.pipeline import views_import, views_intake

app_name = "intake"

urlpatterns = [
    path("new/", views_intake.candidate_add, name="add"),
    path("new/cv/", views_intake.cv_read, name="cv_read"),
    path("<int:candidate_id>/apply/", views_intake.candidate_apply, name="apply"),
    path("import/", views_import.import_start, name="import_start"),
    path("import/<int:import_id>/", views_import.import_status, name="import_status"),
    path("import/<int:import_id>/columns/", views_import.import_map, name="import_map"),
]
