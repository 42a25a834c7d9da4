"""Everything a ledger import will do, worked out before anything is written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ttdesk import codes as E
from ttdesk.core.base.errors import Problem, TTDeskError
from ttdesk.core.ledger import plan as P
from ttdesk.core.ledger.catalog import ACHIEVEMENTS, COMPANIES, CONTRIBUTORS, DEALS, RECEIPTS
from ttdesk.core.ledger.reader import Layout, data_rows, sheet_rows_estimate
from ttdesk.core.ledger.records import Cells, read_rows
from ttdesk.core.ledger.resolve import (
    Directory,
    existing_cases,
    existing_deals,
    taken_numbers,
)
from ttdesk.core.rules.policy import Policy
from ttdesk.db.models import Achievement, Deal

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class LedgerCancelled(TTDeskError):
    """The user cancelled the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("ledger import cancelled / 已取消导入")

    def messages(self, lang: str = "zh") -> list[str]:
        return ["已取消导入，未写入任何数据" if lang == "zh" else "import cancelled: nothing "
                "was written"]


@dataclass
class Plan:
    cases: list[P.CaseOut] = field(default_factory=list)
    deals: list[P.DealOut] = field(default_factory=list)
    directory: Directory | None = None
    existing_case_ids: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    reused: dict[str, int] = field(default_factory=dict)
    rows_read: int = 0


class Steps:
    """Progress over the reading phase (0 → `upto`), and the cancel check."""

    def __init__(self, progress: ProgressFn | None, cancel: CancelFn | None, total: int,
                 upto: float) -> None:
        self.progress, self.cancel, self.total, self.upto = progress, cancel, max(total, 1), upto
        self.done = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise LedgerCancelled()

    def tick(self, n: int = 500) -> None:
        self.check()
        self.done += n
        if self.progress is not None:
            self.progress(min(self.upto, self.upto * self.done / self.total),
                          f"读取台账 / reading {min(self.done, self.total)}/{self.total}")


def _read(wb: Any, layout: Layout, steps: Steps, problems: list[Problem]) -> dict[str, list[Cells]]:
    out: dict[str, list[Cells]] = {}
    for kind, m in layout.mapping.sheets.items():
        out[kind] = read_rows(m, data_rows(wb, m), problems, steps.tick)
    return out


def total_rows(wb: Any, layout: Layout) -> int:
    return sum(sheet_rows_estimate(wb, m) for m in layout.mapping.sheets.values())


def build(session: Session, wb: Any, layout: Layout, pol: Policy, today: date,
          steps: Steps) -> Plan:
    plan = Plan(problems=list(layout.problems), notes=list(layout.notes))
    if layout.problems:
        return plan
    probs = plan.problems
    rows = _read(wb, layout, steps, probs)
    plan.rows_read = sum(len(v) for v in rows.values())
    company_sheet = P.companies(rows.get(COMPANIES, []), probs)
    found = P.cases(rows.get(ACHIEVEMENTS, []), probs, today)
    steps.check()
    stored_titles: dict[str, str] = {}
    by_no, by_key = existing_cases(session, [c.case_no for c in found if c.case_no],
                                   [c.title for c in found if not c.case_no], stored_titles)
    new_cases: list[P.CaseOut] = []
    for c in found:
        if c.case_no and c.case_no in by_no:
            c.existing_id = by_no[c.case_no]
            stored = stored_titles.get(c.case_no, "")
            if stored != c.title:
                plan.notes.append(Problem(
                    "DUP",
                    f"成果编号 {c.case_no} 已在库中，但名称不同（库中为“{stored}”）：此行未导入",
                    f"case number {c.case_no} is stored already under another title "
                    f"({stored!r}): this row was not imported", "case_no", c.row.at("case_no")))
        elif not c.case_no and (c.title, c.disclosure_date) in by_key:
            c.existing_id, c.case_no = by_key[(c.title, c.disclosure_date)]
        if c.existing_id is None:
            new_cases.append(c)
        else:
            plan.existing_case_ids[c.case_no or ""] = c.existing_id
    plan.reused["achievements"] = len(found) - len(new_cases)
    if CONTRIBUTORS in rows:
        P.attach_contributor_sheet(found, rows[CONTRIBUTORS], probs, set(by_no))
    for c in new_cases:
        P.settle_people(c, probs, plan.notes)
    deals = _deals(session, plan, rows, found, probs)
    _resolve(session, plan, new_cases, deals, company_sheet, probs)
    _number(session, pol, new_cases, deals, today)
    by_case: dict[int, list[P.DealOut]] = defaultdict(list)
    for d in deals:
        for k in d.case_keys:
            by_case[id(k)].append(d)
    for c in new_cases:
        if c.status is None:
            c.status = P.implied_case_status(by_case.get(id(c), []))
    plan.cases = new_cases
    plan.deals = deals
    steps.check()
    return plan


