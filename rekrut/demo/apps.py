from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo company for trying Rekrut (`rekrut demo`). Development only: no other app imports it."""

    name = "rekrut.demo"
    label = "demo"
    verbose_name = _("Demo company")
