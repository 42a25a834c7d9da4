"""The history tab of a case: its own audit events plus those of its deals, in words.

`CaseDetail.history` already holds the events of the case and its children (contributors,
funding, IP, grants and their publicity...). A case's story also runs through its deals:
their status changes, valuations and pricing publicity. This adds them, oldest first, and
turns each event's before/after values into a line an officer can read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import AuditAction, DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import (
    due_diligence_label,
    entity_label,
    field_label,
    join_words,
    label,
    pick,
    yes_no,
)
from ttdesk.core.base.privacy import is_hashed
from ttdesk.core.rules.money import format_money
from ttdesk.core.views.case_detail import CaseDetail, detail_in_session
from ttdesk.core.views.parts import HistoryEvent, history
from ttdesk.db.models import Base, Valuation
from ttdesk.db.types import Money

_ACTIONS = {"insert": ("新增", "added"), "update": ("修改", "changed"),
            "delete": ("删除", "deleted")}
_SKIP = {"id", "version", "achievement_id", "deal_id", "policy_number", "search_key"}
# Dict-valued columns whose keys have their own catalogue.
_ITEM_LABELS = {"due_diligence": due_diligence_label}


def _coded_columns() -> dict[tuple[str, str], type[StrEnum]]:
    """(table, column) -> code enum, read off the models: every coded column shows its label
    ("草拟 → 尽职调查", never "draft → due_diligence")."""
    out: dict[tuple[str, str], type[StrEnum]] = {}
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        for column in table.columns:
            enum_cls = getattr(column.type, "enum_class", None)
            if isinstance(enum_cls, type) and issubclass(enum_cls, StrEnum):
                out[(table.name, column.name)] = enum_cls
    out[("achievement", "intended_mode")] = DealMode  # a plain string column of mode codes
    return out


_CODED = _coded_columns()
# Foreign keys: (table, column) -> the table they point at, so "经办人: 3 → 5" can show names.
_POINTS_AT = {(m.local_table.name, c.name): fk.column.table.name
              for m in Base.registry.mappers for c in m.local_table.columns
              for fk in c.foreign_keys}
# Money columns show as money ("¥161,000.00"), not as the stored decimal string.
_MONEY = frozenset((m.local_table.name, c.name) for m in Base.registry.mappers
                   for c in m.local_table.columns if isinstance(c.type, Money))


@dataclass(frozen=True)
class HistoryLine:
    """One row of the history table."""

    at: datetime
    actor: str
    action: str
    what: str
    changes: str


def case_history(ctx: AppContext, c: CaseDetail) -> list[HistoryEvent]:
    """Events of the case (from its detail) and of its deals, oldest first."""
    if not c.deals:
        return list(c.history)
    with ctx.read() as s:
        return _with_deal_events(s, c)


def case_with_history(ctx: AppContext, case_no: str) -> tuple[CaseDetail, list[HistoryEvent]]:
    """The case's detail and its whole history (deals included) in one read."""
    with ctx.read() as s:
        detail = detail_in_session(s, case_no)
        return detail, _with_deal_events(s, detail)


def _with_deal_events(s: Session, c: CaseDetail) -> list[HistoryEvent]:
    deal_ids = [d.id for d in c.deals]
    if not deal_ids:
        return list(c.history)
    pubs = [p for d in c.deals for p in d.publicities]
    valuations = list(s.execute(
        select(Valuation.id).where(Valuation.deal_id.in_(deal_ids))).scalars())
    more = history(s, {
        "deal": deal_ids,
        "valuation": valuations,
        "publicity": [p.id for p in pubs],
        "objection": [o.id for p in pubs for o in p.objections],
    })
    seen = {e.id for e in c.history}
    return sorted([*c.history, *(e for e in more if e.id not in seen)], key=lambda e: e.id)


def _value(v: object, enum: type[StrEnum] | None = None, lang: str = "zh",
           key: str = "", money: bool = False) -> str:
    """A stored value in words: codes by their label, money as money, yes/no, lists joined,
    a dict item by item with its labels; long text cut short."""
    if v is None or v == "":
        return "—"
    if is_hashed(v):  # a personal value: the event keeps only its keyed hash
        return "（个人信息，不显示）" if lang == "zh" else "(personal data, not shown)"
    if money:
        try:
            return format_money(Decimal(str(v)))
        except ArithmeticError:
            pass
    if enum is not None:
        try:
            return label(enum(v), lang)
        except ValueError:
            pass
    if isinstance(v, bool):
        return yes_no(v, lang)
    if isinstance(v, list):
        return join_words([_value(x, enum, lang) for x in v], lang) or "—"
    if isinstance(v, dict):
        item = _ITEM_LABELS.get(key, field_label)
        return ("；" if lang == "zh" else "; ").join(
            f"{item(k, lang)}: {_value(x, None, lang)}" for k, x in v.items())
    text = str(v)
    return text if len(text) <= 40 else text[:39] + "…"


