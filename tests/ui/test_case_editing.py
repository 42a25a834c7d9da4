"""Editing a case on its page: undo, Esc, Ctrl+S, the unsaved-changes prompt, conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import activate, make_case, make_world, type_text
from ttdesk.core.base.context import AppContext
from ttdesk.core.cases import achievements
from ttdesk.core.views.case_detail import case_detail
from ttdesk.ui.case import case_page
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.kit.bus import DataBus


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> CasePage:
    make_world(ctx)
    case_no = make_case(ctx)
    p = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def title_edit(page: CasePage) -> QLineEdit:
    w = page.disclosure.form.inputs["title"]
    assert isinstance(w, QLineEdit)
    return w


def stored_title(page: CasePage) -> str:
    return case_detail(page.ctx, page.case_no).title


def test_ctrl_s_saves_and_esc_reverts(qtbot: QtBot, page: CasePage) -> None:
    activate(qtbot, page)
    edit = title_edit(page)
    edit.setFocus()
    edit.end(False)
    type_text(edit, "（改）")
    assert page.has_unsaved_changes()
    assert "未保存" in page.disclosure.state.text()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "固态电池电解质界面稳定化技术" and not page.has_unsaved_changes()
    type_text(edit, "（改）")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored_title(page) == "固态电池电解质界面稳定化技术（改）"
    assert not page.has_unsaved_changes()
    assert page.disclosure.version == case_detail(page.ctx, page.case_no).version


def test_undo_walks_back_through_fields(qtbot: QtBot, page: CasePage) -> None:
    activate(qtbot, page)
    edit = title_edit(page)
    edit.setFocus()
    edit.end(False)
    type_text(edit, "二号")
    kind = page.disclosure.form.inputs["kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("software_copyright"))
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert kind.currentData() == "invention_patent"
    assert edit.text().endswith("二号")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "固态电池电解质界面稳定化技术"  # the typed word undone at once
    assert not page.has_unsaved_changes()
    qtbot.keyClick(edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.text().endswith("二号")
    page.disclosure.revert()  # a page closed with edits would ask first (modal box)
    page.disclosure.revert()  # a page closed with edits would ask first (modal box)


@pytest.mark.parametrize("answer", [case_page.SAVE, case_page.DISCARD, case_page.CANCEL])
def test_unsaved_changes_prompt_on_close(page: CasePage, monkeypatch: pytest.MonkeyPatch,
                                         answer: str) -> None:
    asked: list[CasePage] = []

    def ask(parent: CasePage) -> str:
        asked.append(parent)
        return answer

    monkeypatch.setattr(case_page, "ask_unsaved", ask)
    event = QCloseEvent()
    page.closeEvent(event)
    assert event.isAccepted() and not asked  # nothing edited: no question
    type_text(title_edit(page), "X")
    event = QCloseEvent()
    page.closeEvent(event)
    assert asked == [page]
    assert event.isAccepted() == (answer != case_page.CANCEL)
    expected = "固态电池电解质界面稳定化技术X" if answer == case_page.SAVE else \
        "固态电池电解质界面稳定化技术"
    assert stored_title(page) == expected
    assert page.has_unsaved_changes() == (answer == case_page.CANCEL)
    page.disclosure.revert()


def test_an_action_with_unsaved_edits_asks_first(page: CasePage,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_page, "ask_unsaved", lambda _p: case_page.SAVE)
    type_text(title_edit(page), "X")
    page.actions.trigger("assess")
    detail = case_detail(page.ctx, page.case_no)
    assert detail.title.endswith("X") and detail.status.value == "assessing"


def test_concurrent_save_is_detected_never_overwritten(page: CasePage) -> None:
    type_text(title_edit(page), "（我的修改）")
    achievements.update(page.ctx, page.case_no, {"title": "他人已修改的名称"})
    assert page.disclosure.save() is False
    shown = page.disclosure.form.general.text()
    assert "已被他人修改" in shown and page.disclosure.form.general.isVisible()
    assert stored_title(page) == "他人已修改的名称"
    assert page.has_unsaved_changes()  # the officer's edits stay on screen
    page.disclosure.revert()
    page.reload()
    assert title_edit(page).text() == "他人已修改的名称"


def test_shares_of_90_percent_are_refused_in_the_tab(page: CasePage) -> None:
    share = page.disclosure.form.contributors.findChild(QLineEdit, "contributor_share_2")
    assert share is not None
    share.setText("10")
    page.disclosure.tracker.edited("contributors")
    assert page.disclosure.form.contributors.total.text() == "合计 90% — 须为 100%"
    before = case_detail(page.ctx, page.case_no)
    assert page.save() is False
    assert "[R1]" in page.disclosure.form.errors["contributors"].text()
    after = case_detail(page.ctx, page.case_no)
    assert after.version == before.version
    assert [c.share for c in after.contributors] == [c.share for c in before.contributors]
    page.disclosure.revert()


def contributor_edit(page: CasePage, what: str, row: int) -> QLineEdit:
    w = page.disclosure.form.contributors.findChild(QLineEdit, f"contributor_{what}_{row}")
    assert isinstance(w, QLineEdit)
    return w


def test_title_and_contributors_saved_together(qtbot: QtBot, page: CasePage) -> None:
    type_text(title_edit(page), "（新）")
    contributor_edit(page, "share", 0).setText("40")
    qtbot.mouseClick(page.disclosure.form.contributors.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(contributor_edit(page, "person", 3), "T004")
    qtbot.keyClicks(contributor_edit(page, "share", 3), "10")
    assert page.disclosure.form.contributors.total.text().startswith("合计 100%")
    assert page.save()
    detail = case_detail(page.ctx, page.case_no)
    assert detail.title.endswith("（新）")
    assert [(c.staff_no, str(c.share)) for c in detail.contributors] == [
        ("T001", "40"), ("T002", "30"), ("T003", "20"), ("T004", "10")]
    assert page.disclosure.form.contributors.findChild(
        object, "contributor_name_3").text() == "陈静"
    assert not page.has_unsaved_changes()


def test_unknown_person_refused_and_nothing_written(page: CasePage) -> None:
    before = case_detail(page.ctx, page.case_no)
    type_text(title_edit(page), "（新）")
    contributor_edit(page, "person", 2).setText("NOBODY")
    page.disclosure.tracker.edited("contributors")
    assert page.save() is False
    assert "第 3 行" in page.disclosure.form.errors["contributors"].text()
    after = case_detail(page.ctx, page.case_no)
    assert (after.title, after.version) == (before.title, before.version)
    page.disclosure.revert()


def test_the_real_prompt_box_on_close(qtbot: QtBot, page: CasePage) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    type_text(title_edit(page), "X")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "unsaved_prompt"
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(100, answer)
    assert page.close() is True
    assert seen and "未保存" in seen[0]
    assert not page.has_unsaved_changes()
    assert stored_title(page) == "固态电池电解质界面稳定化技术"
