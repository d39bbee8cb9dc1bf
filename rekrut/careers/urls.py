from django.urls import path

from rekrut.careers import preview, views

app_name = "careers"

urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("<int:job_id>/", views.job_detail, name="job"),
    path("<int:job_id>/apply/", views.apply, name="apply"),
    path("<int:job_id>/applied/", views.applied, name="applied"),
    path("<int:job_id>/preview/", preview.job_preview, name="preview"),  # staff only, any status
    path("logo", views.logo, name="logo"),
    path("brand.css", views.brand_css, name="brand_css"),
]
