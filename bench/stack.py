"""The server the bench loads: `rekrut serve` (gunicorn + the task worker) started in a session of its own,
and the memory of its whole process tree sampled while it is under load."""

import os
import re
import signal
import subprocess
import threading
from pathlib import Path

import benchenv

LAYOUT = re.compile(r"rekrut serve: gunicorn (\d+) workers? x (\d+) threads? \((\w+)\)")


def server_env() -> dict[str, str]:
    env = benchenv.bench_environ()
    env.setdefault("LOG_LEVEL", "WARNING")
    return env


def server_start(bind: str, log_path: Path, extra: list[str]) -> subprocess.Popen:
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's life)
    # A session of its own, so stopping it reaches gunicorn's workers and nothing else.
    return subprocess.Popen(
        [str(benchenv.PYTHON), "manage.py", "serve", "--bind", bind, *extra],
        cwd=benchenv.ROOT,
        env=server_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def server_stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def server_layout(log_path: Path) -> str:
    """What `rekrut serve` says it started, e.g. "2 workers x 4 threads (gthread)"."""
    match = LAYOUT.search(log_path.read_text(errors="replace"))
    return f"{match[1]} workers x {match[2]} threads ({match[3]})" if match else "?"


def _tree(root: int) -> list[int]:
    """The root and every process below it (the serve supervisor, gunicorn's master and workers, the
    task worker), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB. RSS counts pages the forked workers share once per process; PSS splits them."""
    try:
        rss = next(
            int(line.split()[1])
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("VmRSS:")
        )
        pss = next(
            int(line.split()[1])
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            if line.startswith("Pss:")
        )
    except (OSError, StopIteration):
        return 0, 0
    return rss, pss


class MemorySampler:
    """Samples the server tree's summed RSS and PSS twice a second; keeps the highest."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.rss_mb = self.pss_mb = 0.0
        self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.root)
            sizes = [_memory_kb(pid) for pid in pids]
            self.rss_mb = max(self.rss_mb, sum(r for r, _ in sizes) / 1024)
            self.pss_mb = max(self.pss_mb, sum(p for _, p in sizes) / 1024)
            self.processes = max(self.processes, len(pids))
            self._stop.wait(0.5)


def cpu_seconds(root: int) -> float:
    """User + system CPU time the server tree has used so far (to compare with wrk's own share)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in _tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / tick
