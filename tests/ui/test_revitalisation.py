"""The 专利盘活 workbench through its widgets (issue 19 §7): the inventory of valid unconverted
patents, two chosen and decided in one step, the cost per college, the Excel export."""

from __future__ import annotations

from pathlib import Path

from core.cases.test_revitalisation import TODAY, campus  # noqa: F401  (the fixture)
from PySide6.QtCore import QItemSelectionModel

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.revitalisation import inventory
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.revitalise.workbench import RevitalisationPage


def _page(qtbot, ctx: AppContext) -> RevitalisationPage:
    page = RevitalisationPage(ctx, DataBus())
    qtbot.addWidget(page)
    page.resize(1300, 760)
    qtbot.waitUntil(lambda: not reading(page) and page.model.rowCount() == 3)
    return page


def test_two_patents_decided_at_once(qtbot, ctx: AppContext, campus: dict,  # noqa: F811
                                     tmp_path: Path) -> None:
    page = _page(qtbot, ctx)
    assert "3 项有效未转化专利，3 项尚未决定" in page.summary.text()
    assert page.costs.rowCount() == 2
    sel = page.view.selectionModel()
    for row in (0, 2):
        sel.select(page.view.model().index(row, 0),
                   QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    chosen = {r.application_no for r in page.selected()}
    page.grade.setCurrentIndex(page.grade.findData("A"))
    page.decision.setCurrentIndex(page.decision.findData("promote"))
    assert page.apply_to_selected() == 2
    qtbot.waitUntil(lambda: not reading(page) and "1 项尚未决定" in page.summary.text())
    decided = {r.application_no: r for r in inventory(ctx)}
    assert {n for n, r in decided.items() if r.decision == E.PatentDecision.PROMOTE} == chosen
    assert all(decided[n].grade == E.PatentGrade.A for n in chosen)
    page.filter.setCurrentIndex(page.filter.findData("promote"))
    qtbot.waitUntil(lambda: not reading(page) and page.model.rowCount() == 2)
    out = page.export(tmp_path / "盘活.xlsx")
    assert out is not None and out.read_bytes()[:2] == b"PK"


def test_nothing_selected_is_refused_in_words(qtbot, ctx: AppContext,
                                              campus: dict) -> None:  # noqa: F811
    page = _page(qtbot, ctx)
    page.decision.setCurrentIndex(page.decision.findData("drop"))
    assert page.apply_to_selected() == 0
    assert "请至少选择一项专利" in page.message.text()
