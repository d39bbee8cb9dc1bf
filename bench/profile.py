"""What bench pages cost, in process: CPU per request, queries, the slowest queries and their plans.

    .venv/bin/python bench/profile.py all              # cost of one request of each scenario (CPU ms)
    .venv/bin/python bench/profile.py board            # one scenario: its SQL, slowest first, with plans
    .venv/bin/python bench/profile.py /candidates/?q=Budi

Renders pages through Django's test client as the HR admin against the bench database. CPU time per
request does not depend on other load on the machine, unlike the wrk figures; 2 cores / CPU per request is
the ceiling for requests/s. The SQL is recorded with CaptureQueriesContext.
"""

import os
import statistics
import sys
import time
from typing import Any

import benchenv

REPEAT = 10


def client_for_bench() -> Any:
    from django.core.management import call_command
    from django.test import Client

    from rekrut.accounts.models import User

    call_command("collectstatic", interactive=False, verbosity=0)  # pages name their static files' hashes
    client = Client()
    client.force_login(User.objects.get(username=benchenv.LOGIN_USERNAME))
    return client


def costs(client: Any) -> None:
    from run import scenarios_for

    token = benchenv.TOKEN_FILE.read_text().strip()
    print("| scenario | response bytes | CPU ms per request (median of 10) | ceiling on 2 cores, req/s |")
    print("|---|---:|---:|---:|")
    for scenario in scenarios_for(benchenv.facts_read()):
        headers = {"Authorization": f"Bearer {token}"} if scenario.auth == "token" else {}
        paths = scenario.rotate[:REPEAT] or [scenario.path]

        def call(path: str, scenario: Any = scenario, headers: dict = headers) -> Any:
            return client.generic(
                scenario.method, path, scenario.body, content_type="application/json", headers=headers
            )

        response = call(paths[0])  # warms imports, templates and caches
        cpu = []
        for i in range(REPEAT):
            start = time.process_time()
            response = call(paths[i % len(paths)])
            cpu.append((time.process_time() - start) * 1000)
        ms = statistics.median(cpu)
        if response.status_code != 200:
            print(f"| {scenario.name} | HTTP {response.status_code} | | |")
            continue
        print(f"| {scenario.name} | {len(response.content):,} | {ms:.1f} | {2000 / ms:.0f} |")


def queries(client: Any, target: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from run import scenarios_for

    headers = {}
    if not target.startswith("/"):
        scenario = next(s for s in scenarios_for(benchenv.facts_read()) if s.name == target)
        target = scenario.path
        if scenario.auth == "token":
            headers["Authorization"] = f"Bearer {benchenv.TOKEN_FILE.read_text().strip()}"
    client.get(target, headers=headers)  # the first request pays for imports and template compilation
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(target, headers=headers)
        total = (time.perf_counter() - start) * 1000
    sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
    status = response.status_code
    print(f"{target}: HTTP {status}, {total:.0f} ms, {len(captured)} queries, {sql_ms:.0f} ms in SQL")
    slowest = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)[:5]
    for query in slowest:
        print(f"\n--- {float(query['time']) * 1000:.0f} ms\n{query['sql'][:1500]}")
        if connection.vendor in {"sqlite", "postgresql"} and query["sql"].lstrip().upper().startswith(
            "SELECT"
        ):
            explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
            with connection.cursor() as cursor:
                try:
                    cursor.execute(explain + query["sql"])
                    print("plan:", *(" ".join(str(c) for c in row) for row in cursor.fetchall()), sep="\n  ")
                except (
                    Exception
                ) as error:  # the logged SQL has its parameters inlined; some do not parse back
                    print(f"plan: (not available: {error})")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    os.environ["ALLOWED_HOSTS"] = "testserver"
    benchenv.django_setup()
    client = client_for_bench()
    if sys.argv[1] == "all":
        costs(client)
    else:
        queries(client, sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
