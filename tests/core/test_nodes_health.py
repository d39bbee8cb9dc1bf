"""/healthz/live (the process answers, no database) and /healthz/ready (database, storage and, with
REDIS_URL, the shared cache answer) for the load balancer; /healthz keeps answering as before."""

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from tests.processes import free_port

pytestmark = pytest.mark.django_db


def test_liveness_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_liveness_answers_while_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(connection, "cursor", _broken)
    assert client.get("/healthz/live").status_code == 200
    assert client.get("/healthz/ready").status_code == 503
    assert client.get("/healthz").status_code == 503


def test_ready_when_the_database_and_the_storage_answer(client):
    response = client.get("/healthz/ready")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "database": "ok", "storage": "ok"},
    )


def test_not_ready_when_the_storage_does_not_answer_and_no_detail_leaks(client, monkeypatch, caplog):
    monkeypatch.setattr(default_storage, "exists", _broken)
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "storage": "unreachable"}
    assert "secret-endpoint" not in response.content.decode()
    assert "the file storage does not answer" in caplog.text  # the reason is in the log


def test_not_ready_when_the_bucket_refuses_our_keys(client, settings, s3_server):
    options = {
        "bucket_name": s3_server.bucket,
        "endpoint_url": s3_server.endpoint_url,
        "access_key": s3_server.access_key,
        "secret_key": "not-the-key",
        "addressing_style": "path",
        "signature_version": "s3v4",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    assert client.get("/healthz/ready").json()["storage"] == "unreachable"
    options["secret_key"] = s3_server.secret_key
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    assert client.get("/healthz/ready").json() == {"status": "ok", "database": "ok", "storage": "ok"}


def test_with_redis_ready_also_pings_the_shared_cache(client, settings, redis_server):
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {"default": _redis_cache(redis_server.url)}
    assert client.get("/healthz/ready").json() == {
        "status": "ok", "database": "ok", "storage": "ok", "cache": "ok",
    }  # fmt: skip
    settings.CACHES = {"default": _redis_cache(f"redis://127.0.0.1:{free_port()}/0")}  # nobody listens
    response = client.get("/healthz/ready")
    assert (response.status_code, response.json()["cache"]) == (503, "unreachable")


def test_the_old_healthz_still_checks_the_database(client):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


def _redis_cache(url: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def _broken(*args: object, **kwargs: object) -> None:
    raise OSError("secret-endpoint refused")
