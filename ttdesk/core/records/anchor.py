"""Anchors: the audit chain's head kept outside the database.

An anchor names a database (its `origin`: the first 16 hex digits of its first audit event's
hash), a sequence (an event id) and the hash of that event. Printed on every filing, written
by `ttdesk-cli audit-anchor` to print, sign or send, it proves later that the chain still
contains that event with that hash: a chain rewritten after it, or cut before it, no longer
does — which the chain alone cannot show, since whoever rewrites it can re-hash it.

Text form (`to_text`): a few lines, "key: value". Compact form (`compact`, in the QR code and
the PDF keywords): "A<origin>.<sequence>.<HASH>" in QR alphanumeric characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ttdesk.core.base import audit_store
from ttdesk.core.base.chain_check import Walk, walk
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.db.types import utcnow

HEADER = "TT Desk audit anchor v1"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_COMPACT = re.compile(r"A([0-9A-F]{16})\.([0-9]{1,18})\.([0-9A-F]{64})")


@dataclass(frozen=True)
class Anchor:
    origin: str  # 16 lower-case hex digits
    sequence: int
    hash: str  # 64 lower-case hex digits
    at: datetime | None = None

    def short(self) -> str:
        """For a page footer: sequence and the first 12 hex digits of the hash."""
        return f"#{self.sequence} {self.hash[:12]}"


def _refused(zh: str, en: str) -> ValidationFailed:
    return ValidationFailed([Problem("ANCHOR", zh, en, field="anchor")])


def head(session: Session) -> Anchor | None:
    """The current head of the chain (None while nothing has been recorded)."""
    first = audit_store.first_hash(session)
    last_id, last = audit_store.end(session)
    if first is None or last is None:
        return None
    return Anchor(first.hex()[:16], last_id, last.hex(), utcnow())


def current(ctx: AppContext) -> Anchor:
    with ctx.read() as s:
        found = head(s)
    if found is None:
        raise _refused("审计链为空，尚无可锚定的记录",
                       "the audit chain is empty: nothing to anchor")
    return found


def to_text(anchor: Anchor) -> str:
    at = f"at: {anchor.at.isoformat(timespec='seconds')}\n" if anchor.at else ""
    return (f"{HEADER}\ndatabase: {anchor.origin}\nsequence: {anchor.sequence}\n"
            f"hash: {anchor.hash}\n{at}")


def parse(text: str) -> Anchor:
    """An anchor from its text form; a malformed one is refused with the reason."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if not lines or lines[0] != HEADER:
        raise _refused(f"不是审计锚点文件（首行应为“{HEADER}”）",
                       f"not an audit anchor (the first line must be \"{HEADER}\")")
    fields = dict(ln.split(":", 1) for ln in lines[1:] if ":" in ln)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    origin, seq, digest = fields.get("database", ""), fields.get("sequence", ""), \
        fields.get("hash", "")
    if not _HEX16.fullmatch(origin):
        raise _refused("锚点的 database 应为 16 位十六进制数", "anchor: database must be 16 "
                       "hex digits")
    if not seq.isdigit() or int(seq) < 1:
        raise _refused("锚点的 sequence 应为正整数", "anchor: sequence must be a positive "
                       "integer")
    if not _HEX64.fullmatch(digest):
        raise _refused("锚点的 hash 应为 64 位十六进制数", "anchor: hash must be 64 hex digits")
    at = None
    if fields.get("at"):
        try:
            at = datetime.fromisoformat(fields["at"])
        except ValueError:
            raise _refused("锚点的时间格式有误", "anchor: malformed time") from None
    return Anchor(origin, int(seq), digest, at)


def compact(anchor: Anchor) -> str:
    return f"A{anchor.origin.upper()}.{anchor.sequence}.{anchor.hash.upper()}"


def parse_compact(text: str) -> Anchor | None:
    found = _COMPACT.search(text)
    if found is None:
        return None
    return Anchor(found[1].lower(), int(found[2]), found[3].lower())


