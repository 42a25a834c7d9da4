"""The filing archive: every generated PDF, immutable, versioned, verifiable.

`generate` is one unit of work: it reads the data snapshot, refuses (writing nothing) when
the snapshot builder reports missing items, numbers the new version, renders the PDF with its
serial number and data hash, stores file + snapshot, and marks earlier versions of the same
filing superseded. Regenerating from unchanged data returns the archived version as it is.

The renderer is passed in (a callable), so this core module never imports reportlab or the
filings package (layers: filings -> core).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, Problem, ValidationFailed
from ttdesk.core.records import anchor
from ttdesk.db.models import Filing
from ttdesk.db.types import utcnow

SnapshotFn = Callable[[Session], dict[str, Any]]
# (snapshot, serial, data hash, created, audit chain head in the compact anchor form)
RenderFn = Callable[[dict[str, Any], str, str, datetime, str | None], bytes]


@dataclass(frozen=True)
class FilingRecord:
    """One archived filing without its content (lists, verify results)."""

    id: int
    serial_no: str
    kind: str
    subject: str
    version: int
    lang: str
    created_at: datetime
    created_by: str
    sha256: str
    snapshot_sha256: str
    superseded: bool
    size: int


@dataclass(frozen=True)
class Generated:
    record: FilingRecord
    content: bytes
    reused: bool  # unchanged data: the archived version was returned, nothing new written


@dataclass(frozen=True)
class Verification:
    """Result of checking a file against the archive."""

    ok: bool
    sha256: str
    record: FilingRecord | None
    latest_version: int | None
    claimed_serial: str | None  # serial written in the file's metadata, if any


def canonical_json(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_hash(snapshot: dict[str, Any]) -> str:
    """SHA-256 of the snapshot in canonical JSON (key order and spacing do not matter)."""
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def file_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _record(f: Filing, size: int | None = None) -> FilingRecord:
    return FilingRecord(
        id=f.id, serial_no=f.serial_no, kind=f.kind, subject=f.subject, version=f.version,
        lang=f.lang, created_at=f.created_at, created_by=f.created_by, sha256=f.sha256,
        snapshot_sha256=f.snapshot_sha256, superseded=f.superseded,
        size=len(f.content or b"") if size is None else size)


def _same_filing(kind: str, subject: str, lang: str) -> Any:
    return (Filing.kind == kind) & (Filing.subject == subject) & (Filing.lang == lang)


def next_serial(session: Session, kind: str, year: int) -> str:
    """F04-2026-0007: per kind and year, one more than the highest issued so far."""
    prefix = f"{kind}-{year}-"
    found = session.execute(
        select(Filing.serial_no).where(Filing.serial_no.like(prefix + "%"))
    ).scalars()
    seq = max((int(s[len(prefix):]) for s in found if s[len(prefix):].isdigit()), default=0)
    return f"{prefix}{seq + 1:04d}"


@requires(Act.FILING)
def generate(ctx: AppContext, kind: str, subject: str, lang: str, build: SnapshotFn,
             render: RenderFn, deliver: Callable[[bytes], None] | None = None) -> Generated:
    """Build the snapshot, render and archive a new version (see the module docstring).

    `deliver(content)` runs inside the unit of work, before it commits: it writes the file
    (to a temp file beside the target). When it fails — a full disk, a refused path — the
    transaction rolls back, so no serial number is used up and no archive row exists for a
    file nobody received."""
    with ctx.write() as session:
        snapshot = build(session)
        digest = snapshot_hash(snapshot)
        latest = session.execute(
            select(Filing).where(_same_filing(kind, subject, lang))
            .order_by(Filing.version.desc()).limit(1)
        ).scalar_one_or_none()
        if latest is not None and not latest.superseded and latest.snapshot_sha256 == digest \
                and latest.content:
            if deliver is not None:
                deliver(latest.content)
            return Generated(_record(latest), latest.content, reused=True)
        version = (latest.version if latest is not None else 0) + 1
        created = utcnow()
        serial = next_serial(session, kind, created.year)
        head = anchor.head(session)  # printed on the filing: proves the chain later
        content = render(snapshot, serial, digest, created,
                         anchor.compact(head) if head else None)
        for older in session.execute(select(Filing).where(
                _same_filing(kind, subject, lang), Filing.superseded.is_(False))).scalars():
            older.superseded = True  # through the unit of work: audited
        row = Filing(serial_no=serial, kind=kind, subject=subject, version=version, lang=lang,
                     created_at=created, created_by=ctx.actor, sha256=file_hash(content),
                     snapshot_sha256=digest, snapshot=snapshot, superseded=False,
                     content=content)
        session.add(row)
        session.flush()
        if deliver is not None:
            deliver(content)
        return Generated(_record(row, len(content)), content, reused=False)


def _claimed_serial(content: bytes) -> str | None:
    """The serial the file says it has (PDF keywords `TTDesk-Serial:...`), if readable."""
    marker = b"TTDesk-Serial:"
    at = content.find(marker)
    if at < 0:
        return None
    tail = content[at + len(marker): at + len(marker) + 40]
    serial = bytes(c for c in tail.split(b" ")[0] if chr(c).isalnum() or c == ord("-"))
    return serial.decode("ascii") or None


def printed_anchor(content: bytes) -> anchor.Anchor | None:
    """The audit chain head a filing carries (PDF keywords `TTDesk-Audit:...`), if any."""
    marker = b"TTDesk-Audit:"
    at = content.find(marker)
    if at < 0:
        return None
    tail = content[at + len(marker): at + len(marker) + 120]
    return anchor.parse_compact(tail.decode("ascii", "replace"))


def verify(ctx: AppContext, content: bytes) -> Verification:
    """Is this exact file an archived filing? Matched by the SHA-256 of its bytes."""
    digest = file_hash(content)
    with ctx.read() as session:
        found = session.execute(
            select(Filing.id, Filing.serial_no, Filing.kind, Filing.subject, Filing.version,
                   Filing.lang, Filing.created_at, Filing.created_by, Filing.sha256,
                   Filing.snapshot_sha256, Filing.superseded, func.length(Filing.content))
            .where(Filing.sha256 == digest).limit(1)
        ).one_or_none()
        record = None if found is None else FilingRecord(*found[:11], size=found[11] or 0)
        latest = None
        if record is not None:
            latest = session.execute(
                select(func.max(Filing.version)).where(
                    _same_filing(record.kind, record.subject, record.lang))
            ).scalar()
    return Verification(ok=record is not None, sha256=digest, record=record,
                        latest_version=latest, claimed_serial=_claimed_serial(content))


def refuse_unverified(result: Verification) -> ValidationFailed:
    """The error to show for a file that is not in the archive (changed or foreign)."""
    claimed = result.claimed_serial
    if claimed:
        zh = (f"文件自称编号 {claimed}，但其内容与归档文件不一致（可能被修改）。"
              f"SHA-256：{result.sha256}")
        en = (f"The file claims serial {claimed} but its content does not match the archive "
              f"(it may have been altered). SHA-256: {result.sha256}")
    else:
        zh = f"归档中没有此文件（SHA-256：{result.sha256}）"
        en = f"This file is not in the filing archive (SHA-256: {result.sha256})"
    return ValidationFailed([Problem("VERIFY", zh, en, field="file")])


_COLUMNS = (Filing.id, Filing.serial_no, Filing.kind, Filing.subject, Filing.version,
            Filing.lang, Filing.created_at, Filing.created_by, Filing.sha256,
            Filing.snapshot_sha256, Filing.superseded, func.length(Filing.content))


def list_filings(ctx: AppContext, kind: str | None = None, subject: str | None = None,
                 limit: int | None = 500, about: str | None = None,
                 search: str | None = None) -> list[FilingRecord]:
    """Archived filings, newest first. `subject`: subject prefix; `about`: every filing of a
    case or deal number (also its notices "grant:CG-..." and distributions "HT-...#3");
    `search`: part of the serial or subject."""
    stmt = select(*_COLUMNS).order_by(Filing.created_at.desc(), Filing.id.desc())
    if kind:
        stmt = stmt.where(Filing.kind == kind)
    if subject:
        stmt = stmt.where(Filing.subject.like(subject.replace("%", "") + "%"))
    if about:
        key = about.replace("%", "").strip()
        stmt = stmt.where((Filing.subject == key) | Filing.subject.like(f"{key}#%")
                          | Filing.subject.like(f"%:{key}") | Filing.subject.like(f"%:{key}#%"))
    if search:
        text = f"%{search.replace('%', '').strip()}%"
        stmt = stmt.where(Filing.serial_no.like(text) | Filing.subject.like(text))
    if limit:
        stmt = stmt.limit(limit)
    with ctx.read() as session:
        return [FilingRecord(*r[:11], size=r[11] or 0) for r in session.execute(stmt)]


def content(ctx: AppContext, filing_id: int) -> bytes:
    with ctx.read() as session:
        data = session.execute(select(Filing.content).where(Filing.id == filing_id)).scalar()
    if data is None:
        raise NotFound("归档文件 / filing", filing_id)
    return bytes(data)


def snapshot(ctx: AppContext, filing_id: int) -> dict[str, Any]:
    with ctx.read() as session:
        data = session.execute(select(Filing.snapshot).where(Filing.id == filing_id)).scalar()
    if data is None:
        raise NotFound("归档文件 / filing", filing_id)
    return dict(data)
