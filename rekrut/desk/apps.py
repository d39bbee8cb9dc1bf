from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The staff desk: pages that combine several apps (My work, the board, the candidate pages)."""

    name = "rekrut.desk"
    label = "desk"
    verbose_name = _("Staff desk")
