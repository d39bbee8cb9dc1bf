import pytest

from rekrut.accounts.demo_install import demo_install_forget


@pytest.fixture(autouse=True)
def demo_mark_forgotten(settings):
    """The demo may only go into the embedded database; tests run on PostgreSQL too, where DATABASE_URL is
    set, so these tests say which kind they mean. The process remembers the demo mark for the banner;
    it is forgotten after each test, whose rows are rolled back."""
    settings.EMBEDDED_DATABASE = True
    settings.DEMO_SWITCH = "auto"
    yield
    demo_install_forget()
