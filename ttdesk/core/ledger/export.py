"""`export_ledger`: the ledger as Excel, in the layout `import_ledger` reads back.

The achievements sheet has the policy's `ledger_columns` (case number, title and disclosure
date always), then one sheet each for contributors, deals, receipts and companies, so that
export → import into an empty database gives the same ledger data back. Enum values are
written as their Chinese labels, dates as date cells, money in yuan as numbers, percentages
as fractions with a percent format (33.33% is stored 0.3333, as Excel does).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import AchievementStatus
from ttdesk.core.base import labels
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.spreadsheet import data_cell, finish_sheet, start_sheet
from ttdesk.core.ledger.build import LedgerCancelled
from ttdesk.core.ledger.catalog import (
    ACHIEVEMENTS,
    COMPANIES,
    CONTRIBUTORS,
    DATE,
    DEALS,
    FIELD_BY_NAME,
    MONEY,
    PCT,
    RECEIPTS,
    SHEET_LABELS,
)
from ttdesk.core.money import income
from ttdesk.core.office.output import atomic_file, check_output
from ttdesk.core.rules import policy
from ttdesk.core.views.cases import CaseFilter, CaseSort, ids_in_session
from ttdesk.db import models as M

CHUNK = 900
_ALWAYS = ("case_no", "title", "disclosure_date")
# kept on a round trip whatever the policy's columns: a released case's reason and the IP
# application numbers (the status rules ask for them)
_AFTER = ("release_reason", "application_nos")


@dataclass
class ExportSummary:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _header(sheet: str, name: str) -> str:
    f = FIELD_BY_NAME[sheet][name]
    if f.kind == MONEY:
        return f"{f.zh}（元）"
    if f.kind == PCT:
        return f"{f.zh}（%）"
    return f.zh


def achievement_columns(columns: Sequence[str]) -> list[str]:
    """The policy's ledger columns that the achievements sheet knows, the key ones first."""
    known = FIELD_BY_NAME[ACHIEVEMENTS]
    out = [c for c in _ALWAYS if c not in columns]
    out += [c for c in columns if c in known and c not in out]
    out += [c for c in _AFTER if c not in out]
    return out


SHEETS = {
    CONTRIBUTORS: ["case_no", "staff_no", "name", "department", "share", "role"],
    DEALS: ["deal_no", "case_nos", "title", "mode", "counterparty", "credit_code",
            "pricing_method", "price", "signing_date", "status", "registration_no",
            "registration_date", "equity"],
    RECEIPTS: ["deal_no", "received_on", "amount", "kind", "invoice_no"],
    COMPANIES: ["name", "credit_code", "registration_date", "registered_capital",
                "legal_representative", "region", "is_spinoff", "address"],
}


class _Sheet:
    def __init__(self, wb: Any, kind: str, cols: list[str]) -> None:
        from openpyxl.cell import WriteOnlyCell

        self.kind, self.cols, self.n = kind, cols, 0
        self._cell = WriteOnlyCell
        kinds = FIELD_BY_NAME[kind]
        self.fmt = {i: {DATE: "yyyy-mm-dd", MONEY: "#,##0.00", PCT: "0.00##%"}.get(
            kinds[c].kind) for i, c in enumerate(cols)}
        # widths, bold frozen header (set before the first row: a write-only sheet writes
        # them first); the autofilter once the rows are counted (`finish`)
        widths = [30 if c in ("title", "counterparty", "name", "contributors") else 14
                  for c in cols]
        self.ws = start_sheet(wb, SHEET_LABELS[kind][0], [_header(kind, c) for c in cols],
                              widths)

    def finish(self) -> None:
        finish_sheet(self.ws, len(self.cols), self.n)

    def add(self, values: dict[str, Any]) -> None:
        row = []
        for i, c in enumerate(self.cols):
            v = values.get(c)
            if isinstance(v, Decimal):
                v = float(v / 100) if self.kind and FIELD_BY_NAME[self.kind][c].kind == PCT \
                    else float(v)
            fmt = self.fmt[i]
            if fmt and v is not None:
                cell = self._cell(self.ws, v)
                cell.number_format = fmt
                row.append(cell)
            else:
                row.append(data_cell(self.ws, v))
        self.ws.append(row)
        self.n += 1


def _letter(i: int) -> str:
    from ttdesk.core.ledger.mapping import get_column_letter

    return get_column_letter(i)


def _lab(value: Any) -> str | None:
    return labels.label(value) if value is not None else None


