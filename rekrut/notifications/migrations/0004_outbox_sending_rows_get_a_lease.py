from django.db import migrations
from django.utils import timezone


def lease_from_now(apps, schema_editor):
    """Rows left "sending" before leases existed have no claimed_at, so no lease would ever end for them;
    start one now, and the sweep sends them once it is over (the Message-ID lets receivers drop a copy)."""
    OutboxMessage = apps.get_model("notifications", "OutboxMessage")
    OutboxMessage.objects.filter(status="sending", claimed_at__isnull=True).update(claimed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_outbox_channels_leases_heartbeat"),
    ]

    operations = [
        migrations.RunPython(lease_from_now, migrations.RunPython.noop),
    ]
