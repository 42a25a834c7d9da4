"""The unit of work says what it changed: each service's committed writes come back as the
change kinds the UI announces (with the one record concerned), a refusal reports nothing,
and every table of the model has a kind."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.core.cases import test_workflow as workflow
from ttdesk.codes import ChangeKind as K
from ttdesk.core.base import changes
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.deals import deals
from ttdesk.core.deals.deals import DealIn
from ttdesk.core.exchange.bulk import insert_rows
from ttdesk.core.money import receipts
from ttdesk.db.models import Achievement, Base, Deal, Department, Person

world = workflow.world  # the fixture: a department, people, an officer, two companies
_converting_case, _deal_in_approval = workflow._converting_case, workflow._deal_in_approval


def _id(ctx, model, **where) -> int:
    with ctx.read() as s:
        return s.execute(select(model.id).filter_by(**where)).scalar_one()


def test_every_table_has_a_change_kind() -> None:
    known = set(changes.TABLE_KINDS) | changes.SPECIAL | changes.NOT_REPORTED
    missing = sorted(set(Base.metadata.tables) - known)
    assert missing == [], f"give these tables a kind in core/base/changes.py: {missing}"


def test_a_new_case_reports_achievements_with_its_id(world) -> None:
    with world.recording() as rec:
        case_no = _converting_case(world)
    case_id = _id(world, Achievement, case_no=case_no)
    assert K.ACHIEVEMENTS in rec.changes.kinds
    assert rec.changes.record_id(K.ACHIEVEMENTS) == case_id
    assert K.MONEY not in rec.changes.kinds and K.COMPANIES not in rec.changes.kinds


def test_a_new_deal_concerns_its_case_too(world) -> None:
    case_no = _converting_case(world)
    deal_no = deals.create(world, DealIn(title="许可", mode="license_nonexclusive",
                                         achievements=[case_no]))
    got = world.last_changes
    assert got.record_id(K.DEALS) == _id(world, Deal, deal_no=deal_no)
    # the link row: the case's page lists its deals
    assert got.record_id(K.ACHIEVEMENTS) == _id(world, Achievement, case_no=case_no)
    assert K.MONEY not in got.kinds


def _signed(ctx) -> str:
    deal_no = _deal_in_approval(ctx, method="listing")
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 10, 30))
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-2026-0815"})
    deals.sign(ctx, deal_no, date(2026, 11, 2))
    return deal_no


def test_signing_reports_the_deal_and_its_deadlines(world) -> None:
    deal_no = _signed(world)
    got = world.last_changes
    assert {K.DEALS, K.DEADLINES} <= got.kinds
    assert got.record_id(K.DEALS) == _id(world, Deal, deal_no=deal_no)
    assert K.MONEY not in got.kinds and K.ALL not in got.kinds


def test_a_receipt_is_money_of_its_deal_and_a_refusal_reports_nothing(world) -> None:
    deal_no = _signed(world)
    receipts.add_receipt(world, receipts.ReceiptIn(deal_no, date(2026, 11, 10), "1000.00"))
    got = world.last_changes
    assert got.kinds == {K.MONEY} | (got.kinds & {K.DEADLINES})
    assert got.record_id(K.MONEY) == _id(world, Deal, deal_no=deal_no)
    with world.recording() as rec, pytest.raises(TTDeskError):
        receipts.add_receipt(world, receipts.ReceiptIn(deal_no, date(2026, 11, 10), "-5"))
    assert not rec.changes and rec.changes.kinds == frozenset()


def test_an_objection_is_a_change_of_its_deal(world) -> None:
    deal_no = _deal_in_approval(world)
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    deals.start_publicity(world, deal_no, date(2026, 11, 1), "学校官网")
    deals.object_to(world, deal_no, "某教师", date(2026, 11, 3), "价格明显偏低")
    got = world.last_changes
    assert got.record_id(K.DEALS) == _id(world, Deal, deal_no=deal_no)
    assert K.ALL not in got.kinds and K.MONEY not in got.kinds


def test_several_units_merge_and_two_records_mean_many(world) -> None:
    case_no = _converting_case(world)
    with world.recording() as rec:
        deals.create(world, DealIn(title="许可一", mode="license_nonexclusive",
                                   achievements=[case_no]))
        deals.create(world, DealIn(title="许可二", mode="license_nonexclusive",
                                   achievements=[case_no]))
        with world.recording() as inner:
            pass
    assert rec.changes.record_id(K.DEALS) == 0  # two deals: 0 = several
    assert rec.changes.record_id(K.ACHIEVEMENTS) == _id(world, Achievement, case_no=case_no)
    assert not inner.changes


def test_master_data_is_settings_and_bulk_rows_are_reported(world) -> None:
    with world.write() as s:
        s.add(Department(code="EE", name="电子工程学院"))
    assert world.last_changes.kinds == {K.SETTINGS}
    with world.write() as s:
        dept = s.execute(select(Department.id).filter_by(code="EE")).scalar_one()
        insert_rows(s, Person.__table__, [{"staff_no": "B1", "name": "赵一",
                                           "department_id": dept}])
    assert world.last_changes.kinds == {K.SETTINGS}


def test_changes_are_per_thread(world) -> None:
    import threading

    seen: list[changes.Changes] = []
    with world.recording() as rec:
        worker = threading.Thread(target=lambda: (_converting_case(world),
                                                  seen.append(world.last_changes)))
        worker.start()
        worker.join()
    assert K.ACHIEVEMENTS in seen[0].kinds
    assert not rec.changes  # the GUI thread's recording sees only its own units of work


def test_a_restore_reports_everything_and_a_refused_one_nothing(ctx, tmp_path) -> None:
    from ttdesk.core.records.backup import backup, restore

    copy = backup(ctx, tmp_path / "copy.db")
    url = ctx.db.url
    ctx.db.dispose()
    with ctx.recording() as rec:
        restore(url, copy, aside_dir=tmp_path / "aside")
    assert rec.changes.kinds == {K.ALL}
    with ctx.recording() as refused, pytest.raises(TTDeskError):
        restore(url, tmp_path / "missing.db", aside_dir=tmp_path / "aside")
    assert not refused.changes
