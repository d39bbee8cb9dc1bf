import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interviews", "0006_interview_calendar_uids_fill")]

    operations = [
        migrations.AlterField(
            model_name="interview",
            name="calendar_uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="calendar UID"
            ),
        ),
    ]
