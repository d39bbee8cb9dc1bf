from django.urls import path

from rekrut.onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("", views.onboarding_list, name="list"),
    path("applications/<int:application_id>/", views.application, name="application"),
    path("tasks/<int:task_id>/tick/", views.tick, name="tick"),
    path("tasks/<int:task_id>/document/", views.document, name="document"),
    path("<int:onboarding_id>/link/", views.send_link, name="send_link"),
    path("<int:onboarding_id>/hand-off/", views.hand_off, name="hand_off"),
    path("<int:onboarding_id>/details/", views.financial, name="financial"),
    path("<int:onboarding_id>/export.<str:fmt>", views.export, name="export"),
    # The new employee's page: no account, the signed link's token is the credential.
    path("documents/<str:token>/", views.candidate, name="candidate"),
]
