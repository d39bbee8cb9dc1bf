"""Seeds the dated tables with the figures in force when this was written (rules O3 and O6, see
shared/domain/indonesia.md). HR admins keep them current in Settings; a new year is a new row.

Minimum wages 2026 follow PP 49/2025 and the governors' decrees of December 2025, as published in the
press (sources in each row). A decree with cents is rounded up to whole Rupiah, so paying the seeded figure
is never below the decree. Regions without a city list match no work location until HR adds the cities.
"""

import datetime
from decimal import Decimal

from django.db import migrations

JAN_2025 = datetime.date(2025, 1, 1)
JAN_2026 = datetime.date(2026, 1, 1)

# name: (2026 UMP, cities of work locations it covers directly, source, [(from, amount)] of earlier years)
PROVINCES = {
    "DKI Jakarta": (
        5_729_876,
        "Jakarta, Jakarta Pusat, Jakarta Selatan, Jakarta Barat, Jakarta Timur, Jakarta Utara, Kepulauan Seribu",
        "Kepgub DKI Jakarta, UMP 2026 (Kemnaker list, 24-12-2025)",
    ),
    "Banten": (3_100_882, "", "Kepgub Banten, UMP 2026 Rp3.100.881,40"),
    "Jawa Barat": (2_317_601, "", "Kepgub Jawa Barat, UMP 2026"),
    "Jawa Tengah": (2_327_387, "", "Kepgub Jawa Tengah, UMP 2026 Rp2.327.386,07"),
    "DI Yogyakarta": (2_417_495, "", "Kepgub DIY, UMP 2026"),
    "Jawa Timur": (2_446_880, "", "Kepgub Jawa Timur, UMP 2026"),
    "Bali": (3_207_459, "", "Kepgub Bali, UMP 2026"),
    "Sulawesi Selatan": (3_921_089, "", "SK Gubernur Sulsel 2129/XII/6/2025, UMP 2026 Rp3.921.088,79"),
    "Kepulauan Bangka Belitung": (4_035_000, "", "Kepgub Babel, UMP 2026"),
    "Papua": (4_436_283, "", "Kepgub Papua, UMP 2026"),
    "Papua Selatan": (4_508_850, "", "Kepgub Papua Selatan, UMP 2026"),
    "Papua Tengah": (4_295_848, "", "Kepgub Papua Tengah, UMP 2026"),
}
EARLIER_UMP = {
    "Jawa Barat": (2_191_238, "Kepgub Jawa Barat, UMP 2025"),
    "Sulawesi Selatan": (3_657_528, "Kepgub Sulsel, UMP 2025 Rp3.657.527,37"),
}

JABAR_UMK = "Kepgub Jawa Barat 561/Kep.862-Kesra/2025, UMK 2026"
BANTEN_UMK = "Kepgub Banten, UMK 2026 (RRI, 26-12-2025)"
JATIM_UMK = "Kepgub Jawa Timur, UMK 2026"
# name: (province, 2026 UMK, cities of work locations, source)
CITIES = {
    "Kota Bekasi": ("Jawa Barat", 5_999_443, "Bekasi, Kota Bekasi", JABAR_UMK),
    "Kabupaten Bekasi": ("Jawa Barat", 5_938_885, "Kabupaten Bekasi, Cikarang", JABAR_UMK),
    "Kabupaten Karawang": ("Jawa Barat", 5_886_853, "Karawang", JABAR_UMK),
    "Kota Depok": ("Jawa Barat", 5_522_662, "Depok", JABAR_UMK),
    "Kota Bogor": ("Jawa Barat", 5_437_203, "Bogor, Kota Bogor", JABAR_UMK),
    "Kabupaten Bogor": ("Jawa Barat", 5_161_769, "Kabupaten Bogor, Cibinong", JABAR_UMK),
    "Kota Bandung": ("Jawa Barat", 4_737_678, "Bandung, Kota Bandung", JABAR_UMK),
    "Kota Cimahi": ("Jawa Barat", 4_090_568, "Cimahi", JABAR_UMK),
    "Kota Cilegon": ("Banten", 5_469_922, "Cilegon", BANTEN_UMK),
    "Kota Tangerang": ("Banten", 5_399_405, "Tangerang, Kota Tangerang", BANTEN_UMK),
    "Kota Tangerang Selatan": ("Banten", 5_247_870, "Tangerang Selatan", BANTEN_UMK),
    "Kabupaten Tangerang": ("Banten", 5_210_377, "Kabupaten Tangerang", BANTEN_UMK),
    "Kota Serang": ("Banten", 4_665_927, "Serang, Kota Serang", BANTEN_UMK),
    "Kota Surabaya": ("Jawa Timur", 5_288_796, "Surabaya", JATIM_UMK),
    "Kabupaten Gresik": ("Jawa Timur", 5_195_401, "Gresik", JATIM_UMK),
    "Kabupaten Sidoarjo": ("Jawa Timur", 5_191_541, "Sidoarjo", JATIM_UMK),
    "Kota Makassar": ("Sulawesi Selatan", 4_148_719, "Makassar", "Kepgub Sulsel, UMK Kota Makassar 2026"),
}
EARLIER_UMK = {"Kota Makassar": (3_880_136, "Kepgub Sulsel, UMK Kota Makassar 2025")}

