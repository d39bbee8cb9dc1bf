"""JSON Resume in and out: the official schema accepts what it should and refuses what it should (the
cases are modelled on the schema project's own test fixtures, written here), every refusal names the
field, and a résumé survives import and export unchanged: partial dates, profiles, highlights, any script."""

import json

import pytest

from rekrut.candidates.jsonresume import (
    ResumeInvalid,
    resume_export,
    resume_import,
    resume_read,
    resume_validate,
)
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def full_resume() -> dict:
    """Every section of the schema filled, the way a real Indonesian candidate's file would be."""
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": "Siti Nurhaliza Ramadhani",
            "label": "Analis Keuangan",
            "image": "https://example.com/siti.jpg",
            "email": "siti.ramadhani@example.com",
            "phone": "0812-3456-7890",
            "url": "https://siti.example.com",
            "summary": "Analis keuangan dengan 5 tahun pengalaman — pelaporan, anggaran, dan audit.",
            "location": {
                "address": "Jl. Jenderal Sudirman No. 5\nGedung Ürün Lt. 3",
                "postalCode": "12190",
                "city": "Jakarta Selatan",
                "countryCode": "ID",
                "region": "DKI Jakarta",
            },
            "profiles": [
                {
                    "network": "LinkedIn",
                    "username": "sitiramadhani",
                    "url": "https://www.linkedin.com/in/sitiramadhani",
                },
                {"network": "GitHub", "username": "siti-r", "url": "https://github.com/siti-r"},
            ],
        },
        "work": [
            {
                "name": "PT Bank Nusantara",
                "location": "Jakarta",
                "description": "Bank umum",
                "position": "Analis Keuangan Senior",
                "url": "https://bank.example.com",
                "startDate": "2019-03",
                "endDate": "2024",
                "summary": "Menyusun laporan bulanan.",
                "highlights": [
                    "Menurunkan biaya operasional 12%",
                    "Memimpin tim 4 orang",
                    "日本支社との連携",
                ],
            },
            {
                "name": "CV Maju Jaya",
                "position": "Staf Akuntansi",
                "startDate": "2016-07-01",
                "endDate": "2019-02-28",
            },
        ],
        "volunteer": [
            {
                "organization": "Palang Merah Indonesia",
                "position": "Relawan",
                "url": "https://pmi.example.org",
                "startDate": "2014",
                "endDate": "2015-06",
                "summary": "Donor darah keliling.",
                "highlights": ["Mengorganisasi 20 kegiatan"],
            }
        ],
        "education": [
            {
                "institution": "Universitas Gadjah Mada",
                "url": "https://ugm.ac.id",
                "area": "Akuntansi",
                "studyType": "S1",
                "startDate": "2012",
                "endDate": "2016",
                "score": "3,72",
                "courses": ["AK301 - Audit", "AK210 - Perpajakan"],
            }
        ],
        "awards": [
            {
                "title": "Karyawan Terbaik",
                "date": "2022-12",
                "awarder": "PT Bank Nusantara",
                "summary": "Tahunan",
            }
        ],
        "certificates": [
            {"name": "Brevet A/B", "date": "2018", "issuer": "IAI", "url": "https://iai.example.id"}
        ],
        "publications": [
            {
                "name": "Efisiensi Biaya di Bank Daerah",
                "publisher": "Jurnal Akuntansi",
                "releaseDate": "2021-08-17",
                "url": "https://jurnal.example.id/1",
                "summary": "Studi kasus.",
            }
        ],
        "skills": [{"name": "Pelaporan", "level": "Mahir", "keywords": ["PSAK", "IFRS", "Excel"]}],
        "languages": [
            {"language": "Bahasa Indonesia", "fluency": "Penutur asli"},
            {"language": "English", "fluency": "Fasih"},
        ],
        "interests": [{"name": "Catur", "keywords": ["Sisilia", "Caro–Kann"]}],
        "references": [{"name": "Budi Santoso", "reference": "Siti teliti dan dapat diandalkan."}],
        "projects": [
            {
                "name": "Dashboard Anggaran",
                "startDate": "2020-01",
                "endDate": "2020-06",
                "description": "Dasbor anggaran waktu nyata.",
                "highlights": ["Dipakai 8 divisi"],
                "url": "https://example.com/dashboard",
                "roles": ["Analis"],
                "entity": "PT Bank Nusantara",
                "type": "application",
                "keywords": ["Power BI"],
            }
        ],
        "meta": {
            "canonical": "https://example.com/resume.json",
            "version": "v1.0.0",
            "lastModified": "2024-05-01T10:00:00",
        },
    }


def test_a_full_resume_is_accepted():
    assert resume_read(json.dumps(full_resume()).encode()) == full_resume()


def test_an_empty_resume_is_accepted():
    assert resume_validate({}) == {}


@pytest.mark.parametrize("date", ["2013", "2013-12", "2013-12-31"])
def test_partial_dates_are_accepted(date):
    resume_validate({"work": [{"startDate": date, "endDate": date}], "education": [{"startDate": date}]})


@pytest.mark.parametrize(
    "date", ["13", "2013-1", "12-2013", "2013/12/31", "31-12-2013", "Desember 2013", "3013", ""]
)
def test_other_dates_are_refused_naming_the_field(date):
    with pytest.raises(ResumeInvalid) as refused:
        resume_validate({"work": [{"name": "PT A"}, {"startDate": date}]})
    assert "work[1].startDate" in str(refused.value.message)
    assert "2013-12" in str(refused.value.message)  # says how to write it


