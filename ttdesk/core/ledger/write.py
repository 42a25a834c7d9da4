"""Writing a checked plan in the caller's unit of work: rows in batches through the demo's
bulk writer (executemany in stored form on SQLite, Core elsewhere) with their hash-chained
audit events ("insert", the row as "after"), progress and cancel between batches."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from ttdesk import codes as E
from ttdesk.core.base.bulkwrite import BulkWriter, Cancelled, snapshot
from ttdesk.core.exchange.bulk import new_ids
from ttdesk.core.ledger.build import LedgerCancelled, Plan
from ttdesk.core.ledger.plan import CaseOut, DealOut
from ttdesk.db import models as M
from ttdesk.db.types import utcnow

_REF_KEYS = ("case_no", "deal_no", "credit_code", "staff_no")


def _template(table: Table, now: Any) -> dict[str, Any]:
    """The timestamps of a new row; the bulk writer fills the other columns' defaults, and
    a column left out is stored empty (and left out of the audit event, as it would be)."""
    return {c: now for c in ("created_at", "updated_at") if c in table.c}


_ENUMS = frozenset(c for c in vars(E).values() if isinstance(c, type) and issubclass(c, Enum))


def _full(template: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    row = dict(template)
    for key, v in values.items():
        row[key] = v._value_ if v.__class__ in _ENUMS else v
    return row


class Writer:
    def __init__(self, session: Session, plan: Plan,
                 progress: Callable[[float, str], None] | None,
                 cancel: Callable[[], bool] | None, start: float) -> None:
        self.s, self.plan = session, plan
        # whole minutes: the bulk writer stores audit times in that form
        self.now = utcnow().replace(second=0, microsecond=0)
        self.counts: dict[str, int] = {}
        d = plan.directory
        rows = (len(plan.cases) + sum(len(c.people) for c in plan.cases)
                + sum(1 + len(x.case_keys) + len(x.receipts) + (x.equity is not None)
                      for x in plan.deals)
                + (len(d.new_depts) + len(d.new_people) + len(d.new_companies) if d else 0))
        outer = progress

        def scaled(fraction: float, message: str) -> None:
            if outer is not None:  # the bulk writer reports 0.1 → 0.98 of its own work
                outer(start + (1 - start) * min(1.0, max(0.0, fraction - 0.1) / 0.88),
                      f"写入 / writing {message}")

        self.bulk = BulkWriter(session, session.info.get("actor", "system"), scaled, cancel,
                               rows)

    def insert(self, model: Any, values: list[dict[str, Any]], name: str) -> list[int]:
        if not values:
            return []
        table: Table = model if isinstance(model, Table) else model.__table__
        template = _template(table, self.now)
        rows = [_full(template, v) for v in values]
        if "id" in table.c:
            ids = new_ids(self.s, table, len(rows))
            for row, new_id in zip(rows, ids, strict=True):
                row["id"] = new_id
        else:
            ids = [row[table.primary_key.columns.values()[0].name] for row in rows]
        try:
            self.bulk.insert(table.name, rows, audited=False)
        except Cancelled:
            raise LedgerCancelled() from None
        ref = next((k for k in _REF_KEYS if k in table.c), None)
        for row, row_id in zip(rows, ids, strict=True):
            self.bulk.update_event(self.now, table.name, row_id, row[ref] if ref else None,
                                   {"after": snapshot(row)})
        self.counts[name] = self.counts.get(name, 0) + len(rows)
        return ids

    def finish(self) -> None:
        try:
            self.bulk.write_audit()
        except Cancelled:
            raise LedgerCancelled() from None

    def run(self) -> dict[str, int]:
        d = self.plan.directory
        assert d is not None
        depts = list(d.new_depts.items())
        for (name, _code), new_id in zip(depts, self.insert(
                M.Department, [{"code": code, "name": name} for name, code in depts],
                "departments"), strict=True):
            d.dept_ids[name] = new_id
        people = list(d.new_people.items())
        ids = self.insert(M.Person, [{"staff_no": no, "name": name,
                                      "department_id": d.dept_ids.get(dept or "")}
                                     for no, (name, dept) in people], "people")
        for (no, _), new_id in zip(people, ids, strict=True):
            d.person_ids[no] = new_id
        comps = list(d.new_companies.values())
        ids = self.insert(M.Company, [dict(c.values, name=c.name, credit_code=c.credit_code,
                                           is_imported=True, version=1) for c in comps],
                          "companies")
        for c, new_id in zip(comps, ids, strict=True):
            d.company_ids[c.credit_code] = new_id
        case_ids = self._cases(self.plan.cases)
        self._deals(self.plan.deals, case_ids)
        self.finish()
        return self.counts

    def _cases(self, cases: list[CaseOut]) -> dict[int, int]:
        d = self.plan.directory
        assert d is not None
        rows = [{
            "case_no": c.case_no, "title": c.title, "title_en": c.values.get("title_en"),
            "kind": c.kind, "field": c.values.get("field"),
            "department_id": d.dept_ids.get(c.department or ""),
            "disclosure_date": c.disclosure_date, "abstract": c.values.get("abstract"),
            "trl": c.values.get("trl"), "research_stage": c.values["research_stage"],
            "secrecy": c.values["secrecy"], "status": c.status, "is_imported": True,
            "release_reason": c.values.get("release_reason"),
            "version": 1} for c in cases]
        ids = self.insert(M.Achievement, rows, "achievements")
        by_obj = {id(c): new_id for c, new_id in zip(cases, ids, strict=True)}
        self.insert(M.Contribution, [
            {"achievement_id": by_obj[id(c)], "person_id": d.person_ids[p.staff_no or ""],
             "share": p.share, "role": p.role}
            for c in cases for p in c.people], "contributions")
        self.insert(M.IPAsset, [
            {"achievement_id": by_obj[id(c)], "kind": ip_kind(c.kind),
             "jurisdiction": jurisdiction(no), "application_no": no,
             "status": E.IPStatus.PENDING}
            for c in cases for no in c.values.get("application_nos", [])], "ip_assets")
        return by_obj

    def _deals(self, deals: list[DealOut], case_ids: dict[int, int]) -> None:
        d = self.plan.directory
        assert d is not None
        rows = []
        for x in deals:
            first = x.case_keys[0] if x.case_keys else None
            title = x.title or (first.title if isinstance(first, CaseOut) else None) \
                or x.deal_no
            rows.append({
                "deal_no": x.deal_no, "title": title, "mode": x.mode,
                "counterparty_id": d.company_ids.get(x.credit_code or ""),
                "pricing_method": x.pricing_method, "price": x.price,
                "signing_date": x.signing_date, "registration_no": x.registration_no,
                "registration_date": x.registration_date,
                "status": x.status or _status(x), "is_imported": True, "version": 1})
        ids = self.insert(M.Deal, rows, "deals")
        links = []
        for x, deal_id in zip(deals, ids, strict=True):
            for k in x.case_keys:
                ach = case_ids[id(k)] if isinstance(k, CaseOut) \
                    else self.plan.existing_case_ids[k]
                links.append({"deal_id": deal_id, "achievement_id": ach})
        self.insert(M.deal_achievement, links, "deal_links")
        self.insert(M.Receipt, [
            {"deal_id": deal_id, "received_on": r.received_on, "amount": r.amount,
             "kind": r.kind, "invoice_no": r.invoice_no}
            for x, deal_id in zip(deals, ids, strict=True) for r in x.receipts], "receipts")
        self.insert(M.EquityEvent, [
            {"company_id": d.company_ids[x.credit_code or ""], "deal_id": deal_id,
             "kind": E.EquityEventKind.FORMATION, "happened_on": x.signing_date,
             "amount": x.price, "percentage": x.equity}
            for x, deal_id in zip(deals, ids, strict=True)
            if x.equity is not None and x.signing_date and x.credit_code in d.company_ids],
            "equity_events")


_IP_KINDS = {k.value for k in E.IPKind}


def ip_kind(kind: E.AchievementKind) -> E.IPKind:
    """The IP kind a ledger's application number stands for, from the achievement's kind."""
    return E.IPKind(kind.value) if kind.value in _IP_KINDS else E.IPKind.OTHER


def jurisdiction(application_no: str) -> str:
    """CN unless the number says otherwise (PCT/CN2024/..., US17/123,456, EP2024...)."""
    head = application_no[:3].upper()
    if head == "PCT":
        return "PCT"
    if head[:2].isalpha() and head[:2].isascii() and head[:2] not in ("CN", "ZL"):
        return head[:2]
    return "CN"


def _status(x: DealOut) -> E.DealStatus:
    from ttdesk.core.ledger.plan import implied_deal_status

    return implied_deal_status(x)
