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
