"""Due diligence (尽职调查) of a deal: a checklist whose items come from the policy
(domain.md §6), each ticked with date, person and note. F04 needs every item ticked.

Stored in `Deal.due_diligence` as {item key: {"on": ISO date, "by": name, "note": text}}.
Records made before the checklist (imports, the first demo data) hold `True` / `False` per
item; `True` counts as ticked, without a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import due_diligence_label
from ttdesk.core.rules import policy
from ttdesk.core.rules.policy import Policy
from ttdesk.core.rules.statemachine import DEAL_BEFORE_APPROVAL

# Ticks may change until the approval is recorded; afterwards the checklist is what the
# approval was decided on.
OPEN_STATUSES = DEAL_BEFORE_APPROVAL


@dataclass(frozen=True)
class Item:
    key: str
    zh: str
    en: str


@dataclass(frozen=True)
class Row:
    """One line of a deal's checklist as the deal page, CLI and F04 show it."""

    key: str
    zh: str
    en: str
    done: bool
    on: date | None = None
    by: str | None = None
    note: str | None = None

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def items(pol: Policy) -> list[Item]:
    return [Item(str(i["key"]), str(i["zh"]), str(i.get("en") or i["zh"]))
            for i in pol.values.get("due_diligence_items") or []]


def _row(item: Item, value: Any) -> Row:
    if isinstance(value, dict):
        on = value.get("on")
        return Row(item.key, item.zh, item.en, True, date.fromisoformat(on) if on else None,
                   value.get("by") or None, value.get("note") or None)
    return Row(item.key, item.zh, item.en, value is True)


def rows(stored: dict[str, Any] | None, pol: Policy) -> list[Row]:
    """The policy's items in order, then any other item ticked under an earlier policy."""
    stored = stored or {}
    listed = items(pol)
    keys = {i.key for i in listed}
    extra = [Item(k, due_diligence_label(k, "zh"), due_diligence_label(k, "en"))
             for k, v in stored.items() if k not in keys and k != "started" and v]
    return [_row(i, stored.get(i.key)) for i in [*listed, *extra]]


def missing(stored: dict[str, Any] | None, pol: Policy) -> list[Row]:
    """The policy's items not ticked yet (F04 and the approval paper need none)."""
    return [r for r in rows(stored, pol)[:len(items(pol))] if not r.done]


def checklist(ctx: AppContext, deal_no: str) -> list[Row]:
    with ctx.read() as s:
        return rows(lookup.deal(s, deal_no).due_diligence, policy.current(s))


@requires(Act.CASE_WORK)
def tick(ctx: AppContext, deal_no: str, key: str, on: date | None = None,
         by: str | None = None, note: str | None = None, done: bool = True) -> None:
    """Tick (or, with done=False, untick) one item: one unit of work."""
    with ctx.write() as s:
        deal = lookup.deal(s, deal_no)
        known = {i.key: i for i in items(policy.current(s))}
        if key not in known:
            names = "、".join(f"{i.key}（{i.zh}）" for i in known.values())
            raise RuleViolation("INPUT", f"“{key}”不是尽职调查清单项（可选：{names}）",
                                f"{key!r} is not a due-diligence item (one of: "
                                f"{', '.join(known)})", "item", deal_no)
        if deal.status not in OPEN_STATUSES:
            raise RuleViolation("STATUS", "审批记录后尽职调查清单不可再修改",
                                "the due-diligence checklist is fixed once approved",
                                "due_diligence", deal_no)
        stored = dict(deal.due_diligence or {})
        if not done:
            stored.pop(key, None)
        else:
            day = on or ctx.today()
            if day > ctx.today():
                raise RuleViolation("R12", f"核查日期（{day}）不能晚于今天",
                                    f"the check date ({day}) cannot be in the future",
                                    "on", deal_no)
            stored[key] = {"on": day.isoformat(), "by": (by or ctx.actor).strip(),
                           "note": (note or "").strip()}
        deal.due_diligence = stored  # a new dict: the JSON column sees the change
