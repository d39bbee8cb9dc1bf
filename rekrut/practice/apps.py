"""Interview practice for candidates: a question bank per round and the feedback engine, kept private."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "rekrut.practice"
    label = "practice"
    verbose_name = _("Interview practice")

    def ready(self) -> None:
        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.practice.personal_data import practice_collect, practice_erase

        personal_data_collectors.register(practice_collect)
        personal_data_erasers.register(practice_erase)
