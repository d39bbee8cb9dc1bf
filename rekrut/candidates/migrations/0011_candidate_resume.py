"""The candidate's résumé as a JSON Resume document. On SQLite, adding a column rebuilds
candidates_candidate, which the search view, index and triggers of 0007 read: they are dropped first and
made again after (as in 0009)."""

import importlib

from django.db import migrations, models

search_0009 = importlib.import_module("rekrut.candidates.migrations.0009_candidate_language")


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0010_consent"),
    ]

    operations = [
        migrations.RunPython(search_0009.search_drop, search_0009.search_make),
        migrations.AddField(
            model_name="candidate",
            name="resume",
            field=models.JSONField(blank=True, default=dict, verbose_name="résumé (JSON Resume)"),
        ),
        migrations.RunPython(search_0009.search_make, search_0009.search_drop),
    ]
