"""Audit events keep personal fields as keyed hashes, never in clear (issue 13 §3), and
`check` still compares a person's row with its last event, by the hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ttdesk.core.base import privacy
from ttdesk.core.base.context import AppContext
from ttdesk.core.people import persons
from ttdesk.core.records.row_history import row_history_findings
from ttdesk.db.types import unpack_json

FIRST = "110101199003071234"
SECOND = "110101198512125678"
PHONE = "13812345678"
EMAIL = "zhang.wei@pku.edu.cn"


def _person_events(ctx: AppContext, staff_no: str) -> list[str]:
    with ctx.read() as s:
        rows = s.execute(text("SELECT changes FROM audit_event WHERE entity = 'person' "
                              "AND entity_ref = :r ORDER BY id"), {"r": staff_no}).scalars()
        return [repr(unpack_json(bytes(c) if not isinstance(c, str | dict) else c))
                for c in rows]


def _history(ctx: AppContext) -> list[str]:
    with ctx.read() as s:
        return [f"{p.field} {p.en}" for p in row_history_findings(s) if "person" in p.where]


def test_events_hold_hashes_and_check_agrees(any_ctx: AppContext) -> None:
    staff_no = persons.create(any_ctx, persons.PersonIn(
        name="张伟", staff_no="P-PRIV-1", id_number=FIRST, phone=PHONE, email=EMAIL))
    persons.edit(any_ctx, staff_no, {"id_number": SECOND, "phone": "13900001111"})
    events = _person_events(any_ctx, staff_no)
    assert len(events) == 2
    for secret in (FIRST, SECOND, PHONE, EMAIL, "13900001111"):
        assert not any(secret in e for e in events), secret
    assert all(privacy.HASH_PREFIX in e for e in events)
    assert "张伟" in events[0]  # the other fields stay readable
    assert _history(any_ctx) == []  # the row equals its last event, compared by hash
    with any_ctx.write() as s:  # changed behind TT Desk's back
        s.execute(text("UPDATE person SET id_number = :v WHERE staff_no = :s"),
                  {"v": FIRST, "s": staff_no})
    [finding] = _history(any_ctx)
    assert finding.startswith("id_number ") and FIRST not in finding and SECOND not in finding


def test_old_events_in_clear_still_compare(ctx: AppContext) -> None:
    """An event written before the hashing (clear text) matches the row by its hash."""
    staff_no = persons.create(ctx, persons.PersonIn(name="李娜", staff_no="P-PRIV-2",
                                                    id_number=FIRST))
    from ttdesk.core.base import audit

    with ctx.write() as s:
        s.execute(text("DELETE FROM audit_event WHERE entity_ref = :r"), {"r": staff_no})
        pid = s.execute(text("SELECT id FROM person WHERE staff_no = :r"),
                        {"r": staff_no}).scalar_one()
        # as an older version wrote it: the ID number in clear (packed as audit packs it)
        from ttdesk.db.types import event_json, pack_raw, utcnow

        last_id, prev = audit.chain_end(s)
        row = {"at": utcnow(), "actor": "old", "action": "insert", "entity": "person",
               "entity_id": pid, "entity_ref": staff_no,
               "changes": event_json({"after": {"staff_no": staff_no, "name": "李娜",
                                               "id_number": FIRST, "is_unit_head": False,
                                               "is_student": False, "is_external": False,
                                               "is_active": True, "search_key":
                                                   None}})}
        row["hash"] = audit.event_hash(prev, row)
        row.update(id=last_id + 1, changes=pack_raw(row["changes"]))
        s.execute(text("INSERT INTO audit_event (id, at, actor, action, entity, entity_id, "
                       "entity_ref, changes, hash) VALUES (:id, :at, :actor, :action, :entity, "
                       ":entity_id, :entity_ref, :changes, :hash)"), row)
    assert [f for f in _history(ctx) if "id_number" in f] == []


def test_no_edited_id_number_left_in_the_database_file(ctx: AppContext) -> None:
    """The old ID number is in no event and in no free page of the SQLite file."""
    staff_no = persons.create(ctx, persons.PersonIn(name="王芳", staff_no="P-PRIV-3",
                                                    id_number=FIRST, email=EMAIL))
    persons.edit(ctx, staff_no, {"id_number": SECOND, "email": None})
    path = ctx.db.sqlite_path
    assert path is not None
    ctx.db.dispose()  # the last connection closes: the WAL is checkpointed into the file
    data = b"".join(p.read_bytes() for p in Path(path).parent.glob(Path(path).name + "*"))
    assert FIRST.encode() not in data and EMAIL.encode() not in data
    assert SECOND.encode() in data  # the current value is in its row (the test can see it)


def test_history_shows_that_a_personal_field_changed_not_its_value(ctx: AppContext) -> None:
    from sqlalchemy import select

    from ttdesk.core.views.history import describe_changes
    from ttdesk.core.views.parts import history
    from ttdesk.db.models import Person

    staff_no = persons.create(ctx, persons.PersonIn(name="赵敏", staff_no="P-PRIV-4",
                                                    id_number=FIRST))
    persons.edit(ctx, staff_no, {"id_number": SECOND})
    with ctx.read() as s:
        pid = s.scalar(select(Person.id).where(Person.staff_no == staff_no))
        events = history(s, {"person": [pid]})
    zh = [describe_changes(e, "zh") for e in events]
    en = describe_changes(events[-1], "en")
    assert "证件号码: （个人信息，不显示） → （个人信息，不显示）" in zh[-1]
    assert "(personal data, not shown)" in en and "赵敏" in zh[0]
    assert not any(FIRST in t or SECOND in t or "hmac:" in t for t in [*zh, en])


def test_bulk_written_people_are_hashed_too(ctx: AppContext) -> None:
    """The demo generator writes people and their events in bulk (`bulkwrite`)."""
    import re

    from ttdesk.core.demo import generate

    generate(ctx, cases=5, seed=2)
    with ctx.read() as s:
        numbers = [n for (n,) in s.execute(text(
            "SELECT id_number FROM person WHERE id_number IS NOT NULL"))]
        events = [repr(unpack_json(bytes(c))) for (c,) in s.execute(text(
            "SELECT changes FROM audit_event WHERE entity = 'person'"))]
    assert numbers and len(events) >= len(numbers)
    assert not any(re.search(r"\d{17}[\dX]", e) for e in events)
    assert _history(ctx) == []


def test_password_and_api_key_hashes_stay_out_of_events(ctx: AppContext) -> None:
    from ttdesk.codes import UserRole
    from ttdesk.core.office import users

    users.create_user(ctx, "li", "李老师", UserRole.OFFICER, "a good password 1")
    key = users.issue_api_key(ctx, "li")
    with ctx.read() as s:
        stored = s.execute(text("SELECT password_hash, api_key_hash FROM app_user "
                                "WHERE username = 'li'")).one()
        events = [repr(unpack_json(bytes(c))) for (c,) in s.execute(text(
            "SELECT changes FROM audit_event WHERE entity = 'app_user'"))]
    assert events and all(v for v in stored)
    assert not any(stored[0] in e or stored[1] in e or key in e for e in events)
    assert not any("argon2" in e for e in events)
    with ctx.read() as s:
        assert [p for p in row_history_findings(s) if "app_user" in p.where] == []
