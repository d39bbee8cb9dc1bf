"""The load scenarios: the production server (`rekrut serve`: gunicorn, DEBUG off) on 127.0.0.1, by wrk.

Migrates and collects static files, starts the server against the bench database (bench/var), waits for
/healthz, logs in once as the HR admin, runs each scenario for BENCH_SECONDS (20 by default) with wrk,
stops the server, writes bench/results/<timestamp>.json and prints (and puts into README.md) the table.

    .venv/bin/python bench/run.py                  # every scenario
    .venv/bin/python bench/run.py board search     # some of them
"""

import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import benchenv

HOST = "127.0.0.1"  # the only target the bench ever loads
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = benchenv.BENCH_DIR / "wrk" / "report.lua"
PASSWORD = "rekrut-demo-2026"  # noqa: S105 (the demo personas' published password; bench data only)
README = benchenv.BENCH_DIR / "README.md"


@dataclass
class Scenario:
    name: str
    what: str
    path: str
    rotate: list[str] = field(default_factory=list)  # paths to rotate over instead of `path`
    auth: str = "session"  # "session", "token" or "none"


def scenarios_for(facts: dict[str, Any]) -> list[Scenario]:
    job, stage = facts["board_job_id"], facts["api_stage_id"]
    return [
        Scenario("baseline", "GET /healthz (one SELECT 1)", "/healthz", auth="none"),
        Scenario("board", f"GET /pipeline/jobs/{job}/board/", f"/pipeline/jobs/{job}/board/"),
        Scenario(
            "search",
            f"GET /candidates/?q={facts['search_query']}",
            f"/candidates/?q={urllib.parse.quote(facts['search_query'])}",
        ),
        Scenario(
            "candidate",
            f"GET /candidates/<id>/ over {len(facts['candidate_ids'])} board candidates",
            f"/candidates/{facts['candidate_ids'][0]}/",
            rotate=[f"/candidates/{pk}/" for pk in facts["candidate_ids"]],
        ),
        Scenario(
            "api_list",
            f"GET /api/v1/applications?job={job}&stage={stage}&limit=20",
            f"/api/v1/applications?job={job}&stage={stage}&limit=20",
            auth="token",
        ),
    ]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) != 0


def run_quiet(*args: str) -> None:
    subprocess.run(
        [str(benchenv.PYTHON), "manage.py", *args], cwd=benchenv.ROOT, env=server_env(), check=True
    )


def server_env() -> dict[str, str]:
    env = benchenv.bench_environ()
    env.setdefault("LOG_LEVEL", "WARNING")
    return env


