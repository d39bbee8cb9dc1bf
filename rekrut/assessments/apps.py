from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "rekrut.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        # Pipeline's move service asks whether an application may move on: results pending in an assessment
        # stage, and a job's rules on results (psikotes "not recommended" holds it before the user interview).
        from rekrut.assessments.guards import assessment_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(assessment_exit_blockers)

        # Psikotes reports are specific data (P2): HR admins decide who reads them.
        from rekrut.accounts.specific_data import specific_data_register
        from rekrut.assessments.access import REPORTS_DATA

        specific_data_register(REPORTS_DATA)

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.assessments.personal_data import assessments_collect, assessments_erase
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers

        personal_data_collectors.register(assessments_collect)
        personal_data_erasers.register(assessments_erase)

        from rekrut.assessments.purposes import purposes_register

        purposes_register()
