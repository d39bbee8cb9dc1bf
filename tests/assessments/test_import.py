"""A provider's CSV with good and bad rows: the exact row-by-row report, then saving all good rows at once
(or none, when one changed meanwhile), once."""

from decimal import Decimal

import pytest

from rekrut.assessments.importing import import_check, import_save, problem_text
from rekrut.assessments.models import Assessment, AssessmentStatus, ResultShape, ResultSource
from rekrut.assessments.services.assessments import assessment_cancel
from rekrut.core.errors import DomainError
from rekrut.jobs.models import StageKind
from tests.assessments.factories import assessment_make, type_make
from tests.pipeline.factories import application_make


@pytest.fixture
def psikotes(db):
    return type_make(name="Psikotes", shape=ResultShape.CATEGORY)


@pytest.fixture
def people(team_a_job, personas, psikotes):
    """Three people with a psikotes in progress; Dewi also has one for another job (ambiguous by e-mail)."""
    made = {}
    for name, email, phone in [
        ("Putri Maharani", "putri@example.com", "+6281234567890"),
        ("Budi Santoso", "budi@example.com", "+6281311112222"),
        ("Dewi Lestari", "dewi@example.com", "+6285799998888"),
    ]:
        application = application_make(
            job=team_a_job,
            actor=personas.hr_admin,
            stage_kind=StageKind.ASSESSMENT,
            full_name=name,
            email=email,
            phone=phone,
        )
        made[name] = assessment_make(application=application, assessment_type=psikotes)
    from tests.jobs.factories import job_make

    teller = job_make(hr_owner=personas.recruiter, title="Teller")
    dewi = made["Dewi Lestari"].application.candidate
    second = application_make(
        job=teller, actor=personas.hr_admin, candidate=dewi, stage_kind=StageKind.ASSESSMENT
    )
    made["Dewi (Teller)"] = assessment_make(application=second, assessment_type=psikotes)
    # Someone known, with nothing in progress.
    application_make(job=team_a_job, actor=personas.hr_admin, full_name="Andi", email="andi@example.com")
    return made


CSV = (
    "Nama;Email;No HP;Kategori;Kesimpulan;Tanggal\n"
    "Putri;PUTRI@example.com;;Disarankan;Potensi baik;20/11/2026\n"  # line 2: good, by e-mail
    "Budi;;0813-1111-2222;tidak disarankan;;2026-11-21\n"  # line 3: good, by phone
    "Dewi;dewi@example.com;;dipertimbangkan;;\n"  # line 4: two applications in progress
    "Siapa;nobody@example.com;;disarankan;;\n"  # line 5: unknown person
    "Putri lagi;putri@example.com;;disarankan;;\n"  # line 6: duplicate of line 2
    "Andi;andi@example.com;;disarankan;;\n"  # line 7: known, no psikotes in progress
    "Tanpa kontak;;;disarankan;;\n"  # line 8: nobody named
    ";;;;;\n"  # line 9: blank: skipped by the reader
)


def _check(user, kind, text=CSV, name="hasil.csv"):
    return import_check(user=user, kind=kind, name=name, data=text.encode("utf-8"))


def test_the_preview_reports_every_row_and_saves_nothing(people, psikotes, personas):
    checked = _check(personas.recruiter, psikotes)
    assert [(row["line"], row["category"]) for row in checked.rows] == [
        (2, "recommended"),
        (3, "not_recommended"),
    ]
    assert [(p["line"], problem_text(p)) for p in checked.problems] == [
        (4, "This matches more than one application; give the application id instead."),
        (5, "Nobody with this application id, e-mail or phone among your applications."),
        (6, "The same person as line 2; only the first row is used."),
        (7, "This person has no Psikotes in progress: assign it first."),
        (8, "No application id, e-mail or phone number."),
    ]
    assert not Assessment.objects.exclude(outcome="").exists()


def test_saving_records_the_good_rows_once(people, psikotes, personas):
    checked = _check(personas.recruiter, psikotes)
    assert import_save(actor=personas.recruiter, result_import=checked) == 2
    putri = Assessment.objects.get(pk=people["Putri Maharani"].pk)
    assert putri.outcome == "passed" and putri.conclusion == "Potensi baik"
    assert (
        putri.result_source == ResultSource.IMPORT
        and putri.result_recorded_at.date().isoformat() == "2026-11-20"
    )
    assert Assessment.objects.get(pk=people["Budi Santoso"].pk).outcome == "failed"
    with pytest.raises(DomainError) as refused:
        import_save(actor=personas.recruiter, result_import=checked)
    assert refused.value.code == "already_saved"


def test_one_row_changed_meanwhile_saves_none(people, psikotes, personas):
    checked = _check(personas.recruiter, psikotes)
    budi = people["Budi Santoso"]
    assessment_cancel(actor=personas.recruiter, assessment=budi, reason="Mundur", expected_version=None)
    with pytest.raises(DomainError) as refused:
        import_save(actor=personas.recruiter, result_import=checked)
    assert "Line 3" in str(refused.value.message)
    assert Assessment.objects.get(pk=people["Putri Maharani"].pk).status == AssessmentStatus.ASSIGNED


def test_scores_out_of_range_and_unknown_categories_are_reported(people, personas):
    skills = type_make(
        name="Tes teknis", shape=ResultShape.SCORE, max_score=Decimal(100), pass_mark=Decimal(70)
    )
    assessment_make(application=people["Putri Maharani"].application, assessment_type=skills)
    assessment_make(application=people["Budi Santoso"].application, assessment_type=skills)
    text = "application id,score\n{putri},120\n{budi},sembilan\n".format(
        putri=people["Putri Maharani"].application_id, budi=people["Budi Santoso"].application_id
    )
    checked = _check(personas.recruiter, skills, text)
    assert checked.rows == []
    assert [p["code"] for p in checked.problems] == ["score_out_of_range", "bad_score"]
    bad_category = _check(
        personas.recruiter,
        type_make(name="Psikotes", shape="category"),
        "email,kategori\nputri@example.com,hebat\n",
    )
    assert [p["code"] for p in bad_category.problems] == ["unknown_category"]


def test_a_file_without_a_person_column_is_refused(psikotes, personas):
    with pytest.raises(DomainError) as refused:
        _check(personas.recruiter, psikotes, "nama,kategori\nPutri,disarankan\n")
    assert refused.value.code == "no_identifier_column"


def test_another_teams_applications_are_unknown_to_the_importer(people, psikotes, personas):
    # The other recruiter is not on team A's job: to them these people do not exist.
    checked = _check(personas.other_recruiter, psikotes)
    assert checked.rows == []
    assert {p["code"] for p in checked.problems} <= {"unknown_person", "no_identifier"}


def test_an_xlsx_file_is_read_the_same_way(people, psikotes, personas):
    from rekrut.core.exports import xlsx_export

    data = xlsx_export(headers=["E-mail", "Kategori"], rows=[["putri@example.com", "Disarankan"]])
    checked = import_check(user=personas.recruiter, kind=psikotes, name="hasil.xlsx", data=data)
    assert [row["line"] for row in checked.rows] == [2]
