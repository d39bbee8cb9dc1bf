"""Medical factories: clinics and packages, check-ups planned through the real service, report files made
in memory, and the explicit permission to see health data."""

import struct
import zlib
from datetime import datetime, timedelta

import factory
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.medical.access import health_permission
from rekrut.medical.models import MedicalCheck, Package, Provider
from rekrut.medical.services import medical_check_plan
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin


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
    """Test set-up: the permission an HR admin grants on the access page (medical:access)."""
    user.user_permissions.add(health_permission())
    return User.objects.get(pk=user.pk)


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real PNG of that size (grey pixels): a phone photo of a report, or, huge, a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 4)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header_bytes(width: int, height: int) -> bytes:
    """The start of a JPEG up to its frame header: enough to read its size."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"
