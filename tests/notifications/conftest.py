"""An SMTP server on loopback (aiosmtpd) and child `rekrut` processes for the outbox's tests."""

import asyncio
import threading
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from tests.processes import Children, free_port


class SmtpServer:
    """Records each accepted message. `hold_first` leaves the first DATA unanswered, so its sender hangs
    mid-send; `refuse` answers every DATA with a permanent error."""

    def __init__(self) -> None:
        self.port = free_port()
        self.delivered: list[bytes] = []
        self.hold_first = False
        self.refuse = False
        self.holding = threading.Event()

    async def handle_DATA(self, server: object, session: object, envelope) -> str:
        if self.hold_first and not self.holding.is_set():
            self.holding.set()
            await asyncio.sleep(120)  # cancelled when the sender's connection drops or the server stops
            return "451 Too late"
        if self.refuse:
            return "554 5.7.1 Relaying denied"
        self.delivered.append(envelope.original_content)
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server: SmtpServer) -> SmtpServer:
    """This process sends through the loopback SMTP server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    return smtp_server


@pytest.fixture
def children(tmp_path) -> Iterator[Children]:
    started = Children(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()
