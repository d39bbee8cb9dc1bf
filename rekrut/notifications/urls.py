from django.urls import path

from rekrut.notifications import template_views, views
from rekrut.notifications.webhooks import views as webhook_views

app_name = "notifications"

urlpatterns = [
    path("sent-mail/", views.outbox, name="outbox"),
    path("sent-mail/<int:message_id>/", views.outbox_message, name="message"),
    path("message-templates/", template_views.message_templates, name="templates"),
    # The purpose is a template name with slashes ("interviews/email/candidate_invited"): the preview and
    # reset patterns come first, or the edit pattern's path would swallow their endings.
    path(
        "message-templates/<str:language>/<path:purpose>/preview/",
        template_views.message_template_preview,
        name="template_preview",
    ),
    path(
        "message-templates/<str:language>/<path:purpose>/reset/",
        template_views.message_template_reset_view,
        name="template_reset",
    ),
    path(
        "message-templates/<str:language>/<path:purpose>/",
        template_views.message_template_edit,
        name="template_edit",
    ),
    path("webhooks/", webhook_views.webhooks, name="webhooks"),
    path("webhooks/<int:endpoint_id>/", webhook_views.webhook, name="webhook"),
    path("webhooks/<int:endpoint_id>/rotate/", webhook_views.webhook_rotate, name="webhook_rotate"),
    path("webhooks/<int:endpoint_id>/test/", webhook_views.webhook_test, name="webhook_test"),
]
