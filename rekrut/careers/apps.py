from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "rekrut.careers"
    label = "careers"
    verbose_name = _("Careers site")

    def ready(self) -> None:
        from rekrut.careers.selectors import company_profile_of
        from rekrut.core.company import company_profile

        company_profile.register(company_profile_of)
