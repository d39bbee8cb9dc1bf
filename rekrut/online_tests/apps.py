from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineTestsConfig(AppConfig):
    name = "rekrut.online_tests"
    label = "online_tests"
    verbose_name = _("Online tests")
