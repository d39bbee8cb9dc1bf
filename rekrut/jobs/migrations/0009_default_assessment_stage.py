"""The company's default pipeline gains an assessment stage (psikotes, skills tests, case studies) between
CV screening and the HR interview (issue 11). Only the template changes: jobs already created keep the
stages they have, and HR adds the stage to one of them on its stages page like any other."""

from django.db import migrations

NAME_ID, NAME_EN, KIND = "Tes & asesmen", "Tests and assessments", "assessment"


def add(apps, schema_editor):
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    if StageTemplate.objects.filter(kind=KIND).exists():
        return
    screening = StageTemplate.objects.filter(kind="screening").order_by("position").last()
    # An install whose template has no screening stage gets the new stage after the first one.
    after = screening.position if screening else 1
    # From the end backwards, so no two rows ever share a position on the way.
    for row in StageTemplate.objects.filter(position__gt=after).order_by("-position"):
        row.position += 1
        row.save(update_fields=["position"])
    StageTemplate.objects.create(
        position=after + 1,
        name_id=NAME_ID,
        name_en=NAME_EN,
        kind=KIND,
        # Optional: a job without tests switches it off; on by default, as most Indonesian employers test.
        is_optional=True,
        enabled_by_default=True,
        enabled_for_managerial=True,
    )


def remove(apps, schema_editor):
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    for row in StageTemplate.objects.filter(kind=KIND):
        position = row.position
        row.delete()
        for later in StageTemplate.objects.filter(position__gt=position).order_by("position"):
            later.position -= 1
            later.save(update_fields=["position"])


class Migration(migrations.Migration):
    dependencies = [("jobs", "0008_stage_kind_assessment")]
    operations = [migrations.RunPython(add, remove)]
