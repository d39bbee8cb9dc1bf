"""The audit log: one row per act, written in the act's transaction, never edited or deleted."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import transaction

from rekrut.core.errors import ImmutableRow
from rekrut.core.http import client_ip_set
from rekrut.events.models import AuditEvent
from rekrut.events.services import audit_diff, audit_record, audit_snapshot, audit_value
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


class Boom(Exception):
    pass


def test_a_row_keeps_who_what_about_what_when_and_from_where(personas):
    candidate = CandidateFactory(full_name="Putri Maharani")
    with time_machine.travel(NOW, tick=False):
        event = audit_record(
            actor=personas.recruiter, action="cv.viewed", subject=candidate, ip="203.0.113.9"
        )
    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor, event.action, event.subject, event.subject_label, event.at, event.ip) == (
        personas.recruiter,
        "cv.viewed",
        candidate,
        "Putri Maharani",
        NOW,
        "203.0.113.9",
    )
    assert event.changes == {}


def test_the_row_is_rolled_back_with_the_act_it_records(personas):
    candidate = CandidateFactory()
    with pytest.raises(Boom), transaction.atomic():
        audit_record(actor=personas.recruiter, action="cv.downloaded", subject=candidate)
        raise Boom
    assert not AuditEvent.objects.exists()


def test_rows_are_never_edited_or_deleted(personas):
    event = audit_record(actor=personas.recruiter, action="cv.viewed", subject=CandidateFactory())
    event.action = "cv.downloaded"
    with pytest.raises(ImmutableRow):
        event.save()
    with pytest.raises(ImmutableRow):
        event.delete()
    with pytest.raises(ImmutableRow):
        AuditEvent.objects.update(action="cv.downloaded")
    with pytest.raises(ImmutableRow):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get().action == "cv.viewed"


def test_an_unknown_action_code_is_a_programming_error(personas):
    with pytest.raises(ValueError, match=r"cv\.vieved"):
        audit_record(actor=personas.recruiter, action="cv.vieved", subject=CandidateFactory())


def test_without_an_ip_the_served_requests_address_is_used(personas):
    candidate = CandidateFactory()
    with client_ip_set("198.51.100.20"):
        served = audit_record(actor=personas.recruiter, action="cv.viewed", subject=candidate)
    outside = audit_record(actor=None, action="cv.viewed", subject=candidate)
    assert (served.ip, outside.ip, outside.actor) == ("198.51.100.20", None, None)


def test_values_are_kept_as_json_with_objects_named_as_they_were(personas, team_a_job):
    department = team_a_job.department
    assert audit_value(department) == {"id": department.pk, "label": str(department)}
    assert audit_value(NOW) == str(NOW)
    snapshot = audit_snapshot(team_a_job, ["title", "department", "headcount", "salary_min"])
    assert snapshot["title"] == "Customer Service Officer"
    assert audit_diff(snapshot, {**snapshot, "headcount": 3}) == {
        "headcount": {"before": snapshot["headcount"], "after": 3}
    }
    assert audit_diff(snapshot, dict(snapshot)) == {}
