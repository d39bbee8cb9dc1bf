"""Slots offered to candidates, their booking pages and people's working hours and blocked time."""

from django.urls import path

from rekrut.scheduling.views import availability, booking

urlpatterns = [
    path("availability/", availability.availability, name="availability"),
    path("availability/blocked/", availability.blocked_add, name="blocked_add"),
    path("availability/blocked/<int:blocked_id>/remove/", availability.blocked_remove, name="blocked_remove"),
    path("applications/<int:application_id>/offer/", booking.offer_create, name="offer_create"),
    path("offers/<int:offer_id>/withdraw/", booking.offer_revoke, name="offer_revoke"),
    # The candidate's pages: public, opened by a signed link.
    path("pick/<str:token>/", booking.pick, name="pick"),
    path("booking/<str:token>/", booking.manage, name="manage"),
]