def server_start(port: int, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's life)
    # A session of its own, so stopping it reaches gunicorn's workers and nothing else.
    return subprocess.Popen(
        [str(benchenv.PYTHON), "manage.py", "serve", "--bind", f"{HOST}:{port}"],
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
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_healthy(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"The server stopped (exit {server.returncode}); see {benchenv.VAR_DIR}/server.log"
            )
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise SystemExit("The server did not answer /healthz in time.")


def login(base: str) -> str:
    """Posts the login form like a browser would and returns the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        page = response.read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not match:
        raise SystemExit("No CSRF token on the login page.")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": match.group(1), "username": benchenv.LOGIN_USERNAME, "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(f"{base}/accounts/login/", data=form, headers={"Referer": base + "/"})
    with opener.open(request, timeout=30):
        pass
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if session is None:
        raise SystemExit(f"Logging in as {benchenv.LOGIN_USERNAME} failed (no session cookie).")
    return session


def headers_for(scenario: Scenario, session: str, token: str) -> dict[str, str]:
    if scenario.auth == "session":
        return {"Cookie": f"sessionid={session}"}
    if scenario.auth == "token":
        return {"Authorization": f"Bearer {token}"}
    return {}


def probe(base: str, scenario: Scenario, headers: dict[str, str]) -> tuple[int, float]:
    """One request before the load (it also warms the workers up): its status and time."""
    request = urllib.request.Request(base + scenario.path, headers=headers)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - start) * 1000


def wrk_run(base: str, scenario: Scenario, headers: dict[str, str], args: argparse.Namespace) -> dict:
    command = [
        WRK,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(LUA),
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(base + scenario.path)
    if scenario.rotate:
        command += ["--", *scenario.rotate]
    output = subprocess.run(command, capture_output=True, text=True, timeout=args.seconds + 120, check=True)
    line = next(ln for ln in output.stdout.splitlines() if ln.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    result["wrk_output"] = output.stdout.replace(line, "").strip()
    return result


def markdown_table(results: dict[str, dict]) -> str:
    lines = ["| scenario | requests/s | p50 ms | p95 ms | errors (non-2xx) |", "|---|---:|---:|---:|---:|"]
    for name, r in results.items():
        if "skipped" in r:
            lines.append(f"| {name} | skipped: {r['skipped']} | | | |")
            continue
        socket_errors = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
        errors = f"{r['non2xx']}" + (f" (+{socket_errors} socket/timeouts)" if socket_errors else "")
        lines.append(f"| {name} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {errors} |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")), "?")
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def readme_update(table: str, summary: str) -> None:
    """Replaces the figures between the markers in README.md with this run's."""
    text = README.read_text()
    start, end = "<!-- figures:start -->", "<!-- figures:end -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        README.write_text(f"{before}{start}\n{summary}\n\n{table}\n{end}{after}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("only", nargs="*", help="scenario names (default: all)")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "20")))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8099")))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--no-readme", action="store_true", help="do not write the figures into README.md")
    args = parser.parse_args()
    if not benchenv.FACTS_FILE.exists():
        print("No bench data yet: run `make -C bench data` first.", file=sys.stderr)
        return 1
    facts = benchenv.facts_read()
    token = benchenv.TOKEN_FILE.read_text().strip()
    scenarios = [s for s in scenarios_for(facts) if not args.only or s.name in args.only]
    if not port_is_free(args.port):
        print(f"Port {args.port} on {HOST} is taken; choose another with --port.", file=sys.stderr)
        return 1
    load_before = os.getloadavg()  # other work on the machine skews the figures: recorded with them
    print("Migrating and collecting static files for the bench database ...", flush=True)
    run_quiet("migrate", "--no-input", "-v0")
    run_quiet("collectstatic", "--no-input", "-v0")
    base = f"http://{HOST}:{args.port}"
    server = server_start(args.port, benchenv.VAR_DIR / "server.log")
    results: dict[str, dict] = {}
    try:
        wait_healthy(base, server)
        session = login(base)
        print(f"Server up on {base}; logged in as {benchenv.LOGIN_USERNAME}. {args.seconds} s per scenario.")
        for scenario in scenarios:
            headers = headers_for(scenario, session, token)
            status, ms = probe(base, scenario, headers)
            if scenario.name == "api_list" and status == 404:
                results[scenario.name] = {"skipped": "no /api/v1/applications endpoint yet"}
                print(f"- {scenario.name}: skipped, the API has no /api/v1/applications endpoint yet (404).")
                continue
            print(f"- {scenario.name}: {scenario.what} (first request {status}, {ms:.0f} ms) ...", flush=True)
            result = wrk_run(base, scenario, headers, args)
            result.update(what=scenario.what, first_status=status, first_ms=round(ms, 1))
            results[scenario.name] = result
            print(
                f"  {result['rps']:.1f} req/s, p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms"
            )
    finally:
        server_stop(server)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    benchenv.RESULTS_DIR.mkdir(exist_ok=True)
    workers = os.environ.get("WEB_CONCURRENCY", "3")
    threads = os.environ.get("REKRUT_THREADS", "2")
    report = {
        "at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {**machine(), "load_average_before": load_before},
        "server": f"gunicorn via `rekrut serve`, {workers} workers x {threads} threads, DEBUG off",
        "load": f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s",
        "data": {k: facts[k] for k in ("database", "seed", "scale", "generation_seconds", "counts")},
        "scenarios": results,
    }
    path = benchenv.RESULTS_DIR / f"{stamp}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    table = markdown_table(results)
    summary = (
        f"Run {report['at']} on {report['machine']['cpus']} CPUs ({report['machine']['cpu']}), "
        f"{facts['database']} database with {facts['counts']['candidates']:,} candidates / "
        f"{facts['counts']['applications']:,} applications; {report['server']}; {report['load']}; "
        f"load average before the run {load_before[0]:.1f}."
    )
    print(f"\n{summary}\n\n{table}\n\nResults: {path}")
    if not args.no_readme and facts["scale"] == 1.0 and not args.only:
        readme_update(table, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
