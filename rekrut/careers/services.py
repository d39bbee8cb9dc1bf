"""Writes for the careers site: its branding, saved as a company setting (audited)."""

import io

from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.careers.models import Branding
from rekrut.core.errors import DomainError
from rekrut.events.company_settings import setting_save

LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
LOGO_MAX_PIXELS = 4000 * 4000


def logo_check(upload: UploadedFile) -> str:
    """The logo's real format (png, jpg, webp) from its content; SVG is refused, since it can carry script."""
    from PIL import Image, UnidentifiedImageError

    if upload.size is not None and upload.size > LOGO_MAX_BYTES:
        raise DomainError(_("The logo is larger than 1 MB."), code="logo_too_large")
    data = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise DomainError(_("The logo must be a PNG, JPEG or WebP image."), code="logo_type") from None
    if kind not in LOGO_FORMATS or width * height > LOGO_MAX_PIXELS:
        raise DomainError(_("The logo must be a PNG, JPEG or WebP image."), code="logo_type")
    return LOGO_FORMATS[kind]


def branding_save(*, actor: models.Model, obj: models.Model, changed: list[str]) -> models.Model:
    """Saves the branding row (there is one: pk 1), the logo checked by its content first."""
    assert isinstance(obj, Branding)
    obj.pk = 1
    if "logo" in changed and obj.logo and hasattr(obj.logo, "file"):
        upload = obj.logo.file
        if isinstance(upload, UploadedFile):
            # Stored under the extension of what the file is, never of what its name claims.
            upload.name = f"logo.{logo_check(upload)}"
            obj.logo.name = upload.name
    return setting_save(actor=actor, obj=obj, changed=changed)
