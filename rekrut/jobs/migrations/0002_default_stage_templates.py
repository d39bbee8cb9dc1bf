from django.db import migrations

# PRODUCT.md's default pipeline. The superior interview is optional and off by default; the director
# interview is optional, off by default and on for managerial/strategic jobs.
STAGES = [
    ("Lamaran masuk", "Applied", "applied", False, True, True),
    ("Screening CV", "CV screening", "screening", False, True, True),
    ("Interview HR", "HR interview", "hr_interview", False, True, True),
    ("Interview user", "User interview", "user_interview", False, True, True),
    ("Evaluasi internal", "Internal evaluation", "evaluation", False, True, True),
    ("Interview atasan user", "Superior interview", "other_interview", True, True, True),
    ("Interview direksi", "Director interview", "other_interview", True, False, True),
    ("Medical check-up", "Medical check-up", "medical", False, True, True),
    ("Offering letter", "Offer", "offer", False, True, True),
    ("Kontrak", "Contract", "contract", False, True, True),
    ("Onboarding", "Onboarding / hired", "onboarding", False, True, True),
]


def create(apps, schema_editor):
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    for position, (name_id, name_en, kind, optional, on, on_managerial) in enumerate(STAGES, start=1):
        StageTemplate.objects.create(
            position=position, name_id=name_id, name_en=name_en, kind=kind, is_optional=optional,
            enabled_by_default=on, enabled_for_managerial=on_managerial,
        )


def remove(apps, schema_editor):
    apps.get_model("jobs", "StageTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
