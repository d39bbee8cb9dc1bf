"""The pipeline's part in changes made by lower apps (registered in PipelineConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import DomainError
from rekrut.jobs.models import Job, Stage
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


def stages_switching_off_refuse_when_in_use(job: Job, stages: list[Stage]) -> None:
    """A stage that still holds active applications cannot be switched off: they would be stranded."""
    busy = (
        Application.objects.filter(job=job, stage__in=stages, status=ApplicationStatus.ACTIVE)
        .values_list("stage_id", flat=True)
        .first()
    )
    if busy is not None:
        stage = next(s for s in stages if s.pk == busy)
        raise DomainError(
            _("The stage “%(stage)s” still holds active applications; move them first.")
            % {"stage": stage.name},
            code="stage_in_use",
        )
