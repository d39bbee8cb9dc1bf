"""The access matrix stays complete and can fail.

Every URL name in the checked namespaces is a row of some tests/access/test_<namespace>.py (its PAGES) or
is in EXCLUDED with its reason, so a new page cannot skip the matrix; no row names a page that is gone.
"""

import importlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from tests.access.matrix import ALLOWED, KNOWN_PRODUCT_BUGS, PERSONAS, TEAM_ROLES, Case, World, cases

# Every app's pages are checked; Django's admin and the API (its own token tests) are not pages of the matrix.
UNCHECKED_NAMESPACES = ("admin", "api")

# URL names deliberately left out of the matrix, each with its reason.
EXCLUDED = {
    "accounts:password_reset_confirm": (
        "needs the one-time token from the reset e-mail; open to everyone by design (the token is the "
        "credential), and Django's own tests cover the token check"
    ),
}


def matrix_modules() -> dict[str, ModuleType]:
    """Every module of the matrix: tests/access/test_<namespace>.py, or test_<namespace>__<part>.py when a
    namespace's pages are many and built by different people."""
    here = Path(__file__).parent
    names = sorted(path.stem for path in here.glob("test_*.py") if path.stem != "test_complete")
    return {name.removeprefix("test_"): importlib.import_module(f"{__package__}.{name}") for name in names}


MODULES = matrix_modules()
PAGES = [page for module in MODULES.values() for page in module.PAGES]
CASES: list[Case] = [case for module in MODULES.values() for case in cases(module.PAGES)]


def _url_names(patterns: list[Any], namespace: str) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}"
        elif isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)


def urlconf_names() -> set[str]:
    names: set[str] = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace not in (None, *UNCHECKED_NAMESPACES):
            names |= set(_url_names(pattern.url_patterns, pattern.namespace))
    return names


def test_every_page_is_in_the_matrix() -> None:
    names = urlconf_names()
    in_matrix = {page.name for page in PAGES}
    missing = names - in_matrix - set(EXCLUDED)
    assert not missing, f"add these pages to PAGES in tests/access/test_<namespace>.py: {sorted(missing)}"
    stale = (in_matrix | set(EXCLUDED)) - names
    assert not stale, f"no longer in the urlconf: {sorted(stale)}"
    assert not in_matrix & set(EXCLUDED)


def test_every_page_has_one_row_in_its_namespace_module() -> None:
    twice = [name for name, count in Counter(page.name for page in PAGES).items() if count > 1]
    assert not twice, f"pages with more than one row: {twice}"
    checked = {
        pattern.namespace for pattern in get_resolver().url_patterns if isinstance(pattern, URLResolver)
    }
    checked -= {None, *UNCHECKED_NAMESPACES}
    assert {_namespace(name) for name in MODULES} == checked, "a module per checked namespace, and no other"
    for name, module in MODULES.items():
        namespace = _namespace(name)
        elsewhere = [page.name for page in module.PAGES if page.name.split(":")[0] != namespace]
        assert not elsewhere, f"{module.__name__} has rows of another namespace: {elsewhere}"


def _namespace(module_name: str) -> str:
    return module_name.split("__")[0]


def test_team_roles_match_the_fixtures(world: World) -> None:
    """Expectations come from TEAM_ROLES at collection time; it must describe the world's teams."""
    usernames = {getattr(world.personas, persona).username: persona for persona in PERSONAS[1:]}
    for team, job in world.jobs.items():
        actual = {usernames[m.user.username]: m.role for m in job.team.select_related("user")}
        assert actual == TEAM_ROLES[team], team


def test_every_known_bug_names_a_case_of_the_matrix() -> None:
    assert set(KNOWN_PRODUCT_BUGS) <= {case.id for case in CASES}


def test_the_matrix_allows_and_refuses_something_to_everyone() -> None:
    # Guards against a policy typo that would allow (or refuse) everything: a matrix that cannot fail.
    for persona in PERSONAS:
        outcomes = {case.expected for case in CASES if case.persona == persona}
        assert ALLOWED in outcomes and len(outcomes) > 1, persona
