"""Onboarding for the demo company: the application whose contract is signed by both (still at the contract
stage) and the first hired one get their checklist, due dates from the accepted offer's start date. Through
the services; a second run changes nothing."""

from rekrut.accounts.models import User
from rekrut.contracts.models import Contract, ContractStatus
from rekrut.jobs.models import HiringTeamMember, TeamRole
from rekrut.onboarding.models import Onboarding
from rekrut.onboarding.services import onboarding_start
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


def onboarding_demo_make(users: dict[str, User]) -> int:
    """Returns how many checklists were started now."""
    signed = Contract.objects.filter(status=ContractStatus.SIGNED).values("application_id")
    waiting = Application.objects.exclude(pk__in=Onboarding.objects.values("application_id"))
    chosen = [
        *waiting.filter(status=ApplicationStatus.ACTIVE, pk__in=signed).order_by("pk")[:1],
        *waiting.filter(status=ApplicationStatus.HIRED).order_by("pk")[:1],
    ]
    for application in chosen:
        owner = HiringTeamMember.objects.filter(job=application.job, role=TeamRole.HR_OWNER).first()
        onboarding_start(actor=owner.user if owner else users["sari"], application=application)
    return len(chosen)
