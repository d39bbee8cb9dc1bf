import uuid

from django.db import migrations


def uids_fill(apps, schema_editor):
    """A random UID for every existing interview. Invitations already sent carried `interview-<pk>@rekrut`;
    their next update or cancellation arrives with the new UID, so calendars show it as a new event beside
    the old one: unavoidable once, and the reason the old UID (repeated across databases) had to go."""
    Interview = apps.get_model("interviews", "Interview")
    rows = list(Interview.objects.filter(calendar_uid__isnull=True).only("pk"))
    for row in rows:
        row.calendar_uid = uuid.uuid4()
    Interview.objects.bulk_update(rows, ["calendar_uid"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("interviews", "0005_interview_calendar_fields")]

    operations = [migrations.RunPython(uids_fill, migrations.RunPython.noop)]
