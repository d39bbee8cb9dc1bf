"""Files in an S3-compatible bucket (a real `rclone serve s3`, which checks signatures): stored privately,
handed out after the access check by a short-lived signed link or nginx's internal redirect, removed on
erasure."""

import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from rekrut.candidates.services import CVUpload, candidate_update
from rekrut.core.storage_settings import default_storage_from_environment, file_downloads_from_environment
from rekrut.events.models import AuditEvent
from rekrut.privacy.erasure import candidate_erase
from rekrut.privacy.models import ErasureReason
from tests.candidates.filebuilders import docx_bytes, pdf_bytes
from tests.pipeline.factories import application_make
from tests.services.files import download_follow, storage_isolate, stored_names

pytestmark = pytest.mark.django_db

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def bucket(settings, tmp_path, s3_server):
    """The default storage in its own folder of the test bucket, downloads by signed link."""
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_environment(s3_server.env())}
    settings.FILE_DOWNLOADS = "presigned"
    settings.S3_PRESIGN_SECONDS = 300
    storage_isolate(settings, tmp_path)
    return s3_server


@pytest.fixture
def candidate(team_a_job, personas):
    candidate = application_make(job=team_a_job, full_name="Putri Maharani").candidate
    return cv_give(
        candidate, personas, name="CV Putri — 2026.pdf", data=pdf_bytes("Putri Maharani"), kind="pdf"
    )


def cv_give(candidate, personas, *, name, data, kind):
    return candidate_update(
        actor=personas.recruiter,
        candidate=candidate,
        loaded_version=None,
        cv=CVUpload(name=name, data=data, kind=kind, text=""),
    )


def cv_url(candidate, **query):
    return reverse("desk:candidate_cv", args=[candidate.pk]) + ("?inline=1" if query.get("inline") else "")


# --- configuration ---------------------------------------------------------------------------------------


