"""The actions of a case (achievement status machine) and of its rights grants (赋权)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import GrantForm
from ttdesk.codes import GrantStatus as G
from ttdesk.core.cases import achievements, rights
from ttdesk.core.rules.statemachine import CASE_OPEN
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.parts import GrantRow
from ttdesk.core.views.stepper import achievement_targets, grant_targets
from ttdesk.ui.case.actions import (
    ActionSpec,
    FieldSpec,
    manager_spec,
    publicity_specs,
    text_value,
    today_default,
)


def _move(target: A) -> Any:
    def run(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> None:
        achievements.transition(
            ctx, c.case_no, target.value, v.get("reason"), expected_version=c.version
        )

    return run


def _can(target: A) -> Any:
    return lambda c: target in achievement_targets(c.status)


def _back_to_marketing(c: CaseDetail) -> bool:
    return c.status == A.CONVERTING and A.MARKETING in achievement_targets(c.status)


def _to_marketing(c: CaseDetail) -> bool:
    return c.status != A.CONVERTING and A.MARKETING in achievement_targets(c.status)


ON = FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "日期"), "date", default=today_default)

CASE_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "assess",
        QT_TRANSLATE_NOOP("CaseActions", "开始评估"),
        _can(A.ASSESSING),
        _move(A.ASSESSING),
    ),
    ActionSpec(
        "protect",
        QT_TRANSLATE_NOOP("CaseActions", "进入保护"),
        _can(A.PROTECTING),
        _move(A.PROTECTING),
    ),
    ActionSpec(
        "market", QT_TRANSLATE_NOOP("CaseActions", "进入推广"), _to_marketing, _move(A.MARKETING)
    ),
    ActionSpec(
        "convert",
        QT_TRANSLATE_NOOP("CaseActions", "进入转化"),
        _can(A.CONVERTING),
        _move(A.CONVERTING),
    ),
    ActionSpec(
        "converted",
        QT_TRANSLATE_NOOP("CaseActions", "确认已转化"),
        _can(A.CONVERTED),
        _move(A.CONVERTED),
    ),
    ActionSpec(
        "back", QT_TRANSLATE_NOOP("CaseActions", "退回推广"), _back_to_marketing, _move(A.MARKETING)
    ),
    ActionSpec(
        "archive", QT_TRANSLATE_NOOP("CaseActions", "归档"), _can(A.ARCHIVED), _move(A.ARCHIVED)
    ),
    ActionSpec(
        "release",
        QT_TRANSLATE_NOOP("CaseActions", "放弃…"),
        _can(A.RELEASED),
        _move(A.RELEASED),
        (FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "放弃理由"), "multiline"),),
    ),
    # an archived case is read-only until reopened with a reason (domain.md §6)
    ActionSpec(
        "reopen",
        QT_TRANSLATE_NOOP("CaseActions", "重新打开…"),
        lambda c: c.status == A.ARCHIVED,
        lambda ctx, c, v: achievements.reopen(
            ctx, c.case_no, text_value(v, "reason"), expected_version=c.version
        ),
        (FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "重新打开理由"), "multiline"),),
    ),
    manager_spec("case", lambda c: c.case_no, lambda c: c.status in CASE_OPEN),
)


# ---- rights grants ----------------------------------------------------------------------


def _g(target: G) -> Any:
    return lambda g: target in grant_targets(g.status)


GRANT_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "college_review",
        QT_TRANSLATE_NOOP("CaseActions", "院系审核…"),
        _g(G.COLLEGE_REVIEWED),
        lambda ctx, g, v: rights.college_review(ctx, g.id, v["on"], text_value(v, "opinion")),
        (ON, FieldSpec("opinion", QT_TRANSLATE_NOOP("CaseActions", "审核意见"))),
    ),
    ActionSpec(
        "tto_review",
        QT_TRANSLATE_NOOP("CaseActions", "转移机构审核…"),
        _g(G.TTO_REVIEWED),
        lambda ctx, g, v: rights.tto_review(ctx, g.id, v["on"], text_value(v, "opinion")),
        (
            ON,
            FieldSpec(
                "opinion",
                QT_TRANSLATE_NOOP("CaseActions", "审核意见"),
                aliases=("consent_recorded", "plan_attached"),
            ),
        ),
    ),
    # objection -> in publicity happens by resolving the objection, not by a new notice
    *publicity_specs(
        rights, lambda g: g.id,
        lambda g: g.status != G.OBJECTION and G.IN_PUBLICITY in grant_targets(g.status),
        _g(G.OBJECTION), lambda g: g.status == G.OBJECTION,
        QT_TRANSLATE_NOOP("CaseActions", "异议成立（不予赋权）"), ("start_date",)),
    ActionSpec(
        "approve",
        QT_TRANSLATE_NOOP("CaseActions", "记录批准…"),
        _g(G.APPROVED),
        lambda ctx, g, v: rights.approve(
            ctx, g.id, text_value(v, "body"), v["on"], text_value(v, "minutes_no")
        ),
        (
            FieldSpec(
                "body", QT_TRANSLATE_NOOP("CaseActions", "决策机构"), aliases=("decision_body",)
            ),
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "决策日期"),
                "date",
                ("decision_date", "publicity"),
                default=today_default,
            ),
            FieldSpec("minutes_no", QT_TRANSLATE_NOOP("CaseActions", "纪要编号")),
        ),
    ),
    ActionSpec(
        "agreement",
        QT_TRANSLATE_NOOP("CaseActions", "签订协议…"),
        _g(G.AGREEMENT_SIGNED),
        lambda ctx, g, v: rights.sign_agreement(ctx, g.id, text_value(v, "agreement_no"), v["on"]),
        (
            FieldSpec("agreement_no", QT_TRANSLATE_NOOP("CaseActions", "协议编号")),
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "协议日期"),
                "date",
                ("agreement_date",),
                default=today_default,
            ),
        ),
    ),
    ActionSpec(
        "title_change",
        QT_TRANSLATE_NOOP("CaseActions", "变更登记…"),
        _g(G.TITLE_CHANGED),
        lambda ctx, g, v: rights.change_title(ctx, g.id, v["on"]),
        (
            FieldSpec(
                "on",
                QT_TRANSLATE_NOOP("CaseActions", "变更登记日期"),
                "date",
                ("title_change_date",),
                default=today_default,
            ),
        ),
    ),
    ActionSpec(
        "reject",
        QT_TRANSLATE_NOOP("CaseActions", "不予通过…"),
        _g(G.REJECTED),
        lambda ctx, g, v: rights.reject(ctx, g.id, text_value(v, "reason")),
        (FieldSpec("reason", QT_TRANSLATE_NOOP("CaseActions", "理由"), "multiline"),),
    ),
)


def _apply(ctx: Any, c: CaseDetail, v: dict[str, Any]) -> int:
    share = v.get("team_share") or None
    years = int(v["term_years"]) if str(v.get("term_years") or "").isdigit() else None
    return rights.apply(
        ctx,
        c.case_no,
        rights.GrantIn(
            form=str(v["form"]),
            application_date=v["application_date"],
            team_share=share,
            term_years=years,
            representative=v.get("representative") or None,
            plan_attached=bool(v["plan_attached"]),
            plan_summary=v.get("plan_summary") or None,
            consent_recorded=bool(v["consent_recorded"]),
        ),
    )


APPLY_GRANT = ActionSpec(
    "apply_grant",
    QT_TRANSLATE_NOOP("CaseActions", "申请赋权…"),
    lambda c: all(g.status == G.REJECTED for g in c.rights_grants),
    _apply,
    (
        FieldSpec("form", QT_TRANSLATE_NOOP("CaseActions", "赋权方式"), "enum", enum=GrantForm),
        FieldSpec("team_share", QT_TRANSLATE_NOOP("CaseActions", "团队份额（%，共有时）")),
        FieldSpec("term_years", QT_TRANSLATE_NOOP("CaseActions", "使用期限（年，长期使用权时）")),
        FieldSpec(
            "representative",
            QT_TRANSLATE_NOOP("CaseActions", "团队代表"),
            "person",
            aliases=("staff_no",),
        ),
        FieldSpec(
            "application_date",
            QT_TRANSLATE_NOOP("CaseActions", "申请日期"),
            "date",
            default=today_default,
        ),
        FieldSpec("plan_attached", QT_TRANSLATE_NOOP("CaseActions", "已附转化方案"), "bool"),
        FieldSpec("plan_summary", QT_TRANSLATE_NOOP("CaseActions", "方案摘要"), "multiline"),
        FieldSpec(
            "consent_recorded", QT_TRANSLATE_NOOP("CaseActions", "已记录全体完成人同意"), "bool"
        ),
    ),
)


def grant_label(g: GrantRow, lang: str) -> str:
    from ttdesk.core.base.labels import label

    return f"#{g.id} {label(g.form, lang)} · {label(g.status, lang)}"
