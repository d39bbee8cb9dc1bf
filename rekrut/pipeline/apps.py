from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipelineConfig(AppConfig):
    name = "rekrut.pipeline"
    label = "pipeline"
    verbose_name = _("Pipeline")
