"""Ranking applicants, the matching rules: synonyms, whole words, years from dates, levels, location."""

from datetime import date

import pytest

from rekrut.intake.ranking.levels import education_rank, fluency_rank, language_key
from rekrut.intake.ranking.matching import Place, criteria_of, match
from rekrut.intake.ranking.periods import date_read, periods_of, years_stated, years_total
from rekrut.intake.ranking.profile import profile_build
from rekrut.intake.ranking.synonyms import group_count, variants
from rekrut.intake.ranking.text import protected_lines_drop, words
from rekrut.jobs.models import Job, JobRequirements, Location, WorkMode

TODAY = date(2026, 11, 29)


def criteria(work_mode: str = WorkMode.ON_SITE, **fields: object):
    job = Job(
        location=Location(name="Kantor Bandung", city="Bandung", region="Jawa Barat"), work_mode=work_mode
    )
    return criteria_of(job=job, requirements=JobRequirements(**fields))


def profile(resume: dict | None = None, text: str = "", city: str = ""):
    return profile_build(resume=resume or {}, cv_text=text, city=city, today=TODAY)


def skills_met(text: str, *skills: str) -> tuple[str, ...]:
    return match(criteria(must_have=list(skills)), profile(text=text)).must_met


@pytest.mark.parametrize(
    "cv",
    [
        "Mahir Ms. Excel",
        "Microsoft Excel (VLOOKUP)",
        "excel",
        "Pengolahan spreadsheet",
        "lembar kerja",
        "MS-Excel",
    ],
)
def test_excel_is_found_however_the_cv_spells_it(cv):
    assert skills_met(cv, "Microsoft Excel") == ("Microsoft Excel",)


def test_indonesian_and_english_names_match_each_other():
    assert skills_met("3 tahun di bagian akuntansi", "accounting") == ("accounting",)
    assert skills_met("Customer Service di Bank", "layanan pelanggan") == ("layanan pelanggan",)
    assert skills_met("Pelayanan pelanggan", "Customer service") == ("Customer service",)


def test_accents_and_case_are_folded():
    assert skills_met("Pâtisserie, MICROSOFT EXCEL", "microsoft excel", "patisserie") == (
        "microsoft excel",
        "patisserie",
    )


def test_a_narrower_skill_counts_for_the_broader_one_only():
    assert skills_met("PostgreSQL dan MySQL", "SQL") == ("SQL",)
    assert skills_met("Menulis query SQL", "PostgreSQL") == ()


def test_java_does_not_match_javascript_and_the_other_way_round():
    assert skills_met("JavaScript, TypeScript", "Java") == ()
    assert skills_met("Java 11, Spring Boot", "JavaScript") == ()


def test_a_one_letter_skill_matches_a_list_item_never_a_letter_in_a_word_or_an_initial():
    assert skills_met("Alamat: Jl. R. Soeprapto; rajin dan rapi", "R") == ()
    assert skills_met("Bahasa pemrograman: Python, R, SQL", "R") == ("R",)
    resume = {"skills": [{"name": "Statistik", "keywords": ["R", "SPSS"]}]}
    found = match(criteria(must_have=["R"]), profile(resume)).must_met
    assert found == ("R",)


def test_cpp_and_csharp_keep_their_signs():
    assert skills_met("C++ dan C#", "C") == ()
    assert skills_met("C++ dan C#", "C++", "C#") == ("C++", "C#")


def test_words_split_tabs_carriage_returns_and_punctuation():
    assert words("Layanan\tpelanggan\r\nMs.Excel.") == " layanan pelanggan ms.excel ms excel "
    assert skills_met("Layanan\tpelanggan", "customer service") == ("customer service",)


def test_the_synonym_file_has_a_few_hundred_entries_for_every_job_family():
    groups, terms = group_count()
    assert groups >= 200 and terms >= 800
    assert {"ms excel", "spreadsheet", "lembar kerja", "microsoft excel"} <= variants("Excel")


# --- experience -----------------------------------------------------------------------------------


def test_partial_dates_read_as_the_middle_of_the_year_or_the_month():
    assert date_read("2019", is_end=False, today=TODAY) == date(2019, 7, 1)
    assert date_read("2021-03", is_end=False, today=TODAY) == date(2021, 3, 1)
    assert date_read("2021-02", is_end=True, today=TODAY) == date(2021, 2, 28)
    assert date_read("sekarang", is_end=True, today=TODAY) == TODAY
    assert date_read("Present", is_end=True, today=TODAY) == TODAY
    assert date_read("", is_end=True, today=TODAY) == TODAY
    assert date_read("kemarin", is_end=False, today=TODAY) is None


def test_overlapping_jobs_count_once():
    work = [
        {"startDate": "2020-01", "endDate": "2021-12"},
        {"startDate": "2021-01", "endDate": "2022-12"},  # a side job overlapping the first by a year
        {"startDate": "2024-01-01", "endDate": "2024-12-31"},
    ]
    assert round(years_total(periods_of(work, today=TODAY)), 1) == 4.0


