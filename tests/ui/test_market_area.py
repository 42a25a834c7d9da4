"""The 对接 area, end to end with real widgets: a park's Excel demand list imported (a bad
list refused in the dialog with its rows), the demand matched to two achievements, one match
walked to "deal", and the deal form opened prefilled with the case and the company; the deal
made from it is recorded on the match."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests import builders as b
from tests.core.market.park_list import good_rows, write_park_list
from ttdesk.codes import AchievementStatus, MatchOutcome
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db import models as M
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.market.page import MarketPage


def _row_where(page, test) -> int:  # type: ignore[no-untyped-def]
    model = page.model
    return next(i for i in range(model.rowCount()) if test(model.row_at(i)))


def _select(page, row: int) -> None:  # type: ignore[no-untyped-def]
    page.table.setCurrentIndex(page.model.index(row, 0))


def test_a_park_demand_matched_to_two_cases_reaches_a_prefilled_deal_form(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings,
        data_bus: DataBus) -> None:
    ctx.today = lambda: date(2026, 6, 30)
    cases = [b.make_achievement(ctx, status=AchievementStatus.MARKETING, title=t)
             for t in ("固态电解质薄膜制备方法", "硫化物电解质界面改性技术")]
    codes = [make_credit_code(random.Random(n)) for n in (21, 22)]
    page = MarketPage(ctx, data_bus, ui_settings)
    qtbot.addWidget(page)
    page.show()
    demands = page.show_tab("demands")

    bad = good_rows(codes)
    bad[1][4] = "下个月"
    dialog = page.ask_import()
    dialog.field("park").setText("中关村科学城")
    dialog.field("file").setText(str(write_park_list(tmp_path / "bad.xlsx", bad)))
    assert not dialog.try_accept()
    assert "需求!4 提出日期" in dialog.error_text()  # sheet!row, as the ledger import says
    assert demands.model.rowCount() == 0

    dialog.field("file").setText(str(write_park_list(tmp_path / "park.xlsx", good_rows(codes))))
    assert dialog.try_accept()
    qtbot.waitUntil(lambda: demands.model.rowCount() == 2)
    row = _row_where(demands, lambda r: r.company == "北京储能科技有限公司")
    assert demands.model.row_at(row).park == "中关村科学城"
    _select(demands, row)

    match = page.match_demand()
    assert match is not None
    match.form.inputs["cases"].setText(f"{cases[0].case_no}，{cases[1].case_no}")
    match.submit()
    assert match.result() == 1, match.form.error_text()
    matches = page.show_tab("matches")
    qtbot.waitUntil(lambda: matches.model.rowCount() == 2)
    qtbot.waitUntil(lambda: demands.model.row_at(row).match_count == 2)

    target = _row_where(matches, lambda r: r.case_no == cases[0].case_no)
    for stage in (MatchOutcome.NDA, MatchOutcome.NEGOTIATING, MatchOutcome.DEAL):
        _select(matches, target)
        move = page.move_match()
        assert move is not None
        assert move.form.values()["stage"] == stage  # the next stage is offered
        move.submit()
        assert move.result() == 1, move.form.error_text()
        qtbot.waitUntil(lambda s=stage: matches.model.row_at(
            _row_where(matches, lambda r: r.case_no == cases[0].case_no)).outcome == s)
        target = _row_where(matches, lambda r: r.case_no == cases[0].case_no)

    deal_form = page.dialog
    assert deal_form is not None and deal_form.objectName() == "action_dialog_new_deal"
    values = deal_form.form.values()  # type: ignore[attr-defined]
    assert values["title"] == cases[0].title
    assert values["counterparty"] == codes[0]
    picker = deal_form.form.inputs["counterparty"]  # type: ignore[attr-defined]
    assert "北京储能科技有限公司" in picker.text()

    opened: list[tuple[str, str]] = []
    page.deal_opened.connect(lambda d, c: opened.append((d, c)))
    deal_form.form.inputs["price"].setText("500000")  # type: ignore[attr-defined]
    deal_form.submit()  # type: ignore[attr-defined]
    assert deal_form.result() == 1, deal_form.form.error_text()  # type: ignore[attr-defined]
    assert opened and opened[0][1] == cases[0].case_no
    with ctx.read() as s:
        deal = s.execute(select(M.Deal).where(M.Deal.deal_no == opened[0][0])).scalar_one()
        company = s.get(M.Company, deal.counterparty_id)
        assert company is not None and company.credit_code == codes[0]
        assert [a.case_no for a in deal.achievements] == [cases[0].case_no]
    qtbot.waitUntil(lambda: matches.model.row_at(_row_where(
        matches, lambda r: r.case_no == cases[0].case_no)).deal_no == opened[0][0])
