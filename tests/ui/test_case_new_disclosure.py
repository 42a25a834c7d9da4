"""The new-disclosure dialog, driven through its real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.test_case_world import activate, make_world, type_text
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.case_detail import case_detail
from ttdesk.db.models import Achievement, Contribution
from ttdesk.ui.case import new_disclosure
from ttdesk.ui.case.new_disclosure import NewDisclosureDialog
from ttdesk.ui.kit.bus import DataBus


def count(ctx: AppContext, model: type) -> int:
    with ctx.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def open_dialog(qtbot: QtBot, ctx: AppContext) -> tuple[NewDisclosureDialog, DataBus]:
    make_world(ctx)
    bus = DataBus()
    dialog = NewDisclosureDialog(ctx, bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, bus


def fill(qtbot: QtBot, dialog: NewDisclosureDialog, shares: list[str]) -> None:
    form = dialog.form
    title = form.inputs["title"]
    assert isinstance(title, QLineEdit)
    type_text(title, "固态电池电解质界面稳定化技术")
    dept = form.inputs["department"]
    assert isinstance(dept, QComboBox)
    dept.setCurrentIndex(dept.findText("材料科学与工程学院"))
    editor = form.contributors
    while editor.table.rowCount() < len(shares):
        editor.add_row()
    for row, share in enumerate(shares):
        person = editor.findChild(QLineEdit, f"contributor_person_{row}")
        share_edit = editor.findChild(QLineEdit, f"contributor_share_{row}")
        qtbot.keyClicks(person, f"T00{row + 1}")
        qtbot.keyClicks(share_edit, share)
    programme = form.inputs["programme"]
    assert isinstance(programme, QLineEdit)
    type_text(programme, "国家重点研发计划")


def test_create_a_disclosure_with_three_contributors(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, bus = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, ["50", "30", "20"])
    assert dialog.form.contributors.total.text().startswith("合计 100%")
    name = dialog.form.contributors.findChild(object, "contributor_name_1")
    assert name.text() == "李志强"
    with qtbot.waitSignal(bus.changed, timeout=2000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.case_no == "CG-2026-0001"
    assert dialog.result() == NewDisclosureDialog.DialogCode.Accepted
    detail = case_detail(ctx, dialog.case_no)
    assert [(c.staff_no, str(c.share)) for c in detail.contributors] == [
        ("T001", "50"), ("T002", "30"), ("T003", "20")]
    assert detail.contributors[0].role.value == "lead"
    assert detail.department == "材料科学与工程学院"
    assert [f.programme for f in detail.funding] == ["国家重点研发计划"]


def test_a_total_of_90_percent_is_refused_next_to_the_table(qtbot: QtBot,
                                                              ctx: AppContext) -> None:
    dialog, _bus = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, ["50", "30", "10"])
    assert dialog.form.contributors.total.text() == "合计 90% — 须为 100%"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    error = dialog.form.errors["contributors"]
    assert error.isVisible()
    assert "[R1]" in error.text() and "100" in error.text()
    assert dialog.isVisible() and dialog.case_no is None
    assert count(ctx, Achievement) == 0 and count(ctx, Contribution) == 0


def test_an_unknown_person_is_named_with_its_row(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, _bus = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, ["50", "30", "20"])
    person = dialog.form.contributors.findChild(QLineEdit, "contributor_person_2")
    person.clear()
    qtbot.keyClicks(person, "X999")
    assert dialog.form.contributors.findChild(object, "contributor_name_2").text() == "（未找到）"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    text = dialog.form.errors["contributors"].text()
    assert "第 3 行" in text and "X999" in text
    assert count(ctx, Achievement) == 0


def test_empty_title_is_shown_under_the_title(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, _bus = open_dialog(qtbot, ctx)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.form.inputs["title"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert "[R2]" in dialog.form.errors["title"].text()
    assert count(ctx, Achievement) == 0


@pytest.mark.parametrize("discard", [True, False])
def test_cancel_with_typed_input_asks_first(qtbot: QtBot, ctx: AppContext,
                                            monkeypatch: pytest.MonkeyPatch,
                                            discard: bool) -> None:
    asked: list[object] = []
    monkeypatch.setattr(new_disclosure, "confirm_discard",
                        lambda parent: asked.append(parent) or discard)
    dialog, _bus = open_dialog(qtbot, ctx)
    qtbot.mouseClick(dialog.findChild(QPushButton, "cancel_disclosure"),
                     Qt.MouseButton.LeftButton)
    assert not asked and not dialog.isVisible()  # nothing typed: closes at once
    dialog.show()
    type_text(dialog.form.inputs["title"], "半成品")
    qtbot.keyClick(dialog.form.inputs["title"], Qt.Key.Key_Escape)
    assert asked == [dialog]
    assert dialog.isVisible() == (not discard)
    if not discard:
        dialog.form.inputs["title"].clear()  # type: ignore[attr-defined]


def test_person_cell_suggests_people_by_number_or_name(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, _bus = open_dialog(qtbot, ctx)
    person = dialog.form.contributors.findChild(QLineEdit, "contributor_person_0")
    qtbot.keyClicks(person, "T00")
    model = person.completer().model()
    suggestions = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert len(suggestions) == 4 and suggestions[0].startswith("T001 王海燕")
    person.clear()
    type_text(person, "志强")
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == [
        "T002 李志强（材料科学与工程学院）"]
    person.clear()


def test_a_new_contributor_is_created_inline(qtbot: QtBot, ctx: AppContext) -> None:
    """新建人员… beside the contributors: the person form opens, and once saved the new
    person fills the first empty row, name shown; with no empty row left it gets a new row
    (issue 11, pickers with 新建…)."""
    dialog, _bus = open_dialog(qtbot, ctx)
    editor = dialog.form.contributors
    rows = editor.table.rowCount()
    assert rows >= 1
    qtbot.mouseClick(editor.new_person_button, Qt.MouseButton.LeftButton)
    form = editor.person_form
    type_text(form.field("name"), "欧阳新星")
    type_text(form.field("staff_no"), "T777")
    assert form.try_accept()
    assert editor.findChild(QLineEdit, "contributor_person_0").text() == "T777"
    assert editor.findChild(object, "contributor_name_0").text() == "欧阳新星"
    assert editor.table.rowCount() == rows
    for r in range(1, rows):  # fill the other empty rows with known people
        editor.findChild(QLineEdit, f"contributor_person_{r}").setText(f"T00{r}")
    qtbot.mouseClick(editor.new_person_button, Qt.MouseButton.LeftButton)
    form = editor.person_form
    type_text(form.field("name"), "司马青")
    type_text(form.field("staff_no"), "T778")
    assert form.try_accept()
    assert editor.table.rowCount() == rows + 1
    assert editor.findChild(QLineEdit, f"contributor_person_{rows}").text() == "T778"
