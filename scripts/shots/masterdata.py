"""Screenshots of 基础数据 (departments, people, companies), their forms (one refused with the
expected check character), a picker with its suggestions and 新建…, and the case page's 附件
tab with a file and a note (see scripts/screenshots.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from ttdesk.core.activity import attachments, notes
from ttdesk.core.views import CaseFilter, case_ids, case_rows
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.masterdata.dialogs import company_dialog, person_dialog
from ttdesk.ui.masterdata.page import MasterDataPage
from ttdesk.ui.masterdata.picker import EntityPicker

SIZE = (1200, 800)


def _page(ctx: Any, bus: Any, tab: int, search: str = "") -> QWidget:
    page = MasterDataPage(ctx, bus)
    page.resize(*SIZE)
    page.setCurrentIndex(tab)
    if search:
        page.widget(tab).search.setText(search)  # type: ignore[attr-defined]
    return page


def _person_form(ctx: Any, _bus: Any) -> QWidget:
    dialog = person_dialog(ctx, None, None, "张伟")
    dialog.field("staff_no").setText("T2026001")
    dialog.resize(520, 560)
    return dialog


def _company_refused(ctx: Any, _bus: Any) -> QWidget:
    dialog = company_dialog(ctx, None, None, "北京锂源新能源科技有限公司")
    dialog.field("credit_code").setText("91110108MA01ABCD1X")
    dialog.try_accept()  # refused: the check character is named under the field
    dialog.resize(560, 560)
    return dialog


def _picker(ctx: Any, _bus: Any) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.addWidget(QLabel("受让方/合作方"))
    picker = EntityPicker(ctx, "company")
    picker.edit.setText("bj")
    picker.search("bj")
    lay.addWidget(picker)
    suggestions = QListView()  # what the picker's popup lists, drawn inside the shot
    suggestions.setModel(picker.model)
    lay.addWidget(suggestions, 1)
    box.resize(560, 420)
    box.picker = picker  # type: ignore[attr-defined]
    return box


def _case_files(ctx: Any, bus: Any) -> QWidget:
    case_no = case_rows(ctx, case_ids(ctx, CaseFilter())[:1])[0].case_no
    folder = Path(tempfile.mkdtemp(prefix="shots-files-"))
    pdf = folder / "技术交底书（签字版）.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% signed disclosure\n" + b"0" * 250_000)
    attachments.attach(ctx, case_no, pdf, note="完成人签字的交底书")
    notes.add(ctx, case_no, "与北京锂源公司电话沟通，对方有意独占许可")
    page = CasePage(ctx, bus, case_no)
    page.resize(*SIZE)
    page.show_tab("files")
    return page


SHOTS = [
    ("departments", lambda ctx, bus: _page(ctx, bus, 0)),
    ("people", lambda ctx, bus: _page(ctx, bus, 1, "zw")),
    ("companies", lambda ctx, bus: _page(ctx, bus, 2)),
    ("person_form", _person_form),
    ("company_refused", _company_refused),
    ("picker_new", _picker),
    ("case_files", _case_files),
]
