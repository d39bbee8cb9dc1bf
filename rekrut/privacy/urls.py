"""The candidate's pages sit in the portal (/portal/my-data/...), HR's under /privacy/."""

from django.urls import path

from rekrut.privacy import views

app_name = "privacy"

urlpatterns = [
    path("portal/my-data/", views.my_data, name="my_data"),
    path("portal/my-data/requests/", views.my_data_request, name="my_data_request"),
    path("portal/my-data/download/", views.my_data_download, name="my_data_download"),
    path("privacy/requests/", views.queue, name="queue"),
    path("privacy/requests/<int:request_id>/", views.request_detail, name="request"),
    path("privacy/candidates/<int:candidate_id>/", views.candidate_privacy, name="candidate"),
    path("privacy/candidates/<int:candidate_id>/retention/", views.retention_extend, name="retention_extend"),
    path("privacy/candidates/<int:candidate_id>/resume/", views.resume_download, name="resume_download"),
    path("privacy/candidates/<int:candidate_id>/resume/import/", views.resume_import, name="resume_import"),
]
