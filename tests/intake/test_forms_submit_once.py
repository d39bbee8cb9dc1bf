"""Adding a candidate twice by a double click (or a browser resending the form) adds one person."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from rekrut.candidates.models import Candidate


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_identical_add_posts_add_one_candidate(personas):
    client = Client()
    client.force_login(personas.hr_admin)
    page = client.get(reverse("intake:add")).content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    data = {"idempotency_key": key, "full_name": "Putri Anggraini", "source": "other"}
    start = threading.Barrier(10)
    statuses: list[int] = []

    def post() -> None:
        try:
            start.wait()
            statuses.append(client.post(reverse("intake:add"), data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [302] * 10
    assert Candidate.objects.filter(full_name="Putri Anggraini").count() == 1
