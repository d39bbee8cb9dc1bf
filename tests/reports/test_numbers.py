"""Each report's figures against the hand-counted company of conftest.py (Q3 2026)."""

import pytest

from rekrut.reports.models import ReportSettings
from rekrut.reports.registry import REPORTS
from tests.reports.conftest import cells, filters_for

pytestmark = pytest.mark.django_db

EMPTY = {"period": "custom", "start": "2025-01-01", "end": "2025-01-31"}


def run(key, user, data=None):
    scope, filters = filters_for(user, data)
    return REPORTS[key].run(scope, filters)


def by_label(rows):
    return {row[0]: row[1:] for row in rows}


def test_funnel_counts_each_stage_reached_in_the_period(company, today):
    report = run("funnel", company.personas.hr_admin)
    rows = by_label(cells(report, "funnel"))
    assert rows["Applied"] == [4, 100.0, None]
    assert rows["Screening"][:2] == [2, 50.0]
    assert rows["HR interview"][:2] == [2, 50.0]
    assert rows["User interview"] == [1, 25.0, 50.0]
    assert rows["Onboarding"][:2] == [1, 25.0]
    assert (
        "Of 4 applications received in 1 July 2026 – 30 September 2026, 1 (25%) were hired."
        in report.sentences
    )


def test_drop_off_counts_reasons_and_withdrawals(company, today):
    report = run("funnel", company.personas.hr_admin)
    assert sorted(cells(report, "drop_off")) == [
        ["Not qualified enough", 1, 50.0],
        ["Withdrawn by the candidate", 1, 50.0],
    ]
    assert by_label(cells(report, "stopped_at")) == {"Applied": [0, 1], "HR interview": [1, 0]}


def test_funnel_of_one_job_shows_its_own_stages(company, today):
    report = run("funnel", company.personas.hr_admin, {**_q3(), "job": company.job_a.pk})
    first = cells(report, "funnel")[0]
    assert first == [company.job_a.stages.get(position=1).name, 3, 100.0, None]


def test_a_job_with_one_application(company, today):
    report = run("funnel", company.personas.hr_admin, {**_q3(), "job": company.job_b.pk})
    rows = cells(report, "funnel")
    assert rows[0] == [company.job_b.stages.get(position=1).name, 1, 100.0, None]
    assert [row[1] for row in rows[1:]] == [0] * (len(rows) - 1)  # its own stages, reached by none yet
    speed = run("speed", company.personas.hr_admin, {**_q3(), "job": company.job_b.pk})
    assert cells(speed, "first_contact") == [[1, 0, None, None]]
    assert cells(speed, "hire_and_fill") == []


def test_speed_medians_and_90th_percentiles(company, today):
    report = run("speed", company.personas.hr_admin)
    stages = by_label(cells(report, "stage_time"))
    assert stages["Applied"] == [3, 2.0, 2.0]
    assert stages["Screening"] == [2, 0.0, 5.0]
    assert stages["HR interview"] == [2, 0.0, 2.0]
    assert stages["Contract"] == [1, 29.0, 29.0]
    assert cells(report, "first_contact") == [[4, 2, 1.0, 2.0]]
    levels = by_label(cells(report, "hire_and_fill"))
    assert levels["Staff"] == [1, 30.0, 30.0, None, 1, 64.0, None]
    assert levels["All levels"] == [1, 30.0, 30.0, None, 1, 64.0, None]


def test_speed_sets_the_target_beside_the_median_and_says_when_it_is_missed(company, today):
    from rekrut.reports.models import SpeedTarget

    SpeedTarget.objects.create(level="staff", days_to_hire=21, days_to_fill=60)
    report = run("speed", company.personas.hr_admin)
    assert by_label(cells(report, "hire_and_fill"))["Staff"] == [1, 30.0, 30.0, 21, 1, 64.0, 60]
    assert "Staff: hiring took 30 days (median), the target is 21." in report.sentences


def test_stalled_applications_follow_the_setting(company, today):
    report = run("speed", company.personas.hr_admin)
    assert cells(report, "stalled") == [["Applied", 2, 2, 100.0]]
    ReportSettings.objects.create(stalled_after_days=90)
    report = run("speed", company.personas.hr_admin)
    assert cells(report, "stalled") == [["Applied", 2, 1, 50.0]]  # a0 since 15 June; b1 only since 10 July


