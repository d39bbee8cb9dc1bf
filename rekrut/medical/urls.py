from django.urls import path

from rekrut.medical import views

app_name = "medical"

urlpatterns = [
    path("applications/<int:application_id>/", views.application, name="application"),
    path("checks/<int:check_id>/reschedule/", views.reschedule, name="reschedule"),
    path("checks/<int:check_id>/cancel/", views.cancel, name="cancel"),
    path("checks/<int:check_id>/invite/", views.invite, name="invite"),
    path("checks/<int:check_id>/result/", views.result, name="result"),
    path("checks/<int:check_id>/details/", views.details, name="details"),
    path("checks/<int:check_id>/report/", views.report, name="report"),
    # The candidate's invitation: no account, the signed link's token is the credential.
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
