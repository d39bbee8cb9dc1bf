import hashlib
import secrets

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

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_hr_admin(self) -> bool:
        return self.role == Role.HR_ADMIN or self.is_superuser

    @property
    def is_hr(self) -> bool:
        """HR staff (recruiters and HR admins) may open jobs and add candidates."""
        return self.is_hr_admin or self.role == Role.RECRUITER


class LoginFailure(models.Model):
    """One failed sign-in; enough of them in the window locks the account name for a while."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} @ {self.at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is kept, so a leaked database leaks no usable token."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return "rk_" + secrets.token_urlsafe(32)
