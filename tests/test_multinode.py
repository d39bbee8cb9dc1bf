"""Two web nodes and two workers on one PostgreSQL, one bucket and one Redis, as deploy/README.md sets them
up: a user signs in on one node and goes on on the other, a CV uploaded through one is downloaded through
the other (a short-lived link to the bucket), and two workers drain one outbox, every message sent exactly
once although one worker is killed while it sends.

PostgreSQL only (CI's PostgreSQL pass): SQLite is one machine's database. Needs redis-server and rclone.
"""

import asyncio
import email
import http.cookiejar
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction

from rekrut.candidates.models import Candidate
from rekrut.notifications.models import MessageStatus, OutboxMessage
from rekrut.notifications.services import message_queue
from tests.accounts.factories import PASSWORD
from tests.candidates.filebuilders import pdf_bytes
from tests.notifications.conftest import SmtpServer
from tests.pipeline.factories import application_make
from tests.processes import Children, free_port, wait_for

pytestmark = [
    pytest.mark.processes,
    pytest.mark.multinode,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MESSAGES = 30


@pytest.fixture
def children(tmp_path):
    started = Children(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("several nodes share PostgreSQL; this runs in CI's PostgreSQL pass")


class Browser:
    """One person's browser: its cookies go to every node (the same host, another port)."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.staying = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect
        )

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def get(self, url: str, *, follow: bool = True):
        return (self.opener if follow else self.staying).open(url, timeout=20)

    def post(self, url: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None):
        fields = {**fields, "csrfmiddlewaretoken": self.csrf()}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body, content_type = urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"
        request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
        return self.staying.open(request, timeout=30)


class _NoRedirect(urllib.request.HTTPErrorProcessor):
    """Hands back every answer as it came (a redirect is not followed, an error is not raised)."""

    def http_response(self, request: object, response: object) -> object:
        return response

    https_response = http_response


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> str:
    """Static files as `rekrut release` collects them (hashed names, the manifest pages need): the ones
    `make setup` collected, else collected once here (a minute; only the nodes' pages need them)."""
    from django.conf import settings

    collected = Path(settings.BASE_DIR).parent / "var" / "static"
    if (collected / "staticfiles.json").exists():
        return str(collected)
    root = tmp_path_factory.mktemp("static")
    environment = {k: v for k, v in os.environ.items() if k not in {"REKRUT_TESTING", "DATABASE_URL"}}
    environment.update(REKRUT_STATIC_ROOT=str(root), REKRUT_VAR_DIR=str(root / "var"))
    subprocess.run(
        [sys.executable, "-m", "rekrut", "collectstatic", "--no-input", "-v0"], env=environment, check=True
    )
    return str(root)


def node_start(children: Children, tmp_path: Path, name: str, env: dict[str, str]) -> str:
    """`rekrut serve --no-worker` (gunicorn) with a var/ of its own, as on another machine; its URL."""
    port = free_port()
    children.start(
        "serve", "--no-worker", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2",
        REKRUT_VAR_DIR=str(tmp_path / name), **env,
    )  # fmt: skip
    return f"http://127.0.0.1:{port}"


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz/ready", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_two_web_nodes_share_sessions_and_files(
    settings, tmp_path, children, s3_server, redis_server, static_root, personas, team_a_job
):
    import redis

    candidate = application_make(job=team_a_job, full_name="Putri Maharani").candidate
    # The nodes run production settings, which do not read the tests' fast MD5 hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    personas.recruiter.set_password(PASSWORD)
    personas.recruiter.save(update_fields=["password"])
    shared = {
        **s3_server.env(),
        **redis_server.env(),
        "REKRUT_FILE_DOWNLOADS": "presigned",
        "REKRUT_STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }
    one, two = (node_start(children, tmp_path, name, shared) for name in ("node-1", "node-2"))
    for url in (one, two):
        wait_for(
            lambda url=url: ready(url),
            timeout=40,
            what=lambda: "\n".join(children.log(p) for p, _ in children.started),
        )

    browser = Browser()
    browser.get(f"{one}/accounts/login/")
    signed_in = browser.post(f"{one}/accounts/login/", {"username": "rina", "password": PASSWORD})
    assert signed_in.status == 302, signed_in.read()[:500]
    # The session is in Redis (and written through to PostgreSQL), so the other node knows it.
    assert redis.Redis.from_url(redis_server.url).keys("rekrut:*")
    page = browser.get(f"{two}/candidates/{candidate.pk}/")
    assert urllib.parse.urlparse(page.url).path == f"/candidates/{candidate.pk}/"
    assert "Putri Maharani" in page.read().decode()

    cv = pdf_bytes("Putri Maharani, Customer Service, Surabaya")
    browser.get(f"{one}/candidates/{candidate.pk}/edit/")
    saved = browser.post(
        f"{one}/candidates/{candidate.pk}/edit/",
        {"full_name": "Putri Maharani", "source": candidate.source, "loaded_version": _version(candidate)},
        files={"cv": ("cv-putri.pdf", cv)},
    )
    assert saved.status == 302, saved.read()[:2000]
    stored = Candidate.objects.get(pk=candidate.pk).cv_file.name
    in_bucket = s3_server.keys()
    assert stored in in_bucket

    redirect = browser.get(f"{two}/candidates/{candidate.pk}/cv/", follow=False)
    assert redirect.status == 302, str(dict(redirect.headers))  # not streamed: a link to the bucket
    assert redirect.headers["Location"].startswith(f"{s3_server.endpoint_url}/{s3_server.bucket}/")
    assert "X-Amz-Signature=" in redirect.headers["Location"]
    assert browser.get(f"{two}/candidates/{candidate.pk}/cv/").read() == cv


def _version(candidate: Candidate) -> str:
    candidate.refresh_from_db()
    return candidate.updated_at.isoformat()


class HoldingSmtpServer(SmtpServer):
    """Holds the DATA of one message (the `hold_at`-th) unanswered and says from which client port."""

    def __init__(self, hold_at: int) -> None:
        super().__init__()
        self.hold_at = hold_at
        self.held_from: int | None = None
        self.seen = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: object, session, envelope) -> str:
        with self.lock:
            self.seen += 1
            hold = self.seen == self.hold_at
        if hold:
            self.held_from = session.peer[1]
            self.holding.set()
            await asyncio.sleep(120)  # cancelled when the sender dies and its connection drops
            return "451 Too late"
        self.delivered.append(envelope.original_content)
        return "250 OK"


def socket_owner(local_port: int, pids: list[int]) -> int:
    """Which of `pids` holds the TCP connection from 127.0.0.1:local_port."""
    wanted = f"0100007F:{local_port:04X}"
    inode = next(
        line.split()[9]
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
        if line.split()[1] == wanted
    )
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(fd) == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    raise AssertionError(f"no worker holds the connection from port {local_port}")


@pytest.fixture
def holding_smtp():
    from aiosmtpd.controller import Controller

    server = HoldingSmtpServer(hold_at=MESSAGES // 3)
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


def test_two_workers_send_every_message_once_while_one_is_killed(
    settings, children, holding_smtp, s3_server, redis_server
):
    # The database task backend, as in production: each message's delivery task waits for a worker.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "bulk"]}
    }
    with transaction.atomic():
        for number in range(MESSAGES):
            message_queue(
                key=f"campaign-day-{number}",
                to=f"pelamar{number}@example.co.id",
                template="notifications/email/failed",  # any e-mail template will do
                context={"subject": f"Undangan {number}", "attempts": 1},
            )
    env = {
        **s3_server.env(), **redis_server.env(),
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(holding_smtp.port), "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "60", "LOG_LEVEL": "WARNING",
        # A killed worker's message goes back to the queue this soon (production: minutes).
        "REKRUT_OUTBOX_LEASE_SECONDS": "3", "REKRUT_TASK_LEASE_SECONDS": "3",
    }  # fmt: skip
    workers = [children.start("worker", "--sweep-every", "0.5", "--beat-every", "1", **env) for _ in range(2)]
    logs = lambda: "\n".join(children.log(w) for w in workers)  # noqa: E731
    assert holding_smtp.holding.wait(60), logs()
    victim = socket_owner(holding_smtp.held_from or 0, [w.pid for w in workers])
    os.kill(victim, signal.SIGKILL)  # mid-send: after its claim, before the server accepted the message

    wait_for(
        lambda: OutboxMessage.objects.filter(status=MessageStatus.SENT).count() == MESSAGES,
        timeout=60,
        what=lambda: f"every message to be sent\n{logs()}",
    )
    wait_for(lambda: len(holding_smtp.delivered) >= MESSAGES, timeout=5, what="the server to record them")
    survivor = next(w for w in workers if w.pid != victim)
    survivor.send_signal(signal.SIGTERM)
    assert survivor.wait(timeout=20) == 0, logs()

    ids = [email.message_from_bytes(raw)["Message-ID"] for raw in holding_smtp.delivered]
    assert len(ids) == MESSAGES
    assert sorted(ids) == sorted(f"<campaign-day-{n}@rekrut>" for n in range(MESSAGES))
