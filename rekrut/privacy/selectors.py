"""Reads for the privacy pages: the HR queue with its 3×24-hour clock, a candidate's requests, and who
viewed a candidate's record and files (the audit log, HR admins only)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.events.models import AuditEvent
from rekrut.events.selectors import may_read_audit_log
from rekrut.privacy.models import DataRequest, RequestStatus

# Acts on a candidate's record that show or hand out their personal data (UU PDP Ps 31: a record of
# processing); written by the desk's candidate page and CV download, by this app, and by the portal when the
# candidate signs in.
VIEW_ACTIONS = (
    "candidate.viewed",
    "cv.viewed",
    "cv.downloaded",
    "candidate.resume_exported",
    "candidate.signed_in",
)
# The queue warns this long before a request's deadline.
DUE_SOON = timedelta(hours=24)
ACCESS_LOG_SHOWN = 200


@dataclass(frozen=True)
class QueuedRequest:
    request: DataRequest
    now: datetime

    @property
    def overdue(self) -> bool:
        return self.request.status == RequestStatus.OPEN and self.request.due_at < self.now

    @property
    def due_soon(self) -> bool:
        return not self.overdue and self.request.due_at - self.now < DUE_SOON

    @property
    def hours_left(self) -> int:
        """Whole hours until the deadline; negative once it has passed."""
        seconds = (self.request.due_at - self.now).total_seconds()
        return int(seconds // 3600) if seconds >= 0 else -int(-seconds // 3600)

    @property
    def hours_late(self) -> int:
        return max(-self.hours_left, 0)


def may_handle_requests(user: User) -> bool:
    return bool(user.is_authenticated and user.is_hr_admin)


def requests_queue(*, user: User, answered: bool = False) -> list[QueuedRequest]:
    """Open requests, the nearest deadline first (overdue ones at the top); or the latest answered."""
    if not may_handle_requests(user):
        return []
    now = timezone.now()
    requests = DataRequest.objects.select_related("candidate", "answered_by")
    if answered:
        requests = requests.exclude(status=RequestStatus.OPEN).order_by("-answered_at")[:50]
    else:
        requests = requests.filter(status=RequestStatus.OPEN).order_by("due_at", "pk")
    return [QueuedRequest(request=request, now=now) for request in requests]


def requests_open_count(*, user: User) -> int:
    return DataRequest.objects.filter(status=RequestStatus.OPEN).count() if may_handle_requests(user) else 0


def candidate_requests(candidate: Candidate) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(candidate=candidate).order_by("-created_at", "-pk")


def candidate_access_log(*, user: User, candidate: Candidate) -> QuerySet[AuditEvent]:
    """Who viewed or downloaded the candidate's record and files, newest first; nothing for anyone but an
    HR admin."""
    if not may_read_audit_log(user):
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(
        subject_type=ContentType.objects.get_for_model(Candidate),
        subject_id=candidate.pk,
        action__in=VIEW_ACTIONS,
    ).select_related("actor")[:ACCESS_LOG_SHOWN]
