"""A returned disclosure form beside the case it would create or change: every answer in a
row (current | returned, changes marked), every problem by its field, unknown people with
the people of the same name already recorded. 接受 is possible only when nothing is wrong;
it writes the case, the file and the inventors' statements in one unit of work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import pick
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.core.disclosure import intake
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import messages_of

CHANGED = QColor("#fff4cc")


def _shown(f: spec.FormField, value: str, lang: str) -> str:
    """A ticked box reads as 是 / yes, an empty one as nothing."""
    if f.kind == "check":
        return pick(("是", "yes"), lang) if value == "1" else ""
    return value


def _rows(review: intake.Review, lang: str) -> list[tuple[str, str, str]]:
    """(label, current, returned) for every answer the form carries."""
    out = [(pick((f.zh, f.en), lang), _shown(f, review.current.get(f.name, ""), lang),
            _shown(f, review.returned.get(f.name, ""), lang)) for f in spec.CASE_FIELDS]
    for group, fields, count, word in (("c", spec.CONTRIBUTOR_FIELDS, spec.CONTRIBUTOR_ROWS,
                                        ("完成人", "Contributor")),
                                       ("f", spec.FUNDING_FIELDS, spec.FUNDING_ROWS,
                                        ("经费来源", "Funding"))):
        for i in range(count):
            names = [spec.row_field(group, i, f.name) for f in fields]
            if not any(review.returned.get(n) or review.current.get(n) for n in names):
                continue
            for f, n in zip(fields, names, strict=True):
                out.append((f"{pick(word, lang)} {i + 1} · {pick((f.zh, f.en), lang)}",
                            _shown(f, review.current.get(n, ""), lang),
                            _shown(f, review.returned.get(n, ""), lang)))
    return out


class DisclosureIntakeDialog(QDialog):
    """Shows `review`; `accepted_case` carries the case number once the form is taken in."""

    accepted_case = Signal(str)

    def __init__(self, ctx: AppContext, bus: DataBus, path: Path, review: intake.Review,
                 drop_case: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.path, self.review = ctx, bus, path, review
        self.drop_case = drop_case
        self.setObjectName("disclosure_intake")
        self.setWindowTitle(self.tr("导入披露表 — %1").replace("%1", path.name))
        target = review.case_no or self.tr("新成果")
        head = QLabel(self.tr("表单 %1 → %2").replace("%1", review.form_id)
                      .replace("%2", target))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("intake_table")
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("当前"),
                                              self.tr("表单中")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._fill()
        self.problems = QLabel()
        self.problems.setObjectName("intake_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        lines = [p.message(ctx.lang) for p in review.problems]
        lines += [self.tr("校内尚无此人：%1 %2").replace("%1", no).replace("%2", name)
                  + (self.tr("（同名：%1）").replace("%1", hint) if hint else "")
                  for _row, no, name, hint in review.unknown_people]
        self.problems.setText("\n".join(dict.fromkeys(lines)))
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(self.tr("接受并保存"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("intake_accept")
        self.accept_button.setEnabled(not review.problems)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        self.accept_button.clicked.connect(self.take_in)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.problems)
        lay.addWidget(self.buttons)
        self.resize(900, 640)

    def _fill(self) -> None:
        rows = _rows(self.review, self.ctx.lang)
        self.table.setRowCount(len(rows))
        for r, (name, old, new) in enumerate(rows):
            changed = bool(self.review.current) and old != new
            for c, text in enumerate((name, old, new)):
                item = QTableWidgetItem(text.replace("\n", " ⏎ "))
                if changed:
                    item.setBackground(QBrush(CHANGED))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def take_in(self) -> str | None:
        """Accept the form: the case number, or None with the refusal shown."""
        try:
            case_no = write_op(self.ctx, self.bus, intake.accept, self.ctx, self.path,
                               self.drop_case)
        except TTDeskError as exc:
            self.problems.setText("\n".join(messages_of(exc, self.ctx.lang)))
            return None
        self.accepted_case.emit(case_no)
        self.accept()
        return case_no


def open_intake(parent: QWidget, ctx: AppContext, bus: DataBus, path: Path,
                drop_case: str | None = None) -> DisclosureIntakeDialog | None:
    """Read the returned form and show it; a file that is not a form (or not for this case)
    is refused in a message box naming why."""
    from ttdesk.ui.kit.problems import show_problem

    try:
        review = intake.review(ctx, path, drop_case)
    except TTDeskError as exc:
        show_problem(parent, exc, ctx.lang)
        return None
    dialog = DisclosureIntakeDialog(ctx, bus, path, review, drop_case, parent)
    dialog.show()
    return dialog
