"""`check` compares every business row with the after-state of its last audit event: a row
changed, inserted or deleted with SQL behind TT Desk's back is found and named."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.check import run_check
from ttdesk.core.records.row_history import RULE, row_history_findings
from ttdesk.db.models import Cost, Department, Person, Receipt


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "demo.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    generate(ctx, cases=200, seed=3)
    ctx.db.dispose()
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "copy.db"
    shutil.copyfile(template, path)
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    yield ctx
    ctx.db.dispose()


def sql(ctx: AppContext, statement: str) -> None:
    """A change made outside TT Desk: plain SQL, no unit of work, no audit event."""
    with ctx.db.engine.begin() as conn:
        conn.execute(text(statement))


def findings(ctx: AppContext) -> list[tuple[str | None, str | None, str]]:
    with ctx.read() as s:
        return [(p.where, p.field, p.en) for p in row_history_findings(s)]


def first(ctx: AppContext, query: str) -> tuple:
    with ctx.read() as s:
        return tuple(s.execute(text(query)).first())


def test_a_fresh_demo_database_matches_its_history(demo):
    assert findings(demo) == []


def test_receipt_amount_multiplied_in_sql_is_found(demo):
    rid, fen = first(demo, "SELECT id, amount FROM receipt ORDER BY id LIMIT 1")
    sql(demo, f"UPDATE receipt SET amount = amount * 10 WHERE id = {rid}")
    found = findings(demo)
    assert len(found) == 1
    where, field, message = found[0]
    assert (where, field) == (f"receipt #{rid} (id {rid})", "amount")
    assert str(Decimal(fen).scaleb(-2)) in message
    assert str(Decimal(fen * 10).scaleb(-2)) in message


def test_distribution_team_amount_changed_in_sql_is_found(demo):
    did, fen = first(demo, "SELECT id, team_amount FROM distribution ORDER BY id LIMIT 1")
    sql(demo, f"UPDATE distribution SET team_amount = {fen + 100} WHERE id = {did}")
    [(where, field, message)] = findings(demo)
    assert (where, field) == (f"distribution #{did} (id {did})", "team_amount")
    assert f"found \"{Decimal(fen + 100).scaleb(-2)}\"" in message


def test_person_id_number_changed_in_sql_is_found(demo):
    pid, staff_no, number = first(demo, "SELECT id, staff_no, id_number FROM person "
                                        "WHERE id_number IS NOT NULL ORDER BY id LIMIT 1")
    sql(demo, f"UPDATE person SET id_number = '110101199001011234' WHERE id = {pid}")
    [(where, field, message)] = findings(demo)
    assert (where, field) == (f"person {staff_no} (id {pid})", "id_number")
    # personal data: compared by keyed hash, neither number is shown (issue 13 §3)
    assert number not in message and "110101199001011234" not in message
    assert "keyed hash" in message


def test_case_status_changed_in_sql_is_found(demo):
    aid, case_no = first(demo, "SELECT id, case_no FROM achievement "
                               "WHERE status = 'disclosed' ORDER BY id LIMIT 1")
    sql(demo, f"UPDATE achievement SET status = 'converted' WHERE id = {aid}")
    found = findings(demo)
    assert [(w, f) for w, f, _ in found] == [(f"achievement {case_no} (id {aid})", "status")]
    assert '"disclosed"' in found[0][2] and '"converted"' in found[0][2]
    assert any(p.rule == RULE and p.field == "status" for p in run_check(demo).findings)


def test_row_inserted_in_sql_is_found(demo):
    sql(demo, "INSERT INTO department (id, code, name) "
              "VALUES (9001, 'X9', '影子学院')")
    assert findings(demo) == [("department #9001 (id 9001)", None,
                               "row has no audit event (inserted outside TT Desk)")]


def test_row_deleted_in_sql_is_found(demo):
    (rid,) = first(demo, "SELECT id FROM cost ORDER BY id DESC LIMIT 1")
    sql(demo, f"DELETE FROM cost WHERE id = {rid}")
    assert findings(demo) == [(f"cost #{rid} (id {rid})", None,
                               "row deleted without an audit event")]


def test_changes_made_through_tt_desk_are_not_findings(demo):
    with demo.write() as s:
        receipt = s.execute(select(Receipt).order_by(Receipt.id)).scalars().first()
        receipt.amount = receipt.amount + Decimal("0.01")
        s.delete(s.execute(select(Cost).order_by(Cost.id)).scalars().first())
        person = s.execute(select(Person).order_by(Person.id)).scalars().first()
        person.id_number = None
        s.add(Department(code="NEW", name="新学院"))
    assert findings(demo) == []


def test_found_on_both_back_ends(any_ctx):
    with any_ctx.write() as s:
        dept = Department(code="MSE", name="材料学院")
        s.add(Person(staff_no="T001", name="王海燕", department=dept, id_number="1101"))
    assert findings(any_ctx) == []
    sql(any_ctx, "UPDATE person SET id_number = '9999' WHERE staff_no = 'T001'")
    sql(any_ctx, "UPDATE department SET name = '影子' WHERE code = 'MSE'")
    with any_ctx.read() as s:
        dept_id = s.execute(select(Department.id)).scalar_one()
    assert sorted((w, f) for w, f, _ in findings(any_ctx)) == [
        (f"department #{dept_id} (id {dept_id})", "name"),
        (_person_where(any_ctx), "id_number")]


def _person_where(ctx: AppContext) -> str:
    with ctx.read() as s:
        return f"person T001 (id {s.execute(select(Person.id)).scalar_one()})"


def test_replacing_a_holiday_year_is_recorded(ctx):
    from datetime import date

    from ttdesk.core.office.holiday_calendar import set_year

    for off in ([date(2031, 1, 1), date(2031, 1, 2)], [date(2031, 1, 1), date(2031, 5, 1)]):
        with ctx.write() as s:
            set_year(s, 2031, off, [])
    assert findings(ctx) == []


def test_an_empty_value_filled_in_sql_is_found(demo):
    """Events leave empty values out; a value put into an empty column is still found."""
    (rid,) = first(demo, "SELECT id FROM receipt WHERE note IS NULL ORDER BY id LIMIT 1")
    sql(demo, f"UPDATE receipt SET note = '补记' WHERE id = {rid}")
    [(where, field, message)] = findings(demo)
    assert (where, field) == (f"receipt #{rid} (id {rid})", "note")
    assert message == 'differs from its audit history: recorded ∅, found "补记"'
