"""Reading a CV's text into its parts (rekrut/intake/cv): name, phones by the CV's country, links, city,
work, education, skills, languages and certificates, in Indonesian and English. No database."""

from __future__ import annotations

import pytest

from rekrut.candidates.jsonresume import resume_validate
from rekrut.intake.cv import cv_understand, resume_document
from rekrut.intake.cv.contacts import cv_regions, links_find, phones_find
from rekrut.intake.cv.dates import date_range
from rekrut.intake.cv_reading import contacts_find, text_normalize


def read(text: str):
    text = text_normalize(text)
    return cv_understand(text, emails=contacts_find(text)[0])


INDONESIAN_CV = """DAFTAR RIWAYAT HIDUP
Ir. Budi Santoso, S.Kom., M.T.
Analis Data
budi.santoso@gmail.com | 0812-3456-7890 | Jakarta Selatan
linkedin.com/in/budisantoso | github.com/budis
NIK 3171234567890001
PENGALAMAN KERJA
Senior Data Analyst
PT Maju Jaya Tbk, Jakarta
Mar 2021 – sekarang
• Membangun dasbor penjualan untuk empat puluh cabang di seluruh Indonesia
Staf Administrasi
CV Sinar Terang
2018–2020
PENDIDIKAN
Universitas Indonesia
S1 Teknik Informatika, 2014 - 2018
SMA Negeri 8 Jakarta, 2014
KEAHLIAN
Python, SQL, Microsoft Office (Excel, Word)
Tools: Tableau, Power BI
BAHASA
Bahasa Indonesia (Penutur asli)
Bahasa Inggris – Aktif
SERTIFIKASI
Google Data Analytics – Coursera (2022)
"""

ENGLISH_CV = """Curriculum Vitae
JOHN MILLER
Software Engineer
john.miller@fastmail.com
(123) 456-7890
1200 Market Street, San Francisco, CA 94103
Work Experience
Bayview Technologies Inc. | Senior Software Engineer | Januari 2020 - Present
Harbor Labs | Software Engineer | 2019
Education
University of Washington
Bachelor of Science in Computer Science, 2011 – 2015
Skills
Python; Django; PostgreSQL
Languages
English (Native)
Spanish – Conversational
Licenses & Certifications
AWS Certified Developer, Amazon Web Services, 2021
"""


def test_indonesian_cv_is_read_into_its_parts() -> None:
    reading = read(INDONESIAN_CV)
    assert reading.name == "Budi Santoso"  # not the "DAFTAR RIWAYAT HIDUP" heading, titles left out
    assert reading.emails == ["budi.santoso@gmail.com"]
    assert reading.phones == ["+6281234567890"]  # not the NIK
    assert reading.city == "Jakarta Selatan"
    assert reading.links == ["https://linkedin.com/in/budisantoso", "https://github.com/budis"]
    assert [(job.employer, job.position) for job in reading.work] == [
        ("PT Maju Jaya Tbk", "Senior Data Analyst"),
        ("CV Sinar Terang", "Staf Administrasi"),
    ]
    first, second = (job.dates for job in reading.work)
    assert first is not None and (first.start, first.end, first.ongoing) == ("2021-03", "", True)
    assert second is not None and (second.start, second.end) == ("2018", "2020")
    assert [(s.institution, s.study_type, s.area) for s in reading.education] == [
        ("Universitas Indonesia", "S1", "Teknik Informatika"),
        ("SMA Negeri 8 Jakarta", "SMA", ""),
    ]
    assert [(skill.name, skill.keywords) for skill in reading.skills] == [
        ("Python", []),
        ("SQL", []),
        ("Microsoft Office (Excel, Word)", []),
        ("Tools", ["Tableau", "Power BI"]),
    ]
    assert [(lang.language, lang.fluency) for lang in reading.languages] == [
        ("Indonesian", "Penutur asli"),
        ("English", "Aktif"),
    ]
    assert [(c.name, c.issuer, c.date) for c in reading.certificates] == [
        ("Google Data Analytics", "Coursera", "2022")
    ]


