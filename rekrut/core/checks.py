"""Deployment checks of Rekrut's own settings (`rekrut check --deploy`)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_matches_https(app_configs: Any, **kwargs: Any) -> list[Warning]:
    # Behind TLS, links in e-mails and invites built from an http:// (default: the bind address) site URL
    # point at an address candidates and interviewers cannot open.
    if settings.HTTPS and not settings.SITE_URL.startswith("https://"):
        return [
            Warning(
                f"REKRUT_HTTPS is on but links in e-mails point to {settings.SITE_URL}.",
                hint="Set REKRUT_SITE_URL to the public address, e.g. https://rekrut.example.co.id.",
                id="rekrut.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def https_is_on(app_configs: Any, **kwargs: Any) -> list[Warning]:
    # Django's own warnings (W004, W008, W012, W016) name settings Rekrut derives from REKRUT_HTTPS; this
    # one names the switch to turn.
    if not settings.HTTPS:
        return [
            Warning(
                "REKRUT_HTTPS is off: session and CSRF cookies may travel over plain HTTP, without HSTS or a "
                "redirect to https://.",
                hint=(
                    "Serve Rekrut behind TLS and set REKRUT_HTTPS=1 (and REKRUT_SITE_URL to its https:// "
                    "address)."
                ),
                id="rekrut.W002",
            )
        ]
    return []


@register(Tags.security)
def secret_key_from_the_environment(app_configs: Any, **kwargs: Any) -> list[Error]:
    # With DATABASE_URL, several nodes may share the database: a key generated on each machine would sign
    # every node's sessions and links differently (users signed out at random behind a load balancer).
    # Not a deploy-only check: `rekrut serve`, `worker`, `release` and `migrate` refuse to start.
    if settings.SECRET_KEY_REQUIRED and not settings.SECRET_KEY_FROM_ENVIRONMENT:
        return [
            Error(
                "SECRET_KEY is not set: with DATABASE_URL every node must sign sessions and links with the "
                "same key, given in the environment.",
                hint=(
                    "Generate one once with `python3 -c 'import secrets; print(secrets.token_urlsafe(50))'` "
                    "and put SECRET_KEY=... in the environment file of every node (deploy/rekrut.env)."
                ),
                id="rekrut.E002",
            )
        ]
    return []
