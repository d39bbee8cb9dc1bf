"""Where higher apps take part in changes to a job's pipeline (see rekrut.core.hooks)."""

from rekrut.core.hooks import Hook
from rekrut.jobs.models import Job, Stage

# Before stages in use are switched off: a receiver raises DomainError to refuse (the pipeline refuses while
# a stage still holds active applications).
stages_switching_off: Hook[[Job, list[Stage]], None] = Hook(
    "stages_switching_off", "Called with the job and the stages about to be switched off; may refuse."
)

# After a job is created or its stages changed, in the same transaction (interviews give every interview
# stage its round), so nothing needs to be created later on a GET.
job_stages_changed: Hook[[Job], None] = Hook(
    "job_stages_changed", "Called with the job after it was created or its stages were changed."
)

# How many of the job's applications ended in a hire, for the job page's "1 of 2 hired" against the headcount:
# the pipeline answers, so the jobs app reads no applications.
job_hired_count: Hook[[Job], int] = Hook(
    "job_hired_count", "Called with the job; returns how many of its applications were hired."
)
