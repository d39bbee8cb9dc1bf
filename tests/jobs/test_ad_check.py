import pytest
from django.urls import reverse

from rekrut.jobs.ad_check import ad_warnings


@pytest.mark.parametrize(
    "text",
    [
        "Usia maksimal 25 tahun",
        "Berpenampilan menarik",
        "Belum menikah",
        "Tinggi badan minimal 160 cm",
        "Pria, maks. 30 tahun",
        "Bebas HIV",
        "Good looking",
    ],
)
def test_discriminatory_requirements_are_flagged(text):
    assert ad_warnings(text)


def test_a_plain_ad_raises_no_warning():
    assert (
        ad_warnings(
            "Content Writer", "Menulis artikel SEO", "Pengalaman 2 tahun menulis, menguasai WordPress"
        )
        == []
    )


@pytest.mark.django_db
def test_the_job_form_warns_while_typing(client_for, personas):
    response = client_for(personas.recruiter).post(
        reverse("jobs:ad_check"), {"requirements": "Wanita, usia maksimal 25 tahun, berpenampilan menarik"}
    )
    assert response.content.decode().count("<li>") == 3
