from django.urls import path

from rekrut.jobs import views

app_name = "jobs"

urlpatterns = [
    path("new/", views.job_create, name="create"),
    path("ad-check/", views.job_ad_check, name="ad_check"),
    path("<int:job_id>/", views.job_detail, name="detail"),
    path("<int:job_id>/edit/", views.job_edit, name="edit"),
    path("<int:job_id>/stages/", views.job_stages, name="stages"),
    path("<int:job_id>/requirements/", views.job_requirements, name="requirements"),
]
