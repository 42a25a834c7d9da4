"""基础数据 on an empty database through widgets: a department, a person and a company made
with the forms; a wrong credit code refused under its field with the expected check
character; a duplicate merged; the picker searches by pinyin initials and its 新建… creates a
company inline and returns to the field with it chosen."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit

from ttdesk.core.base.context import AppContext
from ttdesk.core.rules.credit_code import compute_check_char, make_credit_code
from ttdesk.core.views import choices
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.masterdata.page import MasterDataPage
from ttdesk.ui.masterdata.picker import EntityPicker


def _type(dialog: FormDialog, **values: object) -> None:
    for name, value in values.items():
        w = dialog.field(name)
        if isinstance(w, QLineEdit):
            w.setText(str(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value))


def test_master_data_screens_create_refuse_and_merge(qtbot, ctx: AppContext,
                                                     data_bus: DataBus) -> None:
    page = MasterDataPage(ctx, data_bus)
    qtbot.addWidget(page)
    depts = page.tabs["department"]
    dlg = depts.create()
    _type(dlg, code="D01", name="材料科学与工程学院")
    assert dlg.try_accept()
    assert depts.table.rowCount() == 1 and depts.table.item(0, 1).text() == "材料科学与工程学院"

    people = page.tabs["person"]
    for staff_no, name in (("T1001", "张伟"), ("T1001-x", "张伟")):
        dlg = people.create()
        _type(dlg, staff_no=staff_no, name=name, department="D01", title="教授")
        assert dlg.try_accept()
    dlg = people.create()
    _type(dlg, staff_no="T1001", name="李娜")
    assert not dlg.try_accept()
    assert "张伟" in dlg.error_text() and "[DUP]" in dlg.error_text()
    dlg.reject()
    people.search.setText("zw")
    assert people.table.rowCount() == 2
    people.select_key("T1001-x")
    assert people.merge_selected("T1001")
    assert people.table.rowCount() == 1
    people.show_all.setChecked(True)
    assert people.table.rowCount() == 2

    firms = page.tabs["company"]
    code = make_credit_code(random.Random(11), "120116")
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    dlg = firms.create()
    _type(dlg, name="天津锂源科技有限公司", credit_code=wrong)
    assert not dlg.try_accept()
    assert f"应为“{compute_check_char(wrong[:17])}”" in dlg.error_text()
    _type(dlg, credit_code=code)
    assert dlg.try_accept()
    assert firms.table.item(0, 2).text() == "天津"


def test_picker_finds_by_initials_and_creates_inline(qtbot, ctx: AppContext) -> None:
    picker = EntityPicker(ctx, "company")
    qtbot.addWidget(picker)
    picker.show()
    assert picker.search("bjly") == ["新建…"]
    picker.edit.setText("北京锂源科技有限公司")
    picker.choose("新建…")
    dialog = picker.dialog
    assert dialog.field("name").text() == "北京锂源科技有限公司"
    code = make_credit_code(random.Random(12))
    dialog.field("credit_code").setText(code)
    with qtbot.waitSignal(picker.picked):
        assert dialog.try_accept()
    assert picker.key() == code
    assert choices.find_companies(ctx, "bjly") == [(code, "北京锂源科技有限公司")]
    lines = picker.search("bjly")
    assert lines == [f"北京锂源科技有限公司（{code}）", "新建…"]
    picker.choose(lines[0])
    assert picker.key() == code
    QApplication.processEvents()