def test_english_cv_is_read_into_its_parts() -> None:
    reading = read(ENGLISH_CV)
    assert reading.name == "John Miller"
    assert reading.phones == ["+11234567890"]  # the US style, because the CV gives a US address
    assert reading.city == "San Francisco"
    assert [(job.employer, job.position) for job in reading.work] == [
        ("Bayview Technologies Inc.", "Senior Software Engineer"),
        ("Harbor Labs", "Software Engineer"),
    ]
    assert [job.dates.start for job in reading.work if job.dates] == ["2020-01", "2019"]
    assert [(s.institution, s.study_type, s.area) for s in reading.education] == [
        ("University of Washington", "S1", "Computer Science")
    ]
    assert [skill.name for skill in reading.skills] == ["Python", "Django", "PostgreSQL"]
    assert [(lang.language, lang.fluency) for lang in reading.languages] == [
        ("English", "Native"),
        ("Spanish", "Conversational"),
    ]
    assert [(c.name, c.issuer, c.date) for c in reading.certificates] == [
        ("AWS Certified Developer", "Amazon Web Services", "2021")
    ]


@pytest.mark.parametrize("text", [INDONESIAN_CV, ENGLISH_CV, "", "Budi"])
def test_json_resume_document_follows_the_schema(text: str) -> None:
    document = resume_document(read(text))
    assert resume_validate(document) == document


def test_json_resume_shape_is_the_one_the_ranking_reads() -> None:
    document = resume_document(read(INDONESIAN_CV))
    assert document["basics"]["name"] == "Budi Santoso"
    assert document["basics"]["phone"] == "+6281234567890"
    assert document["basics"]["location"] == {"city": "Jakarta Selatan"}
    assert document["basics"]["profiles"][0] == {
        "network": "LinkedIn",
        "url": "https://linkedin.com/in/budisantoso",
    }
    assert document["work"][0] == {
        "name": "PT Maju Jaya Tbk",
        "position": "Senior Data Analyst",
        "startDate": "2021-03",
        "highlights": ["Membangun dasbor penjualan untuk empat puluh cabang di seluruh Indonesia"],
    }
    assert document["work"][1]["endDate"] == "2020"
    assert document["education"][0] == {
        "institution": "Universitas Indonesia",
        "studyType": "S1",
        "area": "Teknik Informatika",
        "startDate": "2014",
        "endDate": "2018",
    }
    assert document["languages"][1] == {"language": "English", "fluency": "Aktif"}
    assert document["certificates"] == [
        {"name": "Google Data Analytics", "issuer": "Coursera", "date": "2022"}
    ]


@pytest.mark.parametrize(
    ("top", "name"),
    [
        ("Curriculum Vitae\nSiti Rahma\nStaf Akuntansi", "Siti Rahma"),
        (
            "DAFTAR RIWAYAT HIDUP\n\nDATA PRIBADI\nNama Lengkap : Sri Wahyuni, S.Pd.\nAgama: Islam",
            "Sri Wahyuni",
        ),
        ("RESUME\nAGUS\nSopir", "Agus"),  # one name, as many Indonesians have
        ("Dr. Rina Wijaya, M.M.\nManajer SDM", "Rina Wijaya"),
        ("Hj. Nur'aini\nKasir", "Nur'aini"),
        ("Ni Putu Ayu Pratiwi | Front Office", "Ni Putu Ayu Pratiwi"),
        ("Resume\nJames O'Connor\nFinancial Analyst", "James O'Connor"),
        ("Data Analyst\nMuhammad Rizky Ramadhan", "Muhammad Rizky Ramadhan"),
        ("Bandung, Jawa Barat\nDewi Lestari", "Dewi Lestari"),
    ],
)
def test_name_is_the_first_line_that_reads_like_a_name(top: str, name: str) -> None:
    assert read(top + "\nrina@example.com").name == name


def test_name_falls_back_to_the_email_only_when_nothing_else_is_a_name() -> None:
    assert read("CURRICULUM VITAE\nbudi.santoso88@gmail.com\n0812 3456 7890").name == "Budi Santoso"
    assert read("").name == ""


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Phone: (123) 456-7890\nAustin, TX 78701", ["+11234567890"]),
        ("Phone (415) 555-0134, United States", ["+14155550134"]),
        ("HP +1 (212) 555-0198", ["+12125550198"]),  # the +1 alone says the region
        ("Singapore 238801\nMobile 9123 4567", ["+6591234567"]),
        ("Kuala Lumpur, Malaysia\n012-345 6789", ["+60123456789"]),
        ("Telp. 0811-234-5678\n(021) 5551234", ["+628112345678", "+62215551234"]),
    ],
)
def test_phones_are_read_in_the_cvs_own_country_style(text: str, phones: list[str]) -> None:
    assert phones_find(text) == phones


