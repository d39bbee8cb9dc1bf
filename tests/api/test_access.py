"""Who sees what through the API: the same answers as the pages, persona by persona.

HR admins see every job; everyone else sees the jobs whose hiring team they are on, with those jobs'
candidates and applications. Olga (outsider) sees nothing: empty lists, and 404 for any detail.
"""

import pytest

from rekrut.pipeline.selectors import reject_reasons

# persona -> the teams ("a": Customer Service Officer, "b": Staf Keuangan) whose data it sees
SEES = {
    "hr_admin": {"a", "b"},
    "recruiter": {"a"},
    "hiring_manager": {"a"},
    "interviewer": {"a"},
    "director": {"a"},
    "other_recruiter": {"b"},
    "other_manager": {"b"},
    "outsider": set(),
}
# persona -> the teams whose applications it may move and reject
MANAGES = {
    "hr_admin": {"a", "b"},
    "recruiter": {"a"},
    "hiring_manager": {"a"},
    "interviewer": set(),
    "director": set(),
    "other_recruiter": {"b"},
    "other_manager": {"b"},
    "outsider": set(),
}


def _applications(world) -> dict:
    return {"a": world.team_a_application, "b": world.team_b_application}


@pytest.mark.parametrize("persona", SEES)
def test_job_list_and_detail_follow_the_hiring_teams(api_client_for, personas, world, persona) -> None:
    client = api_client_for(getattr(personas, persona))
    jobs = {team: app.job for team, app in _applications(world).items()}

    listed = client.get("/api/v1/jobs").json()

    assert {j["title"] for j in listed["items"]} == {jobs[t].title for t in SEES[persona]}
    assert listed["count"] == len(SEES[persona])
    for team, job in jobs.items():
        response = client.get(f"/api/v1/jobs/{job.pk}")
        assert response.status_code == (200 if team in SEES[persona] else 404)


@pytest.mark.parametrize("persona", SEES)
def test_candidate_list_and_detail_follow_the_hiring_teams(api_client_for, personas, world, persona) -> None:
    client = api_client_for(getattr(personas, persona))
    candidates = {team: app.candidate for team, app in _applications(world).items()}

    listed = client.get("/api/v1/candidates").json()

    assert {c["full_name"] for c in listed["items"]} == {candidates[t].full_name for t in SEES[persona]}
    for team, candidate in candidates.items():
        response = client.get(f"/api/v1/candidates/{candidate.pk}")
        assert response.status_code == (200 if team in SEES[persona] else 404)


@pytest.mark.parametrize("persona", SEES)
def test_application_list_and_detail_follow_the_hiring_teams(
    api_client_for, personas, world, persona
) -> None:
    client = api_client_for(getattr(personas, persona))
    applications = _applications(world)

    listed = client.get("/api/v1/applications").json()

    assert {a["id"] for a in listed["items"]} == {applications[t].pk for t in SEES[persona]}
    for team, application in applications.items():
        response = client.get(f"/api/v1/applications/{application.pk}")
        assert response.status_code == (200 if team in SEES[persona] else 404)


@pytest.mark.parametrize("persona", SEES)
def test_move_is_for_the_jobs_managers(api_client_for, personas, world, persona) -> None:
    client = api_client_for(getattr(personas, persona))

    for team, application in _applications(world).items():
        screening = application.job.stages.get(kind="screening")
        response = client.post(
            f"/api/v1/applications/{application.pk}/move",
            {"to_stage": screening.pk, "version": application.version},
            content_type="application/json",
        )
        expected = 200 if team in MANAGES[persona] else 403 if team in SEES[persona] else 404
        assert response.status_code == expected, (team, response.json())
        application.refresh_from_db()
        assert (application.stage == screening) == (expected == 200)


@pytest.mark.parametrize("persona", SEES)
def test_reject_is_for_the_jobs_managers(api_client_for, personas, world, persona) -> None:
    client = api_client_for(getattr(personas, persona))
    reason = reject_reasons().first()

    for team, application in _applications(world).items():
        response = client.post(
            f"/api/v1/applications/{application.pk}/reject",
            {"reason": reason.pk, "version": application.version},
            content_type="application/json",
        )
        expected = 200 if team in MANAGES[persona] else 403 if team in SEES[persona] else 404
        assert response.status_code == expected, (team, response.json())
        application.refresh_from_db()
        assert (application.status == "rejected") == (expected == 200)


def test_a_refused_action_says_why(api_client_for, personas, world) -> None:
    application = world.team_a_application
    screening = application.job.stages.get(kind="screening")

    response = api_client_for(personas.interviewer).post(
        f"/api/v1/applications/{application.pk}/move",
        {"to_stage": screening.pk, "version": application.version},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only the job's HR owner, its user or an HR admin can move applications.",
    }


def test_an_unseen_record_is_a_plain_404(api_client_for, personas, world) -> None:
    response = api_client_for(personas.outsider).get(f"/api/v1/applications/{world.team_a_application.pk}")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Not found."}


def test_a_candidate_shows_only_applications_on_jobs_the_caller_sees(api_client_for, personas, world) -> None:
    # Siti applied for both jobs; Rina (team A) must not learn about her Staf Keuangan application.
    from tests.pipeline.factories import application_make

    siti = world.team_a_application.candidate
    application_make(job=world.team_b_application.job, candidate=siti)

    as_rina = api_client_for(personas.recruiter)
    detail = as_rina.get(f"/api/v1/candidates/{siti.pk}").json()
    listed = as_rina.get("/api/v1/candidates").json()["items"]
    as_sari = api_client_for(personas.hr_admin).get(f"/api/v1/candidates/{siti.pk}").json()

    assert [a["job"]["title"] for a in detail["applications"]] == ["Customer Service Officer"]
    assert [a["job"]["title"] for a in listed[0]["applications"]] == ["Customer Service Officer"]
    assert sorted(a["job"]["title"] for a in as_sari["applications"]) == [
        "Customer Service Officer",
        "Staf Keuangan",
    ]


def test_candidate_filters_on_an_unseen_job_find_nothing(api_client_for, personas, world) -> None:
    # Rina added Agus herself, so she sees him; filtering by team B's job must not reveal he applied there.
    agus = world.team_b_application.candidate
    agus.created_by = personas.recruiter
    agus.save()
    team_b_job = world.team_b_application.job
    client = api_client_for(personas.recruiter)

    assert client.get(f"/api/v1/candidates/{agus.pk}").status_code == 200
    assert client.get("/api/v1/candidates", {"job": team_b_job.pk}).json()["items"] == []
    stage = world.team_b_application.stage
    assert client.get("/api/v1/candidates", {"stage": stage.pk}).json()["items"] == []
