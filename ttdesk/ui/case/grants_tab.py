"""The 赋权 tab: the case's rights grants, the selected one's record and publicity, and an
action for every step of the grant machine (applied → ... → title changed, or rejected)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import field_label, label, yes_no
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.parts import GrantRow
from ttdesk.core.views.stepper import grant_hint
from ttdesk.ui.case.actions import ActionBar
from ttdesk.ui.case.case_specs import APPLY_GRANT, GRANT_ACTIONS, grant_label
from ttdesk.ui.case.panels import KeyValues, publicity_table, scrolled, show_publicities
from ttdesk.ui.kit.bus import DataBus


class GrantsTab(QWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.detail: CaseDetail | None = None
        self.apply_bar = ActionBar(ctx, bus, [APPLY_GRANT])
        self.list = QListWidget()
        self.list.setObjectName("grant_list")
        self.list.setMaximumWidth(260)
        self.list.currentRowChanged.connect(self._show_current)
        self.hint = QLabel()
        self.hint.setObjectName("grant_hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.actions = ActionBar(ctx, bus, GRANT_ACTIONS)
        # a grant's change is announced as a change of its case
        self.fields = KeyValues()
        self.pubs = publicity_table("grant_publicity")
        # the signed agreement, the college's opinion: kept with the grant itself
        self.files_button = QPushButton(self.tr("附件…"))
        self.files_button.setObjectName("grant_files")
        self.files_button.clicked.connect(self.open_files)
        head = QHBoxLayout()
        head.addWidget(self.hint, 1)
        head.addWidget(self.files_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addLayout(head)
        right.addWidget(self.actions)
        right.addWidget(scrolled(self.fields), 2)
        right.addWidget(QLabel(self.tr("公示与异议")))
        right.addWidget(self.pubs, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.apply_bar)
        lay.addLayout(body, 1)

    def show_detail(self, c: CaseDetail) -> None:
        self.detail = c
        self.apply_bar.set_record(c)
        keep = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for g in c.rights_grants:
            self.list.addItem(grant_label(g, self.ctx.lang))
        self.list.blockSignals(False)
        if c.rights_grants:
            self.list.setCurrentRow(keep if 0 <= keep < len(c.rights_grants)
                                    else len(c.rights_grants) - 1)
        self._show_current(self.list.currentRow())

    def current(self) -> GrantRow | None:
        r = self.list.currentRow()
        if self.detail is None or not 0 <= r < len(self.detail.rights_grants):
            return None
        return self.detail.rights_grants[r]

    def _show_current(self, _row: int) -> None:
        g = self.current()
        lang = self.ctx.lang
        self.actions.set_record(g)
        self.files_button.setEnabled(g is not None)
        if g is None:
            self.hint.setText(self.tr("尚无赋权申请。赋权为可选步骤：团队申请 → 院系审核 → "
                                      "转移机构审核 → 公示 → 批准 → 协议 → 变更登记。"))
            self.fields.set_pairs([])
            show_publicities(self.pubs, [], self.ctx.today(), lang)
            return
        self.hint.setText(self.tr("状态：%1 · %2").replace("%1", label(g.status, lang))
                          .replace("%2", grant_hint(g, self.ctx.today()).text(lang)))
        share = f"{g.team_share}%" if g.team_share is not None else None
        pairs = [
            ("form", label(g.form, lang)), ("team_share", share), ("term_years", g.term_years),
            ("representative", g.representative), ("application_date", g.application_date),
            ("plan_attached", yes_no(g.plan_attached, lang)),
            ("consent_recorded", yes_no(g.consent_recorded, lang)),
            ("college_review_date", g.college_review_date),
            ("tto_review_date", g.tto_review_date), ("decision_body", g.decision_body),
            ("decision_date", g.decision_date), ("minutes_no", g.minutes_no),
            ("agreement_no", g.agreement_no), ("agreement_date", g.agreement_date),
            ("title_change_date", g.title_change_date),
            ("rejection_reason", g.rejection_reason),
        ]
        self.fields.set_pairs([(field_label(k, lang), v) for k, v in pairs])
        show_publicities(self.pubs, g.publicities, self.ctx.today(), lang)

    def open_files(self) -> QWidget | None:
        """The selected grant's attachments, in a dialog (returned for tests)."""
        from ttdesk.ui.case.files_tab import FilesDialog

        g = self.current()
        if g is None:
            return None
        dialog = FilesDialog(self.ctx, self.bus, f"grant:{g.id}",
                             grant_label(g, self.ctx.lang), self)
        dialog.show()
        return dialog