@pytest.mark.parametrize(
    "noise",
    [
        "Lahir: Bogor, 12-05-1994",
        "Periode 2015 - 2019, 2019–2021",
        "DOI 10.1145/3299869.3314050",
        "ISBN 978-602-1234-56-7",
        "NIK 3171234567890001",
        "NPWP 01.234.567.8-901.000",
        "Kode pos 12940",
        "IPK 3,75 / 4,00 (2014 - 2018)",
        "GPA 3.85/4.00",
        "Tinggi 170 cm, berat 65 kg",
    ],
)
@pytest.mark.parametrize("country", ["", "Austin, TX 78701", "Singapore"])
def test_no_false_phone_from_dates_ids_and_numbers(noise: str, country: str) -> None:
    assert phones_find(f"{country}\n{noise}") == []


def test_regions_come_from_the_cv_with_indonesia_first() -> None:
    assert cv_regions("Budi, Jakarta") == ["ID"]
    assert cv_regions("+1 415 555 0134") == ["ID", "US"]
    assert cv_regions("Seattle, WA 98101") == ["ID", "US"]
    assert cv_regions("Lived in Singapura and Malaysia") == ["ID", "SG", "MY"]


def test_links_are_found_and_given_https() -> None:
    text = (
        "budi@gmail.com | linkedin.com/in/budi | www.budi.dev\n"
        "http://github.com/budi, https://gitlab.com/budi/proyek.\n"
        "Skills: Node.js, ASP.NET, gmail.com"
    )
    assert links_find(text, ["budi@gmail.com"]) == [
        "https://linkedin.com/in/budi",
        "https://www.budi.dev",
        "http://github.com/budi",
        "https://gitlab.com/budi/proyek",
    ]
    # A bare domain counts among the contacts only.
    assert links_find("budi.dev\nPortfolio", [], ["budi.dev"]) == ["https://budi.dev"]
    assert links_find("budi.dev\nPortfolio", [], []) == []
    # A link wrapped at its slash by a narrow column.
    assert links_find("linkedin.com/in/\njamesoconnor\nWork", []) == ["https://linkedin.com/in/jamesoconnor"]


@pytest.mark.parametrize(
    ("top", "city"),
    [
        ("Budi\nDomisili: Bandung", "Bandung"),
        ("Budi\nJl. Merdeka 10, Jakarta Selatan 12940", "Jakarta Selatan"),
        ("Budi\nAlamat: Kota Tangerang Selatan, Banten", "Tangerang Selatan"),
        ("Budi\nbudi@x.com", ""),
    ],
)
def test_city_comes_from_the_top_of_the_cv(top: str, city: str) -> None:
    # A city named in the work history (below the headings) is where the employer is, not the candidate.
    assert read(top + "\nPengalaman Kerja\nStaf\nPT Maju, Surabaya\n2019 - 2020").city == city


