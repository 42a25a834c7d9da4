"""The 对接 area's forms as `ActionSpec`s (the dialog of `ui.case.actions`: a refusal stays in
the dialog under its field, nothing is saved). Companies through the company picker with
新建…; case numbers typed (several separated by commas or spaces)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ttdesk.codes import ActivityKind, DemandSource, MatchOutcome
from ttdesk.core.base.context import AppContext
from ttdesk.core.market import activities, demands, matches, promotion
from ttdesk.core.rules.statemachine import MATCH, MATCH_OPEN
from ttdesk.core.views import market as views
from ttdesk.ui.case.actions import ActionSpec, FieldSpec, text_value, today_default

C = "Market"


def case_nos(text: object) -> list[str]:
    """"CG-1, CG-2 CG-3" → the case numbers typed."""
    return [t for t in re.split(r"[\s,，、;；]+", str(text or "")) if t]


def _activity_pairs(ctx: AppContext) -> list[tuple[Any, str]]:
    return [(str(i), text) for i, text in views.market_choices(ctx).activities]


def _int_or_none(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _participants(value: object) -> int | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        from ttdesk.core.base.errors import RuleViolation

        raise RuleViolation("INPUT", "参加人数应为不小于 0 的整数",
                            "participants must be a whole number ≥ 0", field="participants")
    return int(text)


# ---- 需求 ---------------------------------------------------------------------------------
NEW_DEMAND = ActionSpec(
    "new_demand", QT_TRANSLATE_NOOP("CaseActions", "新建需求…"), lambda _r: True,
    lambda ctx, _r, v: demands.add_demand(ctx, demands.DemandIn(
        need=text_value(v, "need"), raised_on=v["raised_on"], source=str(v["source"]),
        credit_code=v.get("company") or None, field=text_value(v, "field"),
        park=text_value(v, "park"), note=text_value(v, "note"))),
    (
        FieldSpec("company", QT_TRANSLATE_NOOP("CaseActions", "企业"), "company",
                  ("credit_code", "company_id")),
        FieldSpec("need", QT_TRANSLATE_NOOP("CaseActions", "需求内容"), "multiline"),
        FieldSpec("field", QT_TRANSLATE_NOOP("CaseActions", "技术领域")),
        FieldSpec("raised_on", QT_TRANSLATE_NOOP("CaseActions", "提出日期"), "date",
                  default=today_default),
        FieldSpec("source", QT_TRANSLATE_NOOP("CaseActions", "需求来源"), "enum",
                  enum=DemandSource),
        FieldSpec("park", QT_TRANSLATE_NOOP("CaseActions", "园区")),
        FieldSpec("note", QT_TRANSLATE_NOOP("CaseActions", "备注"), "multiline"),
    ),
)

MATCH_DEMAND = ActionSpec(
    "match_demand", QT_TRANSLATE_NOOP("CaseActions", "对接成果…"), lambda r: r is not None,
    lambda ctx, r, v: matches.add_matches(ctx, r.id, case_nos(v.get("cases")),
                                          on=v["on"]),
    (
        FieldSpec("cases", QT_TRANSLATE_NOOP("CaseActions", "成果编号（可填多个）"),
                  aliases=("case_no",)),
        FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "接洽日期"), "date", ("contacted_on",),
                  default=today_default),
    ),
)

# ---- 推广清单 -----------------------------------------------------------------------------
PROMOTE = ActionSpec(
    "promote", QT_TRANSLATE_NOOP("CaseActions", "列入推广清单…"), lambda _r: True,
    lambda ctx, _r, v: promotion.promote(ctx, text_value(v, "case_no"),
                                         text_value(v, "summary"), v["on"],
                                         text_value(v, "park")),
    (
        FieldSpec("case_no", QT_TRANSLATE_NOOP("CaseActions", "成果编号"), aliases=("secrecy",)),
        FieldSpec("summary", QT_TRANSLATE_NOOP("CaseActions", "公开简介（不含涉密内容）"),
                  "multiline", ("public_summary",)),
        FieldSpec("park", QT_TRANSLATE_NOOP("CaseActions", "面向园区（空：全部园区）")),
        FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "列入日期"), "date", ("listed_on",),
                  default=today_default),
    ),
)

DELIST = ActionSpec(
    "delist", QT_TRANSLATE_NOOP("CaseActions", "移出推广清单…"), lambda r: r is not None,
    lambda ctx, r, v: promotion.delist(ctx, r.case_no, v["on"]),
    (FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "移出日期"), "date", ("delisted_on",),
               default=today_default),),
)

# ---- 对接 ---------------------------------------------------------------------------------
NEW_MATCH = ActionSpec(
    "new_match", QT_TRANSLATE_NOOP("CaseActions", "新建对接…"), lambda _r: True,
    lambda ctx, _r, v: matches.add_match(ctx, matches.MatchIn(
        text_value(v, "case_no"), credit_code=v.get("company") or None,
        activity_id=_int_or_none(v.get("activity")), on=v["on"],
        note=text_value(v, "note"))),
    (
        FieldSpec("case_no", QT_TRANSLATE_NOOP("CaseActions", "成果编号")),
        FieldSpec("company", QT_TRANSLATE_NOOP("CaseActions", "企业"), "company",
                  ("credit_code", "company_id")),
        FieldSpec("activity", QT_TRANSLATE_NOOP("CaseActions", "来自活动"), "pairs",
                  ("activity_id",), pairs=_activity_pairs, blank=True),
        FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "接洽日期"), "date", ("contacted_on",),
                  default=today_default),
        FieldSpec("note", QT_TRANSLATE_NOOP("CaseActions", "备注"), "multiline"),
    ),
)


def _next_stage(_ctx: AppContext, r: views.MatchRow) -> object:
    allowed = MATCH.get(r.outcome, frozenset())
    return next((s for s in MatchOutcome if s in allowed and s != MatchOutcome.DECLINED), None)


MOVE_MATCH = ActionSpec(
    "move_match", QT_TRANSLATE_NOOP("CaseActions", "推进阶段…"),
    lambda r: r is not None and r.outcome in MATCH_OPEN,
    lambda ctx, r, v: matches.move(ctx, r.id, str(v["stage"]), v["on"], text_value(v, "note")),
    (
        FieldSpec("stage", QT_TRANSLATE_NOOP("CaseActions", "进入阶段"), "enum",
                  ("outcome", "status"), enum=MatchOutcome, default=_next_stage),
        FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "日期"), "date",
                  tuple(matches.STAGE_DATE.values()), default=today_default),
        FieldSpec("note", QT_TRANSLATE_NOOP("CaseActions", "备注"), "multiline"),
    ),
)

# ---- 活动 ---------------------------------------------------------------------------------
NEW_ACTIVITY = ActionSpec(
    "new_activity", QT_TRANSLATE_NOOP("CaseActions", "新建活动…"), lambda _r: True,
    lambda ctx, _r, v: activities.add_activity(ctx, activities.ActivityIn(
        kind=str(v["kind"]), held_on=v["held_on"], title=text_value(v, "title"),
        place=text_value(v, "place"), participants=_participants(v.get("participants")),
        case_nos=case_nos(v.get("cases")), credit_codes=case_nos(v.get("companies")),
        note=text_value(v, "note"))),
    (
        FieldSpec("kind", QT_TRANSLATE_NOOP("CaseActions", "活动类型"), "enum",
                  enum=ActivityKind),
        FieldSpec("title", QT_TRANSLATE_NOOP("CaseActions", "活动名称")),
        FieldSpec("held_on", QT_TRANSLATE_NOOP("CaseActions", "举办日期"), "date",
                  default=today_default),
        FieldSpec("place", QT_TRANSLATE_NOOP("CaseActions", "地点")),
        FieldSpec("participants", QT_TRANSLATE_NOOP("CaseActions", "参加人数")),
        FieldSpec("cases", QT_TRANSLATE_NOOP("CaseActions", "展示成果（成果编号）"),
                  aliases=("case_no",)),
        FieldSpec("companies", QT_TRANSLATE_NOOP("CaseActions", "对接企业（统一社会信用代码）"),
                  aliases=("credit_code",)),
        FieldSpec("note", QT_TRANSLATE_NOOP("CaseActions", "备注"), "multiline"),
    ),
)
