"""Serving a stored file (a brief, the work handed in, a report) as what its content is: typed by the ending
its content was checked to have when uploaded, never sniffed, not cached, and named after what it is, never
what the uploader called it. Served by `core.files.file_response`: streamed, or a short-lived link to the
bucket, or nginx's internal redirect, as the deployment says."""

from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.utils.text import slugify

from rekrut.core.files import file_response

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "zip": "application/zip",
}


def stored_file_response(request: HttpRequest, file: FieldFile, *, stem: str) -> HttpResponseBase:
    if not file:
        raise Http404
    stored = file.name or ""
    ending = stored.rsplit(".", 1)[-1].lower() if "." in stored else ""
    if ending not in CONTENT_TYPES:
        raise Http404
    name = f"{slugify(stem) or 'file'}.{ending}"
    return file_response(request, file, filename=name, content_type=CONTENT_TYPES[ending])
