"""`rekrut serve` (what `make run` starts): the web server and the background worker, stopped together."""

import os
import re
import signal
import urllib.request

import pytest

from rekrut.notifications.selectors import worker_is_running
from tests.processes import Children, free_port, wait_for

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def serve(tmp_path):
    """Starts `rekrut serve` on a free port with its own var/ (the test database comes from DATABASE_URL);
    returns the process, its URL and the pids of its two children once both are up."""
    children = Children(tmp_path)
    port = free_port()
    process = children.start(
        "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "1",
        REKRUT_VAR_DIR=str(tmp_path / "var"), LOG_LEVEL="WARNING",
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/healthz"

    def healthy() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_for(healthy, timeout=30, what=lambda: f"/healthz\n{children.log(process)}")
        wait_for(worker_is_running, timeout=30, what=lambda: f"the heartbeat\n{children.log(process)}")
        started = re.findall(r"serve: (web server|worker) started \(pid (\d+)\)", children.log(process))
        yield process, {name: int(pid) for name, pid in started}, children
    finally:
        children.stop_all()


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_ctrl_c_stops_the_web_server_and_the_worker(serve):
    process, pids, children = serve
    assert set(pids) == {"web server", "worker"}
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=45) == 0, children.log(process)
    assert all(gone(pid) for pid in pids.values())
    assert worker_is_running() is False  # the worker stopped cleanly and said so


def test_when_the_worker_dies_the_web_server_is_stopped_and_serve_fails(serve):
    process, pids, children = serve
    os.kill(pids["worker"], signal.SIGKILL)
    assert process.wait(timeout=45) != 0
    assert gone(pids["web server"])
    assert "worker exited with code -9; stopping the others" in children.log(process)
