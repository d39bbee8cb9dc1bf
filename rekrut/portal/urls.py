from django.urls import path

from rekrut.portal import assessments as portal_assessments
from rekrut.portal import views
from rekrut.portal.prep import views as prep_views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/sent/", views.sign_in_sent, name="sign_in_sent"),
    # Reached from the e-mail, without a session: the single-use token is the credential.
    path("open/<str:token>/", views.open_link, name="open"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("applications/<int:application_id>/withdraw/", views.withdraw, name="withdraw"),
    path("interviews/<int:interview_id>/calendar.ics", views.interview_calendar, name="interview_calendar"),
    path("interviews/<int:interview_id>/prepare/", prep_views.prep, name="prep"),
    # From the interview invitation, without a session: the token opens this one interview's prep pack.
    path("prepare/<str:token>/", prep_views.prep_link, name="prep_link"),
    path("interview-times/<int:slot_offer_id>/", views.interview_times, name="interview_times"),
    path("offers/<int:offer_id>/", views.offer, name="offer"),
    path("assessments/<int:assessment_id>/", portal_assessments.assessment_open, name="assessment"),
    path("onboarding/<int:onboarding_id>/documents/", views.documents, name="documents"),
    path("messages/", views.messages_list, name="messages"),
    path("messages/<int:message_id>/", views.message, name="message"),
]
