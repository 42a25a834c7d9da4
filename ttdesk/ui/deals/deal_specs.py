"""The actions of a deal: every transition of the deal machines (conversion and cooperation
contracts), its pricing publicity and objections, and the records approval needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ttdesk.codes import (
    COOPERATION_MODES,
    DealMode,
    PricingMethod,
    ValuationApproach,
)
from ttdesk.codes import DealStatus as D
from ttdesk.core.base.labels import pick
from ttdesk.core.deals import deals, diligence
from ttdesk.core.rules.statemachine import DEAL_BEFORE_APPROVAL, DEAL_CLOSED
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.deal_detail import DealDetail
from ttdesk.core.views.stepper import deal_targets, suggested_approval_body
from ttdesk.ui.case.actions import (
    ActionSpec,
    FieldSpec,
    manager_spec,
    publicity_specs,
    text_value,
    today_default,
)
from ttdesk.ui.deals.registration_specs import REGISTRATION_RECORDS


def _can(target: D) -> Any:
    return lambda d: target in deal_targets(d.mode, d.status)


def _plain(fn: Any) -> Any:
    return lambda ctx, d, v: fn(ctx, d.deal_no)


def _submit(d: DealDetail) -> bool:
    return d.status != D.OBJECTION and D.APPROVAL in deal_targets(d.mode, d.status)


def _valuation(ctx: Any, d: DealDetail, v: dict[str, Any]) -> None:
    deals.add_valuation(
        ctx,
        d.deal_no,
        deals.ValuationIn(
            appraised=bool(v["appraised"]),
            no_appraisal_reason=v.get("no_appraisal_reason") or None,
            firm=v.get("firm") or None,
            report_no=v.get("report_no") or None,
            base_date=v.get("base_date"),
            approach=v.get("approach") or None,
            appraised_value=v.get("appraised_value") or None,
            agreed_value=v.get("agreed_value") or None,
        ),
    )


def _terms(ctx: Any, d: DealDetail, v: dict[str, Any]) -> int:
    return deals.update_terms(
        ctx,
        d.deal_no,
        {
            "title": text_value(v, "title") or d.title,
            "price": v.get("price") or None,
            "pricing_method": v.get("pricing_method") or None,
            "exchange_reference": v.get("exchange_reference") or None,
            "payment_terms": v.get("payment_terms") or None,
        },
        expected_version=d.version,
    )


def _term_defaults(field: str) -> Any:
    def default(_ctx: Any, d: DealDetail) -> object:
        value = getattr(d, field)
        return value.value if hasattr(value, "value") else value

    return default


ON = FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "日期"), "date", default=today_default)

DEAL_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "due_diligence",
        QT_TRANSLATE_NOOP("CaseActions", "开始尽职调查"),
        _can(D.DUE_DILIGENCE),
        _plain(deals.start_due_diligence),
    ),
    ActionSpec(
        "submit",
        QT_TRANSLATE_NOOP("CaseActions", "提交审批"),
        _submit,
        _plain(deals.submit_for_approval),
    ),
    ActionSpec(
        "approve",
        QT_TRANSLATE_NOOP("CaseActions", "记录审批…"),
        lambda d: d.status == D.APPROVAL,
        lambda ctx, d, v: deals.record_approval(
            ctx, d.deal_no, text_value(v, "body"), v["on"], text_value(v, "minutes_no") or None
        ),
        (
            FieldSpec(
                "body",
                QT_TRANSLATE_NOOP("CaseActions", "审批机构"),
                aliases=("approval_body",),
                default=lambda ctx, d: suggested_approval_body(ctx, d.price),
            ),
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "审批日期"),
                "date",
                ("approval_date",),
                default=today_default,
            ),
            FieldSpec("minutes_no", QT_TRANSLATE_NOOP("CaseActions", "纪要编号")),
        ),
    ),
    *publicity_specs(
        deals, lambda d: d.deal_no, _can(D.IN_PUBLICITY), _can(D.OBJECTION),
        lambda d: d.status == D.OBJECTION,
        QT_TRANSLATE_NOOP("CaseActions", "异议成立（终止项目）"), ("start_date", "approval_date")),
    ActionSpec(
        "sign",
        QT_TRANSLATE_NOOP("CaseActions", "签约…"),
        _can(D.SIGNED),
        lambda ctx, d, v: deals.sign(ctx, d.deal_no, v["on"]),
        (
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "签约日期"),
                "date",
                ("signing_date",),
                default=today_default,
            ),
        ),
    ),
    ActionSpec(
        "register",
        QT_TRANSLATE_NOOP("CaseActions", "合同登记…"),
        _can(D.REGISTERED),
        lambda ctx, d, v: deals.register(ctx, d.deal_no, text_value(v, "registration_no"),
                                         v["on"], v.get("contract_amount") or None,
                                         v.get("tech_amount") or None),
        (
            FieldSpec("registration_no", QT_TRANSLATE_NOOP("CaseActions", "登记编号")),
            FieldSpec("contract_amount", QT_TRANSLATE_NOOP("CaseActions", "成交额（元）"),
                      aliases=("registration_contract_amount",),
                      default=lambda _ctx, d: d.price),
            FieldSpec("tech_amount", QT_TRANSLATE_NOOP("CaseActions", "技术交易额（元）"),
                      aliases=("registration_tech_amount",),
                      default=lambda _ctx, d: d.price),
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "登记日期"),
                "date",
                ("registration_date", "登记日期 / registration date"),
                default=today_default,
            ),
        ),
    ),
    ActionSpec(
        "perform",
        QT_TRANSLATE_NOOP("CaseActions", "开始履约"),
        _can(D.PERFORMING),
        _plain(deals.start_performing),
    ),
    ActionSpec(
        "complete",
        QT_TRANSLATE_NOOP("CaseActions", "完成…"),
        _can(D.COMPLETED),
        lambda ctx, d, v: deals.complete(ctx, d.deal_no, v["on"]),
        (ON,),
    ),
    ActionSpec(
        "terminate",
        QT_TRANSLATE_NOOP("CaseActions", "终止…"),
        _can(D.TERMINATED),
        lambda ctx, d, v: deals.terminate(ctx, d.deal_no, text_value(v, "reason"), v["on"]),
        (FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "终止理由"), "multiline"),
         FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "终止日期"), "date",
                   ("terminated_on",), default=today_default)),
    ),
    manager_spec("deal", lambda d: d.deal_no, lambda d: d.status not in DEAL_CLOSED),
)

def _diligence_items(ctx: Any) -> list[tuple[str, str]]:
    from ttdesk.core.office import institution

    pol = institution.current_policy(ctx)
    return [(i.key, pick((i.zh, i.en), ctx.lang)) for i in diligence.items(pol)]


def _tick(ctx: Any, d: DealDetail, v: dict[str, Any]) -> None:
    diligence.tick(ctx, d.deal_no, str(v["item"]), v.get("on"), text_value(v, "by") or None,
                   text_value(v, "note"))


DEAL_RECORDS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "terms",
        QT_TRANSLATE_NOOP("CaseActions", "修改条款…"),
        lambda d: d.status in DEAL_BEFORE_APPROVAL,
        _terms,
        (
            FieldSpec(
                "title",
                QT_TRANSLATE_NOOP("CaseActions", "项目名称"),
                default=_term_defaults("title"),
            ),
            FieldSpec(
                "price",
                QT_TRANSLATE_NOOP("CaseActions", "价格（元）"),
                default=_term_defaults("price"),
            ),
            FieldSpec(
                "pricing_method",
                QT_TRANSLATE_NOOP("CaseActions", "定价方式"),
                "enum",
                enum=PricingMethod,
                blank=True,
                default=_term_defaults("pricing_method"),
            ),
            FieldSpec(
                "exchange_reference",
                QT_TRANSLATE_NOOP("CaseActions", "交易所/拍卖编号"),
                default=_term_defaults("exchange_reference"),
            ),
            FieldSpec(
                "payment_terms",
                QT_TRANSLATE_NOOP("CaseActions", "付款条件"),
                "multiline",
                default=_term_defaults("payment_terms"),
            ),
        ),
    ),
    *REGISTRATION_RECORDS,
    ActionSpec(
        "valuation",
        QT_TRANSLATE_NOOP("CaseActions", "评估/定价记录…"),
        lambda d: d.mode not in COOPERATION_MODES and d.status in DEAL_BEFORE_APPROVAL,
        _valuation,
        (
            FieldSpec(
                "appraised",
                QT_TRANSLATE_NOOP("CaseActions", "已进行资产评估"),
                "bool",
                ("valuation",),
            ),
            FieldSpec(
                "no_appraisal_reason", QT_TRANSLATE_NOOP("CaseActions", "不评估的理由"), "multiline"
            ),
            FieldSpec("firm", QT_TRANSLATE_NOOP("CaseActions", "评估机构")),
            FieldSpec("report_no", QT_TRANSLATE_NOOP("CaseActions", "报告编号")),
            FieldSpec(
                "base_date",
                QT_TRANSLATE_NOOP("CaseActions", "评估基准日"),
                "date",
                default=today_default,
            ),
            FieldSpec(
                "approach",
                QT_TRANSLATE_NOOP("CaseActions", "评估方法"),
                "enum",
                enum=ValuationApproach,
                blank=True,
            ),
            FieldSpec("appraised_value", QT_TRANSLATE_NOOP("CaseActions", "评估值（元）")),
            FieldSpec("agreed_value", QT_TRANSLATE_NOOP("CaseActions", "协议价（元）")),
        ),
    ),
    # due diligence (domain.md §6): each item of the policy's checklist ticked with date,
    # person and note; F04 needs every one
    ActionSpec(
        "diligence",
        QT_TRANSLATE_NOOP("CaseActions", "尽职调查核查…"),
        lambda d: d.mode not in COOPERATION_MODES and d.status in DEAL_BEFORE_APPROVAL,
        _tick,
        (
            FieldSpec("item", QT_TRANSLATE_NOOP("CaseActions", "核查项"), "pairs",
                      ("due_diligence",), pairs=_diligence_items),
            FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "核查日期"), "date",
                      default=today_default),
            FieldSpec("by", QT_TRANSLATE_NOOP("CaseActions", "核查人"),
                      default=lambda ctx, _d: ctx.actor),
            FieldSpec("note", QT_TRANSLATE_NOOP("CaseActions", "说明"), "multiline"),
        ),
    ),
    ActionSpec(
        "related",
        QT_TRANSLATE_NOOP("CaseActions", "关联关系申报…"),
        lambda d: d.status in DEAL_BEFORE_APPROVAL,
        lambda ctx, d, v: deals.declare_related_party(
            ctx, d.deal_no, text_value(v, "declaration"), v["on"]
        ),
        (
            FieldSpec(
                "declaration",
                QT_TRANSLATE_NOOP("CaseActions", "申报内容"),
                "multiline",
                ("related_party_declaration",),
            ),
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "加签审批日期"),
                "date",
                default=today_default,
            ),
        ),
    ),
    ActionSpec(
        "supervising",
        QT_TRANSLATE_NOOP("CaseActions", "主管部门审批…"),
        lambda d: d.status in DEAL_BEFORE_APPROVAL,
        lambda ctx, d, v: deals.record_supervising_approval(
            ctx, d.deal_no, text_value(v, "ref"), v["on"]
        ),
        (
            FieldSpec(
                "ref",
                QT_TRANSLATE_NOOP("CaseActions", "批复文号"),
                aliases=("supervising_approval",),
            ),
            FieldSpec(
                "on", QT_TRANSLATE_NOOP("CaseActions", "批复日期"), "date", default=today_default
            ),
        ),
    ),
)


def _create(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> str:
    return deals.create(
        ctx,
        deals.DealIn(
            title=text_value(v, "title"),
            mode=str(v["mode"]),
            achievements=[c.case_no],
            counterparty=v.get("counterparty") or None,
            pricing_method=v.get("pricing_method") or None,
            price=v.get("price") or None,
            payment_terms=v.get("payment_terms") or None,
        ),
    )


NEW_DEAL = ActionSpec(
    "new_deal",
    QT_TRANSLATE_NOOP("CaseActions", "新建转化项目…"),
    lambda c: True,
    _create,
    (
        FieldSpec(
            "title", QT_TRANSLATE_NOOP("CaseActions", "项目名称"), default=lambda ctx, c: c.title
        ),
        FieldSpec("mode", QT_TRANSLATE_NOOP("CaseActions", "转化方式"), "enum", enum=DealMode),
        FieldSpec("counterparty", QT_TRANSLATE_NOOP("CaseActions", "受让方/合作方"), "company"),
        FieldSpec(
            "pricing_method",
            QT_TRANSLATE_NOOP("CaseActions", "定价方式"),
            "enum",
            enum=PricingMethod,
            blank=True,
        ),
        FieldSpec("price", QT_TRANSLATE_NOOP("CaseActions", "价格（元）")),
        FieldSpec("payment_terms", QT_TRANSLATE_NOOP("CaseActions", "付款条件"), "multiline"),
    ),
)
