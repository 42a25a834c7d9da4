"""The 收益分配 tab of a deal's money panel: its distributions with their status, the
selected one's dates, publicity and per-person amounts, and the actions the status machine
allows (new, revise / discard a draft, approve, start the publicity, record the payment).

Dialogs are shown through the hosting panel's `open_dialog` and direct calls go through its
`guard`; both run the service through `write_op`, so the bus hears what the core changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ttdesk.codes import DistributionStatus, PublicityResult
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label
from ttdesk.core.money import distribution as dist
from ttdesk.core.rules.statemachine import DISTRIBUTION, allowed
from ttdesk.ui.case.panels import KeyValues
from ttdesk.ui.deals import money_dialogs as dd
from ttdesk.ui.deals.distribution_dialog import DistributionDialog
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.table import Column, RowsModel, make_view, money_text, pct_text, selected_row

Opener = Callable[..., QWidget]


class DistributionsTab(QWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, deal_no: str, open_dialog: Opener,
                 guard: Callable[[Callable[[], Any]], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.deal_no = ctx, bus, deal_no
        self.open_dialog, self.guard = open_dialog, guard
        lang = ctx.lang
        self.dists = RowsModel([
            Column(self.tr("编号"), lambda s: f"#{s.id}"),
            Column(self.tr("状态"), lambda s: s.status),
            Column(self.tr("类型"), lambda s: self.tr("股权奖励") if s.is_equity
                   else self.tr("现金奖励")),
            Column(self.tr("收款笔数"), lambda s: s.receipts, "num"),
            Column(self.tr("净收入"), lambda s: s.net_income, "money"),
            Column(self.tr("团队奖励"), lambda s: s.team_amount, "money"),
            Column(self.tr("批准日期"), lambda s: s.approval_date),
            Column(self.tr("发放日期"), lambda s: s.payment_date),
        ], lang)
        self.dist_view = make_view(self.dists, "distribution_view", stretch=None)
        self.dist_view.doubleClicked.connect(lambda _i: self.revise_distribution())
        self.dist_facts = KeyValues()
        self.dist_facts.setObjectName("distribution_facts")
        self.people = RowsModel([
            Column(self.tr("姓名"), lambda a: a.name),
            Column(self.tr("工号"), lambda a: a.staff_no),
            Column(self.tr("贡献比例"), lambda a: a.contribution_pct, "pct"),
            Column(self.tr("金额"), lambda a: a.amount, "money"),
            Column(self.tr("应税 50%"), lambda a: a.taxable_amount, "money"),
            Column(self.tr("股权比例"), lambda a: a.equity_pct, "pct"),
            Column(self.tr("调整理由"), lambda a: a.adjustment_reason or ""),
        ], lang)
        self.people_view = make_view(self.people, "allocation_view", sortable=False)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (
                ("new_distribution", self.tr("新建分配…"), self.new_distribution),
                ("revise_distribution", self.tr("修改草稿…"), self.revise_distribution),
                ("discard_distribution", self.tr("删除草稿"), self.discard_distribution),
                ("approve", self.tr("批准…"), self.approve),
                ("start_publicity", self.tr("开始公示…"), self.start_publicity),
                ("object", self.tr("登记异议…"), self.object_to_publicity),
                ("resolve", self.tr("处理异议…"), self.resolve_objection),
                ("reopen", self.tr("退回修改"), self.reopen),
                ("record_payment", self.tr("登记发放…"), self.record_payment),
                ("distribution_files", self.tr("附件…"), self.open_files),
                ("statements", self.tr("奖励明细…"), self.save_statements)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, f=slot: f())
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        detail = QHBoxLayout()
        detail.addWidget(self.dist_facts, 2)
        detail.addWidget(self.people_view, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.dist_view, 1)
        lay.addLayout(detail, 1)
        self.can_start = False
        self.detail: dist.DistributionDetail | None = None
        self.dist_view.selectionModel().selectionChanged.connect(lambda *_a: self.refresh())

    def show_rows(self, rows: list[dist.DistributionSummary], can_start: bool) -> None:
        """New rows; `can_start`: something is left to distribute (or it is an equity deal)."""
        self.can_start = can_start
        self.dists.set_rows(rows)
        self.refresh()

    def refresh(self) -> None:
        self._show_distribution()
        self._update_buttons()

    def _update_buttons(self) -> None:
        b = self.buttons
        b["new_distribution"].setEnabled(self.can_start)
        s = selected_row(self.dist_view)
        nxt = allowed(DISTRIBUTION, s.status) if s is not None else frozenset()
        draft = s is not None and s.status == DistributionStatus.DRAFT
        b["revise_distribution"].setEnabled(draft)
        b["discard_distribution"].setEnabled(draft)
        b["approve"].setEnabled(DistributionStatus.APPROVED in nxt)
        b["start_publicity"].setEnabled(DistributionStatus.IN_PUBLICITY in nxt)
        b["record_payment"].setEnabled(DistributionStatus.PAID in nxt)
        b["distribution_files"].setEnabled(s is not None)
        b["statements"].setEnabled(any(r.status != DistributionStatus.DRAFT
                                       for r in self.dists.rows))
        pub = self.detail.publicity if self.detail is not None else None
        publicising = (s is not None and s.status == DistributionStatus.IN_PUBLICITY
                       and pub is not None and pub.result is None)
        b["object"].setEnabled(publicising)
        b["resolve"].setEnabled(publicising and bool(pub and pub.open_objections))
        b["reopen"].setEnabled(s is not None and s.status == DistributionStatus.IN_PUBLICITY
                               and pub is not None
                               and pub.result == PublicityResult.TERMINATED_BY_OBJECTION)

    def _show_distribution(self) -> None:
        """The selected distribution's dates, publicity and per-person amounts."""
        s = selected_row(self.dist_view)
        self.detail = None
        if s is None:
            self.dist_facts.set_pairs([(self.tr("收益分配"), self.tr("请选择一次分配"))])
            self.people.set_rows([])
            return
        try:
            d = self.detail = dist.distribution_detail(self.ctx, s.id)
        except TTDeskError as exc:
            self.dist_facts.set_pairs([(self.tr("收益分配"), "; ".join(exc.messages()))])
            return
        lang, p, pub = self.ctx.lang, d.plan, d.publicity
        pairs: list[tuple[str, object]] = [
            (self.tr("状态"), label(d.status, lang)),
            (self.tr("净收入 → 团队"), f"{money_text(p.net_income)} × "
             f"{pct_text(p.team_share_pct)} = {money_text(p.team_amount)}"),
            (self.tr("院系 / 转移机构 / 学校"), " / ".join(money_text(x) for x in (
                p.department_amount, p.tto_amount, p.university_amount))),
            (self.tr("批准"), f"{d.approval_date} {d.approval_body or ''}"
             if d.approval_date else ""),
            (self.tr("公示"), f"{pub.channel} {pub.start_date}～{pub.end_date}"
             + (self.tr("（异议未处理 %1 件）").replace("%1", str(pub.open_objections))
                if pub.open_objections else "")
             + (f"（{label(PublicityResult(pub.result), lang)} {pub.closed_on}）"
                if pub.result else "") if pub else ""),
            (self.tr("奖励发放期限"), d.payment_due),
            (self.tr("发放日期"), d.payment_date),
        ]
        pairs += [("⚠", w.message(lang)) for w in p.warnings]
        self.dist_facts.set_pairs(pairs)
        self.people.set_rows(p.allocations)

    # ---- actions ----------------------------------------------------------------------------
    def new_distribution(self) -> QWidget:
        return self.open_dialog(DistributionDialog(self.ctx, self.bus, self.deal_no, None,
                                                   self))

    def revise_distribution(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        if s is None or s.status != DistributionStatus.DRAFT:
            return None
        return self.open_dialog(DistributionDialog(self.ctx, self.bus, self.deal_no, s.id,
                                                   self))

    def discard_distribution(self, confirm: bool = True) -> bool:
        s = selected_row(self.dist_view)
        if s is None:
            return False
        if confirm and QMessageBox.question(
                self, self.tr("删除草稿"), self.tr("删除收益分配草稿 #%1？其收款将可重新分配。")
                .replace("%1", str(s.id))) != QMessageBox.StandardButton.Yes:
            return False
        return self.guard(lambda: dist.discard(self.ctx, s.id))

    def approve(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        return self.open_dialog(dd.approve_dialog(self.ctx, s, self)) if s else None

    def start_publicity(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        if s is None:
            return None
        return self.open_dialog(dd.publicity_dialog(self.ctx, s, self))

    def object_to_publicity(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        return self.open_dialog(dd.objection_dialog(self.ctx, s, self)) if s else None

    def resolve_objection(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        return self.open_dialog(dd.resolve_dialog(self.ctx, s, self)) if s else None

    def reopen(self) -> bool:
        """An upheld objection ended the publicity: back to draft to revise the allocation."""
        s = selected_row(self.dist_view)
        return self.guard(lambda: dist.reopen(self.ctx, s.id)) if s else False

    def record_payment(self) -> QWidget | None:
        s = selected_row(self.dist_view)
        if s is None:
            return None
        return self.open_dialog(dd.payment_dialog(self.ctx, s, self), self._payment_warnings)

    def _payment_warnings(self, warnings: Any) -> None:
        if warnings:
            QMessageBox.warning(self, self.tr("发放已登记"), "\n".join(
                "⚠ " + p.message(self.ctx.lang) for p in warnings))

    def open_files(self) -> QWidget | None:
        """The selected distribution's attachments (the signed approval, the payment
        list), in a dialog (returned for tests)."""
        from ttdesk.ui.case.files_tab import FilesDialog

        s = selected_row(self.dist_view)
        if s is None:
            return None
        dialog = FilesDialog(self.ctx, self.bus, f"distribution:{s.id}",
                             f"{self.deal_no} #{s.id}", self)
        dialog.show()
        return dialog

    def save_statements(self, folder: Path | None = None) -> list[Path]:
        """One reward statement per contributor of this deal, into a chosen folder."""
        from PySide6.QtWidgets import QFileDialog

        from ttdesk.core.base.errors import TTDeskError
        from ttdesk.filings.statement_pdf import deal_statement_files, write_statements
        from ttdesk.ui.kit.problems import show_problem

        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("奖励明细保存到"))
            if not chosen:
                return []
            folder = Path(chosen)
        try:
            return write_statements(self.ctx, deal_statement_files(self.ctx, self.deal_no,
                                                                   folder), force=True)
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return []
