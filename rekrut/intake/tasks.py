from django_tasks import task

from rekrut.core.db import BULK_QUEUE
from rekrut.intake.importing import import_read, import_run


@task(queue_name=BULK_QUEUE)
def candidate_import_read(import_id: int) -> str:
    """Reads an uploaded table in the worker, outside any transaction; returns the import's status."""
    return import_read(import_id=import_id).status


@task(queue_name=BULK_QUEUE)
def candidate_import_run(import_id: int) -> str:
    """Runs a confirmed bulk import in the worker; returns the import's final status."""
    return import_run(import_id=import_id).status
