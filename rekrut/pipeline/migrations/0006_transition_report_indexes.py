from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pipeline", "0005_settings_names_in_indonesian")]

    operations = [
        migrations.AddIndex(
            model_name="transition", index=models.Index(fields=["kind", "at"], name="transition_kind_at")
        ),
        migrations.AddIndex(
            model_name="transition",
            index=models.Index(fields=["application", "at"], name="transition_history"),
        ),
    ]
