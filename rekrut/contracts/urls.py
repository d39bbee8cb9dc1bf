from django.urls import path

from rekrut.contracts import views

app_name = "contracts"

urlpatterns = [
    path("application/<int:application_id>/", views.detail, name="detail"),
    path("application/<int:application_id>/generate/", views.generate, name="generate"),
    path("<int:contract_id>/document/", views.document, name="document"),
    path("<int:contract_id>/send/", views.send, name="send"),
    path("<int:contract_id>/candidate-signed/", views.candidate_signed, name="candidate_signed"),
    path("<int:contract_id>/company-signed/", views.company_signed, name="company_signed"),
    path("<int:contract_id>/scans/", views.scan_upload, name="scan_upload"),
    path("<int:contract_id>/registration/", views.register, name="register"),
    path("scans/<int:scan_id>/", views.scan, name="scan"),
]
