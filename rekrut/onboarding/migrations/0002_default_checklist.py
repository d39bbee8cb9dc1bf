from django.db import migrations

# The company's default onboarding checklist, in Bahasa Indonesia and English: (kind, name_id, name_en,
# owner, days from the first working day, required before the hire, document asked for).
ITEMS = [
    ("document", "KTP dan NIK", "KTP (identity card) and NIK", "candidate", -7, True, "ktp"),
    ("document", "NPWP", "NPWP (tax number)", "candidate", -7, True, "npwp"),
    ("document", "Nomor BPJS Kesehatan (jika sudah punya)", "BPJS Kesehatan number (if you have one)", "candidate", -7, False, "bpjs_kesehatan"),
    ("document", "Nomor BPJS Ketenagakerjaan (jika sudah punya)", "BPJS Ketenagakerjaan number (if you have one)", "candidate", -7, False, "bpjs_ketenagakerjaan"),
    ("document", "Rekening bank untuk gaji", "Bank account for the salary", "candidate", -7, True, "bank"),
    ("document", "Ijazah terakhir", "Latest diploma (ijazah)", "candidate", -7, True, "ijazah"),
    ("document", "Pas foto", "Passport photo", "candidate", -7, False, "photo"),
    ("document", "Kartu Keluarga (KK)", "Family card (KK)", "candidate", -7, False, "kk"),
    ("buddy", "Tunjuk buddy untuk bulan pertama", "Choose a buddy for the first month", "manager", -5, True, ""),
    ("equipment", "Siapkan laptop dan akun e-mail", "Prepare the laptop and the e-mail account", "it", -3, True, ""),
    ("equipment", "Kartu akses dan ID karyawan", "Access card and employee ID", "hr", -1, False, ""),
    ("schedule", "Penyambutan dan pengenalan perusahaan, 09.00", "Welcome and introduction to the company, 09:00", "hr", 0, False, ""),
    ("schedule", "Perkenalan dengan tim dan atasan", "Meeting the team and the manager", "manager", 0, False, ""),
    ("task", "Daftarkan ke BPJS Kesehatan dan Ketenagakerjaan", "Register with BPJS Kesehatan and Ketenagakerjaan", "hr", 30, False, ""),
]


def create(apps, schema_editor):
    ChecklistTemplate = apps.get_model("onboarding", "ChecklistTemplate")
    TemplateItem = apps.get_model("onboarding", "TemplateItem")
    template = ChecklistTemplate.objects.create(
        name_id="Onboarding standar", name_en="Standard onboarding", is_default=True
    )
    for position, (kind, name_id, name_en, owner, days, required, document) in enumerate(ITEMS, start=1):
        TemplateItem.objects.create(
            template=template, position=position, kind=kind, name_id=name_id, name_en=name_en, owner=owner,
            due_days=days, is_required=required, document=document,
        )


def remove(apps, schema_editor):
    apps.get_model("onboarding", "ChecklistTemplate").objects.filter(is_default=True).delete()


class Migration(migrations.Migration):
    dependencies = [("onboarding", "0001_checklists")]
    operations = [migrations.RunPython(create, remove)]
