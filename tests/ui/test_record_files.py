"""Files kept with records that have no page of their own (issue 11 §3): a rights grant, a
distribution and an archived filing each open their attachments from a button beside them;
a file attached there is listed under that record and no other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core.money.conftest import signed_licence
from PySide6.QtWidgets import QLabel

from ttdesk.core.activity import attachments
from ttdesk.core.base.context import AppContext
from ttdesk.core.cases import rights
from ttdesk.core.money import receipts
from ttdesk.core.views.case_detail import case_detail
from ttdesk.db import models as M
from ttdesk.ui.case.files_tab import FilesDialog
from ttdesk.ui.case.grants_tab import GrantsTab
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.filings.archive_page import ArchivePage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.kit.table import select_first

TODAY = date(2026, 11, 20)


def _pdf(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n")
    return path


def _attach_in(dialog: FilesDialog, path: Path) -> None:
    assert isinstance(dialog, FilesDialog)
    assert dialog.files.attach_files([str(path)]) == 1
    assert dialog.files.table.item(0, 0).text() == path.name
    # no note editor: notes belong to cases and deals
    assert not dialog.files.note_edit.isVisibleTo(dialog)


def test_a_grant_keeps_its_agreement(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.today = lambda: TODAY
    lic = signed_licence(ctx)
    case_no = lic.deal.achievements[0].case_no
    grant_id = rights.apply(ctx, case_no, rights.GrantIn("co_ownership", date(2026, 9, 1),
                                                         "70", 10))
    tab = GrantsTab(ctx, DataBus())
    qtbot.addWidget(tab)
    tab.show_detail(case_detail(ctx, case_no))
    assert tab.files_button.isEnabled()
    dialog = tab.open_files()
    qtbot.addWidget(dialog)
    _attach_in(dialog, _pdf(tmp_path, "赋权协议.pdf"))
    assert [a.filename for a in attachments.listing(ctx, f"grant:{grant_id}")] == [
        "赋权协议.pdf"]
    assert attachments.listing(ctx, case_no) == []


def test_a_distribution_keeps_its_payment_list(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.today = lambda: TODAY
    lic = signed_licence(ctx)
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "1000000", "upfront"))
    panel = DealMoneyPanel(ctx, DataBus(), lic.deal.deal_no)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not reading(panel) and panel.page is not None)
    panel.new_distribution().save()
    qtbot.waitUntil(lambda: not reading(panel) and panel.dists.rowCount() == 1)
    button = panel.buttons["distribution_files"]
    assert not button.isEnabled()  # nothing selected
    select_first(panel.dist_view, lambda s: True)
    assert button.isEnabled()
    dialog = panel.distributions.open_files()
    qtbot.addWidget(dialog)
    _attach_in(dialog, _pdf(tmp_path, "发放清单.pdf"))
    dist_id = panel.distributions.detail.id
    assert [a.filename for a in attachments.listing(ctx, f"distribution:{dist_id}")] == [
        "发放清单.pdf"]
    assert attachments.listing(ctx, lic.deal.deal_no) == []


def test_an_archived_filing_keeps_its_stamped_scan(qtbot, ctx: AppContext,
                                                   tmp_path: Path) -> None:
    from ttdesk.filings.service import generate

    ctx.today = lambda: TODAY
    with ctx.write() as s:
        s.add(M.Institution(name="北方理工大学"))
    gen = generate(ctx, "F09", "2026")
    page = ArchivePage(ctx, DataBus())
    qtbot.addWidget(page)
    assert not page.files_button.isEnabled()
    page.show_record(gen.record.id)
    assert page.files_button.isEnabled()
    dialog = page.open_files()
    qtbot.addWidget(dialog)
    assert gen.record.serial_no in dialog.windowTitle()
    _attach_in(dialog, _pdf(tmp_path, "盖章扫描件.pdf"))
    assert [a.filename for a in attachments.listing(ctx, gen.record.serial_no)] == [
        "盖章扫描件.pdf"]
    assert dialog.findChildren(QLabel)
