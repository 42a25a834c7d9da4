"""待办 row actions in the window: a new hand-made task about a case, snoozed to a date, done
with a note — each through its small dialog (filled here as an officer would)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.builders import make_achievement
from tests.ui.test_main_window import make_window
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.deadlines import DeadlineFilter, list_deadlines
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.lists import task_actions as tasks


def _row(ctx: AppContext, deadline_id: int):  # type: ignore[no-untyped-def]
    return next(r for r in list_deadlines(ctx, DeadlineFilter()) if r.id == deadline_id)


def test_new_snooze_and_done_from_the_list(qtbot: QtBot, ctx: AppContext,
                                           ui_settings: UiSettings) -> None:
    ctx.today = lambda: date(2026, 11, 21)
    case = make_achievement(ctx)
    win = make_window(qtbot, ctx, ui_settings)
    win.go("deadlines")

    def fill_new(d: tasks.TaskDialog) -> bool:
        d.title.setText("补交发明人声明")
        d.subject.setText(case.case_no)
        d.date.setDate(QDate(2026, 11, 25))
        return True

    new_id = tasks.new_task(win, [], ask=fill_new)
    assert isinstance(new_id, int)
    row = _row(ctx, new_id)
    assert (row.title, row.subject_ref, row.due_date) == ("补交发明人声明", case.case_no,
                                                          date(2026, 11, 25))

    def fill_snooze(d: tasks.TaskDialog) -> bool:
        d.date.setDate(QDate(2026, 12, 3))
        return True

    assert tasks.snooze(win, [new_id], ask=fill_snooze) == 1
    assert _row(ctx, new_id).snoozed_until == date(2026, 12, 3)

    def fill_note(d: tasks.TaskDialog) -> bool:
        d.note.setPlainText("已收到声明原件")
        return True

    assert tasks.complete_with_note(win, [new_id], ask=fill_note) == 1
    assert _row(ctx, new_id).done