def test_without_a_bucket_files_stay_on_this_machine():
    assert default_storage_from_environment({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert file_downloads_from_environment({}) == "stream"


def test_a_bucket_is_private_signed_and_never_overwrites():
    environment = {
        "REKRUT_S3_BUCKET": "rekrut-files",
        "REKRUT_S3_ENDPOINT_URL": "https://s3.example.id",
        "REKRUT_S3_ACCESS_KEY_ID": "key",
        "REKRUT_S3_SECRET_ACCESS_KEY": "secret",
    }
    configured = default_storage_from_environment(environment)
    assert configured["BACKEND"] == "storages.backends.s3.S3Storage"
    options = configured["OPTIONS"]
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["signature_version"] == "s3v4" and options["addressing_style"] == "path"
    assert options["region_name"] == "us-east-1" and options["querystring_expire"] == 300
    assert options["file_overwrite"] is False
    assert file_downloads_from_environment(environment) == "presigned"


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"REKRUT_FILE_DOWNLOADS": "ftp"}, "must be one of presigned, stream, x-accel"),
        ({"REKRUT_FILE_DOWNLOADS": "presigned"}, "needs a bucket"),
    ],
)
def test_a_wrong_download_setting_stops_the_start_with_a_clear_message(environment, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        file_downloads_from_environment(environment)


@pytest.mark.parametrize("seconds", ["soon", "0", "700000"])
def test_a_wrong_link_lifetime_stops_the_start_with_a_clear_message(seconds):
    with pytest.raises(ImproperlyConfigured, match="REKRUT_S3_PRESIGN_SECONDS"):
        default_storage_from_environment({"REKRUT_S3_BUCKET": "b", "REKRUT_S3_PRESIGN_SECONDS": seconds})


# --- the bucket --------------------------------------------------------------------------------------------


def test_a_cv_is_stored_in_the_bucket_and_nobody_reads_it_without_a_signature(bucket, candidate):
    name = candidate.cv_file.name
    assert name.startswith("cv/") and stored_names("cv") == [name]
    location = default_storage.location
    assert bucket.keys(f"{location}/cv/") == [f"{location}/{name}"]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{bucket.endpoint_url}/{bucket.bucket}/{location}/{name}", timeout=5)
    assert refused.value.code in {400, 403}  # rclone refuses an unsigned request with 400, AWS with 403


def test_a_download_is_a_short_lived_signed_link_named_and_typed_by_the_view(
    bucket, client_for, personas, candidate
):
    response = client_for(personas.hiring_manager).get(cv_url(candidate))
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    link = urlsplit(response["Location"])
    assert f"{link.scheme}://{link.netloc}" == bucket.endpoint_url
    query = parse_qs(link.query)
    assert query["X-Amz-Expires"] == ["300"] and query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    got = download_follow(response)
    assert got.status == 200 and got.content_type == PDF and got.content.startswith(b"%PDF-")
    kind, ascii_name, utf8_name = (part.strip() for part in got.disposition.split(";"))
    assert (kind, ascii_name) == ("attachment", 'filename="cv-putri-2026.pdf"')
    assert unquote(utf8_name.split("''", 1)[1]) == "CV Putri — 2026.pdf"
    # The access check and the audit row come first, as for a streamed file.
    assert AuditEvent.objects.filter(action="cv.downloaded").count() == 1
    assert client_for(personas.other_recruiter).get(cv_url(candidate)).status_code in {403, 404}


def test_a_tampered_or_expired_link_is_refused_by_the_bucket(
    bucket, client_for, personas, candidate, settings
):
    link = client_for(personas.recruiter).get(cv_url(candidate))["Location"]
    tampered = link.replace("X-Amz-Expires=300", "X-Amz-Expires=604800")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(tampered, timeout=5)
    assert refused.value.code == 403, refused.value.read()
    settings.S3_PRESIGN_SECONDS = 1
    short = client_for(personas.recruiter).get(cv_url(candidate))["Location"]
    assert parse_qs(urlsplit(short).query)["X-Amz-Expires"] == ["1"]
    time.sleep(2.1)  # the bucket's own clock decides; signatures carry whole seconds
    with pytest.raises(urllib.error.HTTPError) as expired:
        urllib.request.urlopen(short, timeout=5)
    # AWS answers 403 "Request has expired"; rclone 400, both AccessDenied.
    assert expired.value.code in {400, 403} and b"AccessDenied" in expired.value.read()


def test_a_word_cv_in_the_bucket_is_told_apart_by_its_content(bucket, client_for, personas, candidate):
    candidate.refresh_from_db()
    cv_give(candidate, personas, name="cv.pdf", data=docx_bytes(["Putri"]), kind="docx")
    client = client_for(personas.recruiter)
    assert download_follow(client.get(cv_url(candidate))).content_type == DOCX
    assert client.get(cv_url(candidate, inline=True)).status_code == 404  # only a PDF is previewed


def test_the_preview_streams_from_the_bucket_inside_its_sandbox(bucket, client_for, personas, candidate):
    """A signed link would point the page's frame at another origin, which its policy does not allow, and
    the bucket cannot send our sandbox policy: the preview keeps coming from Rekrut."""
    response = client_for(personas.hiring_manager).get(cv_url(candidate, inline=True))
    assert response.status_code == 200 and response["Content-Type"] == PDF
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_cv_whose_object_is_gone_is_a_404(bucket, client_for, personas, candidate):
    default_storage.delete(candidate.cv_file.name)
    assert client_for(personas.recruiter).get(cv_url(candidate)).status_code == 404


def test_a_replaced_cv_leaves_the_bucket(bucket, personas, candidate, django_capture_on_commit_callbacks):
    old = candidate.cv_file.name
    candidate.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        cv_give(candidate, personas, name="baru.pdf", data=pdf_bytes("baru"), kind="pdf")
    candidate.refresh_from_db()
    assert stored_names("cv") == [candidate.cv_file.name] and old != candidate.cv_file.name


def test_erasure_removes_the_object_from_the_bucket(
    bucket, personas, candidate, django_capture_on_commit_callbacks
):
    location = default_storage.location
    assert bucket.keys(location + "/")
    with django_capture_on_commit_callbacks(execute=True):
        candidate_erase(candidate=candidate, actor=personas.hr_admin, reason=ErasureReason.REQUEST)
    assert bucket.keys(location + "/") == []  # listed by the bucket itself, not through Rekrut


# --- nginx's internal redirect ------------------------------------------------------------------------


def test_x_accel_hands_a_local_file_to_nginx(settings, tmp_path, client_for, personas, candidate):
    settings.FILE_DOWNLOADS = "x-accel"
    settings.X_ACCEL_PREFIX = "/protected-files/"
    storage_isolate(settings, tmp_path)
    candidate.refresh_from_db()
    cv_give(candidate, personas, name="cv.pdf", data=pdf_bytes("Putri"), kind="pdf")
    candidate.refresh_from_db()
    response = client_for(personas.recruiter).get(cv_url(candidate))
    assert response.status_code == 200 and response.content == b""
    if default_storage.__class__.__name__ == "S3Storage":  # REKRUT_TEST_S3=1: nginx proxies the signed link
        assert response["X-Accel-Redirect"].startswith("/protected-files/http/127.0.0.1:")
    else:
        assert response["X-Accel-Redirect"] == f"/protected-files/{candidate.cv_file.name}"
    assert response["Content-Type"] == PDF and response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


def test_x_accel_hands_nginx_a_signed_link_to_the_bucket(bucket, settings, client_for, personas, candidate):
    settings.FILE_DOWNLOADS = "x-accel"
    accel = client_for(personas.recruiter).get(cv_url(candidate))["X-Accel-Redirect"]
    prefix = f"/protected-files/http/127.0.0.1:{urlsplit(bucket.endpoint_url).port}/{bucket.bucket}/"
    assert accel.startswith(prefix) and "X-Amz-Signature=" in accel
    # What nginx fetches (scheme://host/path?query) is a working link.
    scheme, _, rest = accel.removeprefix("/protected-files/").partition("/")
    with urllib.request.urlopen(f"{scheme}://{rest}", timeout=5) as answer:
        assert answer.read().startswith(b"%PDF-")


def test_a_file_saved_twice_under_one_name_keeps_both(bucket):
    first = default_storage.save("reports/report.pdf", ContentFile(b"one"))
    second = default_storage.save("reports/report.pdf", ContentFile(b"two"))
    assert first != second and {default_storage.open(n).read() for n in (first, second)} == {b"one", b"two"}
