# CandidateImport moves here from the candidates app. Only Django's idea of the model moves: the table
# (candidates_candidateimport) and its rows stay where they are, so no data is copied or lost.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("candidates", "0004_candidateimport_row_numbers"),
        ("jobs", "0002_default_stage_templates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CandidateImport",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("file_name", models.CharField(max_length=200)),
                        ("source", models.CharField(choices=[("careers_page", "Careers page"), ("job_board", "Job board (Jobstreet, Glints, Kalibrr, ...)"), ("linkedin", "LinkedIn"), ("referral", "Employee referral"), ("campus", "Campus / job fair"), ("agency", "Agency"), ("import", "Bulk import"), ("other", "Other")], default="import", max_length=20)),
                        ("headers", models.JSONField(default=list)),
                        ("rows", models.JSONField(default=list)),
                        ("mapping", models.JSONField(default=dict)),
                        ("status", models.CharField(choices=[("mapping", "Waiting for column mapping"), ("queued", "Queued"), ("running", "Importing"), ("done", "Imported"), ("failed", "Failed; nothing was imported")], default="mapping", max_length=20)),
                        ("processed", models.PositiveIntegerField(default=0)),
                        ("imported", models.PositiveIntegerField(default=0)),
                        ("errors", models.JSONField(default=list, help_text="[{row, field, message}]")),
                        ("language", models.CharField(default="id", max_length=10)),
                        ("row_count", models.PositiveIntegerField(default=0)),
                        ("row_numbers", models.JSONField(default=list)),
                        ("created_by", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("job", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="jobs.job")),
                    ],
                    options={
                        "db_table": "candidates_candidateimport",
                        "verbose_name": "candidate import",
                        "verbose_name_plural": "candidate imports",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
