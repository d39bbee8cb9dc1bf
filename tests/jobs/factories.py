"""factory_boy factories for jobs; a job is made through the real service, so its rules apply."""

import factory

from rekrut.accounts.models import User
from rekrut.jobs.models import Department, JobStatus, Location
from rekrut.jobs.services import TeamSpec, job_create
from tests.accounts.factories import factory_hr_admin


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
    return job_create(
        actor=factory_hr_admin(),
        team=TeamSpec(
            hr_owner=hr_owner, user=user, interviewers=interviewers, director=director, superior=superior
        ),
        title=title,
        is_managerial=managerial,
        status=status,
        **fields,
    )
