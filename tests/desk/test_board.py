"""The board renders what the eye sees: every column's count and its first cards, the rest as the user
scrolls; a column is rendered again only when something on it changed; a move re-renders two columns."""

from unittest import mock

import pytest
from django.urls import reverse

from rekrut.desk import board_cards
from rekrut.jobs.models import StageKind
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def fill(job, n, kind=StageKind.SCREENING):
    return [application_make(job=job, stage_kind=kind) for _ in range(n)]


def board(client, job, **headers):
    return client.get(reverse("desk:board", args=[job.pk]), **headers).content.decode()


def test_a_full_column_shows_its_count_its_first_cards_and_a_loader_for_the_rest(
    client_for, personas, team_a_job, settings
):
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    waiting = fill(team_a_job, board_cards.FIRST_CARDS + 3)
    page = board(client_for(personas.recruiter), team_a_job)
    column = page.split(f'id="column-{screening.pk}"')[1].split("</section>")[0]
    assert f'<span class="count">{len(waiting)}</span>' in column
    assert column.count('<li class="card') == board_cards.FIRST_CARDS
    # Longest waiting first: the first ten made are shown, the last three wait for the scroll.
    assert all(f'id="app-{a.pk}"' in column for a in waiting[: board_cards.FIRST_CARDS])
    assert all(f'id="app-{a.pk}"' not in column for a in waiting[board_cards.FIRST_CARDS :])
    more = reverse("desk:board_cards", args=[team_a_job.pk, screening.pk])
    assert f'hx-get="{more}?offset={board_cards.FIRST_CARDS}"' in column
    assert 'hx-trigger="intersect once"' in column


def test_the_more_cards_endpoint_gives_the_next_cards_in_order_and_stops_at_the_end(
    client_for, personas, team_a_job, monkeypatch
):
    monkeypatch.setattr(board_cards, "MORE_CARDS", 2)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    waiting = fill(team_a_job, 5)
    client = client_for(personas.recruiter)
    url = reverse("desk:board_cards", args=[team_a_job.pk, screening.pk])
    first = client.get(url, {"offset": 1}).content.decode()
    assert [f'id="app-{a.pk}"' in first for a in waiting] == [False, True, True, False, False]
    assert "?offset=3" in first
    last = client.get(url, {"offset": 3}).content.decode()
    assert [f'id="app-{a.pk}"' in last for a in waiting] == [False, False, False, True, True]
    assert "hx-get" not in last
    # An already shown card out of its turn (just moved in) is not sent twice.
    skipped = client.get(url, {"offset": 3, "skip": waiting[3].pk}).content.decode()
    assert f'id="app-{waiting[3].pk}"' not in skipped and f'id="app-{waiting[4].pk}"' in skipped
    # Nonsense offsets read as the start, never as an error.
    assert client.get(url, {"offset": "-4x"}).status_code == 200


def test_the_board_and_its_more_cards_cost_the_same_queries_for_few_and_many_cards(
    client_for, personas, team_a_job, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    url = reverse("desk:board_cards", args=[team_a_job.pk, screening.pk])
    fill(team_a_job, 2)
    fill(team_a_job, 1, StageKind.USER_INTERVIEW)
    with django_assert_max_num_queries(25) as few_board:
        board(client, team_a_job)
    with django_assert_max_num_queries(25) as few_more:
        client.get(url, {"offset": 1})
    fill(team_a_job, board_cards.FIRST_CARDS + board_cards.MORE_CARDS + 5)
    fill(team_a_job, 3, StageKind.USER_INTERVIEW)
    with django_assert_max_num_queries(len(few_board.captured_queries)):
        board(client, team_a_job)
    with django_assert_max_num_queries(len(few_more.captured_queries)):
        client.get(url, {"offset": board_cards.FIRST_CARDS})


def test_an_unchanged_column_is_not_rendered_again_and_a_changed_one_is(client_for, personas, team_a_job):
    client = client_for(personas.recruiter)
    application = fill(team_a_job, 1)[0]
    board(client, team_a_job)
    with mock.patch.object(board_cards, "render_to_string", wraps=board_cards.render_to_string) as render:
        page = board(client, team_a_job)
        assert render.call_count == 0
        assert f'id="app-{application.pk}"' in page
        # The application changes (its version moves on): its column, and only it, is rendered again.
        application.candidate.full_name = "Putri Maharani"
        application.candidate.save(update_fields=["full_name"])
        page = board(client, team_a_job)
        assert render.call_count == 1
        assert "Putri Maharani" in page


def test_a_new_version_of_an_application_renders_its_column_again(client_for, personas, team_a_job):
    client = client_for(personas.recruiter)
    application = fill(team_a_job, 1, StageKind.HR_INTERVIEW)[0]
    board(client, team_a_job)
    type(application).objects.filter(pk=application.pk).update(version=application.version + 7)
    with mock.patch.object(board_cards, "render_to_string", wraps=board_cards.render_to_string) as render:
        page = board(client, team_a_job)
    assert render.call_count == 1
    assert f'value="{application.version + 7}"' in page


def test_a_card_moved_into_a_full_column_is_shown_there_and_not_loaded_twice(
    client_for, personas, team_a_job
):
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    fill(team_a_job, board_cards.FIRST_CARDS + 2)
    putri = application_make(job=team_a_job, full_name="Putri Maharani")
    response = client_for(personas.recruiter).post(
        reverse("desk:move", args=[putri.pk]),
        {"version": putri.version, "to_stage": screening.pk},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    column = page.split(f'id="column-{screening.pk}"')[1].split("</section>")[0]
    assert f'id="app-{putri.pk}"' in column
    assert f"?offset={board_cards.FIRST_CARDS}&amp;skip={putri.pk}" in column
    assert "Putri Maharani moved to CV screening." in page


def test_a_refused_move_returns_the_whole_board(client_for, personas, team_a_job):
    application = fill(team_a_job, 1)[0]
    hr = team_a_job.stages.get(kind=StageKind.HR_INTERVIEW)
    response = client_for(personas.recruiter).post(
        reverse("desk:move", args=[application.pk]),
        {"version": application.version + 1, "to_stage": hr.pk},
        HTTP_HX_REQUEST="true",
    )
    assert 'id="board"' in response.content.decode()
    assert "HX-Reswap" not in response
