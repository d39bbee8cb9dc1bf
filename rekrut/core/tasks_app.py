"""django-tasks' database backend under the name Settings shows for it, in the viewer's language (the
library names its app "Tasks Database Backend", untranslated)."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    # Django takes a lazy name here (as every Rekrut app does); the library's own is typed as a plain str.
    verbose_name = _("Background tasks")  # type: ignore[assignment]
