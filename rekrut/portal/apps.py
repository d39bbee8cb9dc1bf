from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The candidate's side: signing in by e-mailed link, where each application stands, and what to do."""

    name = "rekrut.portal"
    label = "portal"
    verbose_name = _("Candidate portal")

    def ready(self) -> None:
        # The sign-in e-mail is a message HR may reword on the message templates page.
        from rekrut.interviews.hooks import invitation_links
        from rekrut.portal.prep.links import prep_link_issue
        from rekrut.portal.purposes import purposes_register

        purposes_register()
        # The interview invitation carries the link to the round's prep pack.
        invitation_links.register(prep_link_issue)
