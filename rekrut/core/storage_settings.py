"""Where uploaded and generated files live, from the environment: a private S3-compatible bucket when
REKRUT_S3_BUCKET is set, else var/media on this machine. Read by settings.py (and by the tests' S3 switch)."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

DOWNLOAD_MODES = ("presigned", "stream", "x-accel")


def default_storage_from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """STORAGES["default"]: S3Storage on the bucket (private objects, signed v4 links that expire), or the
    local file system under MEDIA_ROOT (read when used, so tests may move it)."""
    bucket = environ.get("REKRUT_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    from botocore.config import Config

    addressing_style = environ.get("REKRUT_S3_ADDRESSING_STYLE") or "path"
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("REKRUT_S3_ENDPOINT_URL") or None,
            # None lets boto3 find credentials itself (instance role, ~/.aws) when the keys are not given.
            "access_key": environ.get("REKRUT_S3_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("REKRUT_S3_SECRET_ACCESS_KEY") or None,
            "region_name": environ.get("REKRUT_S3_REGION") or "us-east-1",
            # Path style works with MinIO, rclone, Garage and AWS alike; virtual hosts need DNS per bucket.
            "addressing_style": addressing_style,
            "signature_version": "s3v4",
            # Checksums only where S3 requires them: S3-compatible servers differ in the newer ones, and a
            # ranged read (telling a PDF from a Word file) gets the whole object's checksum from some.
            "client_config": Config(
                s3={"addressing_style": addressing_style},
                signature_version="s3v4",
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
            # CVs and medical reports are personal data: no public ACL; every link is signed, short-lived.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": presign_seconds(environ),
            # A second "cv.pdf" gets its own name instead of replacing another candidate's file.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }


def presign_seconds(environ: Mapping[str, str]) -> int:
    raw = environ.get("REKRUT_S3_PRESIGN_SECONDS", "300")
    try:
        seconds = int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"REKRUT_S3_PRESIGN_SECONDS must be a number of seconds, not {raw!r}"
        ) from None
    if not 1 <= seconds <= 7 * 24 * 3600:  # S3 refuses signatures valid for more than a week
        raise ImproperlyConfigured("REKRUT_S3_PRESIGN_SECONDS must be between 1 and 604800 (seven days)")
    return seconds


def file_downloads_from_environment(environ: Mapping[str, str]) -> str:
    """How a download leaves once the view allowed it: "presigned" (a redirect to the bucket, the default with
    S3), "x-accel" (nginx's internal redirect) or "stream" (through the web worker, the default without)."""
    default = "presigned" if environ.get("REKRUT_S3_BUCKET", "").strip() else "stream"
    mode = environ.get("REKRUT_FILE_DOWNLOADS", "").strip() or default
    if mode not in DOWNLOAD_MODES:
        raise ImproperlyConfigured(
            f"REKRUT_FILE_DOWNLOADS must be one of {', '.join(DOWNLOAD_MODES)}, not {mode!r}"
        )
    if mode == "presigned" and not environ.get("REKRUT_S3_BUCKET", "").strip():
        raise ImproperlyConfigured("REKRUT_FILE_DOWNLOADS=presigned needs a bucket (REKRUT_S3_BUCKET)")
    return mode
