"""Bad input is a 422 (or a 400 for an unreadable body) that names the problem, never a 500."""

import pytest

from rekrut.pipeline.selectors import reject_reasons


@pytest.fixture
def as_rina(api_client_for, personas):
    return api_client_for(personas.recruiter)


@pytest.mark.parametrize(
    "query",
    [
        {"page_size": 101},
        {"page_size": 0},
        {"page": 0},
        {"page": 10**30},
        {"status": "lost"},
        {"job": "abc"},
        {"job": 10**30},
        {"stage": -1},
    ],
)
def test_bad_list_filters_are_422(as_rina, world, query) -> None:
    response = as_rina.get("/api/v1/applications", query)

    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/applications/99999999999999999999999", "/api/v1/jobs/0"])
def test_an_impossible_id_is_422(as_rina, world, path) -> None:
    assert as_rina.get(path).status_code == 422


def test_a_huge_page_number_is_just_empty(as_rina, world) -> None:
    response = as_rina.get("/api/v1/applications", {"page": 1_000_000})

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 1}


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"to_stage": 1},
        {"version": 1},
        {"to_stage": "next", "version": 1},
        {"to_stage": 1, "version": 10**30},
        {"to_stage": 1, "version": 1, "note": "x" * 2001},
    ],
)
def test_a_bad_move_body_is_422_and_changes_nothing(as_rina, world, payload) -> None:
    application = world.team_a_application

    response = as_rina.post(
        f"/api/v1/applications/{application.pk}/move", payload, content_type="application/json"
    )

    assert response.status_code == 422
    application.refresh_from_db()
    assert application.transitions.count() == 1


def test_an_unreadable_body_is_a_client_error(as_rina, world) -> None:
    response = as_rina.post(
        f"/api/v1/applications/{world.team_a_application.pk}/move",
        "{not json",
        content_type="application/json",
    )

    assert 400 <= response.status_code < 500


def test_an_unknown_reason_is_400(as_rina, world) -> None:
    application = world.team_a_application
    unknown = max(r.pk for r in reject_reasons()) + 1000

    response = as_rina.post(
        f"/api/v1/applications/{application.pk}/reject",
        {"reason": unknown, "version": application.version},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "unknown_reason"
