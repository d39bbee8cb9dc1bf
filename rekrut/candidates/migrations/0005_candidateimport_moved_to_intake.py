# CandidateImport now belongs to the intake app (intake 0001). Only the model state leaves this app;
# the table stays, and intake's model uses it under its old name.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0004_candidateimport_row_numbers"),
        ("intake", "0001_candidateimport_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CandidateImport")],
            database_operations=[],
        ),
    ]
