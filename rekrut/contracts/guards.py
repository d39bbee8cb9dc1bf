"""The exit rule of the contract stage, answered for pipeline's `exit_blockers` hook.

Registered in ContractsConfig.ready(). Leaving the contract stage forward needs the current contract signed
by both the candidate and the company (UU 13/2003 Ps 54(1)(i), rule C5: a contract is made by both
signatures). HR may override it with a reason, as every exit rule. Two queries for a whole board.
"""

from django.utils.translation import gettext_lazy as _

from rekrut.contracts.models import Contract, ContractStatus
from rekrut.jobs.models import Job, StageKind
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application

NO_CONTRACT = "contract_missing"
NOT_SIGNED = "contract_not_signed"

MESSAGES = {
    NO_CONTRACT: _("No contract has been generated yet: generate it from the accepted offer."),
    NOT_SIGNED: _("The contract is not signed by both the candidate and the company yet."),
}


def contract_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    """Per application id in a contract stage, why it cannot leave it forward yet (only blocked ones)."""
    if not applications:
        return {}
    in_stage = list(
        Application.objects.filter(
            pk__in=[a.pk for a in applications], stage__kind=StageKind.CONTRACT
        ).values_list("pk", flat=True)
    )
    if not in_stage:
        return {}
    statuses = dict(
        Contract.objects.filter(application_id__in=in_stage)
        .exclude(status=ContractStatus.SUPERSEDED)
        .values_list("application_id", "status")
    )
    result: dict[int, list[Blocker]] = {}
    for application_id in in_stage:
        status = statuses.get(application_id)
        if status is None:
            result[application_id] = [Blocker(NO_CONTRACT, MESSAGES[NO_CONTRACT])]
        elif status != ContractStatus.SIGNED:
            result[application_id] = [Blocker(NOT_SIGNED, MESSAGES[NOT_SIGNED])]
    return result
