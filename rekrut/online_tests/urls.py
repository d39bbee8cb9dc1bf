from django.urls import path  # noqa: F401

app_name = "online_tests"

urlpatterns: list = []
