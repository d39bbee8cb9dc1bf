"""The superior and director interviews get their own stage kinds, so no code reads stage names any more.

Until now both were of kind other_interview and told apart by their names (interviews.services.plans
guessed "direk"/"atasan"). This one-off step reads the names once, with the same words that guess used, so
every stage keeps the round type its interview plan already has; from here on only the kind counts.
"""

from django.db import migrations

SUPERIOR, DIRECTOR, OTHER = "superior_interview", "director_interview", "other_interview"


def kind_from_name(name_id, name_en):
    name = f"{name_id} {name_en}".lower()
    if "direk" in name or "director" in name:
        return DIRECTOR
    if "atasan" in name or "superior" in name or "head" in name:
        return SUPERIOR
    return OTHER


def forward(apps, schema_editor):
    for model in ("StageTemplate", "Stage"):
        rows = apps.get_model("jobs", model).objects.filter(kind=OTHER)
        for row in rows.only("pk", "name_id", "name_en", "kind"):
            kind = kind_from_name(row.name_id, row.name_en)
            if kind != OTHER:
                row.kind = kind
                row.save(update_fields=["kind"])


def backward(apps, schema_editor):
    for model in ("StageTemplate", "Stage"):
        apps.get_model("jobs", model).objects.filter(kind__in=[SUPERIOR, DIRECTOR]).update(kind=OTHER)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_stage_kinds_superior_director")]
    operations = [migrations.RunPython(forward, backward)]