def _deals(session: Session, plan: Plan, rows: dict[str, list[Cells]],
           found: list[P.CaseOut], probs: list[Problem]) -> list[P.DealOut]:
    """Deals from the deals sheet and from case rows; case keys resolved to CaseOut objects
    (new cases) or case numbers (stored cases)."""
    by_no = {c.case_no: c for c in found if c.case_no}
    listed: list[P.DealOut] = [P.deal_from_sheet(r, probs) for r in rows.get(DEALS, [])]
    has_sheet_deal = {k for d in listed for k in d.case_keys}
    for c in found:
        if c.case_no in has_sheet_deal:
            continue
        d = P.deal_from_row(c.row, P.case_key(c), probs)
        if d is not None:
            d.case_keys = [c]  # type: ignore[list-item]
            listed.append(d)
    stored_refs = [k for d in listed for k in d.case_keys
                   if isinstance(k, str) and k not in by_no]
    stored, _ = existing_cases(session, stored_refs, [])
    stored_deals = existing_deals(session, [d.deal_no for d in listed if d.deal_no])
    seen: dict[str, str] = {}
    out: list[P.DealOut] = []
    for d in listed:
        refs = _case_refs(d, by_no, stored, plan, probs)
        if not d.case_keys and not d.from_case_row:
            probs.append(Problem("LEDGER", "转化项目须注明成果编号", "a deal needs its case "
                                 "number", "case_nos", d.row.at("case_nos")))
        d.case_keys = refs
        if d.deal_no:
            if d.deal_no in seen:
                first = seen[d.deal_no]
                probs.append(Problem("DUP", f"合同编号 {d.deal_no} 重复（首见于 {first}）",
                                     f"deal number {d.deal_no} appears twice (first at "
                                     f"{seen[d.deal_no]})", "deal_no", d.row.at("deal_no")))
                continue
            seen[d.deal_no] = d.row.at("deal_no")
            if d.deal_no in stored_deals:
                d.existing_id = stored_deals[d.deal_no]
        if d.existing_id is None and refs and all(
                isinstance(r, str) or r.existing_id is not None for r in refs) and (
                d.from_case_row or d.deal_no is None):
            d.existing_id = -1  # the case is stored already: its row's deal came with it
        out.append(d)
    _receipts(plan, rows.get(RECEIPTS, []), out, probs)
    new = [d for d in out if d.existing_id is None]
    plan.reused["deals"] = len(out) - len(new)
    _receipts_before_signing(new, probs)
    return new


def _case_refs(d: P.DealOut, by_no: dict[str, P.CaseOut], stored: dict[str, int], plan: Plan,
               probs: list[Problem]) -> list[Any]:
    """A deal's case keys resolved: a new case's CaseOut, or a stored case's number."""
    refs: list[Any] = []
    for k in d.case_keys:
        if not isinstance(k, str):
            refs.append(k)
        elif k in by_no:
            refs.append(by_no[k])
        elif k in stored:
            refs.append(k)
            plan.existing_case_ids[k] = stored[k]
        else:
            probs.append(Problem("LEDGER", f"成果编号 {k} 既不在成果表中，也不在数据库中",
                                 f"case number {k} is neither on the achievements sheet nor "
                                 "in the database", "case_nos", d.row.at("case_nos")))
    return refs


def _receipts_before_signing(deals: list[P.DealOut], probs: list[Problem]) -> None:
    """R12: no receipt of a new deal dated before its signing."""
    for d in deals:
        for r in d.receipts:
            if d.signing_date is not None and r.received_on < d.signing_date:
                probs.append(Problem("R12",
                                     f"到账日期 {r.received_on} 早于签约日期 {d.signing_date}",
                                     f"received on {r.received_on}, before the signing date "
                                     f"{d.signing_date}", "received_on", r.where))


def _receipts(plan: Plan, rows: list[Cells], deals: list[P.DealOut],
              probs: list[Problem]) -> None:
    by_deal = {d.deal_no: d for d in deals if d.deal_no}
    by_case: dict[str, list[P.DealOut]] = defaultdict(list)
    for d in deals:
        for k in d.case_keys:
            by_case[k if isinstance(k, str) else (k.case_no or "")].append(d)
    from_sheet: dict[int, list[P.ReceiptOut]] = defaultdict(list)
    skipped = 0
    for r in rows:
        target = by_deal.get(r.get("deal_no")) if r.get("deal_no") else None
        if target is None and not r.get("deal_no") and r.get("case_no"):
            options = by_case.get(r.get("case_no"), [])
            target = options[0] if len(options) == 1 else None
        if target is None:
            ref = r.get("deal_no") or r.get("case_no")
            probs.append(Problem("LEDGER", f"到账记录对应的合同“{ref}”不在台账中",
                                 f"receipt for {ref!r}: no such deal in the ledger", "deal_no",
                                 r.at("deal_no")))
            continue
        rec = P.receipt_from_sheet(r, probs)
        if rec is None:
            continue
        if target.existing_id is not None:
            skipped += 1
            continue
        from_sheet[id(target)].append(rec)
    for d in deals:
        if id(d) in from_sheet:
            d.receipts = from_sheet[id(d)]
    plan.reused["receipts"] = skipped


