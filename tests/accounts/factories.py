"""factory_boy factories for accounts: users, and the HR admin that set-up helpers act as."""

import factory

from rekrut.accounts.models import Role, User

PASSWORD = "correct-horse-battery"


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


def factory_hr_admin() -> User:
    """The HR admin that job_make and application_make act as when a test names no actor."""
    return UserFactory(username="factory-hr-admin", role=Role.HR_ADMIN)
