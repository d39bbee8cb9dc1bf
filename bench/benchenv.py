"""Where the bench keeps its things, and Django set up against the bench database (never the dev one)."""

import json
import os
import re
import secrets
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def _var_dir() -> Path:
    """bench/var for the SQLite file; a folder of its own per DATABASE_URL (other ids, token, facts)."""
    if os.environ.get("BENCH_VAR_DIR"):
        return Path(os.environ["BENCH_VAR_DIR"]).resolve()
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return (BENCH_DIR / "var").resolve()
    parts = urlsplit(url)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{parts.scheme}-{parts.hostname}-{parts.port}{parts.path}")
    return (BENCH_DIR / "var" / name).resolve()


VAR_DIR = _var_dir()
RESULTS_DIR = BENCH_DIR / "results"
FACTS_FILE = VAR_DIR / "facts.json"
TOKEN_FILE = VAR_DIR / "api_token"
PYTHON = ROOT / ".venv" / "bin" / "python"

# The login every scenario runs as: the HR admin persona of the demo, who sees every job.
LOGIN_USERNAME = "sari"


def bench_environ() -> dict[str, str]:
    """The environment for anything that touches the bench database: its own var dir, DEBUG off."""
    env = dict(os.environ)
    env["REKRUT_VAR_DIR"] = str(VAR_DIR)
    env["DJANGO_SETTINGS_MODULE"] = "rekrut.settings"
    env["DEBUG"] = "0"
    # The load scenarios fire hundreds of requests per second from one token and one address: the API rate
    # limits would answer most of them 429 and measure the limiter, not the page.
    env["REKRUT_RATE_API_TOKEN"] = "off"  # noqa: S105 (a rate limit setting, not a secret)
    env["REKRUT_RATE_API_ADDRESS"] = "off"
    env["REKRUT_RATE_SIGN_IN"] = "off"
    if env.get("DATABASE_URL") and not env.get("SECRET_KEY"):
        # A shared database requires the key from the environment (rekrut.E002): the bench keeps its own.
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file = VAR_DIR / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        env["SECRET_KEY"] = key_file.read_text().strip()
    return env


def django_setup() -> None:
    os.environ.update(bench_environ())
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def facts_read() -> dict[str, Any]:
    return json.loads(FACTS_FILE.read_text())
