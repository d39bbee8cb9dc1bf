"""Which database connection a read uses, and the worker's queues: names several apps agree on."""

from django.conf import settings

# Bulk work (candidate imports, 20,000 rows) waits on its own queue, so invitations and sign-in links on
# "default" are never stuck behind it (`rekrut worker --queue default`).
DEFAULT_QUEUE = "default"
BULK_QUEUE = "bulk"


def reports_database() -> str:
    """The alias reports read from: "replica" when DATABASE_REPLICA_URL is set, else "default".

    Only for reads that may be a little behind (counts, funnels, time to hire): a replica applies writes
    a moment later. Everything else reads "default", which is why there is no database router.
    """
    return "replica" if "replica" in settings.DATABASES else "default"
