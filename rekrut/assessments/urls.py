from django.urls import path

from rekrut.assessments.views import application, importing, public, rules, types

app_name = "assessments"

urlpatterns = [
    path("types/", types.type_list, name="types"),
    path("types/new/", types.type_create, name="type_create"),
    path("types/usual/", types.types_usual, name="types_usual"),
    path("types/<int:type_id>/", types.type_edit, name="type_edit"),
    path("types/<int:type_id>/retire/", types.type_retire, name="type_retire"),
    path("types/<int:type_id>/brief/", types.type_brief, name="type_brief"),
    path("applications/<int:application_id>/", application.application, name="application"),
    path("applications/<int:application_id>/reuse/", application.reuse, name="reuse"),
    path("<int:assessment_id>/invite/", application.invite, name="invite"),
    path("<int:assessment_id>/cancel/", application.cancel, name="cancel"),
    path("<int:assessment_id>/result/", application.result, name="result"),
    path("<int:assessment_id>/report/", application.report, name="report"),
    path("<int:assessment_id>/report/file/", application.report_file, name="report_file"),
    path("<int:assessment_id>/work/", application.work, name="work"),
    path("jobs/<int:job_id>/rules/", rules.job_rules, name="rules"),
    path("rules/<int:rule_id>/remove/", rules.rule_remove, name="rule_remove"),
    path("import/", importing.upload, name="import"),
    path("import/<int:import_id>/", importing.preview, name="import_preview"),
    path("import/<int:import_id>/save/", importing.save, name="import_save"),
    # The candidate's page: no account, the signed link's token is the credential.
    path("a/<str:token>/", public.page, name="page"),
    path("a/<str:token>/brief/", public.brief, name="brief"),
]
