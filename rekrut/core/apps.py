from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rekrut.core"
    label = "core"

    def ready(self) -> None:
        from rekrut.core import checks  # noqa: F401 (registers the deploy checks)
