"""Backups (`rekrut backup`, `rekrut restore`): the database and every stored file in one tar archive.

The archive holds manifest.json (what, when, from which database engine, each member's size and SHA-256),
the database (SQLite's online backup API, or pg_dump's custom format) and files/<name> for every file in the
default storage (var/media or the bucket). A restore checks every checksum before it changes anything.
"""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import Storage
from django.db import connections
from django.utils import timezone

from rekrut.core.storage_copy import storage_walk

FORMAT = "rekrut-backup/1"
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupRefused(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Restored:
    database: str
    files_written: int = 0
    files_unchanged: int = 0
    files_left: list[str] = field(default_factory=list)  # in the storage, not in the backup: kept


class _Hashing(io.RawIOBase):
    """Reads through, counting bytes and the SHA-256 of what passed."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.source.read(len(buffer))
        buffer[: len(data)] = data
        self.digest.update(data)
        self.size += len(data)
        return len(data)


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupRefused(f"Backups know SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _pg_environment(alias: str) -> dict[str, str]:
    db = connections[alias].settings_dict
    environment = dict(os.environ)
    for key, value in {
        "PGHOST": db["HOST"],
        "PGPORT": str(db["PORT"] or ""),
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"],
        "PGDATABASE": db["NAME"],
    }.items():
        if value:
            environment[key] = str(value)
    return environment


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    return int(found.group(1)) if found else 0


def pg_tools_check(alias: str, tool: str) -> str:
    """The path of pg_dump/pg_restore, refused when older than the server (it cannot read a newer one)."""
    path = shutil.which(tool)
    if path is None:
        raise BackupRefused(
            f"{tool} is not installed: install PostgreSQL's client tools (postgresql-client)."
        )
    asked = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)  # noqa: S603
    client = _major(asked.stdout)
    server = connections[alias].cursor().connection.info.server_version // 10000
    if client < server:
        raise BackupRefused(
            f"{tool} is version {client} and the server {server}: install postgresql-client-{server} "
            "(a client at least as new as the server)."
        )
    return path


def _database_dump(alias: str, folder: Path) -> Path:
    if _vendor(alias) == "sqlite":
        target = folder / "database.sqlite3"
        source = sqlite3.connect(str(connections[alias].settings_dict["NAME"]))
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)  # consistent even while the web and worker keep writing
        finally:
            copy.close()
            source.close()
        return target
    target = folder / "database.pgdump"
    # The connection goes in PG* variables: no password on a command line that other users can read.
    result = subprocess.run(  # noqa: S603 (pg_dump with our own arguments)
        [
            pg_tools_check(alias, "pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "-f",
            str(target),
        ],
        env=_pg_environment(alias),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupRefused(f"pg_dump failed:\n{result.stderr[-2000:]}")
    return target


def backup_write(*, output: Path, storage: Storage, alias: str = "default") -> dict[str, Any]:
    """Writes the archive (to a temporary name first, so a half-written backup never looks whole)."""
    vendor = _vendor(alias)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    members: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rekrut-backup-") as work, tarfile.open(partial, "w") as archive:
        dump = _database_dump(alias, Path(work))
        members.append(_member_add(archive, f"database/{dump.name}", dump.open("rb"), dump.stat().st_size))
        for name in storage_walk(storage):
            with storage.open(name, "rb") as opened:
                members.append(_member_add(archive, f"files/{name}", opened, storage.size(name)))
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": vendor,
            "members": members,
        }
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
        archive.addfile(info, io.BytesIO(data))
    partial.chmod(0o600)  # CVs and medical reports: readable by the operator only
    partial.replace(output)
    return manifest


def _member_add(archive: tarfile.TarFile, arcname: str, source: IO[bytes], size: int) -> dict[str, Any]:
    reader = _Hashing(source)
    info = tarfile.TarInfo(arcname)
    info.size, info.mtime, info.mode = size, int(timezone.now().timestamp()), 0o600
    try:
        archive.addfile(info, io.BufferedReader(reader, CHUNK))
    finally:
        source.close()
    return {"name": arcname, "size": reader.size, "sha256": reader.digest.hexdigest()}


def manifest_read(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        extracted = archive.extractfile(MANIFEST)
        manifest = json.load(extracted) if extracted else None
    except (KeyError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused("This is not a Rekrut backup (no manifest.json of format rekrut-backup/1).")
    return manifest


def archive_verify(path: Path) -> dict[str, Any]:
    """Every member's size and checksum against the manifest, before anything is restored."""
    try:
        archive = tarfile.open(path, "r")  # noqa: SIM115 (closed by the with below; opening may fail)
    except (OSError, tarfile.TarError) as error:
        raise BackupRefused(f"{path} cannot be read as a backup: {error}") from None
    with archive:
        manifest = manifest_read(archive)
        for member in manifest["members"]:
            name = member["name"]
            if name.startswith("/") or ".." in name.split("/"):
                raise BackupRefused(f"The backup names a file outside its folders: {name}")
            digest, size = hashlib.sha256(), 0
            for chunk in _chunks(archive, name):
                digest.update(chunk)
                size += len(chunk)
            if size != member["size"] or digest.hexdigest() != member["sha256"]:
                raise BackupRefused(f"{name} in the backup is damaged (its checksum does not match).")
    return manifest


def _chunks(archive: tarfile.TarFile, name: str) -> Iterator[bytes]:
    try:
        extracted = archive.extractfile(name)
    except KeyError:
        extracted = None
    if extracted is None:
        raise BackupRefused(f"The backup lacks {name}, which its manifest lists.")
    while chunk := extracted.read(CHUNK):
        yield chunk


def database_holds_data(alias: str = "default") -> bool:
    """True when the database has people in it: accounts or candidates (a new, migrated one has neither)."""
    tables = set(connections[alias].introspection.table_names())
    with connections[alias].cursor() as cursor:
        for table in ("accounts_user", "candidates_candidate"):
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {connections[alias].ops.quote_name(table)} LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    return True
    return False


def backup_restore(*, path: Path, storage: Storage, force: bool, alias: str = "default") -> Restored:
    manifest = archive_verify(path)
    vendor = _vendor(alias)
    if manifest["database"] != vendor:
        raise BackupRefused(
            f"This backup holds a {manifest['database']} database and this site uses {vendor}: restore it "
            "into the same engine (or move the data with dumpdata/loaddata)."
        )
    if not force and database_holds_data(alias):
        raise BackupRefused(
            "The database already holds accounts or candidates: restoring would replace them. "
            "Run again with --force to replace them with the backup."
        )
    restored = Restored(database=vendor)
    with tarfile.open(path, "r") as archive, tempfile.TemporaryDirectory(prefix="rekrut-restore-") as work:
        database = next(m["name"] for m in manifest["members"] if m["name"].startswith("database/"))
        dump = Path(work) / Path(database).name
        with dump.open("wb") as out:
            for chunk in _chunks(archive, database):
                out.write(chunk)
        _database_load(alias, dump)
        in_backup = set()
        for member in manifest["members"]:
            if not member["name"].startswith("files/"):
                continue
            name = member["name"].removeprefix("files/")
            in_backup.add(name)
            _file_restore(archive, member, name, storage, restored)
        restored.files_left = [name for name in storage_walk(storage) if name not in in_backup]
    return restored


def _file_restore(
    archive: tarfile.TarFile, member: dict[str, Any], name: str, storage: Storage, restored: Restored
) -> None:
    if storage.exists(name):
        with storage.open(name, "rb") as current:
            digest = hashlib.sha256()
            while chunk := current.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() == member["sha256"]:
            restored.files_unchanged += 1
            return
        storage.delete(name)
    extracted = archive.extractfile(member["name"])
    assert extracted is not None  # archive_verify read it
    saved = storage.save(name, File(extracted, name=name))
    if saved != name:
        raise BackupRefused(f"{name} was stored as {saved}: the storage renames files; restore stopped")
    restored.files_written += 1


def _database_load(alias: str, dump: Path) -> None:
    connections.close_all()  # nothing of ours may hold the old database open while it is replaced
    if _vendor(alias) == "sqlite":
        source = sqlite3.connect(str(dump))
        target = sqlite3.connect(str(connections[alias].settings_dict["NAME"]))
        try:
            source.backup(target)  # page by page into the live file, replacing every table
        finally:
            target.close()
            source.close()
        return
    result = subprocess.run(  # noqa: S603 (pg_restore with our own arguments)
        [
            pg_tools_check(alias, "pg_restore"),
            *("--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"),
            "-d",
            _pg_environment(alias)["PGDATABASE"],
            str(dump),
        ],
        env=_pg_environment(alias),
        capture_output=True,
        text=True,
    )
    connections.close_all()
    if result.returncode != 0:
        raise BackupRefused(f"pg_restore failed; the database is as it was before:\n{result.stderr[-2000:]}")
