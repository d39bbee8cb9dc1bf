from django.urls import path

from rekrut.practice import views

app_name = "practice"

urlpatterns = [
    path("", views.start, name="start"),
    path("question/", views.question, name="question"),
    path("feedback/", views.feedback, name="feedback"),
    path("rate/", views.rate, name="rate"),
    path("history/", views.history, name="history"),
    path("history/delete/", views.history_delete, name="history_delete"),
]
