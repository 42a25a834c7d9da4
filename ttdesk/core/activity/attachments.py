"""Attachments: files kept with a case, grant, deal, company, distribution or filing.

Storage (content-addressed, so a file attached twice is stored once and a changed file shows):
- SQLite: the bytes live beside the database in `<database name>.files/ab/abcdef…` (the
  first two hex digits of the SHA-256 as a folder); the row keeps name, hash, size, who,
  when and the note, and no bytes.
- Server mode (PostgreSQL): every client must read the same bytes and no shared folder can be
  assumed, so the bytes are kept in the row's `content` column.
`check` re-hashes every stored file; export-json carries the references with their hashes.

A file that is missing, unreadable, empty-named, or larger than the limit (default 200 MB,
`TTDESK_ATTACHMENT_MAX_MB` to change it) is refused and nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.activity import refs
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, Problem, RuleViolation
from ttdesk.db.engine import Database
from ttdesk.db.models import Attachment
from ttdesk.filemodes import private_dir, private_file

DEFAULT_MAX_MB = 200
_CHUNK = 1 << 20


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    size: int | None
    sha256: str
    created_by: str | None
    created_at: datetime
    note: str | None


def max_bytes() -> int:
    raw = os.environ.get("TTDESK_ATTACHMENT_MAX_MB", "")
    mb = int(raw) if raw.strip().isdigit() else DEFAULT_MAX_MB
    return mb * 1024 * 1024


def store_dir(db: Database) -> Path | None:
    """Where a SQLite database keeps its attachment files; None in server mode."""
    path = db.sqlite_path
    return None if path is None else path.with_name(path.name + ".files")


def _store_from_session(session: Session) -> Path | None:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not bind.url.database or bind.url.database == ":memory:":
        return None
    path = Path(bind.url.database)
    return path.with_name(path.name + ".files")


def blob_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def _refuse(zh: str, en: str) -> RuleViolation:
    return RuleViolation("FILE", zh, en, field="file")


def _check_source(source: Path, limit: int) -> int:
    if not source.exists():
        raise _refuse(f"文件不存在：{source}", f"no such file: {source}")
    if not source.is_file():
        raise _refuse(f"不是文件：{source}", f"not a file: {source}")
    size = source.stat().st_size
    if size > limit:
        raise _refuse(f"文件过大：{size / 1048576:.1f} MB，上限 {limit // 1048576} MB",
                      f"file too large: {size / 1048576:.1f} MB, the limit is "
                      f"{limit // 1048576} MB")
    return size


def _read_hashed(source: Path, store: Path | None) -> tuple[str, bytes | None]:
    """SHA-256 of the file; with a store, the bytes are copied into it (atomically, by
    hash) and None returned; without, the bytes are returned for the database."""
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    tmp = None
    try:
        with open(source, "rb") as src:
            if store is not None:
                private_dir(store)
                fd, name = tempfile.mkstemp(prefix=".incoming-", dir=store)
                tmp = Path(name)
                with os.fdopen(fd, "wb") as out:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            else:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    chunks.append(chunk)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise _refuse(f"无法读取文件：{source}（{exc.strerror}）",
                      f"cannot read {source}: {exc.strerror}") from None
    sha = digest.hexdigest()
    if tmp is not None and store is not None:
        target = blob_path(store, sha)
        private_dir(target.parent)
        if target.exists():
            tmp.unlink()
        else:
            os.replace(tmp, target)
        return sha, None
    return sha, b"".join(chunks)


@dataclass(frozen=True)
class StoredFile:
    """A file checked, hashed and (in the data folder's store) copied, waiting to be recorded
    against a record in a unit of work: `content` holds it when the database keeps files."""

    filename: str
    size: int
    sha256: str
    content: bytes | None


def store_file(ctx: AppContext, source: str | Path, filename: str | None = None) -> StoredFile:
    """Check `source` (there, readable, within the size limit) and keep its content."""
    path = Path(source)
    size = _check_source(path, max_bytes())
    name = (filename or path.name).strip()
    if not name or len(name) > 260:
        raise _refuse("文件名为空或过长", "the file name is empty or too long")
    sha, content = _read_hashed(path, store_dir(ctx.db))
    return StoredFile(name, size, sha, content)


def record(s: Session, actor: str, entity: str, entity_id: int, stored: StoredFile,
           note: str | None = None) -> AttachmentRow:
    """The attachment row of a stored file, in the caller's unit of work."""
    row = Attachment(entity_type=entity, entity_id=entity_id, filename=stored.filename,
                     sha256=stored.sha256, size=stored.size, created_by=actor,
                     description=(note or "").strip() or None, content=stored.content)
    s.add(row)
    s.flush()
    return _row(row)


@requires(Act.NOTE)
def attach(ctx: AppContext, ref: str, source: str | Path, note: str | None = None,
           filename: str | None = None) -> AttachmentRow:
    """Keep the file at `source` with the record `ref` (see `refs.resolve`)."""
    path = Path(source)
    _check_source(path, max_bytes())
    with ctx.read() as s:
        refs.resolve(s, ref)  # refuse an unknown record before copying anything
    stored = store_file(ctx, path, filename)
    with ctx.write() as s:
        entity, entity_id = refs.resolve(s, ref)
        return record(s, ctx.actor, entity, entity_id, stored, note)


def _row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(a.id, a.filename, a.size, a.sha256, a.created_by, a.created_at,
                         a.description)


def listing(ctx: AppContext, ref: str) -> list[AttachmentRow]:
    """The attachments of one record, newest first."""
    with ctx.read() as s:
        entity, entity_id = refs.resolve(s, ref)
        found = s.execute(select(Attachment).where(
            Attachment.entity_type == entity, Attachment.entity_id == entity_id)
            .order_by(Attachment.id.desc())).scalars()
        return [_row(a) for a in found]


def local_copy(ctx: AppContext, attachment_id: int) -> Path:
    """A path the system viewer can open: the stored file itself (SQLite) or a temporary copy
    named like the original (server mode)."""
    with ctx.read() as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise NotFound("附件 / attachment", attachment_id)
        store = store_dir(ctx.db)
        if a.content is None and store is not None:
            path = blob_path(store, a.sha256)
            if not path.exists():
                raise _refuse(f"附件文件已丢失：{a.filename}", f"attachment file missing: "
                              f"{a.filename}")
            folder = Path(tempfile.mkdtemp(prefix="ttdesk-open-"))
            target = folder / a.filename
            target.write_bytes(path.read_bytes())
            return target
        folder = Path(tempfile.mkdtemp(prefix="ttdesk-open-"))
        target = folder / a.filename
        target.write_bytes(a.content or b"")
        return target


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_findings(session: Session) -> list[Problem]:
    """`check`: every attachment's bytes are there and still hash to the recorded SHA-256."""
    store = _store_from_session(session)
    out: list[Problem] = []
    rows = session.execute(select(Attachment.id, Attachment.filename, Attachment.sha256,
                                  Attachment.content.is_(None))).all()
    for att_id, filename, sha, no_content in rows:
        where = f"attachment {att_id} {filename}"
        if not no_content:
            content = session.execute(select(Attachment.content)
                                      .where(Attachment.id == att_id)).scalar() or b""
            actual = hashlib.sha256(content).hexdigest()
        elif store is None:
            actual = None
        else:
            path = blob_path(store, sha)
            try:
                actual = _file_sha(path)
            except OSError:
                actual = None
        if actual is None:
            out.append(Problem("FILE", "附件文件缺失或无法读取", "attachment file missing or "
                               "unreadable", "sha256", where))
        elif actual != sha:
            out.append(Problem("FILE", f"附件文件已被改动：记录的 SHA-256 为 {sha[:12]}…，"
                               f"实际为 {actual[:12]}…", f"attachment file changed: recorded "
                               f"SHA-256 {sha[:12]}…, found {actual[:12]}…", "sha256", where))
    return out


def copy_store(from_db: Path, to_db: Path) -> int:
    """Copy the attachment files of SQLite file `from_db` beside `to_db` (a backup, or a
    restored database): only files the target lacks, each written to a temporary name and
    renamed, so an interrupted copy leaves no half file. Returns how many were copied."""
    source = from_db.with_name(from_db.name + ".files")
    if not source.is_dir():
        return 0
    target = to_db.with_name(to_db.name + ".files")
    copied = 0
    for blob in source.glob("??/*"):
        if not blob.is_file() or blob.name.startswith("."):
            continue
        dest = target / blob.parent.name / blob.name
        if dest.exists():
            continue
        private_dir(dest.parent)
        partial = dest.with_name("." + dest.name + ".partial")
        with open(blob, "rb") as src, open(partial, "wb") as out:
            while chunk := src.read(_CHUNK):
                out.write(chunk)
        os.replace(private_file(partial), dest)
        copied += 1
    return copied
