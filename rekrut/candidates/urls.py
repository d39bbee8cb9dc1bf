from django.urls import path

from rekrut.candidates import views

app_name = "candidates"

urlpatterns = [
    path("", views.candidate_list, name="list"),
    path("<int:candidate_id>/", views.candidate_detail, name="detail"),
    path("<int:candidate_id>/edit/", views.candidate_edit, name="edit"),
    path("<int:candidate_id>/cv/", views.candidate_cv, name="cv"),
    path("<int:keep_id>/merge/<int:duplicate_id>/", views.candidate_merge, name="merge"),
]
