"""The contract-registration records of a deal (measures of 2026, domain.md §6): the
submission (the office's answer follows 15 / 30 working days later), a change
(re-registration) and a deregistration, and a licence's term end."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ttdesk.codes import IMPLEMENTATION_MODES, LICENSE_MODES
from ttdesk.core.deals import deals, registration
from ttdesk.core.rules.statemachine import DEAL_BEFORE_APPROVAL, DEAL_SIGNED_OR_LATER
from ttdesk.core.views.deal_detail import DealDetail
from ttdesk.ui.case.actions import ActionSpec, FieldSpec, text_value, today_default


def _may_submit(d: DealDetail) -> bool:
    return (d.mode not in IMPLEMENTATION_MODES and d.status in DEAL_SIGNED_OR_LATER
            and not d.registration_no and d.registration_submitted_on is None)


def _registered(d: DealDetail) -> bool:
    return bool(d.registration_no)


def _amounts() -> tuple[FieldSpec, FieldSpec]:
    return (FieldSpec("contract_amount", QT_TRANSLATE_NOOP("CaseActions", "成交额（元）"),
                      aliases=("registration_contract_amount",),
                      default=lambda _c, d: d.registration_contract_amount or d.price),
            FieldSpec("tech_amount", QT_TRANSLATE_NOOP("CaseActions", "技术交易额（元）"),
                      aliases=("registration_tech_amount",),
                      default=lambda _c, d: d.registration_tech_amount or d.price))


def _term_end(ctx: Any, d: DealDetail, v: dict[str, Any]) -> int:
    return deals.update_terms(ctx, d.deal_no, {"term_end": v["term_end"]},
                              expected_version=d.version)


REGISTRATION_RECORDS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "term_end",
        QT_TRANSLATE_NOOP("CaseActions", "许可期限…"),
        lambda d: d.mode in LICENSE_MODES and d.status in DEAL_BEFORE_APPROVAL,
        _term_end,
        (FieldSpec("term_end", QT_TRANSLATE_NOOP("CaseActions", "许可期限届满日"), "date",
                   default=lambda ctx, d: d.term_end or ctx.today()),),
    ),
    ActionSpec(
        "registration_submit",
        QT_TRANSLATE_NOOP("CaseActions", "提交合同登记…"),
        _may_submit,
        lambda ctx, d, v: registration.submit(ctx, d.deal_no, v["on"],
                                              v.get("contract_amount") or None,
                                              bool(v.get("disputed"))),
        (FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "提交日期"), "date",
                   ("registration_submitted_on",), default=today_default),
         FieldSpec("contract_amount", QT_TRANSLATE_NOOP("CaseActions", "成交额（元）"),
                   aliases=("registration_contract_amount",),
                   default=lambda _c, d: d.price),
         FieldSpec("disputed", QT_TRANSLATE_NOOP("CaseActions", "合同存在争议"), "bool",
                   ("registration_disputed",))),
    ),
    ActionSpec(
        "registration_change",
        QT_TRANSLATE_NOOP("CaseActions", "变更登记…"),
        _registered,
        lambda ctx, d, v: registration.change(
            ctx, d.deal_no, v["on"], text_value(v, "reason"), v.get("contract_amount"),
            v.get("tech_amount"), text_value(v, "certificate_no") or None),
        (FieldSpec("certificate_no", QT_TRANSLATE_NOOP("CaseActions", "登记编号"),
                   default=lambda _c, d: d.registration_no),
         *_amounts(),
         FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "变更日期"), "date",
                   default=today_default),
         FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "变更理由"), "multiline")),
    ),
    ActionSpec(
        "deregister",
        QT_TRANSLATE_NOOP("CaseActions", "注销登记…"),
        _registered,
        lambda ctx, d, v: registration.deregister(ctx, d.deal_no, v["on"],
                                                  text_value(v, "reason")),
        (FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "注销日期"), "date",
                   default=today_default),
         FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "注销理由"), "multiline")),
    ),
)
