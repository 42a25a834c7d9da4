"""Small shared pieces of the case page: a publicity table with its objections, a read-only
key/value view and a scroll area for long forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from ttdesk.core.views.parts import PublicityRow
from ttdesk.core.views.stepper import publicity_note
from ttdesk.ui.case.records_tabs import fill_table, record_table


def publicity_table(name: str) -> QTableWidget:
    return record_table([
        QCoreApplication.translate("CasePanels", "公示期"),
        QCoreApplication.translate("CasePanels", "渠道"),
        QCoreApplication.translate("CasePanels", "状态"),
        QCoreApplication.translate("CasePanels", "异议"),
        QCoreApplication.translate("CasePanels", "处理"),
    ], name)


def show_publicities(table: QTableWidget, pubs: Sequence[PublicityRow], today: date,
                     lang: str) -> None:
    """One row per publicity and one per objection (indented under it)."""
    rows: list[tuple[object, ...]] = []
    translate = QCoreApplication.translate
    for p in pubs:
        unit = translate("CasePanels", "%1 个工作日") if p.day_kind.value == "working" else \
            translate("CasePanels", "%1 天")
        days = unit.replace("%1", str(p.days))
        rows.append((f"{p.start_date} – {p.end_date}（{days}）", p.channel,
                     publicity_note(p, today).text(lang), "", ""))
        for o in p.objections:
            if o.resolved_on is None:
                outcome = QCoreApplication.translate("CasePanels", "待处理")
            else:
                verdict = translate("CasePanels", "成立") if o.upheld else \
                    translate("CasePanels", "不成立")
                outcome = f"{o.resolved_on} {verdict}：{o.resolution or ''}"
            rows.append(("", "", f"  ↳ {o.raised_on} {o.raised_by}", o.content, outcome))
    fill_table(table, rows)


class KeyValues(QWidget):
    """A read-only form of (label, value) lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)

    def set_pairs(self, pairs: Sequence[tuple[str, object]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for key, value in pairs:
            v = QLabel("—" if value in (None, "") else str(value))
            v.setTextFormat(Qt.TextFormat.PlainText)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(key + "：", v)


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area (long read-only forms must not be cut off)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
