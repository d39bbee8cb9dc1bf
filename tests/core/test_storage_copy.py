"""`rekrut files_copy`: var/media into the bucket and back, counted, resumable, with a dry run."""

import uuid

import pytest
from django.core.management import CommandError, call_command

from rekrut.core.storage_copy import bucket_storage, local_storage, storage_walk


@pytest.fixture
def empty_bucket(s3_server, monkeypatch):
    """A bucket of its own (the session's bucket holds other tests' files), named by REKRUT_S3_*."""
    name = f"copy-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=name)
    for key, value in {**s3_server.env(), "REKRUT_S3_BUCKET": name}.items():
        monkeypatch.setenv(key, value)
    return name


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "media"
    (root / "cv").mkdir(parents=True)
    (root / "cv" / "a.pdf").write_bytes(b"%PDF-1.4 a")
    (root / "cv" / "b.docx").write_bytes(b"PK docx")
    (root / "medical" / "2026").mkdir(parents=True)
    (root / "medical" / "2026" / "hasil mcu.pdf").write_bytes(b"%PDF-1.4 mcu" * 1000)
    return root


def run(capsys, *args):
    call_command("files_copy", *args)
    return capsys.readouterr().out


def test_local_files_go_to_the_bucket_once(empty_bucket, media, capsys):
    said = run(capsys, "--to-bucket", f"--local-dir={media}", "--dry-run")
    assert "would copy 3 new and 0 changed file(s)" in said
    assert list(storage_walk(bucket_storage())) == []
    said = run(capsys, "--to-bucket", f"--local-dir={media}")
    assert "copied 3 new and 0 changed file(s) (12,017 bytes); 0 already there; 0 failed" in said
    bucket = bucket_storage()
    assert sorted(storage_walk(bucket)) == ["cv/a.pdf", "cv/b.docx", "medical/2026/hasil mcu.pdf"]
    assert bucket.open("medical/2026/hasil mcu.pdf").read() == b"%PDF-1.4 mcu" * 1000
    # Run again (an interrupted copy continues): nothing is copied twice; a changed file is replaced.
    (media / "cv" / "a.pdf").write_bytes(b"%PDF-1.4 a, version 2")
    said = run(capsys, "--to-bucket", f"--local-dir={media}")
    assert "copied 0 new and 1 changed file(s)" in said and "2 already there" in said
    assert bucket.open("cv/a.pdf").read() == b"%PDF-1.4 a, version 2"


def test_the_bucket_comes_back_to_a_machine(empty_bucket, media, tmp_path, capsys):
    run(capsys, "--to-bucket", f"--local-dir={media}")
    back = tmp_path / "back"
    said = run(capsys, "--to-local", f"--local-dir={back}")
    assert "copied 3 new" in said
    assert sorted(storage_walk(local_storage(back))) == sorted(storage_walk(local_storage(media)))
    assert (back / "cv" / "b.docx").read_bytes() == b"PK docx"


def test_without_a_bucket_it_says_what_to_set(monkeypatch, media):
    monkeypatch.delenv("REKRUT_S3_BUCKET", raising=False)
    with pytest.raises(CommandError, match="set REKRUT_S3_BUCKET"):
        call_command("files_copy", "--to-bucket", f"--local-dir={media}")
