"""What one bench page costs, in process: time, queries, and the slowest queries with their plans.

    .venv/bin/python bench/profile.py board            # a scenario name from run.py
    .venv/bin/python bench/profile.py /candidates/?q=Budi

Renders the page through Django's test client as the HR admin against the bench database, records its
SQL with CaptureQueriesContext, and shows the slowest statements and the database's plan for them.
"""

import os
import sys
import time

import benchenv


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    os.environ["ALLOWED_HOSTS"] = "testserver"
    benchenv.django_setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from run import scenarios_for

    from rekrut.accounts.models import User

    target, headers = sys.argv[1], {}
    if not target.startswith("/"):
        scenario = next(s for s in scenarios_for(benchenv.facts_read()) if s.name == target)
        target = scenario.path
        if scenario.auth == "token":
            headers["Authorization"] = f"Bearer {benchenv.TOKEN_FILE.read_text().strip()}"
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name their static files' hashes
    client = Client()
    client.force_login(User.objects.get(username=benchenv.LOGIN_USERNAME))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