def _action_label(action: str, lang: str) -> str:
    try:
        return label(AuditAction(action), lang)
    except ValueError:
        return action


def _ids(ids: object) -> str:
    return join_words([f"#{i}" for i in ids], "zh") if isinstance(ids, list) else str(ids)


def _named(e: HistoryEvent, key: str, v: object,
           names: Mapping[tuple[str, int], str]) -> object:
    """A foreign key's value as the name of the record it points at, when known ("#5" else)."""
    target = _POINTS_AT.get((e.entity, key))
    if target is None or not isinstance(v, int):
        return v
    return names.get((target, v), f"#{v}")


def describe_changes(e: HistoryEvent, lang: str = "zh",
                     names: Mapping[tuple[str, int], str] | None = None) -> str:
    """"状态: 草拟 → 尽职调查; 价格: …" for an update; the key values for an insert/delete.

    `names` ((table, id) -> name, as `refs_of` gives) turns foreign keys into names."""
    changes = e.changes or {}
    names = names or {}
    parts = []
    if e.action == AuditAction.UPDATE:
        for key, ch in changes.items():
            if key in _SKIP or not isinstance(ch, dict):
                continue
            enum = _CODED.get((e.entity, key))
            money = (e.entity, key) in _MONEY
            before, after = (_named(e, key, ch.get(k), names) for k in ("before", "after"))
            if "added" in ch:
                parts.append(f"{field_label(key, lang)}: +{_ids(ch['added'])} "
                             f"−{_ids(ch['removed'])}")
            else:
                parts.append(f"{field_label(key, lang)}: "
                             f"{_value(before, enum, lang, key, money)}"
                             f" → {_value(after, enum, lang, key, money)}")
    else:
        snap = changes.get("after") or changes.get("before") or {}
        for key, v in snap.items():
            if key in _SKIP or key.endswith("_id") or v in (None, "", False):
                continue
            shown = _value(v, _CODED.get((e.entity, key)), lang, key, (e.entity, key) in _MONEY)
            parts.append(f"{field_label(key, lang)}: {shown}")
    return "; ".join(parts)


def refs_of(c: CaseDetail) -> dict[tuple[str, int], str]:
    """Names for records whose events carry no reference of their own (a contributor row
    is "T001 王海燕", an IP asset its application number...)."""
    out: dict[tuple[str, int], str] = {}
    out.update({("contribution", x.id): f"{x.staff_no} {x.name}" for x in c.contributors})
    out.update({("ip_asset", x.id): x.application_no for x in c.ip_assets})
    out.update({("funding_source", x.id): x.programme for x in c.funding})
    out.update({("rights_grant", x.id): f"#{x.id}" for x in c.rights_grants})
    # what foreign keys point at, for changes such as "经办人: 王老师 → 李老师"
    out.update({("person", x.person_id): x.name for x in c.contributors})
    if c.department_id is not None and c.department:
        out[("department", c.department_id)] = c.department
    if c.officer_id is not None and c.officer:
        out[("app_user", c.officer_id)] = c.officer
    return out


def lines(events: Sequence[HistoryEvent], lang: str = "zh",
          refs: Mapping[tuple[str, int], str] | None = None) -> list[HistoryLine]:
    """The table rows for `events`, newest first (what an officer looks for)."""
    out = []
    refs = refs or {}
    for e in reversed(events):
        action = e.action.value if hasattr(e.action, "value") else str(e.action)
        pair = _ACTIONS.get(action)
        act = pick(pair, lang) if pair else _action_label(action, lang)
        ref = e.entity_ref or refs.get((e.entity, e.entity_id))
        what = entity_label(e.entity, lang) + (f" {ref}" if ref else "")
        out.append(HistoryLine(e.at, e.actor, act, what, describe_changes(e, lang, refs)))
    return out
