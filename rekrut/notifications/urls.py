from django.urls import path

from rekrut.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:message_id>/", views.outbox_message, name="message"),
]
