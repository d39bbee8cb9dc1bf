"""Settings for several nodes, read from the environment the way a node starts: a shared SECRET_KEY, the
proxy's headers, the shared cache and sessions, pgbouncer and the read replica."""

import json
import os
import subprocess
import sys

import pytest

from rekrut.core.db import reports_database

SETTINGS = ["SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST", "SESSION_ENGINE", "CACHES", "DATABASES"]
PRINT_SETTINGS = (
    "from django.conf import settings as s; import json; "
    "print(json.dumps({n: getattr(s, n) for n in %r}, default=str))"
)


def rekrut(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Runs `rekrut ARGS` as a node would start: no test switches, only the given environment."""
    keep = {"PATH", "HOME", "LANG", "REKRUT_VAR_DIR"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    environment.update(DJANGO_SETTINGS_MODULE="rekrut.settings", LOG_LEVEL="WARNING", **env)
    return subprocess.run(
        [sys.executable, "-m", "rekrut", *args], env=environment, capture_output=True, text=True, timeout=60
    )


def settings_of(**env: str) -> dict:
    done = rekrut("shell", "-c", PRINT_SETTINGS % SETTINGS, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_with_database_url_a_node_refuses_to_start_without_secret_key(tmp_path):
    database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    refused = rekrut("check", DATABASE_URL=database)
    assert refused.returncode != 0
    assert "rekrut.E002" in refused.stderr
    assert "SECRET_KEY is not set" in refused.stderr
    assert "Traceback" not in refused.stderr

    started = rekrut("check", DATABASE_URL=database, SECRET_KEY="k" * 50)
    assert started.returncode == 0, started.stderr


def test_the_embedded_database_keeps_its_generated_key(tmp_path):
    assert rekrut("check", REKRUT_VAR_DIR=str(tmp_path)).returncode == 0
    assert (tmp_path / "secret_key").exists()


def test_proxy_headers_are_trusted_only_when_switched_on():
    plain = settings_of()
    assert plain["SECURE_PROXY_SSL_HEADER"] is None
    assert plain["USE_X_FORWARDED_HOST"] is False
    behind_tls = settings_of(REKRUT_HTTPS="1", REKRUT_USE_X_FORWARDED_HOST="1")
    assert behind_tls["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert behind_tls["USE_X_FORWARDED_HOST"] is True


def test_one_machine_keeps_local_memory_and_database_sessions():
    alone = settings_of()
    assert alone["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert alone["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_redis_url_gives_a_shared_cache_and_cached_sessions():
    shared = settings_of(REDIS_URL="redis://10.0.0.9:6379/2")
    assert shared["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["CACHES"]["default"]["LOCATION"] == "redis://10.0.0.9:6379/2"
    # Written through to the database: a Redis restart signs nobody out.
    assert shared["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_a_pooler_in_transaction_mode_turns_off_server_side_cursors_and_persistent_connections():
    url = "postgres://rekrut:x@127.0.0.1:6432/rekrut"
    env = {"DATABASE_URL": url, "SECRET_KEY": "k" * 50}
    direct = settings_of(**env)["DATABASES"]["default"]
    assert direct["CONN_MAX_AGE"] == 60
    assert not direct.get("DISABLE_SERVER_SIDE_CURSORS")
    pooled = settings_of(REKRUT_DB_POOLER="transaction", **env)["DATABASES"]["default"]
    assert (pooled["CONN_MAX_AGE"], pooled["DISABLE_SERVER_SIDE_CURSORS"]) == (0, True)


def test_a_pooler_setting_it_does_not_know_is_refused_clearly():
    done = rekrut("check", REKRUT_DB_POOLER="statement")
    assert done.returncode != 0
    assert "REKRUT_DB_POOLER='statement': use transaction (pgbouncer) or leave it unset." in done.stderr


def test_the_replica_is_an_alias_of_its_own_and_no_router_uses_it():
    env = {"DATABASE_URL": "postgres://rekrut:x@10.0.0.5/rekrut", "SECRET_KEY": "k" * 50}
    databases = settings_of(DATABASE_REPLICA_URL="postgres://reader:y@10.0.0.6/rekrut", **env)["DATABASES"]
    assert databases["replica"]["HOST"] == "10.0.0.6"
    assert databases["default"]["HOST"] == "10.0.0.5"
    assert "replica" not in settings_of(**env)["DATABASES"]


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_reports_read_the_replica_only_when_there_is_one(settings):
    assert reports_database() == "default"
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    assert reports_database() == "replica"
    from django.conf import settings as live

    assert live.DATABASE_ROUTERS == []


@pytest.mark.parametrize("spoofed", ["https", "HTTPS"])
def test_a_client_cannot_claim_https_when_rekrut_is_not_behind_tls(client, db, spoofed):
    response = client.get("/healthz/live", HTTP_X_FORWARDED_PROTO=spoofed)
    assert response.status_code == 200
    assert response.wsgi_request.is_secure() is False


def test_a_client_cannot_pick_the_host_through_x_forwarded_host(client, db, settings):
    settings.ALLOWED_HOSTS = ["rekrut.example.co.id"]
    response = client.get(
        "/healthz/live", HTTP_HOST="rekrut.example.co.id", HTTP_X_FORWARDED_HOST="evil.example.com"
    )
    assert response.status_code == 200
    assert response.wsgi_request.get_host() == "rekrut.example.co.id"


def test_behind_tls_the_load_balancer_probes_over_plain_http_without_a_redirect(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/healthz/ready").status_code == 200
    assert client.get("/healthz/live").status_code == 200
    assert client.get("/accounts/login/").status_code == 301  # pages still go to https://
