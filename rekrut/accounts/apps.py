from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "rekrut.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from rekrut.accounts import checks  # noqa: F401 (registers `check --deploy`'s demo password check)
        from rekrut.accounts.selectors import hr_admins_to_tell
        from rekrut.accounts.throttling import counters_prune
        from rekrut.notifications.services import failure_recipients
        from rekrut.notifications.sweep import worker_sweep

        failure_recipients.register(hr_admins_to_tell)
        worker_sweep.register(counters_prune)
