"""The language of every message a candidate receives. On SQLite, adding a column rebuilds
candidates_candidate, which the search view, index and triggers of 0007 read: they are dropped first and
made again after (see the caution in 0007)."""

import importlib

from django.db import migrations, models

search_0007 = importlib.import_module("rekrut.candidates.migrations.0007_candidate_search_folded")

SQLITE_DROP = [*search_0007.SQLITE_DROP_0003, "DROP VIEW IF EXISTS candidate_search_source"]


def search_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


def search_make(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        search_0007.search_fold(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0008_candidate_links_https")]

    operations = [
        migrations.RunPython(search_drop, search_make),
        migrations.AddField(
            model_name="candidate",
            name="language",
            field=models.CharField(
                choices=[("id", "Bahasa Indonesia"), ("en", "English")],
                default="id",
                max_length=8,
                verbose_name="language for messages",
            ),
        ),
        migrations.RunPython(search_make, search_drop),
    ]
