"""Access matrix, accounts: signing in and out, preferences, password reset, and who may see specific data
(HR admins)."""

import pytest

from tests.access.matrix import Case, Page, World, access_check, anyone, hr_admin_only, params

PAGES: tuple[Page, ...] = (
    Page("accounts:login", anyone, login_required=False, success=("desk:my_work",)),
    Page("accounts:logout", anyone, method="post", login_required=False, success=("accounts:login",)),
    Page("accounts:preferences", anyone),
    Page("accounts:specific_data", hr_admin_only),
    Page("accounts:password_reset", anyone, login_required=False),
    Page("accounts:password_reset_done", anyone, login_required=False),
    Page("accounts:password_reset_complete", anyone, login_required=False),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