def test_sources_with_conversion(company, today):
    rows = by_label(cells(run("sources", company.personas.hr_admin), "sources"))
    assert rows["Job board (Jobstreet, Glints, Kalibrr, ...)"] == [2, 1, 1, 0, 50.0, 50.0, 0.0]
    assert rows["Employee referral"] == [1, 1, 1, 1, 100.0, 100.0, 100.0]
    assert rows["Other"] == [1, 0, 0, 0, 0.0, 0.0, 0.0]


def test_offers(company, today):
    report = run("offers", company.personas.hr_admin)
    assert cells(report, "offers") == [[2, 1, 1, 0, 0, 50.0, 3.0, 3.0]]
    assert by_label(cells(report, "pay_vs_range")) == {
        "Below the range": [1, 50.0],
        "Within the range": [1, 50.0],
        "Above the range": [0, 0.0],
        "The job has no range": [0, 0.0],
    }
    [(day, job, reason)] = cells(report, "declines")
    assert (str(day), job, reason) == ("2026-07-11", "Customer Service Officer", "Gaji kurang")


def test_interviewers_timeliness_and_calibration(company, today):
    report = run("interviewers", company.personas.hr_admin)
    andi, budi, maya = (
        str(company.personas.other_manager),
        str(company.personas.hiring_manager),
        str(company.personas.interviewer),
    )
    assert by_label(cells(report, "timeliness")) == {
        andi: [0, 0, 1, 0, 0.0],
        budi: [1, 1, 0, 0, 50.0],
        maya: [2, 0, 0, 0, 100.0],
    }
    assert by_label(cells(report, "recommendations")) == {
        budi: [2, 0.0, 50.0, 50.0, 0.0],
        maya: [2, 0.0, 0.0, 50.0, 50.0],
    }
    calibration = by_label(cells(report, "calibration"))
    assert calibration[budi] == [2, 2.5, 3.5, -1.0, "Too few shared applications to tell"]
    assert calibration[maya] == [2, 3.5, 2.5, 1.0, "Too few shared applications to tell"]
    assert report.sentences == []


def test_calibration_flags_from_the_set_number_of_applications(company, today):
    ReportSettings.objects.create(calibration_min_applications=2)
    report = run("interviewers", company.personas.hr_admin)
    calibration = by_label(cells(report, "calibration"))
    maya = str(company.personas.interviewer)
    assert calibration[str(company.personas.hiring_manager)][-1] == "Harsher than peers"
    assert calibration[maya][-1] == "Softer than peers"
    assert f"{maya}: softer than peers by 1 on 2 shared applications." in report.sentences


def test_two_tracks_agreement_and_decisions(company, today):
    report = run("tracks", company.personas.hr_admin)
    assert by_label(cells(report, "agreement")) == {
        "HR yes, user yes": [1, 50.0],
        "HR yes, user no": [1, 50.0],
        "HR no, user yes": [0, 0.0],
        "HR no, user no": [0, 0.0],
    }
    assert cells(report, "decisions") == [
        ["HR interview", "Yes", 1, 0, 1, 50.0],
        ["User interview", "Yes", 1, 0, 0, 100.0],
        ["User interview", "No", 0, 0, 1, 100.0],
    ]
    assert report.sentences[0] == (
        "In 1 July 2026 – 30 September 2026 the user interview overturned HR's yes in 50% of applications "
        "(1 of 2 that HR passed)."
    )
    assert report.sentences[-1] == (
        "The decision followed the HR interview in 50% of decided applications and the user interview in "
        "100%."
    )


@pytest.mark.parametrize("key", list(REPORTS))
def test_an_empty_period_has_no_rows(company, today, key):
    report = run(key, company.personas.hr_admin, EMPTY)
    empty_ok = {"stalled"}  # stalled is about now, whatever the period
    assert all(table.is_empty for table in report.tables if table.key not in empty_ok)
    assert report.sentences == []


def test_a_hiring_manager_counts_only_their_jobs(company, today):
    report = run("funnel", company.personas.hiring_manager)
    assert by_label(cells(report, "funnel"))["Applied"] == [3, 100.0, None]
    other = run("funnel", company.personas.other_manager)
    assert by_label(cells(other, "funnel"))["Applied"] == [1, 100.0, None]
    offers = run("offers", company.personas.other_manager)
    assert cells(offers, "offers") == []


def test_the_sentence_reads_in_indonesian_with_indonesian_numbers(company, today, settings):
    from django.utils import translation

    with translation.override("id"):
        report = run("tracks", company.personas.hr_admin)
        assert "50%" in report.sentences[0]
        assert report.sentences[0].startswith("Pada 1 Juli 2026 – 30 September 2026")


def _q3():
    from tests.reports.conftest import Q3

    return dict(Q3)
