"""Rekrut's own online tests: question pools, timed attempts through a signed link, scoring and review."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineTestsConfig(AppConfig):
    name = "rekrut.online_tests"
    label = "online_tests"
    verbose_name = _("Online tests")

    def ready(self) -> None:
        # The invitation e-mail can be reworded by HR (notifications: message templates).
        from rekrut.online_tests.purposes import purposes_register

        purposes_register()
        # Answers and work files take part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.online_tests.personal_data import attempts_collect, attempts_erase

        personal_data_collectors.register(attempts_collect)
        personal_data_erasers.register(attempts_erase)
        # Cancelling an assessment withdraws its test's link and ends an attempt not yet submitted.
        from rekrut.assessments.hooks import assessment_cancelling
        from rekrut.online_tests.services.sending import attempt_withdraw

        assessment_cancelling.register(attempt_withdraw)
        # Attempts whose time is up are submitted by the worker (and `rekrut online_tests_close` by hand).
        from rekrut.notifications.sweep import worker_sweep
        from rekrut.online_tests.services.closing import attempts_close_sweep

        worker_sweep.register(attempts_close_sweep)
        # The audit actions are registered where the services are defined.
        from rekrut.online_tests.services import building, review, sending, taking  # noqa: F401
