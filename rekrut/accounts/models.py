import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.core.localization import INDONESIAN_ZONES


class Role(models.TextChoices):
    HR_ADMIN = "hr_admin", _("HR admin")
    RECRUITER = "recruiter", _("Recruiter (HRD)")
    HIRING_MANAGER = "hiring_manager", _("Hiring manager (user)")
    INTERVIEWER = "interviewer", _("Interviewer")
    DIRECTOR = "director", _("Director")


class User(AbstractUser):
    """A member of the company's staff. Candidates are not users (they reach the portal by link)."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.INTERVIEWER)
    title = models.CharField(_("job title"), max_length=120, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=INDONESIAN_ZONES, default="Asia/Jakarta"
    )
    # The language of the e-mails Rekrut sends them (pages follow the language chosen in the browser).
    language = models.CharField(
        _("language for e-mails"), max_length=8, choices=settings.LANGUAGES, default="id"
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_hr_admin(self) -> bool:
        return self.role == Role.HR_ADMIN or self.is_superuser

    @property
    def is_hr(self) -> bool:
        """HR staff (recruiters and HR admins) may open jobs and add candidates."""
        return self.is_hr_admin or self.role == Role.RECRUITER


class AttemptCounter(models.Model):
    """How many attempts one key made in its current window: the sign-in failures of an account from one
    address, or the requests of an address or an API token under a rate limit.

    One row per key, counted by a single atomic statement (accounts/throttling.py), so every server
    process and thread sees the same number; the worker's sweep deletes rows whose window is over.
    """

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.BigIntegerField(db_index=True, help_text="Unix time, in seconds")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class DemoInstall(models.Model):
    """Written by the demo loader: this database holds the demo company, whose accounts share a password
    published in the README. While the row exists every page says so (accounts/demo_install.py)."""

    loaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"demo data loaded {self.loaded_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is kept, so a leaked database leaks no usable token."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    prefix = models.CharField(_("key begins with"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return "rk_" + secrets.token_urlsafe(32)
