from django.db import migrations, models


class Migration(migrations.Migration):
    """The invitation's UID and SEQUENCE. The UID is nullable here; 0006 gives existing rows one and 0007
    makes it required and unique (schema and data steps apart)."""

    dependencies = [("interviews", "0004_settings_names_in_indonesian")]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="calendar_sequence",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="calendar sequence"),
        ),
        migrations.AddField(
            model_name="interview",
            name="calendar_uid",
            field=models.UUIDField(editable=False, null=True, verbose_name="calendar UID"),
        ),
    ]
