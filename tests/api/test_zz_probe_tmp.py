import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.factories import application_make

def test_probe(api_client_for, personas, team_a_job, client):
    for _ in range(3): application_make(job=team_a_job)
    c = api_client_for(personas.recruiter)
    c.get("/api/v1/jobs")
    for p in ["/api/v1/applications", "/api/v1/candidates", "/api/v1/jobs", f"/api/v1/jobs/{team_a_job.pk}", "/api/v1/reject-reasons"]:
        with CaptureQueriesContext(connection) as q:
            r = c.get(p)
        print(p, r.status_code, len(q))
        for x in q.captured_queries: print("   ", x["sql"][:250])
    print(c.get("/api/v1/applications").json()["items"][0])
    print(c.get(f"/api/v1/jobs/{team_a_job.pk}").json())
    print(client.get("/api/v1/docs").content.decode())
    r = c.post("/api/v1/applications/1/move", "{not json", content_type="application/json"); print(r.status_code, r.content)
