from django.db import migrations

REASONS = [
    ("Kualifikasi tidak sesuai persyaratan", "Qualifications do not meet the requirements"),
    ("Pengalaman kurang relevan", "Experience not relevant enough"),
    ("Tidak lolos interview HR", "Did not pass the HR interview"),
    ("Kemampuan teknis belum sesuai", "Technical skills not at the required level"),
    ("Ekspektasi gaji tidak sesuai", "Salary expectation does not fit"),
    ("Tidak hadir interview", "Did not attend the interview"),
    ("Hasil medical check-up", "Medical check-up result"),
    ("Menolak penawaran", "Declined the offer"),
    ("Posisi sudah terisi", "Position already filled"),
    ("Lainnya", "Other"),
]


def create(apps, schema_editor):
    RejectReason = apps.get_model("pipeline", "RejectReason")
    for position, (name_id, name_en) in enumerate(REASONS, start=1):
        RejectReason.objects.create(position=position, name_id=name_id, name_en=name_en)


def remove(apps, schema_editor):
    apps.get_model("pipeline", "RejectReason").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pipeline", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
