from django.urls import path

from rekrut.offers import views, views_chain, views_public

app_name = "offers"

urlpatterns = [
    path("application/<int:application_id>/", views.offer_detail, name="detail"),
    path("application/<int:application_id>/edit/", views.offer_edit, name="edit"),
    path("application/<int:application_id>/<int:offer_id>/submit/", views_chain.submit, name="submit"),
    path("application/<int:application_id>/<int:offer_id>/decide/", views_chain.decide, name="decide"),
    path("application/<int:application_id>/<int:offer_id>/send/", views_chain.send, name="send"),
    path("application/<int:application_id>/<int:offer_id>/letter.pdf", views_chain.letter, name="letter"),
    # Reached by signed link, without an account: the token is the credential.
    path("approval/<str:token>/", views_public.approval_link, name="approval_link"),
    path("letter/<str:token>/", views_public.answer, name="answer"),
    path("letter/<str:token>/letter.pdf", views_public.answer_letter, name="answer_letter"),
]
