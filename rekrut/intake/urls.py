from django.urls import path

from rekrut.intake.views import imports, people, screening

app_name = "intake"

urlpatterns = [
    path("new/", people.candidate_add, name="add"),
    path("new/cv/", people.cv_read, name="cv_read"),
    path("<int:candidate_id>/edit/", people.candidate_edit, name="edit"),
    path("<int:candidate_id>/apply/", people.candidate_apply, name="apply"),
    path("import/", imports.import_start, name="import_start"),
    path("import/jobs/", imports.job_import_start, name="job_import_start"),
    path("import/<int:import_id>/", imports.import_status, name="import_status"),
    path("import/<int:import_id>/columns/", imports.import_map, name="import_map"),
    path("jobs/<int:job_id>/questions/", screening.screening_questions, name="screening_questions"),
    path(
        "jobs/<int:job_id>/questions/<int:question_id>/delete/",
        screening.screening_question_delete,
        name="screening_question_delete",
    ),
]
