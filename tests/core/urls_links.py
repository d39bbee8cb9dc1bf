"""A URL that takes a link's token, for the signed-link tests (the portal and its URLs come later)."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("link/<str:token>/", lambda request, token: HttpResponse(token), name="link_probe"),
]
