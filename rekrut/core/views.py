import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

log = logging.getLogger(__name__)

# A name no upload ever has: asking whether it exists is one HEAD on the bucket (or one stat on disk).
READINESS_PROBE_NAME = ".rekrut-readiness-probe"


def healthz(request: HttpRequest) -> JsonResponse:
    """Kept as it always answered (the bench and older probes use it): a real database round trip; 503
    when the database does not answer."""
    if not _database_answers():
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def healthz_live(request: HttpRequest) -> JsonResponse:
    """Liveness: this process answers. Touches nothing shared, so a database outage does not make every
    node look dead and get restarted at once."""
    return JsonResponse({"status": "ok"})


def healthz_ready(request: HttpRequest) -> JsonResponse:
    """Readiness, for the load balancer: this node can serve pages, because the database, the file storage
    and (when REDIS_URL is set) the shared cache answer. 503 names what does not; the reason goes to the
    log, never to the answer."""
    checks = {"database": _database_answers(), "storage": _storage_answers()}
    if settings.REDIS_URL:
        checks["cache"] = _cache_answers()
    body: dict[str, str] = {name: "ok" if ok else "unreachable" for name, ok in checks.items()}
    ready = all(checks.values())
    body["status"] = "ok" if ready else "error"
    return JsonResponse(body, status=200 if ready else 503)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        log.warning("readiness: the database does not answer", exc_info=True)
        return False
    return True


def _storage_answers() -> bool:
    try:
        default_storage.exists(READINESS_PROBE_NAME)
    except Exception:
        log.warning("readiness: the file storage does not answer", exc_info=True)
        return False
    return True


def _cache_answers() -> bool:
    try:
        cache.get(READINESS_PROBE_NAME)
    except Exception:
        log.warning("readiness: the shared cache (REDIS_URL) does not answer", exc_info=True)
        return False
    return True


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)
