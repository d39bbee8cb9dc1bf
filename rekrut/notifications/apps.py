from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "rekrut.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # The WhatsApp greeting is the one message of its own that HR may reword.
        from rekrut.notifications.greeting import purposes_register

        purposes_register()
