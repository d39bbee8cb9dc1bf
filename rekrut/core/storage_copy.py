"""Copying stored files between this machine's var/media and the bucket (`rekrut files_copy`), and walking a
storage: both through Django's storage API, so the same code reads a folder or a bucket."""

import os
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.module_loading import import_string

from rekrut.core.storage_settings import default_storage_from_environment


def storage_walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file's name in the storage, folder by folder, in name order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    yield from (prefix + name for name in sorted(files))
    for child in sorted(folders):
        yield from storage_walk(storage, prefix + child)


def local_storage(location: str | os.PathLike[str] | None = None) -> FileSystemStorage:
    return FileSystemStorage(location=location or settings.MEDIA_ROOT)


def bucket_storage() -> Storage:
    """The bucket named by REKRUT_S3_* in the environment, whatever the default storage is right now."""
    configured = default_storage_from_environment(os.environ)
    if "OPTIONS" not in configured or "bucket_name" not in configured["OPTIONS"]:
        raise ImproperlyConfigured("No bucket is configured: set REKRUT_S3_BUCKET and the other REKRUT_S3_*")
    return import_string(configured["BACKEND"])(**configured["OPTIONS"])


@dataclass
class CopyCount:
    copied: int = 0
    replaced: int = 0
    unchanged: int = 0
    bytes_copied: int = 0


def file_copy(source: Storage, target: Storage, name: str, *, dry_run: bool, count: CopyCount) -> str:
    """Copies one file unless the target holds one of the same name and size. Returns what happened."""
    size = source.size(name)
    if target.exists(name):
        if target.size(name) == size:
            count.unchanged += 1
            return "unchanged"
        count.replaced += 1
        outcome = "replaced"
        if not dry_run:
            target.delete(name)
    else:
        count.copied += 1
        outcome = "copied"
    count.bytes_copied += size
    if not dry_run:
        with source.open(name, "rb") as opened:
            saved = target.save(name, File(opened, name=name))
        if saved != name:  # the target renamed it: a record pointing at `name` would miss it
            target.delete(saved)
            raise RuntimeError(f"{name} was stored as {saved}; nothing else was changed for this file")
    return outcome
