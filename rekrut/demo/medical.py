"""Medical check-ups for the demo company: two clinics, and for the applications waiting in an MCU stage,
the first with an appointment three days ahead (invitation sent) and the second with its result recorded
(fit, no health details: the demo grants nobody the health-data permission). Through the services; a
second run changes nothing. Call `medical_demo(users)` after `interviews_demo_build()` (the lead wires it
into the `demo` command)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.jobs.models import StageKind
from rekrut.medical.models import Conclusion, MedicalCheck, Package, Provider
from rekrut.medical.services import medical_check_plan, medical_invite, medical_result_record
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

CLINICS = [
    ("Klinik Prodia Kramat", "Jl. Kramat Raya No. 150", "Jakarta Pusat", "+62213144182"),
    ("RS Siloam Makassar", "Jl. Metro Tanjung Bunga Kav. 3-5", "Makassar", "+624118110911"),
]


def _at_eight(days_from_now: int, zone: str) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_now)
    return datetime.combine(day, time(8, 0), tzinfo=ZoneInfo(zone))


def _clinic() -> tuple[Provider, Package | None]:
    for name, address, city, phone in CLINICS:
        Provider.objects.get_or_create(name=name, defaults={"address": address, "city": city, "phone": phone})
    provider = Provider.objects.get(name=CLINICS[0][0])
    return provider, Package.objects.filter(is_active=True).order_by("name").first()


def medical_passed(*, application: Application, actor: User) -> None:
    """An application that went past its MCU stage in the demo had its check-up a few days before, fit: the
    MCU stage's exit rule holds for the demo as for everyone."""
    if MedicalCheck.objects.filter(application=application, conclusion=Conclusion.FIT).exists():
        return
    provider, package = _clinic()
    assert package is not None, "the medical app's migration seeds the packages"
    zone = application.job.location.time_zone
    check = medical_check_plan(
        actor=actor,
        application=application,
        provider=provider,
        package=package,
        scheduled_at=_at_eight(-4, zone),
        allow_past=True,
    )
    medical_result_record(actor=actor, check=check, conclusion=Conclusion.FIT, expected_version=check.version)


def medical_demo(users: dict[str, User]) -> int:
    """Returns how many applications got a check-up now (0 on a second run)."""
    hr = users["sari"]
    provider, package = _clinic()
    if package is None:
        return 0
    waiting = (
        Application.objects.filter(status=ApplicationStatus.ACTIVE, stage__kind=StageKind.MEDICAL)
        .exclude(pk__in=MedicalCheck.objects.values("application_id"))
        .select_related("job__location", "candidate")
        .order_by("pk")[:2]
    )
    made = 0
    for index, application in enumerate(waiting):
        zone = application.job.location.time_zone
        when = _at_eight(3 if index == 0 else -2, zone)
        check = medical_check_plan(
            actor=hr,
            application=application,
            provider=provider,
            package=package,
            scheduled_at=when,
            allow_past=True,
        )
        if index == 0 and application.candidate.email:
            medical_invite(actor=hr, check=check, expected_version=check.version)
        elif index == 1:
            medical_result_record(
                actor=hr, check=check, conclusion=Conclusion.FIT, expected_version=check.version
            )
        made += 1
    return made
