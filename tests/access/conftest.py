"""The access matrix's world: built once per module, seen afresh by every case.

`world_built` (module scope) opens a transaction for the module, builds the world in it and rolls it back
when the module's last case is done: the database is left as the module found it. `world` (every case)
asks pytest-django's `db`, whose TestCase atomic block is nested in the module's and so is a savepoint,
rolled back after the case: whatever a case does (an action, a login's session, an audit row, what its
call arranged) is undone before the next case starts. This is Django's own setUpTestData pattern.

Before each case, `world` checks that the database is still the world as built (tests.access.matrix.
world_state) and hands the case its own deep copy of the world's Python objects (read back from the
database once the world was built), with an empty scratch: nothing in memory outlives a case either.
"""

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from tests.access.matrix import World, world_build, world_state


@dataclass
class BuiltWorld:
    world: World  # as built; each case gets a deep copy, never this one
    state: dict[str, Any]  # world_state() right after the build
    last_case: str = "none yet"


@pytest.fixture(scope="module")
def world_built(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BuiltWorld]:
    # CV files are not rolled back with the database: they go to this module's own MEDIA_ROOT.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), LANGUAGE_CODE="en")
    with django_db_blocker.unblock():
        module_atomic = transaction.atomic()
        # Marked as Django's TestCase marks its own blocks: a service's atomic(durable=True) may then run
        # while the world is built, as it may in any other test.
        module_atomic._from_testcase = True
        module_atomic.__enter__()
    try:
        with media:
            with django_db_blocker.unblock(), translation.override("en"):
                world = world_build()
                built = BuiltWorld(world=world, state=world_state())
            yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module_atomic.__exit__(None, None, None)


@pytest.fixture
def world(world_built: BuiltWorld, db: None, request: pytest.FixtureRequest) -> World:
    state, built = world_state(), world_built.state
    changed = sorted(key for key in state.keys() | built.keys() if state.get(key) != built.get(key))
    previous, world_built.last_case = world_built.last_case, request.node.nodeid
    assert not changed, (
        f"the world is not as built ({', '.join(changed)}): a case's changes outlived its rollback; "
        f"the case before this one: {previous}"
    )
    return copy.deepcopy(world_built.world)
