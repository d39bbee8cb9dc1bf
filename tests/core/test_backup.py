"""`rekrut backup` and `rekrut restore`: a round trip of the database (SQLite here, PostgreSQL in CI's second
pass) and the stored files (on this machine, and in a real S3 bucket), compared row by row and by checksum."""

import hashlib
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.candidates.services import CVUpload, candidate_update
from rekrut.core.storage_settings import default_storage_from_environment
from tests.accounts.factories import UserFactory
from tests.candidates.filebuilders import pdf_bytes
from tests.pipeline.factories import application_make
from tests.services.files import storage_isolate, stored_names

# The restore replaces the database itself: the rows must be committed, not held in a test transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(params=["local", "bucket"])
def storage(request, settings, tmp_path):
    if request.param == "bucket":
        server = request.getfixturevalue("s3_server")
        settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_environment(server.env())}
    storage_isolate(settings, tmp_path)
    return request.param


def counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        found = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (catalogue)
            found[table] = cursor.fetchone()[0]
    return found


def checksums() -> dict[str, str]:
    return {name: hashlib.sha256(default_storage.open(name).read()).hexdigest() for name in stored_names()}


def test_a_backup_restores_the_database_and_every_file(storage, team_a_job, personas, tmp_path, capsys):
    candidate = application_make(job=team_a_job, full_name="Putri Maharani").candidate
    candidate_update(
        actor=personas.recruiter,
        candidate=candidate,
        loaded_version=None,
        cv=CVUpload(name="cv.pdf", data=pdf_bytes("Putri Maharani"), kind="pdf", text="Putri"),
    )
    default_storage.save("reports/laporan.pdf", ContentFile(b"%PDF-1.4 laporan"))
    rows, files = counts(), checksums()
    assert len(files) == 2
    archive = tmp_path / "backup.tar"

    call_command("backup", output=str(archive))
    assert "and 2 file(s)" in capsys.readouterr().out
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["database"] == connection.vendor
    assert {m["name"] for m in manifest["members"]} >= {f"files/{name}" for name in files}

    # Everything changes after the backup: records renamed, one added, a file gone, another changed.
    Candidate.objects.filter(pk=candidate.pk).update(full_name="Diubah")
    User.objects.filter(pk=personas.recruiter.pk).update(first_name="Bukan Rina")
    UserFactory(username="baru")
    default_storage.delete(Candidate.objects.get(pk=candidate.pk).cv_file.name)
    default_storage.delete("reports/laporan.pdf")
    default_storage.save("reports/laporan.pdf", ContentFile(b"changed"))
    default_storage.save("later/new.pdf", ContentFile(b"uploaded after the backup"))

    with pytest.raises(CommandError, match="already holds accounts or candidates"):
        call_command("restore", str(archive))
    assert Candidate.objects.get(pk=candidate.pk).full_name == "Diubah"  # refused: nothing changed

    call_command("restore", str(archive), force=True)
    said = capsys.readouterr().out
    assert (
        f"Restored the {connection.vendor} database" in said and "1 stored file(s) not in the backup" in said
    )
    assert counts() == rows
    assert Candidate.objects.get(pk=candidate.pk).full_name == "Putri Maharani"
    assert User.objects.get(pk=personas.recruiter.pk).first_name == "Rina"
    assert {name: digest for name, digest in checksums().items() if name != "later/new.pdf"} == files
    restored = Candidate.objects.get(pk=candidate.pk)
    assert restored.cv_file.open().read().startswith(b"%PDF-")


def test_a_damaged_or_foreign_archive_changes_nothing(settings, tmp_path, personas):
    storage_isolate(settings, tmp_path)
    archive = tmp_path / "backup.tar"
    call_command("backup", output=str(archive))
    data = bytearray(archive.read_bytes())
    data[700] ^= 0xFF  # inside the database member, after the first header
    damaged = tmp_path / "damaged.tar"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged), force=True)
    foreign = tmp_path / "foreign.tar"
    foreign.write_bytes(b"not a tar at all")
    with pytest.raises(CommandError, match="cannot be read as a backup"):
        call_command("restore", str(foreign), force=True)
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=str(archive))
    assert User.objects.filter(username="rina").exists()


def test_a_restore_into_an_empty_database_needs_no_force(settings, tmp_path, personas):
    storage_isolate(settings, tmp_path)
    archive = tmp_path / "backup.tar"
    call_command("backup", output=str(archive))
    User.objects.all().delete()
    call_command("restore", str(archive))
    assert User.objects.filter(username="rina").exists()
