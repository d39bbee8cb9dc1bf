"""Stored files in tests, whichever storage holds them (var/media or, with REKRUT_TEST_S3=1, the bucket)."""

import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage


def storage_isolate(settings, tmp_path: Path) -> Path:
    """This test's files apart from every other test's: its own MEDIA_ROOT, or its own folder in the bucket
    (the bucket lives the whole session). Returns the local folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    default = settings.STORAGES["default"]
    if default["BACKEND"].startswith("storages."):
        options = {**default.get("OPTIONS", {}), "location": f"tests/{uuid.uuid4().hex}"}
        settings.STORAGES = {**settings.STORAGES, "default": {**default, "OPTIONS": options}}
    return tmp_path / "media"


def stored_names(folder: str = "") -> list[str]:
    """Every file's name in the default storage under `folder`, sorted (a missing folder holds none)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for child in folders:
        names.extend(stored_names(f"{folder}/{child}" if folder else child))
    return sorted(names)


@dataclass
class Download:
    status: int
    content_type: str
    disposition: str
    content: bytes


def download_follow(response) -> Download:
    """What the browser ends up with: the streamed response itself, or what the bucket answers at the signed
    link a 302 points to (which must carry the name and type the view chose)."""
    if response.status_code == 302 and response["Location"].startswith("http"):
        with urllib.request.urlopen(response["Location"], timeout=10) as answer:
            kind, named = answer.headers["Content-Type"], answer.headers["Content-Disposition"]
            return Download(answer.status, kind, named, answer.read())
    content = b"".join(response.streaming_content) if response.streaming else response.content
    disposition = response.get("Content-Disposition", "")
    return Download(response.status_code, response.get("Content-Type", ""), disposition, content)
