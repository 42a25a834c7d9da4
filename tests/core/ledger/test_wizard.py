"""The import wizard driven like an officer would: file → mapping → check → import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.ledger.conftest import counts
from core.ledger.fixtures import big_ledger, clean_ledger, clean_rows, write_book
from ttdesk.core.base.context import AppContext
from ttdesk.db import models as M
from ttdesk.ui.kit import bus as busmod
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.ledger.wizard import ImportWizard


def _wizard(qtbot: QtBot, ctx: AppContext) -> tuple[ImportWizard, DataBus]:
    bus = DataBus()
    wizard = ImportWizard(ctx, bus)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, bus


def _wait(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.current_op is not None
    if wizard.current_op.result is None and wizard.current_op.error is None:
        with qtbot.waitSignal(wizard.current_op.finished, timeout=30_000):
            pass


def _to_check_page(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    _wait(qtbot, wizard)


def test_messy_ledger_shows_located_problems_and_cannot_import(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    rows = clean_rows()
    rows[1][7] = "面议"
    rows[2][4] = "去年"
    path = write_book(tmp_path / "台账2024.xlsx", {"成果台账": rows})
    before = counts(ctx)
    wizard, _bus = _wizard(qtbot, ctx)
    _to_check_page(qtbot, wizard, path)
    table = wizard.check_page.problems
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert cells["成果台账!H2"] == "R11" and cells["成果台账!E3"] == "R12"
    assert "2 个问题" in wizard.check_page.summary.text()
    assert not wizard.check_page.isComplete()
    assert wizard.button(ImportWizard.WizardButton.NextButton).isEnabled() is False
    assert counts(ctx) == before


def test_not_excel_stays_on_the_file_page(qtbot: QtBot, ctx: AppContext,
                                           tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    wizard, _bus = _wizard(qtbot, ctx)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "Excel" in wizard.file_page.error.text()


def test_clean_ledger_with_an_adjusted_mapping_imports(qtbot: QtBot, ctx: AppContext,
                                                       tmp_path: Path) -> None:
    wizard, bus = _wizard(qtbot, ctx)
    seen: list[str] = []
    bus.changed.connect(lambda kind, _id: seen.append(kind))
    wizard.file_page.path_edit.setText(str(clean_ledger(tmp_path / "台账2024.xlsx")))
    wizard.next()
    table = wizard.mapping_page.tables["achievements"]
    assert table.rowCount() == 12
    titles = [table.combos[r].currentData() for r in range(table.rowCount())]
    assert titles[:3] == [None, "case_no", "title"]
    table.set_field("L", None)  # do not import the amounts received
    saved = tmp_path / "映射.json"
    wizard.mapping_page.save_to(saved)
    assert '"L": null' in saved.read_text(encoding="utf-8")
    wizard.next()
    _wait(qtbot, wizard)
    assert wizard.check_page.isComplete()
    new = wizard.check_page.new
    assert {new.item(r, 1).text() for r in range(new.rowCount())} >= {"张伟", "医学部"}
    wizard.next()
    assert wizard.currentPage() is wizard.import_page
    _wait(qtbot, wizard)
    assert wizard.import_page.isComplete()
    assert "成果 5" in wizard.import_page.status.text()
    # The core names what the import wrote: cases, their deals, and the new person and
    # department (master data, announced as settings), so exactly those views reload.
    assert {"achievements", "deals", "settings"} <= set(seen) and busmod.ALL not in seen
    after = counts(ctx)
    assert after["achievement"] == 5 and after["receipt"] == 0  # column L left out


def test_choosing_a_field_twice_clears_the_other_column(qtbot: QtBot, ctx: AppContext,
                                                        tmp_path: Path) -> None:
    wizard, _bus = _wizard(qtbot, ctx)
    wizard.file_page.path_edit.setText(str(clean_ledger(tmp_path / "a.xlsx")))
    wizard.next()
    table = wizard.mapping_page.tables["achievements"]
    table.set_field("A", "title")
    assert table.combos[0].currentData() == "title"
    assert table.combos[2].currentData() is None
    assert wizard.mapping_page.mapping.sheets["achievements"].fields()["title"].letter == "A"


def test_cancelled_import_writes_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard, bus = _wizard(qtbot, ctx)
    seen: list[str] = []
    bus.changed.connect(lambda kind, _id: seen.append(kind))
    _to_check_page(qtbot, wizard, big_ledger(tmp_path / "大台账.xlsx", 3000))
    assert wizard.check_page.isComplete()
    before = counts(ctx)
    wizard.next()
    op = wizard.current_op
    assert op is not None
    op.cancel()  # as the progress dialog's Cancel button does
    _wait(qtbot, wizard)
    assert counts(ctx) == before
    assert not wizard.import_page.isComplete()
    assert "未导入" in wizard.import_page.status.text()
    assert "已取消" in wizard.import_page.status.text()
    assert seen == []


def test_user_assigns_an_unrecognised_sheet_and_header_row(qtbot: QtBot, ctx: AppContext,
                                                           tmp_path: Path) -> None:
    """The deals sit on "Sheet2" under a title row: named and placed by hand, they import."""
    deals = [["2024年转化合同（内部）"],
             ["合同编号", "成果编号", "转化方式", "合同金额", "签约日期", "受让方",
              "统一社会信用代码"],
             ["HT-X-1", "CG-2024-0002", "转让", "88,000", "2024-09-01", "北京某医药有限公司",
              clean_rows()[1][10]]]
    path = write_book(tmp_path / "两表.xlsx", {"成果台账": clean_rows(), "Sheet2": deals})
    wizard, _bus = _wizard(qtbot, ctx)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.mapping_page
    assert set(page.tables) == {"achievements"}
    page.sheet_combos["deals"].setCurrentIndex(page.sheet_combos["deals"].findData("Sheet2"))
    assert page.mapping.sheets["deals"].header_row == 2  # found below the title row
    assert page.tables["deals"].combos[0].currentData() == "deal_no"
    page.row_spins["deals"].setValue(1)  # a wrong header row: nothing recognised there
    assert not page.mapping.sheets["deals"].fields()
    page.row_spins["deals"].setValue(2)
    assert page.mapping.sheets["deals"].fields()["price"].letter == "D"
    page.tables["achievements"].set_field("L", None)  # an edit elsewhere survives
    page.row_spins["deals"].setValue(2)
    wizard.next()
    _wait(qtbot, wizard)
    assert wizard.check_page.isComplete(), wizard.check_page.summary.text()
    wizard.next()
    _wait(qtbot, wizard)
    after = counts(ctx)
    assert after["deal"] == 3 and after["receipt"] == 0
    # leaving the deals sheet out again takes it out of the import
    wizard2, _ = _wizard(qtbot, ctx)
    wizard2.file_page.path_edit.setText(str(path))
    wizard2.next()
    assert "deals" not in wizard2.mapping_page.mapping.sheets


def test_fix_the_file_and_check_again(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    rows = clean_rows()
    rows[1][7] = "面议"
    path = write_book(tmp_path / "台账.xlsx", {"成果台账": rows})
    wizard, _bus = _wizard(qtbot, ctx)
    _to_check_page(qtbot, wizard, path)
    assert not wizard.check_page.isComplete()
    write_book(path, {"成果台账": clean_rows()})  # corrected in Excel and saved
    wizard.check_page.again.click()
    _wait(qtbot, wizard)
    assert wizard.check_page.isComplete()
    table = wizard.check_page.problems
    assert table.rowCount() == 1 and table.item(0, 3).text().startswith("提示")  # equal split


def test_unit_of_an_amount_column_set_by_hand(qtbot: QtBot, ctx: AppContext,
                                              tmp_path: Path) -> None:
    """The header says only 合同金额, but the office knows the column is in 万元."""
    rows = [["成果编号", "成果名称", "披露日期", "完成人", "合同金额", "签约日期", "受让方",
             "统一社会信用代码"],
            ["C-1", "固态电池", "2024-1-5", "甲", 46, "2024-6-1", "北京清能科技有限公司",
             clean_rows()[1][10]]]
    wizard, _bus = _wizard(qtbot, ctx)
    wizard.file_page.path_edit.setText(str(write_book(tmp_path / "t.xlsx", {"成果": rows})))
    wizard.next()
    table = wizard.mapping_page.tables["achievements"]
    assert not table.units[0].isEnabled() and table.units[4].isEnabled()
    table.set_unit("E", "wan")
    wizard.next()
    _wait(qtbot, wizard)
    wizard.next()
    _wait(qtbot, wizard)
    with ctx.read() as s:
        assert s.execute(select(M.Deal.price)).scalar_one() == Decimal("460000.00")
