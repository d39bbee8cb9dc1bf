"""Medical factories: clinics and packages, check-ups planned through the real service, and the explicit
permission to see health data. Report files are core's (tests/core/images.py)."""

from datetime import datetime, timedelta

import factory
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import specific_permission
from rekrut.medical.access import HEALTH_DATA
from rekrut.medical.models import MedicalCheck, Package, Provider
from rekrut.medical.services import medical_check_plan
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin
from tests.core.images import jpeg_header_bytes, png_bytes  # noqa: F401 (tests/e2e import them from here)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("name",)

    name = "Klinik Sehat Sentosa"
    address = "Jl. Jenderal Sudirman No. 12"
    city = "Jakarta Selatan"
    phone = "+62215550123"


class PackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Package
        django_get_or_create = ("name",)

    name = "Paket Pra-kerja Uji"
    items = "Pemeriksaan fisik\nDarah lengkap\nGula darah puasa"
    requires_fasting = True
    fasting_hours = 10


def medical_check_make(
    *, application: Application, actor: User | None = None, scheduled_at: datetime | None = None
) -> MedicalCheck:
    """A planned check-up three days ahead (or at `scheduled_at`), planned as HR would."""
    return medical_check_plan(
        actor=actor or factory_hr_admin(),
        application=application,
        provider=ProviderFactory(),
        package=PackageFactory(),
        scheduled_at=scheduled_at or timezone.now() + timedelta(days=3),
        allow_past=True,
    )


def health_access_give(user: User) -> User:
    """Test set-up: the permission an HR admin grants on accounts:specific_data."""
    user.user_permissions.add(specific_permission(HEALTH_DATA))
    return User.objects.get(pk=user.pk)