def _resolve(session: Session, plan: Plan, new_cases: list[P.CaseOut],
             deals: list[P.DealOut], company_sheet: dict[str, P.CompanyOut],
             probs: list[Problem]) -> None:
    d = Directory(session)
    plan.directory = d
    d.load_departments()
    staff = {p.staff_no for c in new_cases for p in c.people if p.staff_no}
    names = {p.name for c in new_cases for p in c.people}
    d.load_people(staff, names)
    codes = set(company_sheet) | {x.credit_code for x in deals if x.credit_code}
    cnames = {x.counterparty for x in deals if x.counterparty}
    d.load_companies(codes, cnames | {c.name for c in company_sheet.values()})
    for c in new_cases:
        d.department(c.department)
        for p in c.people:
            p.staff_no = d.person(p.name, p.staff_no, p.department)
            stored = d.stored_names.get(p.staff_no or "")
            if stored is not None and stored != p.name:
                plan.notes.append(Problem(
                    "DUP", f"工号 {p.staff_no} 在库中为“{stored}”，台账写作“{p.name}”：按工号关联",
                    f"staff number {p.staff_no} is {stored!r} in the database, {p.name!r} in "
                    "the ledger: linked by the staff number", "staff_no", p.where))
    sheet_by_name = {c.name: c for c in company_sheet.values()}
    for x in deals:
        if x.code_refused:
            continue
        if x.credit_code is None and x.counterparty:
            if x.counterparty in sheet_by_name:
                x.credit_code = sheet_by_name[x.counterparty].credit_code
            elif len(d.company_names.get(x.counterparty, [])) == 1:
                x.credit_code = d.company_names[x.counterparty][0][0]
            else:
                probs.append(Problem(
                    "R8", f"企业“{x.counterparty}”不在企业库中，须填写统一社会信用代码",
                    f"company {x.counterparty!r} is not known: its unified social credit code "
                    "is required", "credit_code", x.row.at("counterparty")))
                continue
        if x.credit_code and x.credit_code not in d.company_ids:
            rec = company_sheet.get(x.credit_code) or P.CompanyOut(
                x.row.at("counterparty"), x.counterparty or x.credit_code, x.credit_code,
                {**P.company_region(x.credit_code), "is_spinoff": x.mode == E.DealMode.EQUITY})
            d.company(rec)
    for rec in company_sheet.values():
        d.company(rec)
    plan.reused["companies"] = sum(1 for code in company_sheet if code in d.company_ids)


def _numbers(session: Session, column: Any, fmt: str, years: set[int],
             fixed: set[str]) -> dict[int, int]:
    nxt = {}
    for year in years:
        prefix = fmt.split("{seq", 1)[0].format(year=year)
        taken = [*taken_numbers(session, column, prefix), *[n for n in fixed
                                                             if n.startswith(prefix)]]
        seqs = [int(t[len(prefix):]) for t in taken if t[len(prefix):].isdigit()]
        nxt[year] = max(seqs, default=0) + 1
    return nxt


def _number(session: Session, pol: Policy, cases: list[P.CaseOut], deals: list[P.DealOut],
            today: date) -> None:
    fmt = pol["case_no_format"]
    years = {c.disclosure_date.year for c in cases if not c.case_no}
    nxt = _numbers(session, Achievement.case_no, fmt, years, {c.case_no for c in cases
                                                              if c.case_no})
    for c in cases:
        if not c.case_no:
            y = c.disclosure_date.year
            c.case_no = fmt.format(year=y, seq=nxt[y])
            nxt[y] += 1
    fmt = pol["deal_no_format"]

    def year_of(x: P.DealOut) -> int:
        if x.signing_date:
            return x.signing_date.year
        first = x.case_keys[0] if x.case_keys else None
        return first.disclosure_date.year if isinstance(first, P.CaseOut) else today.year

    years = {year_of(x) for x in deals if not x.deal_no}
    nxt = _numbers(session, Deal.deal_no, fmt, years, {x.deal_no for x in deals if x.deal_no})
    for x in deals:
        if not x.deal_no:
            y = year_of(x)
            x.deal_no = fmt.format(year=y, seq=nxt[y])
            nxt[y] += 1


__all__ = ["LedgerCancelled", "Plan", "Steps", "build", "total_rows"]
