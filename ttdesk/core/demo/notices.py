"""Publicity notices (公示) with their objections, and generated deadlines (待办)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, days, stamp
from ttdesk.core.rules.workdays import publicity_end


def publicity_dates(g: Gen, start: date) -> tuple[str, date]:
    """Day kind and last day of a publicity starting on `start` (R5 counting); a working-day
    policy falls back to calendar days in a year without an official holiday calendar."""
    kind = g.policy.publicity_day_kind
    if kind == "working":
        try:
            return kind, publicity_end(start, g.policy.publicity_days, "working", g.calendar)
        except RuleViolation:
            kind = "calendar"
    return kind, publicity_end(start, g.policy.publicity_days, "calendar")


def add_publicity(g: Gen, subject: str, subject_id: int, start: date, ref: str, *,
                  result: str | None = None, closed_on: date | None = None,
                  objection: dict[str, Any] | None = None) -> date:
    """One publicity of `subject` ("rights_grant", "deal" or "distribution"); returns its
    last day. `objection` adds an objection raised during it (open unless resolved)."""
    kind, end = publicity_dates(g, start)
    pub_id = g.store.new_id("publicity")
    row = {"id": pub_id, "subject": subject, "rights_grant_id": None, "deal_id": None,
           "distribution_id": None, "channel": g.one(vocab.PUBLICITY_CHANNELS),
           "start_date": start, "days": g.policy.publicity_days, "day_kind": kind,
           "end_date": end, "result": result, "closed_on": closed_on,
           "policy_number": g.policy.number or None, "_at": stamp(start, pub_id)}
    row[f"{subject}_id"] = subject_id
    if closed_on is not None:
        row["updated_at"] = stamp(closed_on, pub_id)
    g.store.add("publicity", row)
    if objection is not None:
        raised = objection["raised_on"]
        g.store.add("objection", {
            "publicity_id": pub_id, "raised_by": g.one(vocab.OBJECTORS),
            "raised_on": raised, "content": g.one(vocab.OBJECTION_TEXTS),
            "resolution": objection.get("resolution"),
            "resolved_on": objection.get("resolved_on"), "upheld": objection.get("upheld"),
            "_at": stamp(raised, pub_id)})
    add_deadline(g, f"publicity:{pub_id}:end", end, "publicity_end", f"公示期结束：{ref}",
                 "publicity", pub_id, ref, done_on=closed_on)
    return end


def add_deadline(g: Gen, key: str | None, due: date, kind: str, title: str,
                 subject_type: str | None, subject_id: int | None, ref: str | None, *,
                 done_on: date | None = None, created: date | None = None) -> None:
    if key is not None:
        if key in g.rule_keys:
            return  # raised before (e.g. by the services): regenerating never duplicates
        g.rule_keys.add(key)
    created = min(created or due, g.today)
    if done_on is not None:
        created = min(created, done_on)
    g.store.add("deadline", {
        "due_date": due, "kind": kind, "subject_type": subject_type,
        "subject_id": subject_id, "subject_ref": ref, "title": title, "rule_key": key,
        "done": done_on is not None, "done_on": done_on, "snoozed_until": None,
        "_at": stamp(created, subject_id or 0),
        "updated_at": stamp(done_on, subject_id or 0) if done_on else None})


def objection_open(g: Gen, raised: date) -> dict[str, Any]:
    return {"raised_on": raised}


def objection_closed(g: Gen, raised: date, upheld: bool) -> dict[str, Any]:
    resolved = min(g.today, raised + days(g.ri(5, 20)))
    return {"raised_on": raised, "resolved_on": resolved, "upheld": upheld,
            "resolution": "经核实，异议成立" if upheld else "经核实，异议不成立，予以驳回"}
