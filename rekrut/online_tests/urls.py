from django.urls import path

from rekrut.online_tests.views import applications, building, taking

app_name = "online_tests"

urlpatterns = [
    path("", building.tests, name="list"),
    path("new/", building.create, name="create"),
    path("<int:test_id>/", building.test, name="test"),
    path("<int:test_id>/edit/", building.edit, name="edit"),
    path("<int:test_id>/preview/", building.preview, name="preview"),
    path("<int:test_id>/sections/", building.section_add, name="section_add"),
    path("sections/<int:section_id>/", building.section_change, name="section_change"),
    path("sections/<int:section_id>/questions/", building.question_add, name="question_add"),
    path("questions/<int:question_id>/remove/", building.question_remove, name="question_remove"),
    path("applications/<int:application_id>/", applications.application, name="application"),
    path("attempts/<int:attempt_id>/", applications.attempt, name="attempt"),
    path("answers/<int:answer_id>/file/", applications.answer_file, name="answer_file"),
    # The candidate's pages: no account, the signed link's token is the credential.
    path("take/<str:token>/", taking.take, name="take"),
    path("take/<str:token>/save/", taking.save, name="save"),
    path("portal/<int:attempt_id>/", taking.from_portal, name="from_portal"),
]
