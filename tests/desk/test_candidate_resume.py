"""The candidate page shows the structured résumé the candidate sent (JSON Resume) as a short read-only
section, worded and dated in the viewer's language; nothing when there is none."""

import pytest
from django.urls import reverse
from django.utils import translation

from rekrut.candidates.models import Candidate
from rekrut.desk.resume import resume_date, resume_period, resume_summary
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

RESUME = {
    "basics": {"name": "Putri Maharani"},
    "work": [
        {"name": "PT Sinar Jaya", "position": "Kasir", "startDate": "2021-03"},
        {"name": "Toko Makmur", "position": "Pramuniaga", "startDate": "2019", "endDate": "2021-02-28"},
    ],
    "education": [{"institution": "Universitas Padjadjaran", "studyType": "S1", "area": "Akuntansi"}],
    "skills": [{"name": "Excel", "level": "Mahir", "keywords": ["Pivot", "VLOOKUP"]}],
    "languages": [{"language": "Inggris", "fluency": "Menengah"}],
    "certificates": [{"name": "Brevet A", "issuer": "IAI", "date": "2020-08-01"}],
}


def test_dates_read_as_month_and_year_in_the_viewers_language():
    with translation.override("id"):
        assert resume_period("2021-03", None) == "Mar 2021 – sekarang"
        assert resume_date("2020-08-01") == "Agu 2020"
    with translation.override("en"):
        assert resume_period("2021-03", "") == "Mar 2021 – present"
        assert resume_period("2019", "2021-02-28") == "2019 – Feb 2021"
        assert resume_period(None, None) == ""
        assert resume_date("sejak lama") == "sejak lama"  # not a date: shown as written


def test_an_odd_document_is_skipped_not_trusted():
    assert not resume_summary({})
    assert not resume_summary(None)
    assert not resume_summary({"work": "Kasir", "skills": [1, None, {"level": "Mahir"}]})
    summary = resume_summary(
        {"work": [{"name": "PT A", "startDate": 2021}], "languages": [{"language": ["x"]}]}
    )
    assert [entry.title for entry in summary.work] == ["PT A"] and summary.languages == []


@pytest.fixture
def candidate(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani", email="putri@example.com").candidate


def _page(client, candidate, language: str = "en") -> str:
    response = client.get(reverse("desk:candidate", args=[candidate.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_candidate_page_shows_the_resume_to_hr(client_for, personas, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(resume=RESUME)
    client = client_for(personas.recruiter)
    html = _page(client, candidate)
    assert "Work experience" in html and "Kasir" in html and "PT Sinar Jaya" in html
    assert "Mar 2021 – present" in html and "2019 – Feb 2021" in html
    assert "S1 Akuntansi" in html and "Universitas Padjadjaran" in html
    assert "Pivot, VLOOKUP" in html and "Inggris" in html and "Brevet A" in html and "Aug 2020" in html
    with translation.override("id"):
        html = _page(client, candidate, "id")
    assert "Pengalaman kerja" in html and "Mar 2021 – sekarang" in html


def test_nothing_is_shown_without_a_resume(client_for, personas, candidate):
    html = _page(client_for(personas.recruiter), candidate)
    assert 'id="resume-title"' not in html and "Work experience" not in html


def test_the_resume_costs_no_query(client_for, personas, candidate, django_assert_max_num_queries):
    client = client_for(personas.recruiter)
    _page(client, candidate)  # session, caches
    with django_assert_max_num_queries(200) as without:
        _page(client, candidate)
    Candidate.objects.filter(pk=candidate.pk).update(resume=RESUME)
    with django_assert_max_num_queries(len(without.captured_queries)):
        assert "PT Sinar Jaya" in _page(client, candidate)
