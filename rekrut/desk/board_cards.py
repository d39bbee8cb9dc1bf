"""The board's columns as HTML: what each card shows, gathered for the shown cards only, and each column
rendered once for as long as nothing on it changes.

A column's HTML is cached under a digest of everything it shows: the stage and its count, and per card the
application's id and version, the candidate's name and city, days in stage and every flag (exit blockers,
interviews, knock-out answers, where a move back goes), with the viewer's language, time zone and what they
may do. A change anywhere on a card changes the digest, so a stale column is never served; an unchanged
column costs a cache read instead of a render. The CSRF token differs per visitor, so the cached HTML holds
a placeholder that is replaced on the way out.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from rekrut.accounts.http import AuthedRequest
from rekrut.intake.screening import knockouts_for
from rekrut.interviews.selectors.interviews import BoardFlags, board_flags
from rekrut.jobs.access import JobAccess
from rekrut.jobs.models import Stage
from rekrut.offers.templatetags.offers import shows_offer
from rekrut.pipeline import selectors
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.selectors import Card, Column

FIRST_CARDS = 10  # what a column shows on a laptop screen; the rest come as the user scrolls
MORE_CARDS = 20
CACHE_SECONDS = 60 * 60
CSRF_PLACEHOLDER = "__rekrut_csrf_token__"


@dataclass
class CardView:
    card: Card
    blockers: list[Blocker]
    back: Stage | None
    flags: BoardFlags | None
    knocked: list


@dataclass
class ColumnView:
    column: Column
    cards: list[CardView]
    offer_link: bool
    pinned: int | None = None  # a card just moved here, shown first though it is not its turn yet
    html: str = ""

    @property
    def next_offset(self) -> int | None:
        """Where the next cards start, in the column's own order; None when every card is shown."""
        if self.column.count <= len(self.cards):
            return None
        return len(self.cards) - (1 if self.pinned else 0)


def card_views(access: JobAccess, cards: list[Card]) -> list[CardView]:
    """What each card shows beyond its application: a bounded number of queries for all of them."""
    job = access.job
    applications = [card.application for card in cards]
    ids = [application.pk for application in applications]
    blocks = selectors.move_blocks(job=job, applications=applications) if applications else {}
    backs = selectors.move_back_targets(job=job, applications=applications) if access.is_hr_owner else {}
    flags = board_flags(job=job, application_ids=ids) if ids else {}
    # Screening answers that met a knock-out rule: flagged for HR, never a rejection by themselves.
    knockouts = knockouts_for(ids) if ids else {}
    return [
        CardView(
            card=card,
            blockers=blocks.get(card.application.pk, []),
            back=backs.get(card.application.pk),
            flags=flags.get(card.application.pk),
            knocked=knockouts.get(card.application.pk, []),
        )
        for card in cards
    ]


def column_views(access: JobAccess, columns: list[Column], pinned: int | None = None) -> list[ColumnView]:
    """The columns with what their cards show; the `pinned` application's card is put first in its column
    when the column's first places are taken by cards waiting longer."""
    pinned_in: int | None = None
    for column in columns:
        if pinned is None or pinned in (card.application.pk for card in column.cards):
            continue
        found = selectors.board_cards(job=access.job, stage=column.stage, limit=1, only=pinned)
        if found:
            column.cards.insert(0, found[0])
            pinned_in = column.stage.pk
            break
    views = card_views(access, [card for column in columns for card in column.cards])
    result, start = [], 0
    for column in columns:
        shown = views[start : start + len(column.cards)]
        start += len(column.cards)
        pin = pinned if column.stage.pk == pinned_in else None
        result.append(ColumnView(column, shown, shows_offer(access, column.stage.kind), pinned=pin))
    return result


def _viewer(request: AuthedRequest, access: JobAccess) -> tuple:
    return (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        access.can_manage_applications,
        access.can_override_rules,
        access.is_hr_owner,
    )


def _card_key(view: CardView) -> tuple:
    app = view.card.application
    return (
        app.pk,
        app.version,
        app.status,
        app.candidate.pk,
        app.candidate.full_name,
        app.candidate.city,
        view.card.days_in_stage,
        [(t.pk, t.name) for t in view.card.targets],
        [str(blocker) for blocker in view.blockers],
        (view.back.pk, view.back.name) if view.back else None,
        view.flags,
        [(answer.question.text, answer.value) for answer in view.knocked],
    )


def _digest(parts: Iterable[object]) -> str:
    return hashlib.blake2b(repr(tuple(parts)).encode(), digest_size=16).hexdigest()


def _context(request: AuthedRequest, access: JobAccess) -> dict:
    return {
        "job": access.job,
        "access": access,
        "can_move": access.can_manage_applications,
        "csrf_token": CSRF_PLACEHOLDER,
    }


def columns_render(
    request: AuthedRequest, access: JobAccess, columns: list[Column], pinned: int | None = None
) -> list[ColumnView]:
    """Each column's HTML, from the cache where nothing on it changed: one cache read for the board."""
    views = column_views(access, columns, pinned)
    viewer = _viewer(request, access)
    keys = {
        id(view): "board-column:"
        + _digest(
            (
                viewer,
                access.job.pk,
                view.column.stage.pk,
                view.column.stage.name,
                view.column.count,
                view.offer_link,
                view.pinned,
                [_card_key(card) for card in view.cards],
            )
        )
        for view in views
    }
    cached = cache.get_many(list(keys.values()))
    fresh = {}
    token = get_token(request)
    for view in views:
        key = keys[id(view)]
        html = cached.get(key)
        if html is None:
            html = render_to_string("desk/_column.html", {**_context(request, access), "view": view})
            fresh[key] = html
        view.html = mark_safe(html.replace(CSRF_PLACEHOLDER, token))  # noqa: S308 (our own render)
    if fresh:
        cache.set_many(fresh, CACHE_SECONDS)
    return views


def cards_render(
    request: AuthedRequest, access: JobAccess, stage: Stage, offset: int, *, skip: int | None = None
) -> str:
    """The next cards of a column as list items, with the loader of the ones after them if any remain."""
    cards = selectors.board_cards(job=access.job, stage=stage, offset=offset, limit=MORE_CARDS + 1, skip=skip)
    more = len(cards) > MORE_CARDS
    views = card_views(access, cards[:MORE_CARDS])
    context = {
        **_context(request, access),
        "stage": stage,
        "cards": views,
        "offer_link": shows_offer(access, stage.kind),
        "next_offset": offset + len(views) if more else None,
        "skip": skip,
    }
    return render_to_string("desk/_cards.html", context).replace(CSRF_PLACEHOLDER, get_token(request))
