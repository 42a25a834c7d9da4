"""Two inputs of the distribution dialog that domain.md §6 asks for:

- the operating-profit year of a self / joint implementation (its reward is a share of that
  year's profit, never of receipts), chosen among the years of the reward schedule;
- the approval / filing record (报批/备案: date, body, document number) an "other" leader's
  equity reward needs (R10), entered for each such member of the team.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ttdesk.codes import LeaderLevel
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import profit
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.views import money as money_views
from ttdesk.ui.kit.fields import date_edit, from_qdate
from ttdesk.ui.kit.table import money_text


def profit_year_combo(ctx: AppContext, deal_no: str, parent: QWidget | None = None
                      ) -> QComboBox:
    """The years of the reward schedule with their profit as entered (or 未录入)."""
    combo = QComboBox(parent)
    combo.setObjectName("profit_year_combo")
    for row in profit.profit_rows(ctx, deal_no):
        amount = money_text(row.amount) if row.amount is not None else combo.tr("未录入")
        done = combo.tr("（已分配）") if row.distribution_id else ""
        combo.addItem(f"{row.year}：{amount}{done}", row.year)
    first_free = next((i for i in range(combo.count())
                       if "（" not in combo.itemText(i)), 0)
    combo.setCurrentIndex(first_free)
    return combo


class LeaderApprovalBox(QGroupBox):
    """Records the approval of each team member holding a leading post ("other" level)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, deal_no: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("领导人员股权奖励报批/备案"), parent)
        self.setObjectName("leader_approval_box")
        self.approvals: dict[str, LeaderApproval] = {}
        self.person = QComboBox()
        self.person.setObjectName("leader_person")
        for member in money_views.deal_team(ctx, deal_no):
            if member.leader_level == LeaderLevel.OTHER:
                self.person.addItem(f"{member.name}（{member.staff_no}）", member.staff_no)
        self.on = date_edit(ctx.today())
        self.on.setObjectName("leader_approval_date")
        self.body = QLineEdit()
        self.body.setObjectName("leader_approval_body")
        self.body.setPlaceholderText(self.tr("审批机构，如 校长办公会"))
        self.doc = QLineEdit()
        self.doc.setObjectName("leader_approval_doc")
        self.doc.setPlaceholderText(self.tr("文号"))
        self.record = QPushButton(self.tr("记录"))
        self.record.setObjectName("leader_approval_record")
        self.record.clicked.connect(self.add_current)
        self.listing = QLabel()
        self.listing.setObjectName("leader_approval_list")
        self.listing.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("人员：")), 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(QLabel(self.tr("日期：")), 0, 2)
        grid.addWidget(self.on, 0, 3)
        grid.addWidget(QLabel(self.tr("机构：")), 1, 0)
        grid.addWidget(self.body, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("文号：")), 2, 0)
        grid.addWidget(self.doc, 2, 1, 1, 2)
        grid.addWidget(self.record, 2, 3)
        grid.addWidget(self.listing, 3, 0, 1, 4)
        self.setVisible(self.person.count() > 0)
        self._show()

    def set_from(self, approvals: dict[str, LeaderApproval]) -> None:
        self.approvals = dict(approvals)
        self._show()

    def add_current(self) -> None:
        staff_no = self.person.currentData()
        if staff_no is None:
            return
        self.approvals[staff_no] = LeaderApproval(from_qdate(self.on.date()),
                                                  self.body.text(), self.doc.text())
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        names = {self.person.itemData(i): self.person.itemText(i)
                 for i in range(self.person.count())}
        lines = [f"{names.get(k, k)}：{a.approved_on} {a.body} {a.document_no}"
                 for k, a in self.approvals.items()]
        self.listing.setText("\n".join(lines) or self.tr("尚未记录"))
