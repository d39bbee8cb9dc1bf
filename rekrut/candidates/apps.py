from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "rekrut.candidates"
    label = "candidates"
    verbose_name = _("Candidates")

    def ready(self) -> None:
        from rekrut.candidates.folding import sqlite_fold_install

        # Search folds accents inside SQLite too (its index triggers call rekrut_fold()).
        sqlite_fold_install()

        # The record, its history and consents take part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.candidates.personal_data import candidates_collect, candidates_erase

        personal_data_collectors.register(candidates_collect)
        personal_data_erasers.register(candidates_erase)
