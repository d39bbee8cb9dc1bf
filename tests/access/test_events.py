"""Access matrix, events: the audit log is for HR admins only."""

import pytest

from tests.access.matrix import Case, Page, World, access_check, hr_admin_only, params

PAGES: tuple[Page, ...] = (Page("events:log", hr_admin_only),)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
