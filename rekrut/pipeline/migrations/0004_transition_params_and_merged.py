from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pipeline", "0003_transition_override_and_move_back"),
    ]

    operations = [
        migrations.AddField(
            model_name="transition",
            name="params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AlterField(
            model_name="transition",
            name="kind",
            field=models.CharField(
                choices=[
                    ("applied", "Applied"),
                    ("moved", "Moved"),
                    ("moved_back", "Moved back"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                    ("reopened", "Reopened"),
                    ("hired", "Hired"),
                    ("merged", "Moved over from a merged duplicate record"),
                ],
                max_length=20,
            ),
        ),
    ]
