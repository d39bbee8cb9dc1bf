"""Jobs already open before the careers site count as posted on the day they were created."""

from django.db import migrations
from django.db.models import F


def backfill(apps, schema_editor):
    Job = apps.get_model("jobs", "Job")
    Job.objects.filter(status="open", published_at__isnull=True).update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("jobs", "0006_careers_site")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
