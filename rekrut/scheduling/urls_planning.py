"""Staff pages for planning interviews: schedule, reschedule, the week views."""

from django.urls import URLPattern, path

from rekrut.scheduling.views import planning, week

urlpatterns: list[URLPattern] = [
    path("applications/<int:application_id>/schedule/", planning.schedule, name="schedule"),
    path("interviews/<int:interview_id>/reschedule/", planning.reschedule, name="reschedule"),
    path("week/", week.week, name="week"),
    path("jobs/<int:job_id>/week/", week.job_week, name="job_week"),
]
