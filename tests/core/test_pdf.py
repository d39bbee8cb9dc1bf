"""PDF rendering in one place: a template in the language asked for, laid out with nothing fetched from the
network or the disk, and served with a safe file name and no caching."""

from io import BytesIO

import pytest
from django.test import RequestFactory
from django.utils import translation
from pypdf import PdfReader

from rekrut.core.pdf import logo_data_uri, pdf_language, pdf_render, pdf_response

TEMPLATE = """{% load i18n %}<html lang="{{ LANGUAGE_CODE }}"><head>
<link rel="stylesheet" href="{{ stylesheet }}"></head>
<body><h1>{% translate "Jobs" %}</h1><p>{{ company }} · {{ greeting }}</p>
<img src="{{ logo }}"></body></html>"""


@pytest.fixture
def pdf_template(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", {"doc.html": TEMPLATE})]},
        }
    ]
    return "doc.html"


def text_of(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.mark.parametrize(("language", "jobs"), [("id", "Lowongan"), ("en", "Jobs"), ("fr", "Lowongan")])
def test_a_document_is_written_in_the_language_asked_for(pdf_template, settings, tmp_path, language, jobs):
    settings.COMPANY_NAME = "PT Contoh Sejahtera"
    context = {"greeting": "Selamat pagi", "stylesheet": (tmp_path / "none.css").as_uri()}
    text = text_of(pdf_render(template=pdf_template, context=context, language=language))
    assert jobs in text
    assert "PT Contoh Sejahtera · Selamat pagi" in text
    assert translation.get_language() == "en"  # the viewer's language is left as it was


def test_the_renderer_reads_no_local_file_whatever_the_html_asks(pdf_template, tmp_path):
    stylesheet = tmp_path / "leak.css"
    stylesheet.write_text('body::after { content: "LEAKED-FROM-DISK"; }')
    context = {"greeting": "", "stylesheet": stylesheet.as_uri()}
    assert "LEAKED-FROM-DISK" not in text_of(
        pdf_render(template=pdf_template, context=context, language="en")
    )
    # The same HTML laid out by WeasyPrint's own defaults does read the file: the test can fail.
    from weasyprint import HTML

    html = f'<html><head><link rel="stylesheet" href="{stylesheet.as_uri()}"></head><body>x</body></html>'
    assert "LEAKED-FROM-DISK" in text_of(HTML(string=html).write_pdf())


def test_the_logo_is_embedded_in_the_document():
    assert logo_data_uri().startswith("data:image/svg+xml;base64,")


def test_a_pdf_response_has_a_safe_file_name_and_is_never_cached():
    response = pdf_response(b"%PDF-1.7", filename='Évaluation / "Putri" Maharani\r\n.pdf')
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="evaluation-putri-maharani.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    download = pdf_response(b"%PDF-1.7", filename="../../etc/passwd", inline=False)
    assert download["Content-Disposition"] == 'attachment; filename="etcpasswd.pdf"'
    assert pdf_response(b"", filename="///")["Content-Disposition"] == 'inline; filename="document.pdf"'


@pytest.mark.parametrize(
    ("query", "active", "expected"), [("en", "id", "en"), ("fr", "en", "id"), ("", "en", "en")]
)
def test_the_pdf_language_is_the_asked_one_else_the_viewers(query, active, expected):
    request = RequestFactory().get("/form.pdf", {"lang": query} if query else {})
    with translation.override(active):
        assert pdf_language(request) == expected
