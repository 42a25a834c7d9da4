"""F08 and F09 generated from the app (文件 → 台账与年报), previewed, saved; the F09 tables and
the ledger exported as Excel (issue 12 §4)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from tests.core.deals.test_diligence import page_bodies
from ttdesk.core.base.context import AppContext
from ttdesk.core.records.filing_archive import Generated
from ttdesk.ui.filings.archive_page import ArchivePage
from ttdesk.ui.kit.bus import DataBus


def _run(qtbot: QtBot, panel, button) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.done, timeout=60000) as blocker:
        button.click()
    return blocker.args[0]


def test_f08_and_f09_from_the_app(qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path) -> None:
    page = ArchivePage(demo_ctx, DataBus())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.tabs.setCurrentWidget(page.reports)
    panel = page.reports
    assert not panel.save_button.isEnabled()  # nothing made yet
    year = demo_ctx.today().year - 1
    panel.year.setValue(year)
    panel.form.setCurrentIndex(panel.form.findData("F09"))
    gen = _run(qtbot, panel, panel.generate_button)
    assert isinstance(gen, Generated) and gen.record.kind == "F09"
    assert gen.record.subject == str(year)
    qtbot.waitUntil(panel.preview.is_ready, timeout=10000)
    assert panel.preview.page_count() >= 2
    assert page.table.rowCount() >= 1  # the archive list heard of it
    pdf = panel.save_pdf(str(tmp_path / "f09.pdf"))
    assert pdf is not None and pdf.read_bytes()[:4] == b"%PDF"
    xlsx = panel.save_xlsx(str(tmp_path / "f09.xlsx"))
    assert xlsx is not None and len(openpyxl.load_workbook(xlsx).sheetnames) >= 3
    page.grab().save(str(tmp_path / "reports_f09.png"))

    panel.form.setCurrentIndex(panel.form.findData("F08"))
    panel.custom.setChecked(True)
    panel.start.setDate(panel.start.date().addMonths(-12 * 3))
    assert panel.subject().endswith(f"..{year}-12-31")
    gen = _run(qtbot, panel, panel.generate_button)
    assert isinstance(gen, Generated) and gen.record.kind == "F08"
    assert not panel.xlsx_button.isEnabled()  # the Excel tables are F09's
    assert "单列管理台账" in "".join(page_bodies(gen.content))

    summary = panel.export_ledger  # the ledger itself as a workbook, with progress
    with qtbot.waitSignal(panel.done, timeout=60000) as blocker:
        summary(str(tmp_path / "台账.xlsx"))
    assert sum(blocker.args[0].counts.values()) > 0
    book = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    assert book.sheetnames[:3] == ["成果", "完成人", "转化项目"] and book["成果"].max_row > 1
    sheet = book["成果"]  # readable in Excel: widths, frozen bold header, autofilter
    assert sheet.freeze_panes == "A2" and sheet.cell(1, 1).font.b
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.endswith(str(sheet.max_row))
    assert max(sheet.column_dimensions[c].width for c in "ABCDEF") >= 30


def test_cancel_before_the_work_leaves_nothing(qtbot: QtBot, demo_ctx: AppContext) -> None:
    page = ArchivePage(demo_ctx, DataBus())
    qtbot.addWidget(page)
    panel = page.reports
    before = page.table.rowCount()
    panel.form.setCurrentIndex(panel.form.findData("F09"))
    panel.year.setValue(2019)
    with qtbot.waitSignal(panel.done, timeout=60000) as blocker:
        panel.generate()
        panel.operation.cancel()  # the officer pressed 取消 straight away
    if blocker.args[0] is None:
        assert "已取消" in panel.message.text()
        page.reload()
        assert page.table.rowCount() == before
    else:  # the worker finished before the click landed: the filing is complete and kept
        assert blocker.args[0].record.kind == "F09"


def test_submitting_f09_from_the_app_freezes_the_year(qtbot: QtBot, demo_ctx: AppContext,
                                                      tmp_path: Path) -> None:
    """报送并冻结年报: afterwards generating the year shows the submitted version."""
    page = ArchivePage(demo_ctx, DataBus())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.tabs.setCurrentWidget(page.reports)
    panel = page.reports
    assert not panel.submit_button.isEnabled()
    panel.year.setValue(2023)
    panel.form.setCurrentIndex(panel.form.findData("F09"))
    first = _run(qtbot, panel, panel.generate_button)
    assert panel.submit_button.isEnabled()
    panel.submit_annual()
    assert "2023 年度报告已报送" in panel.message.text()
    assert first.record.serial_no in panel.message.text()
    panel.submit_annual()  # twice: refused, said where the person acted
    assert "未报送" in panel.message.text() and "已报送，不能再次报送" in panel.message.text()
    again = _run(qtbot, panel, panel.generate_button)
    assert again.record.serial_no == first.record.serial_no and again.reused
    assert "冻结的版本" in panel.message.text()
    page.grab().save(str(tmp_path / "reports_f09_frozen.png"))