# One case per field and type the schema fixes, modelled on the schema project's invalid fixtures.
WRONG_TYPES = [
    ({"basics": "Siti"}, "basics"),
    ({"basics": {"name": 42}}, "basics.name"),
    ({"basics": {"email": "siti-at-example"}}, "basics.email"),
    ({"basics": {"location": "Jakarta"}}, "basics.location"),
    ({"basics": {"location": {"city": ["Jakarta"]}}}, "basics.location.city"),
    ({"basics": {"profiles": {"network": "LinkedIn"}}}, "basics.profiles"),
    ({"basics": {"profiles": [{"url": 7}]}}, "basics.profiles[0].url"),
    ({"work": {"name": "PT A"}}, "work"),
    ({"work": [{"highlights": "Juara"}]}, "work[0].highlights"),
    ({"work": [{"highlights": [1]}]}, "work[0].highlights[0]"),
    ({"work": [{"position": None}]}, "work[0].position"),
    ({"volunteer": [{"organization": True}]}, "volunteer[0].organization"),
    ({"education": [{"courses": "AK301"}]}, "education[0].courses"),
    ({"education": [{"endDate": "Juni 2016"}]}, "education[0].endDate"),
    ({"awards": [{"date": "kemarin"}]}, "awards[0].date"),
    ({"certificates": [{"name": {}}]}, "certificates[0].name"),
    ({"publications": [{"releaseDate": 2021}]}, "publications[0].releaseDate"),
    ({"skills": [{"keywords": "Excel"}]}, "skills[0].keywords"),
    ({"languages": [{"fluency": 5}]}, "languages[0].fluency"),
    ({"interests": [{"keywords": [{}]}]}, "interests[0].keywords[0]"),
    ({"references": [{"reference": ["baik"]}]}, "references[0].reference"),
    ({"projects": [{"roles": "Analis"}]}, "projects[0].roles"),
    ({"meta": {"version": 1}}, "meta.version"),
    ([], "the whole file"),
]


@pytest.mark.parametrize(("document", "field"), WRONG_TYPES)
def test_a_wrong_type_is_refused_naming_the_field(document, field):
    with pytest.raises(ResumeInvalid) as refused:
        resume_validate(document)
    assert field in str(refused.value.message)


def test_many_problems_are_listed_a_few_at_a_time():
    with pytest.raises(ResumeInvalid) as refused:
        resume_validate({"work": [{"startDate": "x"} for _ in range(8)]})
    message = str(refused.value.message)
    assert "work[0].startDate" in message and "work[4].startDate" in message
    assert "work[5].startDate" not in message and "3 more" in message


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"{not json", "not valid JSON (line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b" " * (1024 * 1024 + 1), "larger than 1 MB"),
    ],
)
def test_a_file_that_is_not_json_resume_is_refused_clearly(data, says):
    with pytest.raises(ResumeInvalid) as refused:
        resume_read(data)
    assert says in str(refused.value.message)


def test_a_byte_order_mark_is_fine():
    assert resume_read(b"\xef\xbb\xbf" + json.dumps({"basics": {"name": "Siti"}}).encode()) == {
        "basics": {"name": "Siti"}
    }


def test_import_then_export_gives_the_same_resume():
    candidate = CandidateFactory(full_name="", email="", phone="", city="", links=[])
    filled = resume_import(candidate=candidate, document=full_resume())
    candidate.refresh_from_db()
    assert sorted(filled) == ["city", "email", "full_name", "links", "phone"]
    assert candidate.full_name == "Siti Nurhaliza Ramadhani"
    assert candidate.phone == "+6281234567890"
    assert candidate.city == "Jakarta Selatan"
    assert candidate.links == [
        "https://siti.example.com",
        "https://www.linkedin.com/in/sitiramadhani",
        "https://github.com/siti-r",
    ]
    exported = resume_export(candidate)
    assert exported == full_resume()
    # Written as JSON and read back: still the same, non-ASCII included.
    assert resume_read(json.dumps(exported, ensure_ascii=False).encode()) == full_resume()


def test_import_never_overwrites_what_is_typed_and_export_shows_the_record():
    candidate = CandidateFactory(
        full_name="Siti N. Ramadhani", email="siti@kantor.example", phone="+6285711112222"
    )
    filled = resume_import(candidate=candidate, document=full_resume())
    candidate.refresh_from_db()
    assert "full_name" not in filled and "email" not in filled and "phone" not in filled
    assert candidate.full_name == "Siti N. Ramadhani"
    basics = resume_export(candidate)["basics"]
    assert basics["name"] == "Siti N. Ramadhani"
    assert basics["email"] == "siti@kantor.example"
    assert basics["phone"] == "+6285711112222"
    assert basics["profiles"] == full_resume()["basics"]["profiles"]


def test_a_record_without_a_resume_exports_a_valid_one():
    candidate = CandidateFactory(
        full_name="Bayu Saputra", email="bayu@example.com", city="Makassar", links=["https://github.com/bayu"]
    )
    document = resume_export(candidate)
    assert document["basics"]["name"] == "Bayu Saputra"
    assert document["basics"]["location"] == {"city": "Makassar"}
    assert document["basics"]["profiles"] == [{"network": "GitHub", "url": "https://github.com/bayu"}]
    resume_validate(document)


def test_an_invalid_document_is_not_imported():
    candidate = CandidateFactory()
    with pytest.raises(ResumeInvalid):
        resume_import(candidate=candidate, document={"work": [{"startDate": "kemarin"}]})
    candidate.refresh_from_db()
    assert candidate.resume == {}
