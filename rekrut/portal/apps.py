from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The candidate's side: signing in by e-mailed link, where each application stands, and what to do."""

    name = "rekrut.portal"
    label = "portal"
    verbose_name = _("Candidate portal")

    def ready(self) -> None:
        # The sign-in e-mail is a message HR may reword on the message templates page.
        from rekrut.portal.purposes import purposes_register

        purposes_register()
