"""Rekrut's one settings module, driven by the environment.

SQLite under var/ is the embedded default; set DATABASE_URL for PostgreSQL.
"""

import email.utils
import os
import re
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from rekrut.core.site import site_url_for_bind
from rekrut.core.storage_settings import (
    default_storage_from_environment,
    file_downloads_from_environment,
    presign_seconds,
)

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("REKRUT_VAR_DIR", BASE_DIR.parent / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

TESTING = "pytest" in sys.modules or os.environ.get("REKRUT_TESTING") == "1"


def _env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept under var/."""
    if key := os.environ.get("SECRET_KEY", "").strip():
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# Sessions, password-reset and signed links are signed with SECRET_KEY: every node must share one, so with
# DATABASE_URL (a database several nodes may share) it must come from the environment; rekrut.E002 stops
# `rekrut serve`, `rekrut worker` and `rekrut release` otherwise. Tests and child processes they start set
# their own. Old keys stay valid for reading while a new one is rolled out (REKRUT_SECRET_KEY_FALLBACKS).
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("SECRET_KEY", "").strip())
SECRET_KEY_REQUIRED = bool(os.environ.get("DATABASE_URL")) and not TESTING
SECRET_KEY_FALLBACKS = [k for k in os.environ.get("REKRUT_SECRET_KEY_FALLBACKS", "").split(",") if k.strip()]
DEBUG = _env_bool("DEBUG", False)
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves its vendored Swagger UI for /api/v1/docs, so the docs need no CDN
    "django_tasks",
    "rekrut.core.tasks_app.BackgroundTasksConfig",  # django_tasks_db, named for Settings
    "rekrut.core",
    "rekrut.events",
    "rekrut.accounts",
    "rekrut.notifications",
    "rekrut.jobs",
    "rekrut.candidates",
    "rekrut.pipeline",
    "rekrut.assessments",
    "rekrut.interviews",
    "rekrut.online_tests",
    "rekrut.intake",
    "rekrut.offers",
    "rekrut.scheduling",
    "rekrut.medical",
    "rekrut.onboarding",
    "rekrut.contracts",
    "rekrut.desk",
    "rekrut.portal",
    "rekrut.privacy",
    "rekrut.careers",
    "rekrut.practice",
    "rekrut.reports",
    "rekrut.api",
    "rekrut.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files keep their long caching), outside everything else: it sees the final
    # response, X-Frame-Options included.
    "rekrut.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Below the locale (messages in the request's language), above what may refuse or fail a request.
    "rekrut.api.middleware.ApiErrorsAsJson",
    "rekrut.core.middleware.NullCharacterGuard",
    "rekrut.core.middleware.ClientAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "rekrut.core.middleware.ViewerTimezoneMiddleware",
]

ROOT_URLCONF = "rekrut.urls"
WSGI_APPLICATION = "rekrut.wsgi.application"

# Two engines over the same folders: `.txt` templates (e-mail, plain text) render in the second one, without
# HTML escaping; every other template in the first (rekrut/core/template_loaders.py says how).
_TEMPLATE_LOADERS = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "loaders": [("rekrut.core.template_loaders.HtmlLoader", _TEMPLATE_LOADERS)],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rekrut.accounts.context_processors.demo_banner",
            ],
            "builtins": ["rekrut.core.templatetags.rekrut"],
        },
    },
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "loaders": [("rekrut.core.template_loaders.TextLoader", _TEMPLATE_LOADERS)],
            "autoescape": False,
            "builtins": ["rekrut.core.templatetags.rekrut"],
        },
    },
]

# The embedded database is the SQLite file under var/; demo data (published passwords) may go only there.
EMBEDDED_DATABASE = not os.environ.get("DATABASE_URL")
# REKRUT_DEMO: unset = `make run` loads the demo into a new embedded database; 1 = load it even beside
# accounts of its own; 0 = never (see `rekrut demo --if-new`).
DEMO_SWITCH = {"1": "on", "0": "off"}.get(os.environ.get("REKRUT_DEMO", "").strip(), "auto")
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'rekrut.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Pragmas for a web server, set on each new connection: WAL lets gunicorn's threads and the worker read
    # while one writes; synchronous=NORMAL skips an fsync per commit (safe in WAL: a power cut may lose the
    # last commits, never the file); the busy timeout (`timeout`, seconds) turns brief write contention into
    # a wait instead of "database is locked"; reads go through a memory map (the OS page cache, shared by
    # every process) besides each connection's own 16 MB page cache; temporary sorts stay in memory.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456; "
            "PRAGMA cache_size=-16000; PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # CONN_MAX_AGE (above) keeps connections between requests here too, one per thread, as for PostgreSQL:
    # opening one (the pragmas, Django's SQL functions) cost ~4.6 ms, more than a cheap API call (issue 16).

    # Tests use a file too: an in-memory shared-cache database raises "table is locked" instead of waiting,
    # which would hide how concurrent writers really behave.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
# pgbouncer (or another pooler) in transaction mode hands each transaction to any server connection: named
# server-side cursors (iterator()) would be lost between them, and Django's own persistent connections
# only add a second pool.
DB_POOLER = os.environ.get("REKRUT_DB_POOLER", "").strip().lower()
if DB_POOLER not in {"", "transaction"}:
    raise ImproperlyConfigured(
        f"REKRUT_DB_POOLER={DB_POOLER!r}: use transaction (pgbouncer) or leave it unset."
    )
if DB_POOLER == "transaction":
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A read replica, used only where a page asks for it by name (rekrut.core.db.reports_database: reports):
# there is no router, so nothing that must see its own writes (the move service's version check) can
# read a lagging copy by accident.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["DISABLE_SERVER_SIDE_CURSORS"] = DB_POOLER == "transaction"
    # Tests never create a second test database for it: it reads the default one's.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "desk:my_work"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "rekrut.accounts.demo_install.NotTheDemoPasswordValidator"},
]
# Lockout: this many failed sign-ins to one account from one client address within the window block
# further tries from that address (others still sign in); a password reset unlocks every address.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_MINUTES = int(os.environ.get("LOGIN_FAILURE_WINDOW_MINUTES", "15"))


def _rate(name: str, default: str) -> tuple[int, int] | None:
    """A rate limit from the environment: "30/5m" = 30 requests per 5 minutes (s, m or h); "off" = none."""
    text = os.environ.get(name, default).strip().lower()
    if text in {"off", "0"}:
        return None
    match = re.fullmatch(r"(\d+)/(\d*)([smh])", text)
    if not match or int(match[1]) < 1 or match[2] == "0":
        raise ImproperlyConfigured(f"{name}={text!r}: write it as 30/5m (requests per s, m or h), or off.")
    return int(match[1]), int(match[2] or 1) * {"s": 1, "m": 60, "h": 3600}[match[3]]


# Rate limits, counted in the database so all server processes share them (accounts/throttling.py);
# over a limit, pages answer 429 with a page and the API 429 with JSON and Retry-After.
RATE_LIMITS = {
    "sign_in": _rate("REKRUT_RATE_SIGN_IN", "30/5m"),  # sign-in attempts per client address
    "password_reset": _rate("REKRUT_RATE_PASSWORD_RESET", "10/1h"),  # reset requests per client address
    "password_reset_email": _rate("REKRUT_RATE_PASSWORD_RESET_EMAIL", "3/1h"),  # reset links per mailbox
    "api_token": _rate("REKRUT_RATE_API_TOKEN", "600/1m"),  # API requests per token
    "api_address": _rate("REKRUT_RATE_API_ADDRESS", "1200/1m"),  # API requests per client address
    # Candidate portal sign-in links, per client address (a job fair shares one) and per mailbox
    "portal_link": _rate("REKRUT_RATE_PORTAL_LINK", "30/1h"),
    "portal_link_email": _rate("REKRUT_RATE_PORTAL_LINK_EMAIL", "5/1h"),
    # Applications sent from the careers site, per client address (a campus or job fair shares one) and
    # per applicant's mailbox
    "careers_apply": _rate("REKRUT_RATE_CAREERS_APPLY", "20/1h"),
    "careers_apply_email": _rate("REKRUT_RATE_CAREERS_APPLY_EMAIL", "10/1h"),
}

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["rekrut.core.formats"]
LANGUAGE_COOKIE_NAME = "rekrut_language"

STATIC_URL = "/static/"
# Collected by `rekrut release` on each node; REKRUT_STATIC_ROOT puts them elsewhere (e.g. where nginx reads).
STATIC_ROOT = Path(os.environ.get("REKRUT_STATIC_ROOT") or VAR_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served at the site's root by WhiteNoise: /favicon.ico, which browsers ask for on pages without icon links
# (PDFs, the API's JSON).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded and generated files: a private S3-compatible bucket when REKRUT_S3_BUCKET is set, else MEDIA_ROOT.
STORAGES = {
    "default": default_storage_from_environment(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# After the access check a download is a redirect to a short-lived signed link to the bucket ("presigned"),
# nginx's internal redirect under REKRUT_X_ACCEL_PREFIX ("x-accel") or streamed by the web worker ("stream").
FILE_DOWNLOADS = file_downloads_from_environment(os.environ)
S3_PRESIGN_SECONDS = presign_seconds(os.environ)
X_ACCEL_PREFIX = "/" + os.environ.get("REKRUT_X_ACCEL_PREFIX", "/protected-files/").strip("/") + "/"
# Uploads above this are refused before they are read; cv_extract checks the same limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "sent-mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Rekrut <rekrut@localhost>")
# The ORGANIZER of interview invitations: calendars send Accept/Decline replies there, and candidates see it
# as the official contact, so it must be a mailbox a person reads (e.g. rekrutmen@company.co.id).
ORGANIZER_EMAIL = os.environ.get("REKRUT_ORGANIZER_EMAIL", "") or email.utils.parseaddr(DEFAULT_FROM_EMAIL)[1]

COMPANY_NAME = os.environ.get("REKRUT_COMPANY_NAME", "PT Nusantara Maju Bersama")
# Where links in e-mails, invites and documents point (absolute_url). Without REKRUT_SITE_URL, the address
# gunicorn binds; behind a proxy or TLS, set it to the public address (https://rekrut.example.co.id).
SITE_URL = (
    os.environ.get("REKRUT_SITE_URL") or site_url_for_bind(os.environ.get("REKRUT_BIND", "127.0.0.1:8000"))
).rstrip("/")

# The worker (`rekrut worker`). A message or task claimed by a worker that then died is claimed again once
# its lease is over; the outbox lease must outlast one SMTP conversation, which EMAIL_TIMEOUT bounds.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
OUTBOX_LEASE_SECONDS = int(os.environ.get("REKRUT_OUTBOX_LEASE_SECONDS", "300"))
# Webhooks: how long a receiver may take to answer, and whether receivers on private addresses (a system
# inside the company network) are allowed. Off by default, so a webhook cannot reach Rekrut's own network.
WEBHOOKS_TIMEOUT_SECONDS = int(os.environ.get("REKRUT_WEBHOOKS_TIMEOUT_SECONDS", "10"))
WEBHOOKS_ALLOW_PRIVATE = os.environ.get("REKRUT_WEBHOOKS_ALLOW_PRIVATE", "") == "1"
TASK_LEASE_SECONDS = int(os.environ.get("REKRUT_TASK_LEASE_SECONDS", "120"))

# Reminders the worker sends on its own (rekrut/interviews/reminders; README "Reminders"). Interviewers and
# the candidate hear of an interview this many hours before it; a missing scorecard is chased this many
# hours after the interview ended, then daily, at most this many times; each HR owner gets, from this
# local hour in their own zone (WIB/WITA/WIT), a daily digest of applications that have not moved for
# this many days.
INTERVIEW_REMINDER_HOURS = int(os.environ.get("REKRUT_INTERVIEW_REMINDER_HOURS", "24"))
SCORECARD_REMINDER_AFTER_HOURS = int(os.environ.get("REKRUT_SCORECARD_REMINDER_AFTER_HOURS", "2"))
SCORECARD_REMINDERS_MAX = int(os.environ.get("REKRUT_SCORECARD_REMINDERS_MAX", "3"))
STALLED_AFTER_DAYS = int(os.environ.get("REKRUT_STALLED_AFTER_DAYS", "7"))
STALLED_DIGEST_HOUR = int(os.environ.get("REKRUT_STALLED_DIGEST_HOUR", "8"))

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        # "bulk" (candidate imports) apart from "default" (messages, invitations, sign-in links), so a
        # 20,000-row import never delays an invitation: `rekrut worker --queue default` keeps one free.
        "QUEUES": ["default", "bulk"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
# One machine: a cache in each process (nothing shared needs it) and sessions in the database. Several
# nodes: REDIS_URL (Redis or Valkey) is the cache they share, and sessions are read from it and written
# through to the database (cached_db), so a Redis restart on a campaign day signs nobody out.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("REKRUT_CACHE_PREFIX", "rekrut"),
            # A Redis that stopped answering must not hang every page: fail fast, then the database serves.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS settings follow the deployment: behind TLS set REKRUT_HTTPS=1.
HTTPS = _env_bool("REKRUT_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A load balancer probes each node over plain HTTP: its health checks answer there instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/|$)"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
# The proxy must set (not append to) X-Forwarded-Proto: deploy/nginx/rekrut.conf does. Without
# REKRUT_HTTPS the header is ignored, so a client cannot claim a secure connection.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# Only when the proxy sets X-Forwarded-Host itself; otherwise a client could pick the host Django sees.
USE_X_FORWARDED_HOST = _env_bool("REKRUT_USE_X_FORWARDED_HOST", False)
# How many reverse proxies (nginx, a load balancer) stand in front and append to X-Forwarded-For; 0 = the
# connecting address is the client's. The audit log, the lockout and the rate limits key on that address.
TRUSTED_PROXIES = int(os.environ.get("REKRUT_TRUSTED_PROXIES", "0"))
# Nothing is silenced: with REKRUT_HTTPS off, `rekrut check --deploy` warns (Django's W004, W008, W012 and
# W016, and rekrut.W002), so a TLS deployment that forgot the flag does not look clean.

# Content-Security-Policy of every response (rekrut.core.middleware.SecurityHeadersMiddleware), in the
# shape of Django 6's SECURE_CSP. Scripts only from our own files: no inline script, no eval (htmx is told
# so in base.html). Style attributes stay allowed for the few templates that still carry one; <style>
# elements and other sites' styles do not. frame-ancestors follows X-Frame-Options (DENY; SAMEORIGIN for
# the CV preview).
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-elem": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
}

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports every layout step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
