"""ZIP packages that lie, for upload tests: built by hand, since zipfile only writes honest ones."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from tests.candidates.filebuilders import docx_bytes, xlsx_bytes

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


def zip_raw(entries: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    """A ZIP from (name, stored bytes, method, flags, declared size, declared CRC) entries, as given."""
    out = io.BytesIO()
    central = b""
    for name, stored, method, flags, size, crc in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(_LOCAL.pack(0x04034B50, 20, flags, method, 0, 0, crc, len(stored), size, len(encoded), 0))
        out.write(encoded + stored)
        central += _CENTRAL.pack(
            0x02014B50,
            20,
            20,
            flags,
            method,
            0,
            0,
            crc,
            len(stored),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    start = out.tell()
    out.write(central)
    out.write(_END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0))
    return out.getvalue()


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def honest_entries(package: bytes) -> list[tuple[str, bytes, int, int, int, int]]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [
            (
                info.filename,
                deflate(body := archive.read(info)),
                zipfile.ZIP_DEFLATED,
                0,
                len(body),
                zlib.crc32(body),
            )
            for info in archive.infolist()
        ]


def lying(package: bytes, part: str, *, inflates_to: int, claims: int = 1024) -> bytes:
    """`package` with `part` replaced by a stream that inflates to `inflates_to` bytes while the directory
    claims `claims` bytes, with the checksum of that claimed prefix (so zipfile's own check passes)."""
    entries = [entry for entry in honest_entries(package) if entry[0] != part]
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        head = archive.read(part)[:claims].ljust(claims, b" ")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    stream = [compressor.compress(head)]
    left, chunk = inflates_to - claims, b" " * (1024 * 1024)
    while left > 0:
        stream.append(compressor.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    stream.append(compressor.flush())
    entries.append((part, b"".join(stream), zipfile.ZIP_DEFLATED, 0, claims, zlib.crc32(head)))
    return zip_raw(entries)


def docx_lying(*, inflates_to: int) -> bytes:
    """A real Word CV whose document.xml says 1 KB and inflates to `inflates_to` bytes."""
    return lying(
        docx_bytes(["Budi Santoso", "budi@example.com"]), "word/document.xml", inflates_to=inflates_to
    )


def xlsx_lying(*, inflates_to: int) -> bytes:
    return lying(xlsx_bytes([["Nama"], ["Budi"]]), "xl/worksheets/sheet1.xml", inflates_to=inflates_to)
