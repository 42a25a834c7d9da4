"""The distribution dialog (收益分配, R10): choose receipts, see every step of the calculation
live, adjust one person's amount with a reason, then save a draft (or revise one).

Every number on screen comes from the core's plan (`distribution.plan_in_session` through
`money_views.preview`); the dialog only collects the officer's choices. A refused choice (a
team share below the floor, an adjustment without a reason, equity for a unit head) is shown
in words next to the input it concerns, the figures are blanked, and Save stays disabled.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import IMPLEMENTATION_MODES, DealMode, LeaderLevel
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError, ValidationFailed
from ttdesk.core.base.labels import label
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.views import money as money_views
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.deals.distribution_law import LeaderApprovalBox, profit_year_combo
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.fields import ErrorLabel
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import field_messages, messages_of, show_problem
from ttdesk.ui.kit.table import Column, RowsModel, make_view, money_text, pct_text

WARN_MARK = "⚠ "
RECEIPT_ROLE = Qt.ItemDataRole.UserRole + 1
ADJUST_FIELDS = ("adjustment_reason", "amount", "allocations")


def plain(value: Decimal) -> str:
    """70.00 → "70", 12.50 → "12.5" (never exponent form) for an input box."""
    return format(value.normalize(), "f")


def receipt_text(r: receipts.ReceiptRow, lang: str) -> str:
    invoice = f" · {r.invoice_no}" if r.invoice_no else ""
    return f"{r.received_on} {label(r.kind, lang)} {money_text(r.amount)}{invoice}  #{r.id}"


class DistributionDialog(QDialog):
    """New distribution of `deal_no`, or the revision of the draft `distribution_id`."""

    def __init__(self, ctx: AppContext, bus: DataBus, deal_no: str,
                 distribution_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.deal_no = ctx, bus, deal_no
        self.distribution_id = distribution_id
        self.version: int | None = None
        self.plan: dist.DistributionPlan | None = None
        self.adjustments: dict[str, dist.AllocationAdjust] = {}
        self.saved_id: int | None = None
        lang = ctx.lang
        deal = deal_detail(ctx, deal_no)
        self.setObjectName("distribution_dialog")
        self.setWindowTitle(self.tr("收益分配") + f" — {deal_no}")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)

        head = QLabel(f"<b>{deal.deal_no}</b> {deal.title} · {label(deal.mode, lang)}")
        head.setWordWrap(True)
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("general_error")

        # ---- choices (left) ------------------------------------------------------------
        self.receipt_list = QListWidget()
        self.receipt_list.setObjectName("receipt_list")
        self.receipt_error = ErrorLabel()
        self.receipt_error.setObjectName("receipt_error")
        self.equity_check = QCheckBox(self.tr("股权奖励分配（作价投资）"))
        self.equity_check.setObjectName("equity_check")
        self.equity_check.setVisible(deal.mode == DealMode.EQUITY)
        self.team_edit = QLineEdit()
        self.team_edit.setObjectName("team_share_edit")
        self.team_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.team_error = ErrorLabel()
        self.team_error.setObjectName("team_share_error")
        self.dept_edit = QLineEdit(str(dist.DEFAULT_DEPARTMENT_PCT))
        self.dept_edit.setObjectName("department_pct_edit")
        self.tto_edit = QLineEdit(str(dist.DEFAULT_TTO_PCT))
        self.tto_edit.setObjectName("tto_pct_edit")
        for edit in (self.dept_edit, self.tto_edit):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.share_error = ErrorLabel()
        self.share_error.setObjectName("share_error")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        choices = QFormLayout()
        choices.addRow(self.tr("团队比例 %："), self.team_edit)
        choices.addRow("", self.team_error)
        choices.addRow(self.tr("院系比例 %："), self.dept_edit)
        choices.addRow(self.tr("转移机构比例 %："), self.tto_edit)
        choices.addRow("", self.share_error)
        choices.addRow(self.tr("备注："), self.note_edit)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        # a self / joint implementation: the base is a year's operating profit (domain.md §6)
        self.on_profit = deal.mode in IMPLEMENTATION_MODES
        self.profit_year = profit_year_combo(ctx, deal_no) if self.on_profit else None
        receipts_label = QLabel(self.tr("本次分配的收款（勾选）："))
        left_lay.addWidget(receipts_label)
        left_lay.addWidget(self.receipt_list, 1)
        left_lay.addWidget(self.receipt_error)
        if self.profit_year is not None:
            for w in (receipts_label, self.receipt_list, self.receipt_error):
                w.setVisible(False)
            left_lay.addWidget(QLabel(self.tr("营业利润年度（按实施转化年度营业利润计奖，不按收款）：")))
            left_lay.addWidget(self.profit_year)
            left_lay.addStretch(1)
            self.profit_year.currentIndexChanged.connect(lambda _i: self._timer.start())
            for edit in (self.dept_edit, self.tto_edit):
                edit.setText("0")
                edit.setEnabled(False)
        left_lay.addWidget(self.equity_check)
        left_lay.addLayout(choices)
        self.leaders = LeaderApprovalBox(ctx, deal_no)
        self.leaders.changed.connect(self.recompute)
        left_lay.addWidget(self.leaders)

        # ---- the computation, step by step (right) ---------------------------------------
        self.steps: dict[str, QLabel] = {}
        steps_box = QGroupBox(self.tr("计算步骤"))
        steps_box.setMaximumWidth(640)
        steps = QFormLayout(steps_box)
        for key, text in (
                ("gross", self.tr("① 年度营业利润") if self.on_profit else self.tr("① 收款合计")),
                ("costs", self.tr("② 扣除可扣除费用")),
                ("net", self.tr("③ 净收入")),
                ("team_pct", self.tr("④ 团队比例（下限）")),
                ("team", self.tr("⑤ 团队奖励")),
                ("department", self.tr("⑥ 院系")),
                ("tto", self.tr("⑦ 转移机构")),
                ("university", self.tr("⑧ 学校"))):
            value = QLabel("—")
            value.setObjectName(f"step_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.steps[key] = value
            steps.addRow(text + "：", value)
        self.cost_detail = QLabel()
        self.cost_detail.setObjectName("cost_detail")
        self.cost_detail.setWordWrap(True)
        steps.addRow("", self.cost_detail)

        self.model = RowsModel([
            Column(self.tr("姓名"), lambda a: a.name),
            Column(self.tr("工号"), lambda a: a.staff_no),
            Column(self.tr("贡献比例"), lambda a: a.contribution_pct, "pct"),
            Column(self.tr("金额"), lambda a: a.amount, "money"),
            Column(self.tr("应税 50%"), lambda a: a.taxable_amount, "money"),
            Column(self.tr("股权比例"), lambda a: a.equity_pct, "pct"),
            Column(self.tr("调整理由"), lambda a: a.adjustment_reason or ""),
            Column(self.tr("报批/备案"), lambda a: "" if a.leader_approval is None else
                   f"{a.leader_approval.approved_on} {a.leader_approval.body} "
                   f"{a.leader_approval.document_no}"),
        ], lang)
        self.people = make_view(self.model, "allocations_view", sortable=False)

        self.adjust_person = QComboBox()
        self.adjust_person.setObjectName("adjust_person")
        self.adjust_amount = QLineEdit()
        self.adjust_amount.setObjectName("adjust_amount")
        self.adjust_amount.setPlaceholderText(self.tr("金额"))
        self.adjust_amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.adjust_reason = QLineEdit()
        self.adjust_reason.setObjectName("adjust_reason")
        self.adjust_reason.setPlaceholderText(self.tr("调整理由（必填）"))
        self.adjust_apply = QPushButton(self.tr("调整"))
        self.adjust_apply.setObjectName("adjust_apply")
        self.adjust_apply.clicked.connect(self.apply_adjustment)
        self.adjust_clear = QPushButton(self.tr("取消全部调整"))
        self.adjust_clear.setObjectName("adjust_clear")
        self.adjust_clear.clicked.connect(self.clear_adjustments)
        self.adjust_error = ErrorLabel()
        self.adjust_error.setObjectName("adjust_error")
        adjust = QHBoxLayout()
        adjust.addWidget(QLabel(self.tr("个人调整：")))
        adjust.addWidget(self.adjust_person)
        adjust.addWidget(self.adjust_amount)
        adjust.addWidget(self.adjust_reason, 1)
        adjust.addWidget(self.adjust_apply)
        adjust.addWidget(self.adjust_clear)

        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5300;")
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(steps_box)
        right_lay.addWidget(QLabel(self.tr("个人分配：")))
        right_lay.addWidget(self.people, 1)
        right_lay.addLayout(adjust)
        right_lay.addWidget(self.adjust_error)
        right_lay.addWidget(self.warnings)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([400, 800])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setText(self.tr("保存草稿") if distribution_id is None
                                 else self.tr("保存修改"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.general_error)
        lay.addWidget(split, 1)
        lay.addWidget(self.buttons)

        self._load()
        for member in money_views.deal_team(ctx, deal_no):
            head_mark = {LeaderLevel.PRINCIPAL: self.tr("（正职领导）"),
                         LeaderLevel.OTHER: self.tr("（领导职务）")}.get(member.leader_level, "")
            self.adjust_person.addItem(f"{member.name}（{member.staff_no}）{head_mark}",
                                       member.staff_no)
        for edit in (self.team_edit, self.dept_edit, self.tto_edit):
            edit.textEdited.connect(lambda _t: self._timer.start())
        self.receipt_list.itemChanged.connect(lambda _i: self._timer.start())
        self._equity_inputs(self.equity_check.isChecked())
        self.equity_check.toggled.connect(self._equity_toggled)
        self.resize(1100, 720)
        self.recompute()

    # ---- loading ----------------------------------------------------------------------------
    def _load(self) -> None:
        chosen: set[int] = set()
        free = receipts.undistributed_receipts(self.ctx, self.deal_no)
        if self.distribution_id is not None:
            detail = dist.distribution_detail(self.ctx, self.distribution_id)
            self.version = detail.version
            plan = detail.plan
            chosen = set(plan.receipt_ids)
            free = sorted(plan.receipts + [r for r in free if r.id not in chosen],
                          key=lambda r: (r.received_on, r.id))
            self.team_edit.setText(plain(plan.team_share_pct))
            self._set_pcts(plan)
            self.note_edit.setText(detail.note or "")
            self.equity_check.setChecked(plan.is_equity)
            self.equity_check.setEnabled(False)
            if self.profit_year is not None and plan.profit_year is not None:
                self.profit_year.setCurrentIndex(self.profit_year.findData(plan.profit_year))
            self.leaders.set_from({a.staff_no: a.leader_approval for a in plan.allocations
                                   if a.leader_approval is not None})
            for a in plan.allocations:
                if a.adjustment_reason:
                    self.adjustments[a.staff_no] = dist.AllocationAdjust(
                        a.staff_no, a.amount, a.adjustment_reason)
        for r in free:
            item = QListWidgetItem(receipt_text(r, self.ctx.lang))
            item.setToolTip(item.text())
            item.setData(RECEIPT_ROLE, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = r.id in chosen if self.distribution_id is not None else True
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.receipt_list.addItem(item)

    def _set_pcts(self, plan: dist.DistributionPlan) -> None:
        if plan.net_income:
            for edit, amount in ((self.dept_edit, plan.department_amount),
                                 (self.tto_edit, plan.tto_amount)):
                pct = (amount * 100 / plan.net_income).quantize(Decimal("0.01"))
                edit.setText(plain(pct))

    def _equity_inputs(self, on: bool) -> None:
        """Reward shares cover no receipts and give nothing to department or TTO."""
        self.receipt_list.setEnabled(not on)
        self.dept_edit.setEnabled(not (on or self.on_profit))
        self.tto_edit.setEnabled(not (on or self.on_profit))
        self.leaders.setVisible(on and self.leaders.person.count() > 0)

    def _equity_toggled(self, on: bool) -> None:
        self._equity_inputs(on)
        self.team_edit.clear()  # the floor differs for equity
        self.recompute()

    # ---- the officer's choices ----------------------------------------------------------------
    def checked_receipts(self) -> list[int]:
        return [self.receipt_list.item(i).data(RECEIPT_ROLE)
                for i in range(self.receipt_list.count())
                if self.receipt_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_receipt_checked(self, receipt_id: int, checked: bool) -> None:
        for i in range(self.receipt_list.count()):
            item = self.receipt_list.item(i)
            if item.data(RECEIPT_ROLE) == receipt_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def request(self, adjustments: list[dist.AllocationAdjust] | None = None
                ) -> dist.DistributionIn:
        equity = self.equity_check.isChecked()
        return dist.DistributionIn(
            self.deal_no,
            receipt_ids=None if equity or self.on_profit else self.checked_receipts(),
            profit_year=self.profit_year.currentData() if self.profit_year else None,
            leader_approvals=dict(self.leaders.approvals) if equity else {},
            team_share_pct=self.team_edit.text().strip() or None,
            department_pct=self.dept_edit.text().strip() or "0",
            tto_pct=self.tto_edit.text().strip() or "0",
            adjustments=list(self.adjustments.values()) if adjustments is None else adjustments,
            is_equity=equity, note=self.note_edit.text())

    # ---- computing ----------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for err in (self.general_error, self.receipt_error, self.team_error, self.share_error,
                    self.adjust_error):
            err.clear_messages()

    def _show_error(self, exc: BaseException) -> None:
        lang = self.ctx.lang
        if not isinstance(exc, ValidationFailed):
            self.general_error.show_messages(messages_of(exc, lang))
            return
        by_target: dict[ErrorLabel, list[str]] = {}
        for name, lines in field_messages(exc, lang).items():
            target = {"team_share_pct": self.team_error, "receipts": self.receipt_error,
                      "department_pct": self.share_error, "tto_pct": self.share_error,
                      }.get(name or "")
            if target is None:
                target = self.adjust_error if name in ADJUST_FIELDS else self.general_error
            by_target.setdefault(target, []).extend(lines)
        for target, lines in by_target.items():
            target.show_messages(lines)

    def _try(self, request: dist.DistributionIn) -> dist.DistributionPlan | BaseException:
        try:
            return money_views.preview(self.ctx, request, self.distribution_id)
        except TTDeskError as exc:
            return exc

    def recompute(self) -> dist.DistributionPlan | None:
        """Ask the core for the plan of the current choices and show each step."""
        self._timer.stop()
        self._clear_errors()
        result = self._try(self.request())
        if isinstance(result, BaseException):
            self.plan = None
            self._show_error(result)
        else:
            self.plan = result
        self._show_plan(self.plan)
        return self.plan

    def _show_plan(self, plan: dist.DistributionPlan | None) -> None:
        self.save_button.setEnabled(plan is not None)
        if plan is None:
            for value in self.steps.values():
                value.setText("—")
            self.model.set_rows([])
            self.cost_detail.clear()
            self.warnings.clear()
            return
        s = self.steps
        s["gross"].setText(money_text(plan.gross_income))
        s["costs"].setText("− " + money_text(plan.deductible_costs))
        s["net"].setText(money_text(plan.net_income))
        s["team_pct"].setText(f"{pct_text(plan.team_share_pct)}"
                              f"（≥ {pct_text(plan.team_share_floor)}）")
        s["team"].setText(money_text(plan.team_amount))
        s["department"].setText(money_text(plan.department_amount))
        s["tto"].setText(money_text(plan.tto_amount))
        s["university"].setText(money_text(plan.university_amount))
        if not self.team_edit.text().strip():
            self.team_edit.setPlaceholderText(plain(plan.team_share_floor))
        categories = money_views.deductible_by_category(self.ctx, self.deal_no)
        parts = "；".join(f"{label(c, self.ctx.lang)} {money_text(v)}" for c, v in categories)
        self.cost_detail.setText(
            self.tr("年度营业利润已是扣除成本后的数额，不再扣除费用") if self.on_profit else
            self.tr("可扣除费用：") + (parts or self.tr("无"))
            + self.tr("（已在以前分配中扣除的不再扣除）"))
        self.model.set_rows(plan.allocations)
        self.warnings.setText("\n".join(WARN_MARK + p.message(self.ctx.lang)
                                        for p in plan.warnings))

    # ---- adjustments --------------------------------------------------------------------------
    def apply_adjustment(self) -> bool:
        """Set the chosen person's amount (with its reason); refused ones are not kept."""
        staff_no = self.adjust_person.currentData()
        if staff_no is None:
            return False
        adj = dist.AllocationAdjust(staff_no, self.adjust_amount.text().strip(),
                                    self.adjust_reason.text())
        trial = {**self.adjustments, staff_no: adj}
        result = self._try(self.request(list(trial.values())))
        if isinstance(result, BaseException):
            self._clear_errors()
            self._show_error(result)
            return False
        self.adjustments = trial
        self.adjust_amount.clear()
        self.adjust_reason.clear()
        self.recompute()
        return True

    def clear_adjustments(self) -> None:
        self.adjustments.clear()
        self.recompute()

    # ---- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self.recompute() is None:
            return
        try:
            if self.distribution_id is None:
                self.saved_id = write_op(self.ctx, self.bus, dist.save, self.ctx,
                                         self.request())
            else:
                write_op(self.ctx, self.bus, dist.revise, self.ctx, self.distribution_id,
                         self.request(), self.version)
                self.saved_id = self.distribution_id
        except ValidationFailed as exc:
            self._show_error(exc)
            return
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return
        self.accept()
