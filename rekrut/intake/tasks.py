from django_tasks import task

from rekrut.intake.importing import import_run


@task()
def candidate_import_run(import_id: int) -> str:
    """Runs a confirmed bulk import in the worker; returns the import's final status."""
    return import_run(import_id=import_id).status
