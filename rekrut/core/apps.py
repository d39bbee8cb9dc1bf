from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rekrut.core"
    label = "core"
