"""factory_boy factories for Rekrut's models; build data through services where rules matter."""

import factory
from django.utils import timezone

from rekrut.accounts.models import Role, User
from rekrut.candidates.models import Candidate
from rekrut.jobs.models import Department, JobStatus, Location
from rekrut.jobs.services import TeamSpec, job_create
from rekrut.pipeline import services as pipeline_services

PASSWORD = "correct-horse-battery"
# Why application_make may carry an application past a stage's exit rules: the test starts there.
SET_UP_OVERRIDE = "Test set-up: the application starts in a later stage."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.co.id")
    role = Role.INTERVIEWER
    password = factory.django.Password(PASSWORD)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Departemen {n}")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ("name",)

    name = "Kantor Pusat Jakarta"
    city = "Jakarta Selatan"
    time_zone = "Asia/Jakarta"


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    full_name = factory.Sequence(lambda n: f"Kandidat {n}")
    email = factory.Sequence(lambda n: f"kandidat{n}@example.com")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    city = "Bandung"
    cv_text = "Pengalaman sebagai staf layanan pelanggan. Keahlian: Excel, komunikasi."


def job_make(
    *,
    hr_owner: User,
    user: User | None = None,
    title: str = "Customer Service Officer",
    managerial: bool = False,
    interviewers: tuple[User, ...] = (),
    director: User | None = None,
    superior: User | None = None,
    status: str = JobStatus.OPEN,
    **fields: object,
):
    """A job through the real service, so it gets the default pipeline and its hiring team."""
    fields.setdefault("department", DepartmentFactory())
    fields.setdefault("location", LocationFactory())
    admin = UserFactory(username="factory-hr-admin", role=Role.HR_ADMIN)
    return job_create(
        actor=admin,
        team=TeamSpec(
            hr_owner=hr_owner, user=user, interviewers=interviewers, director=director, superior=superior
        ),
        title=title,
        is_managerial=managerial,
        status=status,
        **fields,
    )


def application_make(
    *,
    job,
    actor: User | None = None,
    candidate: Candidate | None = None,
    stage_kind: str = "",
    **candidate_fields: object,
):
    """An application, moved stage by stage (through the service) until it reaches `stage_kind`.

    The stages it passes have exit rules (scorecards, the HR gate, the evaluation's decision) that a test's
    starting point has not met: the moves override them with a reason, as HR may, so `actor` must be HR.
    """
    actor = actor or UserFactory(username="factory-hr-admin", role=Role.HR_ADMIN)
    candidate = candidate or CandidateFactory(**candidate_fields)
    application = pipeline_services.application_create(actor=actor, candidate=candidate, job=job)
    if stage_kind:
        for stage in job.stages.filter(is_active=True).order_by("position")[1:]:
            if application.stage.kind == stage_kind:
                break
            if stage.is_optional and stage.kind != stage_kind:
                continue
            application = pipeline_services.application_move(
                application=application,
                to_stage=stage,
                actor=actor,
                expected_version=None,
                override=True,
                override_reason=SET_UP_OVERRIDE,
            )
    return application


def now():
    return timezone.now()
