import os
import signal
import subprocess
import sys
import time
from types import FrameType

from django.core.management.base import BaseCommand, CommandError, CommandParser

# How long each process may take to finish its work (gunicorn's graceful timeout is 30 s) after SIGTERM.
STOP_TIMEOUT = 35


class Command(BaseCommand):
    help = (
        "Serve Rekrut with gunicorn (production server; static files by whitenoise) and run the background "
        "worker beside it; Ctrl-C stops both, and if either stops the other is stopped too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("REKRUT_BIND", "127.0.0.1:8000"))
        # One process per core, four threads each: measured on 2 cores (bench/README.md, issue 16) against
        # 3x2, 4x1 (sync) and 2x1, it served the most for the least memory; threads wait on the database
        # and the network while another runs Python.
        default_workers = max(2, os.cpu_count() or 2)
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", default_workers))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("REKRUT_THREADS", "4")))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve only; run `rekrut worker` elsewhere (e.g. several web hosts, one worker)",
        )

    def handle(self, *args: object, **options: object) -> None:
        web = [
            sys.executable,
            "-m",
            "gunicorn",
            "rekrut.wsgi:application",
            "--bind",
            str(options["bind"]),
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--access-logfile",
            "-",
            "--timeout",
            "60",
            # gunicorn's default (4094 bytes) answered a long search with its own bare "414" page; at its
            # maximum the page itself says what is too long (the search form caps the text it takes).
            "--limit-request-line",
            "8190",
        ]
        threads = int(str(options["threads"]))
        kind = "gthread" if threads > 1 else "sync"  # gunicorn's own choice for that many threads
        print(f"rekrut serve: gunicorn {options['workers']} workers x {threads} threads ({kind})", flush=True)
        if options["no_worker"]:
            os.execv(sys.executable, web)  # noqa: S606 (replace this process with gunicorn)
        code = supervise({"web server": web, "worker": [sys.executable, "-m", "rekrut", "worker"]})
        if code:
            raise CommandError("stopped because a process exited", returncode=code)


def supervise(commands: dict[str, list[str]]) -> int:
    """Runs the commands side by side until a signal or until one of them exits; then stops the rest.

    The children get their own process group, so a Ctrl-C (or a closed terminal's SIGHUP) reaches only this
    supervisor, which passes one SIGTERM (a graceful stop for both gunicorn and the worker) to each: a
    second signal would make the worker abandon a running task. Returns 0 after a requested stop, else the
    first exited child's code.
    """
    received: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    processes: dict[str, subprocess.Popen] = {}
    try:
        for name, argv in commands.items():
            processes[name] = subprocess.Popen(argv, process_group=0)  # noqa: S603 (our own commands)
            print(f"rekrut serve: {name} started (pid {processes[name].pid})", flush=True)
        code = 0
        while not received:
            exited = {name: p.returncode for name, p in processes.items() if p.poll() is not None}
            if exited:
                name, code = next(iter(exited.items()))
                print(f"rekrut serve: {name} exited with code {code}; stopping the others", flush=True)
                code = code or 1  # a process that should run forever stopped: that is a failure
                break
            time.sleep(0.2)
        return code
    finally:
        _stop(processes)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT
    for name, process in processes.items():
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            print(f"rekrut serve: {name} did not stop in {STOP_TIMEOUT} s; killing it", flush=True)
            process.kill()
            process.wait()
