"""Every job page carries a JobPosting that Google's job rich results accept: the required properties always,
the recommended ones whenever the job holds them, in the shapes and enums Google documents."""

import json
import re
from datetime import date

import pytest
from django.urls import reverse

from rekrut.careers.models import Branding
from rekrut.jobs.models import EmploymentType, WorkMode
from tests.jobs.factories import LocationFactory, job_make

pytestmark = pytest.mark.django_db

# https://developers.google.com/search/docs/appearance/structured-data/job-posting
REQUIRED = {"@context", "@type", "title", "description", "datePosted", "hiringOrganization"}
RECOMMENDED_ALWAYS = {"employmentType", "identifier", "directApply"}
GOOGLE_EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")


def posting_of(client, job) -> dict:
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def check_google_rules(posting: dict) -> None:
    assert posting.keys() >= REQUIRED
    assert posting.keys() >= RECOMMENDED_ALWAYS
    assert posting["@context"].rstrip("/") == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert ISO_DATE.match(posting["datePosted"])
    organization = posting["hiringOrganization"]
    assert organization["@type"] == "Organization" and organization["name"]
    types = posting["employmentType"]
    assert set(types if isinstance(types, list) else [types]) <= GOOGLE_EMPLOYMENT_TYPES
    assert posting["identifier"]["@type"] == "PropertyValue"
    assert posting["identifier"]["name"] and posting["identifier"]["value"]
    assert posting["directApply"] is True
    # Either a place with a postal address in Indonesia, or a remote job open to applicants in Indonesia.
    if posting.get("jobLocationType") == "TELECOMMUTE":
        requirement = posting["applicantLocationRequirements"]
        assert requirement == {"@type": "Country", "name": "Indonesia"}
    else:
        address = posting["jobLocation"]["address"]
        assert posting["jobLocation"]["@type"] == "Place"
        assert address["@type"] == "PostalAddress" and address["addressCountry"] == "ID"
        assert address["addressLocality"]
    if "validThrough" in posting:
        assert ISO_DATETIME.match(posting["validThrough"])
    if "baseSalary" in posting:
        salary = posting["baseSalary"]
        assert salary["@type"] == "MonetaryAmount" and salary["currency"] == "IDR"
        assert salary["value"]["@type"] == "QuantitativeValue"
        assert salary["value"]["unitText"] in {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}


@pytest.mark.parametrize(
    ("employment_type", "expected"),
    [
        (EmploymentType.PKWTT, "FULL_TIME"),
        (EmploymentType.PKWT, ["FULL_TIME", "TEMPORARY"]),
        (EmploymentType.INTERNSHIP, "INTERN"),
        (EmploymentType.FREELANCE, "CONTRACTOR"),
    ],
)
@pytest.mark.parametrize("work_mode", [WorkMode.ON_SITE, WorkMode.HYBRID, WorkMode.REMOTE])
@pytest.mark.parametrize("show_salary", [True, False])
def test_every_job_page_carries_a_posting_google_accepts(
    client, personas, employment_type, expected, work_mode, show_salary
):
    job = job_make(
        hr_owner=personas.recruiter,
        employment_type=employment_type,
        work_mode=work_mode,
        salary_min=6_000_000,
        salary_max=9_000_000,
        show_salary=show_salary,
        valid_through=date(2099, 12, 31),
        description="Melayani pelanggan.\n\nShift pagi.",
        requirements="Ramah",
    )
    posting = posting_of(client, job)
    check_google_rules(posting)
    assert posting["employmentType"] == expected
    assert posting["title"] == job.title
    assert posting["validThrough"] == "2099-12-31T23:59:59+07:00"
    assert posting["identifier"]["value"] == str(job.pk)
    if work_mode == WorkMode.REMOTE:
        assert "jobLocation" not in posting
    else:
        assert "jobLocationType" not in posting
    if show_salary:
        assert posting["baseSalary"]["value"] == {
            "@type": "QuantitativeValue",
            "minValue": 6_000_000,
            "maxValue": 9_000_000,
            "unitText": "MONTH",
        }
    else:
        assert "baseSalary" not in posting


def test_the_description_is_html_and_the_ad_cannot_break_out_of_the_script(client, personas):
    job = job_make(
        hr_owner=personas.recruiter,
        description="Baris satu\nBaris dua </script><script>alert(1)</script>",
        requirements="S1 & pengalaman",
    )
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    assert "<script>alert(1)" not in page
    posting = posting_of(client, job)
    assert posting["description"].startswith("<p>Baris satu<br>Baris dua &lt;/script&gt;")
    assert "<h3>Requirements</h3>" in posting["description"]
    assert "S1 &amp; pengalaman" in posting["description"]


def test_the_address_branding_and_closing_day_come_from_the_settings(client, personas):
    location = LocationFactory(
        name="Kantor Bandung",
        city="Bandung",
        region="Jawa Barat",
        street_address="Jl. Asia Afrika 8",
        postal_code="40111",
    )
    Branding.objects.create(pk=1, name="PT Sinar Jaya", website="https://sinarjaya.co.id")
    job = job_make(hr_owner=personas.recruiter, location=location)
    posting = posting_of(client, job)
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Jl. Asia Afrika 8",
        "addressLocality": "Bandung",
        "addressRegion": "Jawa Barat",
        "postalCode": "40111",
        "addressCountry": "ID",
    }
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "PT Sinar Jaya",
        "sameAs": "https://sinarjaya.co.id",
    }
    assert "validThrough" not in posting  # no closing day: none is made up


def test_a_single_salary_figure_is_a_value_not_a_range(client, personas):
    job = job_make(hr_owner=personas.recruiter, salary_min=5_500_000, show_salary=True)
    assert posting_of(client, job)["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 5_500_000,
        "unitText": "MONTH",
    }
