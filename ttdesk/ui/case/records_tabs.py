"""The 资助 funding, 知识产权 IP and 评估 assessment tabs: a table of what is recorded and
the actions that add to it (each one a service call through an action dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import FunderType, IPKind, IPStatus, Recommendation, SupportKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import field_label, label
from ttdesk.core.cases import achievements, assessments, ip_assets
from ttdesk.core.cases.achievements import FundingIn
from ttdesk.core.companies import support
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.ui.case.actions import ActionBar, ActionSpec, FieldSpec, today_default
from ttdesk.ui.kit.bus import DataBus


def record_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


def _text(v: dict[str, Any], key: str) -> str | None:
    return str(v.get(key) or "").strip() or None


# ---- funding ----------------------------------------------------------------------------


def _funding_items(c: CaseDetail) -> list[FundingIn]:
    return [
        FundingIn(f.programme, f.funder_type.value, f.project_no, f.ip_terms_note)
        for f in c.funding
    ]


def _add_funding(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> None:
    new = FundingIn(
        str(v.get("programme") or ""),
        str(v["funder_type"]),
        _text(v, "project_no"),
        _text(v, "ip_terms_note"),
    )
    achievements.set_funding(ctx, c.case_no, [*_funding_items(c), new])


FUNDING_ACTIONS = (
    ActionSpec(
        "add_funding",
        QT_TRANSLATE_NOOP("CaseActions", "添加经费来源…"),
        lambda c: True,
        _add_funding,
        (
            FieldSpec(
                "programme", QT_TRANSLATE_NOOP("CaseActions", "项目/计划"), aliases=("funding",)
            ),
            FieldSpec(
                "funder_type", QT_TRANSLATE_NOOP("CaseActions", "资助类型"), "enum", enum=FunderType
            ),
            FieldSpec("project_no", QT_TRANSLATE_NOOP("CaseActions", "项目编号")),
            FieldSpec(
                "ip_terms_note", QT_TRANSLATE_NOOP("CaseActions", "知识产权约定"), "multiline"
            ),
        ),
    ),
    ActionSpec(
        "no_funding",
        QT_TRANSLATE_NOOP("CaseActions", "声明无经费来源"),
        lambda c: not c.funding and not c.no_funding,
        lambda ctx, c, v: achievements.set_funding(ctx, c.case_no, [], no_funding=True),
    ),
    ActionSpec(
        "clear_funding",
        QT_TRANSLATE_NOOP("CaseActions", "清除经费记录"),
        lambda c: bool(c.funding) or c.no_funding,
        lambda ctx, c, v: achievements.set_funding(ctx, c.case_no, []),
    ),
    # support received (概念验证、中试、创新券、孵化服务): shown on the company page too
    ActionSpec(
        "add_support",
        QT_TRANSLATE_NOOP("CaseActions", "登记获得的支持…"),
        lambda c: True,
        lambda ctx, c, v: support.add(ctx, c.case_no, support.SupportIn(
            str(v["support_kind"]), str(v.get("provider") or ""), v["received_on"],
            _text(v, "amount"))),
        (
            FieldSpec("support_kind", QT_TRANSLATE_NOOP("CaseActions", "支持类型"), "enum",
                      enum=SupportKind),
            FieldSpec("provider", QT_TRANSLATE_NOOP("CaseActions", "提供方")),
            FieldSpec("received_on", QT_TRANSLATE_NOOP("CaseActions", "日期"), "date",
                      default=today_default),
            FieldSpec("amount", QT_TRANSLATE_NOOP("CaseActions", "金额（元）")),
        ),
    ),
)


def _add_ip(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> int:
    return ip_assets.add(
        ctx,
        c.case_no,
        ip_assets.IPAssetIn(
            kind=str(v["kind"]),
            application_no=str(v.get("application_no") or ""),
            filing_date=v.get("filing_date"),
            jurisdiction=str(v.get("jurisdiction") or "CN"),
            status=str(v["status"]),
            owners=_text(v, "owners"),
        ),
    )


IP_ACTIONS = (
    ActionSpec(
        "add_ip",
        QT_TRANSLATE_NOOP("CaseActions", "登记知识产权…"),
        lambda c: True,
        _add_ip,
        (
            FieldSpec("kind", QT_TRANSLATE_NOOP("CaseActions", "类型"), "enum", enum=IPKind),
            FieldSpec(
                "jurisdiction",
                QT_TRANSLATE_NOOP("CaseActions", "国家/地区"),
                default=lambda ctx, c: "CN",
            ),
            FieldSpec("application_no", QT_TRANSLATE_NOOP("CaseActions", "申请号")),
            FieldSpec(
                "filing_date",
                QT_TRANSLATE_NOOP("CaseActions", "申请日"),
                "date",
                ("申请日 / filing date",),
                default=today_default,
            ),
            FieldSpec(
                "status", QT_TRANSLATE_NOOP("CaseActions", "法律状态"), "enum", enum=IPStatus
            ),
            FieldSpec("owners", QT_TRANSLATE_NOOP("CaseActions", "权利人")),
        ),
    ),
)


def _add_assessment(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> None:
    def score(key: str) -> int | None:
        text = str(v.get(key) or "").strip()
        return int(text) if text.lstrip("-").isdigit() else None

    assessments.add(
        ctx,
        c.case_no,
        assessments.AssessmentIn(
            assessed_on=v["assessed_on"],
            assessor=str(v.get("assessor") or ""),
            recommendation=str(v["recommendation"]),
            technical_score=score("technical_score"),
            market_score=score("market_score"),
            notes=_text(v, "notes"),
        ),
    )


ASSESSMENT_ACTIONS = (
    ActionSpec(
        "add_assessment",
        QT_TRANSLATE_NOOP("CaseActions", "新增评估…"),
        lambda c: True,
        _add_assessment,
        (
            FieldSpec(
                "assessed_on",
                QT_TRANSLATE_NOOP("CaseActions", "评估日期"),
                "date",
                default=today_default,
            ),
            FieldSpec("assessor", QT_TRANSLATE_NOOP("CaseActions", "评估人")),
            FieldSpec("technical_score", QT_TRANSLATE_NOOP("CaseActions", "技术评分（0–100）")),
            FieldSpec("market_score", QT_TRANSLATE_NOOP("CaseActions", "市场评分（0–100）")),
            FieldSpec(
                "recommendation",
                QT_TRANSLATE_NOOP("CaseActions", "建议"),
                "enum",
                enum=Recommendation,
            ),
            FieldSpec("notes", QT_TRANSLATE_NOOP("CaseActions", "备注"), "multiline"),
        ),
    ),
)


class RecordsTab(QWidget):
    """A note line, an action bar and a table; `show_detail` refreshes all three."""

    def __init__(
        self, ctx: AppContext, bus: DataBus, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        lang = ctx.lang
        specs, cols = {
            "funding": (
                FUNDING_ACTIONS,
                ["programme", "funder_type", "project_no", "ip_terms_note"],
            ),
            "ip": (
                IP_ACTIONS,
                [
                    "kind",
                    "jurisdiction",
                    "application_no",
                    "filing_date",
                    "grant_no",
                    "grant_date",
                    "status",
                    "owners",
                ],
            ),
            "assessment": (
                ASSESSMENT_ACTIONS,
                [
                    "assessed_on",
                    "assessor",
                    "technical_score",
                    "market_score",
                    "recommendation",
                    "notes",
                ],
            ),
        }[kind]
        self.actions = ActionBar(ctx, bus, specs)
        self.note = QLabel()
        self.note.setObjectName(f"{kind}_note")
        self.table = record_table([field_label(c, lang) for c in cols], f"{kind}_table")
        lay = QVBoxLayout(self)
        lay.addWidget(self.actions)
        lay.addWidget(self.note)
        lay.addWidget(self.table)
        self.supports: QTableWidget | None = None
        if kind == "funding":
            self.supports = record_table(
                [field_label(c, lang) for c in ("support_kind", "provider", "received_on",
                                                "amount")], "support_table")
            lay.addWidget(QLabel(self.tr("获得的支持（概念验证、中试、创新券、孵化服务）")))
            lay.addWidget(self.supports)

    def show_detail(self, c: CaseDetail) -> None:
        lang = self.ctx.lang
        self.actions.set_record(c)
        if self.kind == "funding":
            fill_table(
                self.table,
                [
                    (f.programme, label(f.funder_type, lang), f.project_no, f.ip_terms_note)
                    for f in c.funding
                ],
            )
            self.note.setText(
                self.tr("已明确声明：无经费来源")
                if c.no_funding
                else (
                    self.tr("尚未申报经费来源（R2：评估前须申报或声明“无”）")
                    if not c.funding
                    else ""
                )
            )
            if self.supports is not None:
                fill_table(self.supports, [
                    (label(s.kind, lang), s.provider, s.received_on,
                     "" if s.amount is None else f"{s.amount:,.2f}") for s in c.supports])
        elif self.kind == "ip":
            fill_table(
                self.table,
                [
                    (
                        label(a.kind, lang),
                        a.jurisdiction,
                        a.application_no,
                        a.filing_date,
                        a.grant_no,
                        a.grant_date,
                        label(a.status, lang),
                        a.owners,
                    )
                    for a in c.ip_assets
                ],
            )
            self.note.setText(self.tr("共 %1 项").replace("%1", str(len(c.ip_assets))))
        else:
            fill_table(
                self.table,
                [
                    (
                        a.assessed_on,
                        a.assessor,
                        a.technical_score,
                        a.market_score,
                        label(a.recommendation, lang),
                        a.notes,
                    )
                    for a in c.assessments
                ],
            )
            self.note.setText(self.tr("共 %1 次评估").replace("%1", str(len(c.assessments))))
        self.note.setVisible(bool(self.note.text()))
