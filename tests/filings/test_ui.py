"""The filings panel of a case / deal page and the archive page, with real widgets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import delete, func, select

from tests.builders import make_achievement, make_deal, make_rich_dataset
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.records.filing_archive import Generated
from ttdesk.db import models as M
from ttdesk.ui.filings.archive_page import ArchivePage
from ttdesk.ui.filings.panel import FilingsPanel
from ttdesk.ui.kit.bus import FILINGS, DataBus


@pytest.fixture
def deal_no(ctx: AppContext) -> str:
    data = make_rich_dataset(ctx)
    with ctx.write() as s:
        s.get(M.Deal, data["deal"].id).approval_body = "技术转移中心"
        s.execute(delete(M.Filing))  # the builder's placeholder filing is not a real PDF
    return data["deal"].deal_no


def _choose(panel: FilingsPanel, code: str) -> None:
    for i in range(panel.form.count()):
        if panel.form.itemData(i)[0] == code:
            panel.form.setCurrentIndex(i)
            return
    raise AssertionError(code)


def _generate(qtbot, panel: FilingsPanel) -> object:
    with qtbot.waitSignal(panel.generated, timeout=30000) as blocker:
        panel.generate_button.click()
    return blocker.args[0]


def _dark_pixels(widget) -> int:
    image = widget.grab().toImage()
    step = 4
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if QColor(image.pixel(x, y)).lightness() < 100)


def test_generate_preview_print_save(qtbot, ctx: AppContext, deal_no: str,
                                     tmp_path: Path) -> None:
    bus = DataBus()
    panel = FilingsPanel(ctx, bus, "deal", deal_no)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    assert not panel.print_button.isEnabled()  # nothing to print yet
    _choose(panel, "F04")
    with qtbot.waitSignal(bus.changed, timeout=30000,
                          check_params_cb=lambda kind, _id: kind == FILINGS):
        gen = _generate(qtbot, panel)
    assert isinstance(gen, Generated) and not gen.reused
    assert panel.table.rowCount() == 1
    assert gen.record.serial_no in panel.message.text()
    qtbot.waitUntil(panel.preview.is_ready, timeout=10000)
    assert panel.preview.page_count() >= 1
    # QPdfView paints asynchronously: wait for the page to appear
    qtbot.waitUntil(lambda: _dark_pixels(panel.preview.view) > 50, timeout=10000)
    saved = panel.save_current(str(tmp_path / "copy.pdf"))
    assert saved is not None and saved.read_bytes() == gen.content
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert panel.preview.print_to(printer) == panel.preview.page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_refusal_lists_missing_items_and_archives_nothing(qtbot, ctx: AppContext) -> None:
    make_rich_dataset(ctx)
    deal = make_deal(ctx, [make_achievement(ctx)])
    with ctx.write() as s:
        s.execute(delete(M.Filing))
    panel = FilingsPanel(ctx, DataBus(), "deal", deal.deal_no)
    qtbot.addWidget(panel)
    _choose(panel, "F04")
    result = _generate(qtbot, panel)
    assert isinstance(result, ValidationFailed)
    assert "审批" in panel.message.text() and "未写入" in panel.message.text()
    assert panel.table.rowCount() == 0 and panel.generate_button.isEnabled()
    with ctx.read() as s:
        assert s.execute(select(func.count()).select_from(M.Filing)
                         .where(M.Filing.kind == "F04")).scalar_one() == 0


def test_new_version_after_a_change_and_superseded_marked(qtbot, ctx: AppContext,
                                                          deal_no: str) -> None:
    panel = FilingsPanel(ctx, DataBus(), "deal", deal_no)
    qtbot.addWidget(panel)
    _choose(panel, "F04")
    first = _generate(qtbot, panel)
    again = _generate(qtbot, panel)
    assert again.reused and "数据未变" in panel.message.text()
    with ctx.write() as s:
        s.execute(select(M.Deal).where(M.Deal.deal_no == deal_no)).scalar_one().price = \
            Decimal("480000.00")
    second = _generate(qtbot, panel)
    assert second.record.version == 2 and second.record.serial_no != first.record.serial_no
    states = [panel.table.item(r, 6).text() for r in range(panel.table.rowCount())]
    assert sorted(states) == ["已被取代", "现行"]


def test_archive_page_lists_filters_and_verifies(qtbot, ctx: AppContext, deal_no: str,
                                                 tmp_path: Path) -> None:
    from ttdesk.filings.service import generate

    gen = generate(ctx, "F04", deal_no)
    generate(ctx, "F09", "2026")
    bus = DataBus()
    page = ArchivePage(ctx, bus)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 2
    page.kind.setCurrentIndex(page.kind.findData("F09"))
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "F09"
    page.kind.setCurrentIndex(0)
    page.search.setText(deal_no)
    assert page.table.rowCount() == 1
    good = tmp_path / "good.pdf"
    good.write_bytes(gen.content)
    assert page.verify_file(good).ok
    assert "核验通过" in page.result.text() and gen.record.serial_no in page.result.text()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(gen.content.replace(b"/Creator", b"/Creatoz", 1))
    assert not page.verify_file(bad).ok
    assert "核验未通过" in page.result.text()
    page.search.clear()
    generate(ctx, "F09", "2025")
    bus.announce(FILINGS, 0)
    assert page.table.rowCount() == 3


def test_the_case_page_hosts_the_panel(qtbot, ctx: AppContext, deal_no: str) -> None:
    from ttdesk.ui.case.case_page import CasePage

    with ctx.read() as s:
        case_no = s.execute(select(M.Achievement.case_no).join(
            M.deal_achievement, M.deal_achievement.c.achievement_id == M.Achievement.id)
            .join(M.Deal, M.Deal.id == M.deal_achievement.c.deal_id)
            .where(M.Deal.deal_no == deal_no)).scalars().first()
    page = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(page)
    page.show_tab("filings")
    panel = page.tab("filings").findChild(FilingsPanel) or page.tab("filings")
    assert isinstance(panel, FilingsPanel)
    assert [panel.form.itemData(i)[0] for i in range(panel.form.count())] == \
        ["F01", "F02", "F03", "F05"]


def test_a_scanned_qr_code_finds_the_filing(qtbot, ctx: AppContext, deal_no: str) -> None:
    from ttdesk.filings.pdf import Stamp
    from ttdesk.filings.service import generate

    gen = generate(ctx, "F04", deal_no)
    page = ArchivePage(ctx, DataBus())
    qtbot.addWidget(page)
    rec = gen.record
    payload = Stamp(rec.serial_no, rec.snapshot_sha256, rec.created_at).qr_payload
    page.search.setText(payload)
    assert page.table.rowCount() == 1 and page.table.current() is not None
    assert "一致" in page.result.text() and "不一致" not in page.result.text()
    page.search.setText(payload[:-1] + ("0" if payload[-1] != "0" else "1"))
    assert "不一致" in page.result.text()
    page.search.setText("TTDESK:F04-1999-0001:" + "A" * 64)
    assert "不在归档中" in page.result.text()
