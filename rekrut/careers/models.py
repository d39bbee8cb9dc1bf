"""The careers site's branding: one row HR admins keep in Settings (saved through careers.services)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import bilingual

COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour as # and six hex digits, e.g. #0b5cad."))


def logo_upload_path(branding: "Branding", filename: str) -> str:
    import uuid

    return f"branding/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class Branding(models.Model):
    """How the careers site looks and what it says about the company. A single row (pk 1)."""

    name = models.CharField(
        _("company name"),
        max_length=160,
        blank=True,
        help_text=_("As job seekers and search engines see it. Empty: the name Rekrut was installed with."),
    )
    logo = models.FileField(
        _("logo"), upload_to=logo_upload_path, blank=True, help_text=_("PNG, JPEG or WebP, at most 1 MB.")
    )
    primary_colour = models.CharField(_("main colour"), max_length=7, default="#0b5cad", validators=[COLOUR])
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#0f7b5f", validators=[COLOUR])
    about_id = models.TextField(_("about the company (Bahasa Indonesia)"), blank=True, max_length=5000)
    about_en = models.TextField(_("about the company (English)"), blank=True, max_length=5000)
    website = models.URLField(_("company website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail for applicants"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("careers site branding")
        verbose_name_plural = _("careers site branding")

    def __str__(self) -> str:
        return str(_("Careers site branding"))

    @property
    def about(self) -> str:
        return bilingual(self, "about")
