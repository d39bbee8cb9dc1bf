"""Two common pre-employment packages, so a new company can plan its first MCU at once; HR changes them in
Settings. No HIV test in either (Kepmenakertrans 68/2004 Ps 5, D5)."""

from django.db import migrations

PACKAGES = [
    (
        "MCU Pra-kerja Dasar",
        [
            "Pemeriksaan fisik oleh dokter",
            "Tekanan darah, tinggi dan berat badan",
            "Tes buta warna (Ishihara)",
            "Pemeriksaan ketajaman penglihatan",
            "Darah lengkap",
            "Urine lengkap",
        ],
        False,
        "",
    ),
    (
        "MCU Pra-kerja Lengkap",
        [
            "Pemeriksaan fisik oleh dokter",
            "Tekanan darah, tinggi dan berat badan",
            "Tes buta warna (Ishihara)",
            "Pemeriksaan ketajaman penglihatan",
            "Darah lengkap",
            "Urine lengkap",
            "Gula darah puasa",
            "Kolesterol total",
            "Fungsi hati (SGOT, SGPT)",
            "Rontgen dada (thorax)",
            "EKG",
        ],
        True,
        "Bawa kacamata jika Anda memakainya. Kenakan pakaian yang mudah dilepas untuk rontgen.",
    ),
]


def seed(apps, schema_editor):
    Package = apps.get_model("medical", "Package")
    for name, items, fasting, instructions in PACKAGES:
        Package.objects.get_or_create(
            name=name,
            defaults={"items": "\n".join(items), "requires_fasting": fasting, "instructions": instructions},
        )


class Migration(migrations.Migration):
    dependencies = [("medical", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
