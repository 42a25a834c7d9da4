"""Inventors through the widgets (issue 18): a returned form dropped on the main window is
shown beside nothing (a new case) and accepted, the case opens; a case's own form issued from
its disclosure tab comes back with changes marked and is taken in; a form with problems
cannot be accepted and says why; a deal's reward statements saved from its distributions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builders import make_department, make_person
from core.money.conftest import signed_licence
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.core.disclosure import intake
from ttdesk.core.money import receipts
from ttdesk.core.views.case_detail import case_detail
from ttdesk.filings.disclosure_pdf import blank_form, filled
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.case.disclosure_tab import DisclosureTab
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.inventors.intake_dialog import CHANGED, DisclosureIntakeDialog
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading

TODAY = date(2026, 11, 20)


def _answers(**over: str) -> dict[str, str]:
    return {"title": "低温固态电池电解质", "kind": label(E.AchievementKind.INVENTION_PATENT),
            "department": "D07", "disclosure_date": "2026-10-08",
            "research_stage": label(E.ResearchStage.RESEARCH),
            "secrecy": label(E.Secrecy.NONE), "c1_staff_no": "T1001", "c1_name": "王芳",
            "c1_share": "100", "no_funding": "1"} | over


def _returned(tmp_path: Path, name: str, **over: str) -> Path:
    values: dict[str, str | bool] = {k: v for k, v in _answers(**over).items()
                                     if k != "no_funding"}
    values["no_funding"] = True
    values["form_id"] = spec.new_form_id(None)
    path = tmp_path / name
    path.write_bytes(filled(blank_form(), values))
    return path


def _people(ctx: AppContext) -> None:
    ctx.today = lambda: TODAY
    dept = make_department(ctx, code="D07", name="材料学院")
    make_person(ctx, dept, staff_no="T1001", name="王芳")


def test_a_form_dropped_on_the_window_becomes_a_case(qtbot, ctx: AppContext, ui_settings,
                                                     tmp_path: Path) -> None:
    _people(ctx)
    win = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(win)
    path = _returned(tmp_path, "王芳的披露表.pdf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(drop)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, DisclosureIntakeDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.accept_button.isEnabled() and dialog.problems.text() == ""
    opened: list[str] = []
    win.open_case = lambda case_no, deal_no=None: opened.append(case_no)  # type: ignore[method-assign]
    dialog.accepted_case.connect(lambda c: None)
    case_no = dialog.take_in()
    assert case_no and case_detail(ctx, case_no).title == "低温固态电池电解质"
    assert opened == [case_no]


def test_the_case_form_goes_out_and_comes_back_with_changes_marked(
        qtbot, ctx: AppContext, tmp_path: Path) -> None:
    _people(ctx)
    case_no = intake.accept(ctx, _returned(tmp_path, "first.pdf"))
    tab = DisclosureTab(ctx, DataBus())
    qtbot.addWidget(tab)
    tab.load(case_detail(ctx, case_no))
    issued = tab.issue_form(tmp_path / "issued.pdf")
    assert issued is not None and intake.read_file(issued)["case_no"] == case_no
    back = tmp_path / "back.pdf"
    back.write_bytes(filled(issued.read_bytes(), {"title": "低温固态电池电解质及其制备"}))
    dialog = tab.take_in_form(back)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    title_row = rows["成果名称"]
    assert dialog.table.item(title_row, 2).text() == "低温固态电池电解质及其制备"
    assert dialog.table.item(title_row, 1).background().color() == CHANGED
    assert dialog.table.item(rows["成果类型"], 1).background().color() != CHANGED
    assert dialog.take_in() == case_no
    assert case_detail(ctx, case_no).title == "低温固态电池电解质及其制备"


def test_a_form_with_problems_cannot_be_accepted(qtbot, ctx: AppContext,
                                                 tmp_path: Path) -> None:
    _people(ctx)
    path = _returned(tmp_path, "bad.pdf", c1_share="90", disclosure_date="2026-02-30",
                     c2_staff_no="T4040", c2_name="赵敏", c2_share="10")
    dialog = DisclosureIntakeDialog(ctx, DataBus(), path, intake.review(ctx, path))
    qtbot.addWidget(dialog)
    assert not dialog.accept_button.isEnabled()
    text = dialog.problems.text()
    assert "2026-02-30" in text and "T4040" in text and "赵敏" in text


def test_reward_statements_from_the_distributions_tab(qtbot, ctx: AppContext,
                                                      tmp_path: Path) -> None:
    ctx.today = lambda: TODAY
    lic = signed_licence(ctx)
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "1000000", "upfront"))
    panel = DealMoneyPanel(ctx, DataBus(), lic.deal.deal_no)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not reading(panel) and panel.page is not None)
    panel.new_distribution().save()
    qtbot.waitUntil(lambda: not reading(panel) and panel.dists.rowCount() == 1)
    assert not panel.buttons["statements"].isEnabled()  # a draft is nobody's reward yet
    approve = (panel.distributions.dist_view.selectRow(0), panel.approve())[1]
    approve.field("approval_date").setDate(date(2026, 9, 20))
    assert approve.try_accept()
    qtbot.waitUntil(lambda: not reading(panel) and panel.buttons["statements"].isEnabled())
    written = panel.distributions.save_statements(tmp_path / "statements")
    assert len(written) == 3 and all(p.read_bytes()[:4] == b"%PDF" for p in written)
