"""Notes (活动记录): dated free text with its author, on a case or a deal."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ttdesk.core.activity import refs
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.db.models import Note

MAX_LEN = 10_000
NOTE_TARGETS = ("achievement", "deal")


@requires(Act.NOTE)
def add(ctx: AppContext, ref: str, body: str, on: date | None = None) -> int:
    """Write a note on the case or deal `ref`; returns its id. The author is the actor."""
    text = (body or "").strip()
    if not text:
        raise RuleViolation("INPUT", "备注内容不能为空", "the note is empty", field="body")
    if len(text) > MAX_LEN:
        raise RuleViolation("INPUT", f"备注过长（最多 {MAX_LEN} 字）",
                            f"the note is too long (at most {MAX_LEN})", field="body")
    with ctx.write() as s:
        entity, entity_id = refs.resolve(s, ref)
        return add_in(s, entity, entity_id, text, on or ctx.today(), ctx.actor)


def add_in(s: Session, entity: str, entity_id: int, text: str, on: date, author: str) -> int:
    """A note on a case or deal in the caller's unit of work; returns its id."""
    if entity not in NOTE_TARGETS:
        raise RuleViolation("INPUT", "备注只能写在成果或转化项目上",
                            "notes belong to a case or a deal", field="entity")
    note = Note(entity_type=entity, entity_id=entity_id, written_on=on, author=author,
                body=text)
    s.add(note)
    s.flush()
    return note.id