# programme: [(valid from, company %, employee %, wage cap, source)]
BPJS = {
    "kesehatan": [
        (datetime.date(2020, 1, 1), "4.00", "1.00", 12_000_000, "Perpres 82/2018 Ps 30, 32 as amended by Perpres 64/2020"),
    ],
    "jht": [(datetime.date(2015, 7, 1), "3.70", "2.00", None, "PP 46/2015 Ps 16")],
    "jp": [
        (datetime.date(2024, 3, 1), "2.00", "1.00", 10_042_300, "PP 45/2015 Ps 28–29; BPJS Ketenagakerjaan, March 2024"),
        (
            datetime.date(2025, 3, 1),
            "2.00",
            "1.00",
            10_547_400,
            "PP 45/2015 Ps 29(3): the 2024 cap × (1 + 5,03% GDP growth in 2024); check BPJS's yearly notice",
        ),
    ],
    "jkk": [
        (datetime.date(2015, 7, 1), "0.24", "0.00", None, "PP 44/2015 Ps 16: lowest risk class; set the company's class"),
    ],
    "jkm": [(datetime.date(2015, 7, 1), "0.30", "0.00", None, "PP 44/2015 Ps 18")],
}


def seed(apps, schema_editor):
    WageRegion = apps.get_model("offers", "WageRegion")
    MinimumWage = apps.get_model("offers", "MinimumWage")
    BpjsRate = apps.get_model("offers", "BpjsRate")
    provinces = {}
    for name, (amount, cities, source) in PROVINCES.items():
        province = WageRegion.objects.create(name=name, kind="province", city_names=cities)
        provinces[name] = province
        MinimumWage.objects.create(region=province, valid_from=JAN_2026, amount=amount, source=source)
        if name in EARLIER_UMP:
            earlier, earlier_source = EARLIER_UMP[name]
            MinimumWage.objects.create(region=province, valid_from=JAN_2025, amount=earlier, source=earlier_source)
    for name, (province_name, amount, cities, source) in CITIES.items():
        city = WageRegion.objects.create(
            name=name, kind="city", province=provinces[province_name], city_names=cities
        )
        MinimumWage.objects.create(region=city, valid_from=JAN_2026, amount=amount, source=source)
        if name in EARLIER_UMK:
            earlier, earlier_source = EARLIER_UMK[name]
            MinimumWage.objects.create(region=city, valid_from=JAN_2025, amount=earlier, source=earlier_source)
    for programme, rows in BPJS.items():
        for valid_from, employer, employee, cap, source in rows:
            BpjsRate.objects.create(
                programme=programme,
                valid_from=valid_from,
                employer_percent=Decimal(employer),
                employee_percent=Decimal(employee),
                wage_cap=cap,
                source=source,
            )


def unseed(apps, schema_editor):
    apps.get_model("offers", "MinimumWage").objects.all().delete()
    apps.get_model("offers", "WageRegion").objects.filter(kind="city").delete()
    apps.get_model("offers", "WageRegion").objects.all().delete()
    apps.get_model("offers", "BpjsRate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_offers_and_rate_tables")]

    operations = [migrations.RunPython(seed, unseed)]
