"""The spin-off follow-up on the company page (转化企业跟踪): milestones (first order, scale
order, brand-scene application, recognitions, financing rounds with their investors and a
government fund alongside, incubator entry and graduation, listing), the support received by
the achievements the company converts, and its founders on-post / off-post. Recording a
milestone is one `core.companies.milestones` call through the page's `write_op`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import MilestoneKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label, yes_no
from ttdesk.core.companies import milestones
from ttdesk.core.views.company_page import CompanyPage as CompanyPageData
from ttdesk.ui.kit.fields import date_edit
from ttdesk.ui.kit.forms import FormDialog, choice, money_edit, text_edit
from ttdesk.ui.kit.table import Column, RowsModel, make_view, selected_row

CTX = "FollowUp"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def milestone_dialog(ctx: AppContext, credit_code: str, parent: QWidget | None = None
                     ) -> FormDialog:
    def submit(d: FormDialog) -> int:
        return milestones.add(ctx, credit_code, milestones.MilestoneIn(
            d.value("kind"), d.value("happened_on"), d.value("amount") or None,
            d.value("investors") or None, d.value("government_fund"),
            d.value("note") or None))

    d = FormDialog(tr("记录里程碑"), ctx.lang, submit, parent)
    d.setObjectName("milestone_form")
    d.add("kind", tr("里程碑"), choice(MilestoneKind, ctx.lang, MilestoneKind.FIRST_ORDER))
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    d.add("amount", tr("金额（元）"), money_edit())
    d.add("investors", tr("投资方（融资）"), text_edit())
    d.add("government_fund", tr("政府基金参投（拨投联动）"), QCheckBox())
    d.add("note", tr("备注"), text_edit())
    return d


class FollowUpBox(QGroupBox):
    """`open_dialog(dialog)` is the page's way of showing a dialog through `write_op`."""

    def __init__(self, ctx: AppContext, open_dialog: Callable[[FormDialog], Any],
                 remove: Callable[[int], Any], parent: QWidget | None = None) -> None:
        super().__init__(tr("转化企业跟踪"), parent)
        self.setObjectName("followup_box")
        self.ctx, self._open, self._remove = ctx, open_dialog, remove
        self.credit_code = ""
        lang = ctx.lang
        self.milestones = RowsModel([
            Column(tr("日期"), lambda m: m.happened_on),
            Column(tr("里程碑"), lambda m: m.kind),
            Column(tr("金额"), lambda m: m.amount, "money"),
            Column(tr("投资方"), lambda m: m.investors or ""),
            Column(tr("政府基金"), lambda m: yes_no(True, lang) if m.government_fund else ""),
            Column(tr("备注"), lambda m: m.note or ""),
        ], lang)
        self.milestone_view = make_view(self.milestones, "milestone_view", stretch=3)
        self.supports = RowsModel([
            Column(tr("日期"), lambda s: s.received_on),
            Column(tr("支持类型"), lambda s: s.kind),
            Column(tr("提供方"), lambda s: s.provider),
            Column(tr("金额"), lambda s: s.amount, "money"),
            Column(tr("成果"), lambda s: f"{s.case_no} {s.case_title}"),
        ], lang)
        self.support_view = make_view(self.supports, "support_view", stretch=4)
        self.founders = QLabel()
        self.founders.setObjectName("founders")
        self.founders.setWordWrap(True)
        self.add_button = QPushButton(tr("记录里程碑…"))
        self.add_button.setObjectName("add_milestone")
        self.add_button.clicked.connect(lambda _c=False: self.add_milestone())
        self.remove_button = QPushButton(tr("删除所选里程碑"))
        self.remove_button.setObjectName("remove_milestone")
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("<b>里程碑</b>")))
        lay.addWidget(self.milestone_view, 2)
        lay.addLayout(buttons)
        lay.addWidget(QLabel(tr("<b>成果获得的支持</b>（概念验证、中试、创新券、孵化服务）")))
        lay.addWidget(self.support_view, 1)
        lay.addWidget(self.founders)

    def show_page(self, page: CompanyPageData) -> None:
        lang = self.ctx.lang
        self.credit_code = page.header.credit_code
        self.milestones.set_rows(page.milestones)
        self.supports.set_rows(page.supports)
        people = [f"{f.name}（{label(f.status, lang) if f.status else tr('未登记')}）"
                  for f in page.founders]
        self.founders.setText(tr("创始团队：") + ("、".join(people) if people else tr("无")))

    def add_milestone(self) -> FormDialog:
        return self._open(milestone_dialog(self.ctx, self.credit_code, self))

    def remove_selected(self) -> bool:
        row = selected_row(self.milestone_view)
        if row is None:
            return False
        self._remove(row.id)
        return True
