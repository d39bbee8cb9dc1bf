import pytest
import time_machine

from tests.offers.factories import TODAY


@pytest.fixture(autouse=True)
def frozen_today():
    """Offers are about dates (start in the past, expiry, the minimum wage in force): one fixed today."""
    with time_machine.travel(f"{TODAY.isoformat()} 03:00:00+00:00", tick=False):
        yield
