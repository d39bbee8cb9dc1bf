"""Twenty people pressing at once get one booking: on SQLite and on PostgreSQL (CI runs both).

Each thread has its own database connection and transaction, as gunicorn's workers would, so this tests
the database's answer to the conditional UPDATE and the row locks, not Python's."""

import threading
from collections import Counter

import pytest
from django.db import connection

from rekrut.interviews.models import Interview
from rekrut.scheduling.models import Slot
from rekrut.scheduling.services.booking import SlotTaken, slot_book
from tests.conftest import personas_make, team_a_job_make
from tests.pipeline.factories import application_make
from tests.scheduling.factories import free_starts, offer_make

PEOPLE = 20


def _all_at_once(attempts: list) -> Counter:
    """Runs every attempt in its own thread, released together; counts what each ended with."""
    outcomes: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(len(attempts))

    def run(attempt) -> None:
        try:
            start.wait()
            result = attempt()
            outcome = "booked" if result[1] is not None else "already_booked"
        except SlotTaken:
            outcome = "taken"
        except Exception as error:  # any other failure is counted, and shown by the assertion
            outcome = f"error: {error!r}"
        finally:
            connection.close()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=run, args=(attempt,)) for attempt in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_presses_on_one_slot_make_one_booking():
    personas = personas_make()
    job = team_a_job_make(personas)
    application = application_make(job=job, full_name="Putri Maharani", email="putri@example.com")
    offer, _link = offer_make(
        application=application, actor=personas.recruiter, interviewers=[personas.hiring_manager], count=1
    )
    slot = offer.slots.get()

    outcomes = _all_at_once([lambda: slot_book(offer=offer, slot_id=slot.pk)] * PEOPLE)

    assert outcomes == Counter({"booked": 1, "already_booked": PEOPLE - 1}), outcomes
    assert not any(key.startswith("error") for key in outcomes), outcomes
    assert Interview.objects.filter(application=application).count() == 1
    assert Slot.objects.filter(pk=slot.pk, taken_at__isnull=False).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_candidates_offered_the_same_hour_of_one_interviewer_get_one_booking():
    personas = personas_make()
    job = team_a_job_make(personas)
    interviewer = personas.hiring_manager
    starts = free_starts(interviewers=[interviewer], job=job, count=1)
    offers = []
    for n in range(PEOPLE):
        candidate_app = application_make(job=job, full_name=f"Pelamar {n}", email=f"pelamar{n}@example.com")
        offer, _link = offer_make(
            application=candidate_app, actor=personas.recruiter, interviewers=[interviewer], starts=starts
        )
        offers.append((offer, offer.slots.get().pk))

    outcomes = _all_at_once([lambda o=o, s=s: slot_book(offer=o, slot_id=s) for o, s in offers])

    assert outcomes == Counter({"booked": 1, "taken": PEOPLE - 1}), outcomes
    assert Interview.objects.filter(interviewers=interviewer, starts_at=starts[0]).count() == 1