@pytest.mark.parametrize(
    ("written", "start", "end", "ongoing"),
    [
        ("2019", "2019", "", False),
        ("Mar 2021 – sekarang", "2021-03", "", True),
        ("Januari 2020 - Present", "2020-01", "", True),
        ("2018–2020", "2018", "2020", False),
        ("Agustus 2017 s/d Juli 2019", "2017-08", "2019-07", False),
        ("03/2021 - 12/2022", "2021-03", "2022-12", False),
        ("Sep. 2019 to Current", "2019-09", "", True),
        ("Mei 2015 – saat ini", "2015-05", "", True),
        ("Okt 2016 - Des 2018", "2016-10", "2018-12", False),
    ],
)
def test_dates_in_both_languages_and_partial(written: str, start: str, end: str, ongoing: bool) -> None:
    found = date_range(f"Staf Admin, {written}")
    assert found is not None
    assert (found.start, found.end, found.ongoing) == (start, end, ongoing)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Riwayat Pekerjaan", "work"),
        ("PROFESSIONAL EXPERIENCE:", "work"),
        ("Riwayat Pendidikan", "education"),
        ("Academic Background", "education"),
        ("Keterampilan", "skills"),
        ("Technical Skills", "skills"),
        ("Kemampuan Bahasa", "languages"),
        ("Pelatihan & Sertifikasi", "certificates"),
    ],
)
def test_headings_in_both_languages(heading: str, kind: str) -> None:
    text = f"Budi Santoso\n{heading}\nStaf Gudang | PT Maju | 2019 - 2021"
    text += "\nS1 Manajemen, Universitas Terbuka, 2018\nExcel\nInggris (Aktif)\nK3 Umum - Kemnaker (2020)"
    reading = read(text)
    found = {
        "work": bool(reading.work),
        "education": bool(reading.education),
        "skills": bool(reading.skills),
        "languages": bool(reading.languages),
        "certificates": bool(reading.certificates),
    }
    assert [name for name, present in found.items() if present] == [kind]


def test_work_entries_in_several_writing_styles() -> None:
    text = """Pengalaman Kerja
2019 – sekarang  Kasir, Indomaret, Bekasi
2016 – 2019  Pramuniaga, Toko Sumber Rezeki
Experience
Customer Service Officer at PT Bank Sejahtera (Feb 2018 - Present)
Team Lead — Concentrix (2015 – 2018)"""
    reading = read(text)
    assert [(job.employer, job.position, job.dates.start if job.dates else "") for job in reading.work] == [
        ("Indomaret", "Kasir", "2019"),
        ("Toko Sumber Rezeki", "Pramuniaga", "2016"),
        ("PT Bank Sejahtera", "Customer Service Officer", "2018-02"),
        ("Concentrix", "Team Lead", "2015"),
    ]


@pytest.mark.parametrize(
    ("line", "level", "area"),
    [
        ("D3 Akuntansi", "D3", "Akuntansi"),
        ("Diploma IV Manajemen Perhotelan", "D4", "Manajemen Perhotelan"),
        ("Sarjana Ekonomi", "S1", "Ekonomi"),
        ("Magister Manajemen", "S2", "Manajemen"),
        ("Master of Business Administration", "S2", "Business Administration"),
        ("MBA", "S2", ""),
        ("Bachelor of Nursing", "S1", "Nursing"),
        ("PhD in Chemistry", "S3", "Chemistry"),
    ],
)
def test_degrees_become_indonesian_levels(line: str, level: str, area: str) -> None:
    reading = read(f"Budi\nEducation\nUniversitas Terbuka\n{line}, 2010 - 2014")
    assert [(s.institution, s.study_type, s.area) for s in reading.education] == [
        ("Universitas Terbuka", level, area)
    ]


def test_smk_and_sma_are_levels_too() -> None:
    reading = read(
        "Budi\nPendidikan\nSMK Negeri 2 Surabaya, Jurusan Pemasaran, 2015 – 2018\nSMAN 1 Bogor (2012)"
    )
    assert [(s.institution, s.study_type, s.area) for s in reading.education] == [
        ("SMK Negeri 2 Surabaya", "SMK", "Pemasaran"),
        ("SMAN 1 Bogor", "SMA", ""),
    ]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Customer\tService\tOfficer", "Customer Service Officer"),
        ("Customer\rService\nOfficer", "Customer Service\nOfficer"),  # a CR among line ends is a word gap
        ("Line one\rLine two", "Line one\nLine two"),  # an old Mac file: CR is its line end
        ("Nur\u00e2\u20ac\u2122aini", "Nur\u2019aini"),  # mojibake repaired
        ("e\u2010commerce and co\u2011op", "e-commerce and co-op"),
        ("pro\u00adgram\u200bmer", "programmer"),
        ("\ufb01nance \ufb02ow", "finance flow"),
        ("Jakarta\u00a0Selatan", "Jakarta Selatan"),
    ],
)
def test_text_is_normalised_so_phrases_are_found(raw: str, normal: str) -> None:
    assert text_normalize(raw) == normal
