"""Day one on an EMPTY database, through widgets only: a department and two people in
基础数据, a disclosure with both, an assessment, a licence deal whose counterparty is created
with 新建… inside the picker, the deal to signing, a PDF attached to the deal, and F01
generated in the case's 文件 tab (the institution from the first-start dialog). No demo data,
no import, no service call in the body."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.test_case_workflows import act, enabled
from tests.ui.test_case_world import type_text
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.ui.app.first_start import FirstStartDialog
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.case.files_tab import FilesTab
from ttdesk.ui.case.new_disclosure import NewDisclosureDialog
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.masterdata.page import MasterDataPage


def _form(dialog: FormDialog, **values: object) -> None:
    for name, value in values.items():
        w = dialog.field(name)
        if isinstance(w, QLineEdit):
            w.clear()
            type_text(w, str(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value))


def test_day_one_on_an_empty_database(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    ctx.today = lambda: date(2026, 3, 1)
    bus = DataBus()
    first = FirstStartDialog(ctx)  # what a new database opens with
    qtbot.addWidget(first)
    first.show()
    type_text(first.profile_form.name, "北京示范大学")
    assert first.save()
    master = MasterDataPage(ctx, bus)
    qtbot.addWidget(master)
    master.show()
    # -- master data ---------------------------------------------------------------------
    dlg = master.tabs["department"].create()
    _form(dlg, code="D01", name="材料科学与工程学院")
    assert dlg.try_accept()
    for staff_no, name in (("T1001", "张伟"), ("T1002", "王芳")):
        dlg = master.tabs["person"].create()
        _form(dlg, staff_no=staff_no, name=name, department="D01", title="教授")
        assert dlg.try_accept()
    assert master.tabs["person"].table.rowCount() == 2
    # -- the disclosure ------------------------------------------------------------------
    new = NewDisclosureDialog(ctx, bus)
    qtbot.addWidget(new)
    new.show()
    form = new.form
    type_text(form.inputs["title"], "固态电池电解质材料")
    dept = form.inputs["department"]
    dept.setCurrentIndex(dept.findText("材料科学与工程学院"))
    editor = form.contributors
    while editor.table.rowCount() < 2:
        editor.add_row()
    for row, (staff_no, share) in enumerate((("T1001", "60"), ("T1002", "40"))):
        qtbot.keyClicks(editor.findChild(QLineEdit, f"contributor_person_{row}"), staff_no)
        qtbot.keyClicks(editor.findChild(QLineEdit, f"contributor_share_{row}"), share)
    form.inputs["no_funding"].setChecked(True)
    qtbot.mouseClick(new.create_button, Qt.MouseButton.LeftButton)
    assert new.case_no, form.error_text()
    case_no = new.case_no
    # -- assessment, IP, marketing -------------------------------------------------------
    page = CasePage(ctx, bus, case_no)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    act(qtbot, page.actions, "assess")
    page.show_tab("assessment")
    act(qtbot, page.assessment.actions, "add_assessment", assessor="刘评估",
        technical_score="85", recommendation="pursue", assessed_on=date(2026, 3, 1))
    assert page.assessment.table.rowCount() == 1
    # -- the deal, its counterparty made inside the picker --------------------------------
    page.show_tab("deals")
    bar = page.deals.new_bar
    qtbot.mouseClick(bar.buttons["new_deal"], Qt.MouseButton.LeftButton)
    dialog = bar.dialog
    mode = dialog.form.inputs["mode"]
    mode.setCurrentIndex(mode.findData("license_exclusive"))
    method = dialog.form.inputs["pricing_method"]
    method.setCurrentIndex(method.findData("negotiated"))
    type_text(dialog.form.inputs["price"], "500000")
    picker = dialog.form.inputs["counterparty"]
    type_text(picker.edit, "北京锂源科技有限公司")
    assert picker.search(picker.edit.text())[-1] == "新建…"
    picker.choose("新建…")
    code = make_credit_code(random.Random(2026))
    _form(picker.dialog, credit_code=code, legal_representative="周杰")
    with qtbot.waitSignal(picker.picked):
        assert picker.dialog.try_accept()
    assert picker.key() == code and "北京锂源科技有限公司" in picker.edit.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.form.error_text()
    deal = page.deals.deal
    assert deal is not None and deal.counterparty is not None
    deal_bar = page.deals.actions
    for key in ("due_diligence", "submit"):
        if key in enabled(deal_bar):
            act(qtbot, deal_bar, key)
    act(qtbot, deal_bar, "approve", on=date(2026, 3, 1))
    act(qtbot, deal_bar, "publicity", start=date(2026, 3, 2))
    ctx.today = lambda: date(2026, 3, 20)
    page.reload()
    act(qtbot, deal_bar, "sign", on=date(2026, 3, 20))
    assert page.deals.deal.status.value == "signed"
    # -- a PDF attached to the deal --------------------------------------------------------
    page.deals.sub.setCurrentIndex(page.deals.files_index)  # the deal's 附件 sub-tab
    files = page.deals.sub.currentWidget()
    assert isinstance(files, FilesTab) and files.ref == page.deals.deal.deal_no
    pdf = tmp_path / "许可合同（签字版）.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% signed licence\n")
    assert files.attach_files([str(pdf)]) == 1
    assert files.table.item(0, 0).text() == pdf.name
    # -- F01 in the 文件 tab ----------------------------------------------------------------
    page.show_tab("filings")
    panel = page.tab("filings")
    assert panel.objectName() == "filings_panel"
    panel.form.setCurrentIndex(0)
    assert panel.form.currentText().startswith("F01")
    with qtbot.waitSignal(panel.generated, timeout=60_000):
        panel.generate()
    assert "已生成并归档第 1 版（F01-" in panel.message.text(), panel.message.text()
