"""PDF documents (evaluation forms, offer letters, medical referrals) rendered in one place, by WeasyPrint.

A document is a Django template rendered in the language asked for, with the company's name and logo, and
laid out by WeasyPrint with no access to the network or the disk: everything it shows is in the HTML.
"""

import base64
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

LOGO = settings.BASE_DIR / "static" / "rekrut" / "logo.svg"


def pdf_languages() -> tuple[str, ...]:
    return tuple(code for code, _name in settings.LANGUAGES)


@cache
def logo_data_uri() -> str:
    """The logo embedded in the document itself, so the PDF needs no web request to render."""
    return "data:image/svg+xml;base64," + base64.b64encode(LOGO.read_bytes()).decode("ascii")


def document_language(wanted: str | None) -> str:
    """A language documents are written in (id, en); anything else is Bahasa Indonesia."""
    return wanted if wanted in pdf_languages() else "id"


def pdf_language(request: HttpRequest) -> str:
    """`?lang=id|en`, else the viewer's language."""
    return document_language(request.GET.get("lang") or (translation.get_language() or "id")[:2])


def pdf_render(*, template: str, context: dict[str, Any], language: str) -> bytes:
    """The template rendered in `language` (id or en) and laid out as PDF bytes.

    The context gets `company`, `logo`, `printed_at` and `LANGUAGE_CODE` unless it sets them itself.
    """
    from weasyprint import HTML  # heavy imports: only when a PDF is asked for
    from weasyprint.urls import URLFetcher

    language = document_language(language)
    with translation.override(language):
        html = render_to_string(
            template,
            {
                "company": settings.COMPANY_NAME,
                "logo": logo_data_uri(),
                "printed_at": timezone.now(),
                "LANGUAGE_CODE": language,
                **context,
            },
        )
    # Only data: URLs are fetched: text typed by users can never make the renderer read a local file or
    # call a server, whatever ends up in the HTML.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def pdf_response(content: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    """The PDF for the browser: a file name made safe (ASCII, no quotes or slashes), never cached."""
    stem = slugify(filename.removesuffix(".pdf")) or "document"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{stem}.pdf"'
    # Documents hold personal data: not kept by the browser's or any proxy's cache.
    response["Cache-Control"] = "private, no-store"
    return response
