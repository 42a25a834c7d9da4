"""Writing a checked plan: audited bulk inserts (ttdesk.core.exchange.bulk) in the caller's
unit of work, in batches with progress and cancel between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from ttdesk.core.exchange.bulk import insert_rows
from ttdesk.core.ledger.build import LedgerCancelled, Plan
from ttdesk.core.ledger.plan import CaseOut, DealOut
from ttdesk.db import enums as E
from ttdesk.db import models as M
from ttdesk.db.types import utcnow

BATCH = 2000


def _full(table: Table, values: dict[str, Any], now: Any) -> dict[str, Any]:
    """Every column but the id: given, else its scalar default, else None."""
    row: dict[str, Any] = {}
    for col in table.columns:
        if col.name == "id":
            continue
        if col.name in values:
            row[col.name] = values[col.name]
        elif col.name in ("created_at", "updated_at"):
            row[col.name] = now
        elif col.default is not None and getattr(col.default, "is_scalar", False):
            row[col.name] = col.default.arg  # type: ignore[attr-defined]
        else:
            row[col.name] = None
    return row


class Writer:
    def __init__(self, session: Session, plan: Plan,
                 progress: Callable[[float, str], None] | None,
                 cancel: Callable[[], bool] | None, start: float) -> None:
        self.s, self.plan, self.progress, self.cancel = session, plan, progress, cancel
        self.now = utcnow()
        self.counts: dict[str, int] = {}
        self.start = start
        self.total = max(1, len(plan.cases) * 3 + len(plan.deals) * 2)
        self.done = 0

    def _step(self, n: int, what: str) -> None:
        if self.cancel is not None and self.cancel():
            raise LedgerCancelled()
        self.done += n
        if self.progress is not None:
            frac = self.start + (1 - self.start) * min(1.0, self.done / self.total)
            self.progress(frac, f"写入 / writing {what}")

    def insert(self, model: Any, rows: list[dict[str, Any]], name: str) -> list[int]:
        table = model if isinstance(model, Table) else model.__table__
        ids: list[int] = []
        for i in range(0, len(rows), BATCH):
            part = [_full(table, r, self.now) for r in rows[i:i + BATCH]]
            ids += insert_rows(self.s, table, part)
            self._step(len(part), name)
        if rows:
            self.counts[name] = self.counts.get(name, 0) + len(rows)
        return ids

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
            "version": 1} for c in cases]
        ids = self.insert(M.Achievement, rows, "achievements")
        by_obj = {id(c): new_id for c, new_id in zip(cases, ids, strict=True)}
        self.insert(M.Contribution, [
            {"achievement_id": by_obj[id(c)], "person_id": d.person_ids[p.staff_no or ""],
             "share": p.share, "role": p.role}
            for c in cases for p in c.people], "contributions")
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


def _status(x: DealOut) -> E.DealStatus:
    from ttdesk.core.ledger.plan import implied_deal_status

    return implied_deal_status(x)
