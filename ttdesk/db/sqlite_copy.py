"""Consistent copies of a live SQLite file through SQLite's online backup API, and the one
way TT Desk opens a SQLite file outside SQLAlchemy (read-only, by a URI that survives any
character in the path)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ttdesk.filemodes import ensure_parent, private_file


def file_uri(path: Path, mode: str = "ro") -> str:
    """A `file:` URI for sqlite3 (uri=True). `Path.as_uri` percent-encodes `#`, `?`, `%`,
    spaces and non-ASCII; an f-string `file:{path}` would cut the path at `#` or `?`."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; never creates the file."""
    return sqlite3.connect(file_uri(path, "ro"), uri=True)


def online_copy(source: Path, target: Path, conn: sqlite3.Connection | None = None, *,
                durable: bool = True) -> Path:
    """Copy `source` to `target` page by page while other connections may be writing;
    the copy is a consistent snapshot. The target is written to a temp name first and
    nothing is left behind when the copy fails (a full disk included). `conn`: copy through
    this open connection (one holding an exclusive lock) instead of a new one. `durable`
    False: written without journal or fsync — for a temporary snapshot that is read back at
    once and deleted (the compressed file made from it is the one synced to disk)."""
    ensure_parent(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        src = conn or open_read_only(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                if not durable:
                    dst.execute("PRAGMA journal_mode=OFF")
                    dst.execute("PRAGMA synchronous=OFF")
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            if conn is None:
                src.close()
        os.replace(private_file(partial), target)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    return target


def integrity_ok(path: Path, *, quick: bool = False) -> bool:
    """True when the file is a SQLite database that passes `PRAGMA integrity_check`.

    `quick`: `PRAGMA quick_check` instead — every page of every b-tree read, every record
    well-formed, the free list sound, NOT NULL and CHECK constraints held — everything but
    the cross-check of each index against its table, which costs two thirds of the time on
    the 100k database (3 s of 9 s). A backup is verified this way; a restore runs the full
    check on the file it is about to put in place, and `check` runs it on the database."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = open_read_only(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


# ---- compressed copies ------------------------------------------------------------------------
# A backup an office can keep: the online-backup snapshot, checked with quick_check, then
# streamed into zstd (gzip when the zstandard package is missing). The compressed file is
# proved by decompressing it again and comparing the SHA-256 of what comes out with the
# checked snapshot's CRC-32 — so it decompresses to exactly the bytes that passed
# quick_check (CRC-32 finds accidental damage, which is all a backup check is for, at a
# fraction of SHA-256's cost on an 800 MB file).

ZSTD_MAGIC, GZIP_MAGIC, SQLITE_MAGIC = b"\x28\xb5\x2f\xfd", b"\x1f\x8b", b"SQLite format 3\x00"
CHUNK = 1 << 20
ZSTD_LEVEL, GZIP_LEVEL = 1, 1  # fastest: the backup of the 100k database must take ≤ 10 s


class CopyFailed(Exception):
    """The copy could not be proved sound (nothing is left at the target)."""


def has_zstd() -> bool:
    try:
        import zstandard  # noqa: F401
    except ImportError:
        return False
    return True


def default_suffix() -> str:
    """The file suffix of a compressed backup made by this installation."""
    return ".db.zst" if has_zstd() else ".db.gz"


def kind_of(path: Path) -> str:
    """'zstd', 'gzip', 'sqlite' or 'other', by the file's first bytes."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(SQLITE_MAGIC) or not head:
        return "sqlite"
    return "other"


def _compressor(kind: str, out: Any) -> Any:
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=-1,
                                        write_checksum=True).stream_writer(out, closefd=False)
    import gzip

    return gzip.GzipFile(fileobj=out, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)


def _reader(kind: str, raw: Any) -> Any:
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(raw, read_size=CHUNK, closefd=False)
    import gzip

    return gzip.GzipFile(fileobj=raw, mode="rb")


def _compress(source: Path, target_tmp: Path, kind: str) -> int:
    """Stream `source` into `target_tmp`, compressed; the CRC-32 of `source`."""
    crc = 0
    with open(source, "rb") as src, open(target_tmp, "wb") as raw:
        with _compressor(kind, raw) as out:
            while block := src.read(CHUNK):
                crc = zlib.crc32(block, crc)
                out.write(block)
        raw.flush()
        os.fsync(raw.fileno())
    return crc


def _decompressed_crc(path: Path, kind: str) -> int:
    crc = 0
    with open(path, "rb") as raw, _reader(kind, raw) as src:
        while block := src.read(CHUNK):
            crc = zlib.crc32(block, crc)
    return crc


def decompress_to(source: Path, target: Path) -> Path:
    """Write the database held by `source` (compressed or not) to `target`."""
    kind = kind_of(source)
    if kind not in ("zstd", "gzip"):
        shutil.copyfile(source, target)
        return target
    with open(source, "rb") as raw, _reader(kind, raw) as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out, CHUNK)
    return target


def compressed_copy(source: Path, target: Path, kind: str | None = None,
                    conn: sqlite3.Connection | None = None) -> Path:
    """A verified, compressed, consistent copy of the live SQLite file `source` at `target`.

    `kind`: 'zstd' or 'gzip' (default: zstd when available). The snapshot is taken with the
    online backup API into a temp file beside the target; quick_check (`integrity_ok`) runs
    on it while it is being compressed (SQLite and zstd both release the GIL: two cores, one pass of
    wall time); the compressed file is decompressed again and must give the same CRC-32.
    Any failure leaves nothing behind. `conn`: as for `online_copy`."""
    kind = kind or ("zstd" if has_zstd() else "gzip")
    ensure_parent(target)
    snapshot = target.with_name(f".{target.name}.{os.getpid()}.snapshot")
    packed = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        online_copy(source, snapshot, conn, durable=False)
        with ThreadPoolExecutor(max_workers=1) as pool:
            checked = pool.submit(integrity_ok, snapshot, quick=True)
            digest = _compress(snapshot, packed, kind)
            if not checked.result():
                raise CopyFailed(f"the snapshot of {source} failed its integrity check")
        if _decompressed_crc(packed, kind) != digest:
            raise CopyFailed(f"the compressed copy {target} does not decompress to the snapshot")
        os.replace(private_file(packed), target)
    finally:
        snapshot.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
    return target