def test_a_job_going_on_counts_up_to_today_and_a_future_start_not_at_all():
    work = [{"startDate": "2024-11-29"}, {"startDate": "2027-01", "endDate": "2028-01"}]
    assert round(years_total(periods_of(work, today=TODAY)), 1) == 2.0


def test_years_of_a_field_count_only_the_jobs_in_that_field():
    resume = {
        "work": [
            {
                "name": "Bank Maju",
                "position": "Customer Service",
                "startDate": "2021-01",
                "endDate": "2023-12",
            },
            {"name": "Toko Jaya", "position": "Kasir", "startDate": "2019-01", "endDate": "2020-12"},
        ]
    }
    found = match(criteria(experience_years=2, experience_in="layanan pelanggan"), profile(resume))
    assert round(found.years or 0, 1) == 3.0 and found.years_met


def test_a_cv_without_dates_may_state_its_years_in_words():
    assert years_stated("Memiliki 5 tahun pengalaman di bidang penjualan") == 5
    assert years_stated("Over 3+ years of experience in sales") == 3
    assert years_stated("Pengalaman kerja selama 2 tahun") == 2
    assert years_stated("Usia 28 tahun pengalaman kerja 3 tahun") == 3
    assert years_stated("I am 30 years old, 4 years of experience in sales") == 4
    found = match(criteria(experience_years=4), profile(text="5 tahun pengalaman"))
    assert found.years == 5 and found.years_met


# --- education and languages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("degree", "rank"),
    [
        ("SMK", 1),
        ("D3 Akuntansi", 2),
        ("Ahli Madya (A.Md.)", 2),
        ("S1", 3),
        ("Sarjana Ekonomi (S.E.)", 3),
        ("Bachelor of Science", 3),
        ("D4 / Sarjana Terapan", 3),
        ("Magister Manajemen", 4),
        ("MBA", 4),
        ("Ph.D.", 5),
    ],
)
def test_education_levels_are_read_in_both_languages(degree, rank):
    assert education_rank([{"studyType": degree}]) == rank


def test_the_highest_education_counts_and_is_compared_in_order():
    resume = {
        "education": [{"studyType": "SMA"}, {"studyType": "S1", "institution": "Universitas Padjadjaran"}]
    }
    assert match(criteria(education_min="d3"), profile(resume)).education_met is True
    assert match(criteria(education_min="s2"), profile(resume)).education_met is False


def test_a_school_name_tells_the_level_when_the_degree_is_missing():
    assert education_rank([{"institution": "SMA Negeri 3 Bandung"}]) == 1
    assert education_rank([{"institution": "Universitas Indonesia"}]) == 3


def test_languages_match_by_name_in_either_language_and_compare_levels():
    assert language_key("Bahasa Inggris") == language_key("English") == "inggris"
    assert fluency_rank("Lancar") == fluency_rank("Fluent") == 3
    assert fluency_rank("Dasar") == 1
    resume = {"languages": [{"language": "English", "fluency": "Intermediate"}]}
    fluent = criteria(languages=[{"language": "Inggris", "level": "fluent"}])
    conversational = criteria(languages=[{"language": "Inggris", "level": "conversational"}])
    assert match(fluent, profile(resume)).languages[0].met is False
    assert match(conversational, profile(resume)).languages[0].met is True


def test_a_toefl_score_gives_the_english_level():
    asked = criteria(languages=[{"language": "English", "level": "fluent"}])
    assert match(asked, profile(text="TOEFL ITP: 563")).languages[0].met is True
    assert match(asked, profile(text="TOEFL 480")).languages[0].rank == 2


# --- location -------------------------------------------------------------------------------------


def test_location_is_said_from_the_city_the_province_or_a_willingness_to_relocate():
    assert match(criteria(), profile(city="Bandung")).place == Place.SAME_CITY
    resume = {"basics": {"location": {"city": "Cimahi", "region": "Jawa Barat"}}}
    assert match(criteria(), profile(resume)).place == Place.SAME_REGION
    assert match(
        criteria(), profile(text="Bersedia ditempatkan di seluruh Indonesia", city="Medan")
    ).place == (Place.RELOCATES)
    assert match(criteria(), profile(city="Medan")).place == Place.ELSEWHERE
    assert match(criteria(), profile()).place == Place.UNKNOWN


def test_location_never_changes_the_order_and_is_not_said_for_a_remote_job():
    near = match(criteria(must_have=["Excel"]), profile(text="Excel", city="Bandung"))
    far = match(criteria(must_have=["Excel"]), profile(text="Excel", city="Jayapura"))
    assert near.sort_key() == far.sort_key()
    assert match(criteria(WorkMode.REMOTE), profile(city="Medan")).place is None
    assert match(criteria(location_matters=False), profile(city="Medan")).place is None


def test_lines_about_protected_attributes_are_dropped_from_the_text():
    text = "Agama: Islam\nStatus: Menikah\nTempat, tanggal lahir: Bandung, 1 Mei 1990\nUsia: 35\nExcel"
    assert protected_lines_drop(text).split() == ["Excel"]
