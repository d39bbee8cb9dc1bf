from django.urls import path

from rekrut.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("settings/", views.settings_page, name="settings"),
    path("jobs/<int:job_id>/summary.pdf", views.job_summary, name="job_summary"),
    path("<slug:key>/", views.report, name="report"),
    path("<slug:key>/<slug:table>.<str:file_type>", views.export, name="export"),
]
