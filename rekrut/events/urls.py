from django.urls import path

from rekrut.events import views

app_name = "events"

urlpatterns = [
    path("", views.audit_log, name="log"),
]
