from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "rekrut.interviews"
    label = "interviews"
    verbose_name = _("Interviews")

    def ready(self) -> None:
        # Pipeline's move service asks whether a stage may be left; the rules read scorecards and decisions.
        from rekrut.interviews.guards import stage_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(stage_exit_blockers)

        # A job's interview stages get their rounds when the job is created or its stages change, in the
        # same transaction: pages only read plans, they never create them.
        from rekrut.interviews.services.plans import plan_follow_stages
        from rekrut.jobs.hooks import job_stages_changed

        job_stages_changed.register(plan_follow_stages)

        # Reminders and the stalled-applications digest are found and queued by the worker's sweep.
        from rekrut.interviews import reminders
        from rekrut.notifications.sweep import worker_sweep

        worker_sweep.register(reminders.interviews_remind_upcoming)
        worker_sweep.register(reminders.scorecards_remind_missing)
        worker_sweep.register(reminders.stalled_digests_send)

        # The messages HR may reword on the message templates page.
        from rekrut.interviews.purposes import purposes_register

        purposes_register()

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.interviews.personal_data import interviews_collect, interviews_erase

        personal_data_collectors.register(interviews_collect)
        personal_data_erasers.register(interviews_erase)
