"""A URL conf that mounts the interviews router on an API of its own, so its tests do not depend on when
rekrut/api/urls.py mounts it (the router can be mounted in more than one API)."""

from django.urls import path
from ninja import NinjaAPI

from rekrut.api.auth import ApiTokenAuth
from rekrut.api.errors import api_errors_install
from rekrut.api.interviews import router

api = NinjaAPI(
    title="Rekrut interviews API (tests)",
    version="1",
    urls_namespace="interviews_api_tests",
    auth=ApiTokenAuth(),
)
api_errors_install(api)
api.add_router("", router)

urlpatterns = [path("api/", api.urls)]