def export_ledger(ctx: AppContext, path: str | Path, *, status: str | None = None,
                  year: int | None = None, search: str | None = None,
                  progress: Callable[[float, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None,
                  force: bool = False) -> ExportSummary:
    """Write the cases matching the filter (all by default) and their deals as a ledger.
    `force`: overwrite an existing file (the person agreed); see `check_output`."""
    import openpyxl

    started = time.perf_counter()
    wanted = _status(status) if status else None
    out = ExportSummary(check_output(path, db=ctx.db, force=force))
    wb = openpyxl.Workbook(write_only=True)
    with ctx.read() as s:
        pol = policy.current(s)
        cols = achievement_columns(pol["ledger_columns"])
        f = CaseFilter(status=wanted, year=year, search=search or None,
                       sort=CaseSort.CASE_NO, descending=False)
        ids = ids_in_session(s, f)
        sheets = {ACHIEVEMENTS: _Sheet(wb, ACHIEVEMENTS, cols)}
        for kind, kcols in SHEETS.items():
            sheets[kind] = _Sheet(wb, kind, kcols)
        companies: set[int] = set()
        written: set[int] = set()
        for i in range(0, len(ids), CHUNK):
            if cancel is not None and cancel():
                raise LedgerCancelled()
            _write_chunk(s, ids[i:i + CHUNK], sheets, companies, written)
            if progress is not None:
                progress(min(1.0, (i + CHUNK) / max(len(ids), 1)) * 0.95,
                         f"导出 / exporting {min(i + CHUNK, len(ids))}/{len(ids)}")
        _companies(s, sorted(companies), sheets[COMPANIES])
        for sheet in sheets.values():
            sheet.finish()
    with atomic_file(out.path) as temp:
        wb.save(temp)
    out.counts = {k: sh.n for k, sh in sheets.items()}
    out.seconds = time.perf_counter() - started
    if progress is not None:
        progress(1.0, "完成 / done")
    return out


def _status(text: str) -> AchievementStatus:
    """A status by its code or its Chinese/English label; refused (located) otherwise."""
    try:
        return labels.parse(AchievementStatus, text)
    except ValueError:
        valid = "、".join(f"{code}（{zh}）" for code, zh in labels.choices(AchievementStatus))
        raise RuleViolation("INPUT", f"未知的状态“{text}”（可选：{valid}）",
                            f"unknown status {text!r} (one of: "
                            f"{', '.join(m.value for m in AchievementStatus)})",
                            field="status") from None


def _write_chunk(s: Session, ids: Sequence[int], sheets: dict[str, _Sheet],
                 companies: set[int], written: set[int]) -> None:
    A, D, DA = M.Achievement, M.Deal, M.deal_achievement
    cases = {a.id: a for a in s.execute(select(A).where(A.id.in_(ids))).scalars()}
    depts = {d.id: d.name for d in s.execute(select(M.Department)).scalars()}
    deal_ids = sorted(set(s.execute(select(DA.c.deal_id).where(DA.c.achievement_id.in_(ids)))
                          .scalars()) - written)
    deals = {d.id: d for d in s.execute(select(D).where(D.id.in_(deal_ids))).scalars()}
    cases_of: dict[int, list[int]] = defaultdict(list)
    by_case: dict[int, list[M.Deal]] = defaultdict(list)
    for a_id, d_id in s.execute(select(DA.c.achievement_id, DA.c.deal_id)
                                .where(DA.c.deal_id.in_(deal_ids))
                                .order_by(DA.c.achievement_id)).all():
        cases_of[d_id].append(a_id)
        by_case[a_id].append(deals[d_id])
    case_nos = dict(s.execute(select(A.id, A.case_no).where(
        A.id.in_({a for v in cases_of.values() for a in v}))).all())
    income, equity = _income(s, deal_ids), _equity(s, deal_ids)
    party_ids = {d.counterparty_id for d in deals.values() if d.counterparty_id}
    party = {c.id: c for c in s.execute(select(M.Company).where(M.Company.id.in_(party_ids)))
             .scalars()}
    people: dict[int, list[tuple[M.Contribution, M.Person]]] = defaultdict(list)
    for c, p in s.execute(select(M.Contribution, M.Person)
                          .join(M.Person, M.Contribution.person_id == M.Person.id)
                          .where(M.Contribution.achievement_id.in_(ids))
                          .order_by(M.Contribution.id)).all():
        people[c.achievement_id].append((c, p))
    ips: dict[int, list[str]] = defaultdict(list)
    for a_id, no in s.execute(select(M.IPAsset.achievement_id, M.IPAsset.application_no)
                              .where(M.IPAsset.achievement_id.in_(ids)).order_by(M.IPAsset.id)):
        ips[a_id].append(no)
    for a_id in ids:
        a = cases[a_id]
        ds = sorted(by_case.get(a_id, []), key=lambda d: d.id)
        first = ds[0] if ds else None
        cp = party.get(first.counterparty_id or 0) if first else None
        sheets[ACHIEVEMENTS].add({
            "case_no": a.case_no, "title": a.title, "title_en": a.title_en,
            "kind": _lab(a.kind), "department": depts.get(a.department_id or 0),
            "disclosure_date": a.disclosure_date, "field": a.field,
            "research_stage": _lab(a.research_stage), "secrecy": _lab(a.secrecy),
            "trl": a.trl, "abstract": a.abstract, "status": _lab(a.status),
            "release_reason": a.release_reason,
            "application_nos": "、".join(ips.get(a_id, [])) or None,
            "mode": "、".join(dict.fromkeys(labels.label(d.mode) for d in ds)) or None,
            "deal_no": first.deal_no if first else None,
            "price": sum((d.price or Decimal(0) for d in ds), Decimal(0)) if ds else None,
            "signing_date": first.signing_date if first else None,
            "counterparty": cp.name if cp else None, "credit_code": cp.credit_code if cp
            else None,
            "income": sum((income.get(d.id, Decimal(0)) for d in ds), Decimal(0)) if ds
            else None,
            "equity": next((equity[d.id] for d in ds if d.id in equity), None),
            "contributors": "、".join(f"{p.name}({c.share}%)" for c, p in people[a_id]),
        })
        for c, p in people[a_id]:
            sheets[CONTRIBUTORS].add({"case_no": a.case_no, "staff_no": p.staff_no,
                                      "name": p.name, "share": c.share,
                                      "department": depts.get(p.department_id or 0),
                                      "role": _lab(c.role)})
    receipts: dict[int, list[M.Receipt]] = defaultdict(list)
    R = M.Receipt
    # a reversed receipt and its reversal net to zero: neither is written, so the sheet sums
    # to the income column and an import books the money once
    reversed_ids = select(R.reverses_id).where(R.deal_id.in_(deal_ids),
                                               R.reverses_id.is_not(None))
    for r in s.execute(select(R).where(R.deal_id.in_(deal_ids), R.reverses_id.is_(None),
                                       R.id.not_in(reversed_ids))
                       .order_by(R.received_on, R.id)).scalars():
        receipts[r.deal_id].append(r)
    for d_id in deal_ids:
        d = deals[d_id]
        written.add(d_id)
        cp = party.get(d.counterparty_id or 0)
        if cp is not None:
            companies.add(cp.id)
        sheets[DEALS].add({
            "deal_no": d.deal_no, "title": d.title, "mode": _lab(d.mode),
            "case_nos": "、".join(case_nos[a] for a in cases_of[d_id]),
            "counterparty": cp.name if cp else None, "credit_code": cp.credit_code if cp
            else None, "pricing_method": _lab(d.pricing_method), "price": d.price,
            "signing_date": d.signing_date, "status": _lab(d.status),
            "registration_no": d.registration_no, "registration_date": d.registration_date,
            "equity": equity.get(d_id)})
        for r in receipts[d_id]:
            sheets[RECEIPTS].add({"deal_no": d.deal_no, "received_on": r.received_on,
                                  "amount": r.amount, "kind": _lab(r.kind),
                                  "invoice_no": r.invoice_no})


def _income(s: Session, deal_ids: list[int]) -> dict[int, Decimal]:
    if not deal_ids:
        return {}
    return income.received_by(s, income.DEAL, scope=income.Scope(deal_ids=deal_ids))


def _equity(s: Session, deal_ids: list[int]) -> dict[int, Decimal]:
    if not deal_ids:
        return {}
    E_ = M.EquityEvent
    out: dict[int, Decimal] = {}
    for d, pct in s.execute(select(E_.deal_id, E_.percentage).where(
            E_.deal_id.in_(deal_ids), E_.kind == "formation", E_.percentage.is_not(None))
            .order_by(E_.id)):
        out.setdefault(d, pct)
    return out


def _companies(s: Session, ids: list[int], sheet: _Sheet) -> None:
    for i in range(0, len(ids), CHUNK):
        for c in s.execute(select(M.Company).where(M.Company.id.in_(ids[i:i + CHUNK]))
                           .order_by(M.Company.credit_code)).scalars():
            sheet.add({"name": c.name, "credit_code": c.credit_code,
                       "registration_date": c.registration_date,
                       "registered_capital": c.registered_capital,
                       "legal_representative": c.legal_representative,
                       "region": _lab(c.region), "is_spinoff": "是" if c.is_spinoff else "否",
                       "address": c.address})
