from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "rekrut.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from rekrut.accounts.selectors import hr_admins_to_tell
        from rekrut.notifications.services import failure_recipients

        failure_recipients.register(hr_admins_to_tell)