def prove(ctx: AppContext, anchor: Anchor) -> list[Problem]:
    """Why the chain does not (or no longer) contain the anchor; empty when it does.

    Another database's anchor is refused (ValidationFailed); a chain that was cut before the
    anchored event, or rewritten at or before it, or broken anywhere, is a finding."""
    with ctx.read() as s:
        mine = head(s)
        if mine is None:
            return [_p("审计链为空，但锚点记录到第 {n} 号事件：审计链已被清空",
                       "the audit chain is empty but the anchor names event {n}: the chain "
                       "was removed", anchor)]
        walked = walk(s, at={1, anchor.sequence})
    if mine.origin != anchor.origin and (found := _older_chain(walked, anchor)) is not None:
        return found
    if walked.seen.get(1, b"").hex()[:16] != anchor.origin or mine.origin != anchor.origin:
        raise _refused(
            f"锚点属于另一个数据库（{anchor.origin}），本数据库为 {mine.origin}"
            "（或本库的审计链自第一条起被重建）",
            f"the anchor belongs to another database ({anchor.origin}); this one is "
            f"{mine.origin} (or its chain was rebuilt from the first event)")
    out = walked_problems(walked)
    found = walked.seen.get(anchor.sequence)
    if found is None:
        out.append(_p("审计链只到第 {head} 号事件，锚点记录到第 {n} 号：审计链末尾已被截断",
                      "the chain ends at event {head} but the anchor names event {n}: the "
                      "end of the chain was cut", anchor, walked.head_id))
    elif found.hex() != anchor.hash:
        out.append(_p("第 {n} 号事件的哈希与锚点不符：审计链在此之前已被改写",
                      "event {n} no longer has the anchored hash: the chain was rewritten "
                      "at or before it", anchor))
    return out


def _older_chain(walked: Walk, anchor: Anchor) -> list[Problem] | None:
    """An anchor printed before a migration re-hashed the chain (its `rechain` marker keeps
    the old chain's name and head): proven when it is that head; otherwise what the marker
    says is all there is to compare. None: no marker names the anchor's chain."""
    for marker_id, info in sorted(walked.rechains.items(), reverse=True):
        if info.get("old_origin") != anchor.origin:
            continue
        old = info.get("old_head") or {}
        if (old.get("id"), old.get("hash")) == (anchor.sequence, anchor.hash):
            return walked_problems(walked)
        if anchor.sequence > int(old.get("id") or 0):
            return [_p("锚点记录到第 {n} 号事件，但旧审计链在重新计算前只到第 {head} 号："
                       "旧链末尾已被截断",
                       "the anchor names event {n} but the old chain ended at event {head} when "
                       "it was re-hashed: its end was cut", anchor, int(old.get("id") or 0))]
        whole = "完整" if info.get("old_chain_whole", True) else "已断裂"
        return [_p(f"锚点早于第 {marker_id} 号事件处的审计链重新计算（升级迁移），无法逐条核对；"
                   f"重新计算时旧链{whole}，链头为第 {old.get('id')} 号事件 {old.get('hash')}",
                   f"the anchor predates the re-hash of the chain at event {marker_id} (a "
                   f"migration) and cannot be proven event by event; the old chain was "
                   f"{'whole' if info.get('old_chain_whole', True) else 'broken'} then, its "
                   f"head event {old.get('id')} {old.get('hash')}", anchor)]
    return None


def walked_problems(walked: Walk) -> list[Problem]:
    return [Problem("AUDIT", f"审计链断裂：{m}", m) for m in walked.findings]


def _p(zh: str, en: str, anchor: Anchor, head_id: int = 0) -> Problem:
    values = {"n": anchor.sequence, "head": head_id}
    return Problem("ANCHOR", zh.format(**values), en.format(**values), "anchor",
                   f"#{anchor.sequence}")
