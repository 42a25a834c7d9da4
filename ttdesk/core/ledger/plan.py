"""From parsed rows to a plan of what the import will write, with every problem located.

The plan is built inside the unit of work that will write it (or a read transaction for a dry
run), so what was checked is what gets written. Data rules apply (R1 shares, R8 credit codes,
R11 money, R12 dates, duplicates); the workflow rules do not: a ledger row is history, and the
status it implies is taken as it is (contract amount + signing date → a signed deal; a
company holding equity → an equity deal).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ttdesk import codes as E
from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.core.ledger import cells
from ttdesk.core.ledger.records import Cells, enum_field
from ttdesk.core.rules.checks import dates_in_order, shares_problems
from ttdesk.core.rules.credit_code import region_of, validate_credit_code
from ttdesk.core.rules.money import largest_remainder
from ttdesk.core.rules.statemachine import stage_from_deals

HUNDRED = Decimal("100.00")
_LEAD, _MEMBER = E.ContributorRole.LEAD, E.ContributorRole.MEMBER


@dataclass
class PersonRef:
    name: str
    share: Decimal
    role: E.ContributorRole
    staff_no: str | None
    department: str | None
    where: str


@dataclass
class CaseOut:
    row: Cells
    case_no: str | None
    title: str
    kind: E.AchievementKind
    department: str | None
    disclosure_date: date
    status: E.AchievementStatus | None
    values: dict[str, Any]
    people: list[PersonRef] = field(default_factory=list)
    existing_id: int | None = None


@dataclass
class ReceiptOut:
    where: str
    received_on: date
    amount: Decimal
    kind: E.ReceiptKind
    invoice_no: str | None = None


@dataclass
class DealOut:
    row: Cells
    deal_no: str | None
    case_keys: list[str]
    title: str | None
    mode: E.DealMode
    counterparty: str | None  # name as written
    credit_code: str | None
    pricing_method: E.PricingMethod | None
    price: Decimal | None
    signing_date: date | None
    status: E.DealStatus | None
    registration_no: str | None
    registration_date: date | None
    equity: Decimal | None
    receipts: list[ReceiptOut] = field(default_factory=list)
    from_case_row: bool = False
    existing_id: int | None = None
    code_refused: bool = False  # a credit code was written but is invalid (already reported)


@dataclass
class CompanyOut:
    where: str
    name: str
    credit_code: str
    values: dict[str, Any]


def code_of(c: Cells, problems: list[Problem]) -> str | None:
    raw = c.get("credit_code")
    if raw is None:
        return None
    try:
        return validate_credit_code(str(raw))
    except ValidationFailed as exc:
        p = exc.problems[0]
        problems.append(Problem(p.rule, p.zh, p.en, "credit_code", c.at("credit_code")))
        return None


def company_region(code: str, stated: E.Region | None = None) -> dict[str, Any]:
    """A company's region and division from its credit code (characters 3-8; domain.md §6),
    not a default; only "abroad" stated in the ledger overrides it."""
    if stated == E.Region.ABROAD:
        return {"region": E.Region.ABROAD, "province_code": None}
    region, division = region_of(code)
    return {"region": E.Region(region), "province_code": division}


def companies(rows: list[Cells], problems: list[Problem]) -> dict[str, CompanyOut]:
    out: dict[str, CompanyOut] = {}
    for c in rows:
        code = code_of(c, problems)
        name = c.get("name")
        if code is None or name is None:
            if c.get("credit_code") is None:
                problems.append(Problem("R8", "缺少统一社会信用代码", "the credit code is missing",
                                        "credit_code", c.at("credit_code")))
            continue
        if code in out:
            problems.append(Problem("DUP",
                                    f"统一社会信用代码 {code} 重复（首见于 {out[code].where}）",
                                    f"credit code {code} listed twice (first at "
                                    f"{out[code].where})", "credit_code", c.at("credit_code")))
            continue
        values = {k: c.get(k) for k in ("registration_date", "registered_capital",
                                         "legal_representative", "address")}
        values["is_spinoff"] = bool(c.get("is_spinoff"))
        values.update(company_region(code, enum_field(c, "region", E.Region, problems)))
        out[code] = CompanyOut(c.at(), name, code, values)
    return out


def _continuation(c: Cells) -> bool:
    """A row that only adds contributors to the record above (merged cells in the ledger)."""
    return not any(c.get(k) for k in ("case_no", "title", "disclosure_date")) and bool(
        c.get("contributors"))


def cases(rows: list[Cells], problems: list[Problem], today: date) -> list[CaseOut]:
    out: list[CaseOut] = []
    seen_no: dict[str, str] = {}
    seen_key: dict[tuple[str, date], str] = {}
    for c in rows:
        if _continuation(c) and out:
            out[-1].values["contributors"] = [*out[-1].values.get("contributors", []),
                                              *c.get("contributors")]
            continue
        title, disclosed, case_no = c.get("title"), c.get("disclosure_date"), c.get("case_no")
        bad = False
        if title is None and "title" in c.bad:
            bad = True
        elif title is None:
            problems.append(Problem("R2", "缺少成果名称", "the title is missing", "title",
                                    c.at("title")))
            bad = True
        elif len(title) > 300:
            problems.append(Problem("LEDGER", "成果名称超过 300 字", "title longer than 300 "
                                    "characters", "title", c.at("title")))
        if disclosed is None and "disclosure_date" in c.bad:
            bad = True
        elif disclosed is None:
            problems.append(Problem("R12", "缺少披露日期", "the disclosure date is missing",
                                    "disclosure_date", c.at("disclosure_date")))
            bad = True
        elif disclosed > today:
            problems.append(Problem("R12", f"披露日期 {disclosed} 晚于今天",
                                    f"the disclosure date {disclosed} is in the future",
                                    "disclosure_date", c.at("disclosure_date")))
        if case_no is not None:
            if case_no in seen_no:
                problems.append(Problem("DUP",
                                        f"成果编号 {case_no} 重复（首见于 {seen_no[case_no]}）",
                                        f"case number {case_no} appears twice (first at "
                                        f"{seen_no[case_no]})", "case_no", c.at("case_no")))
                bad = True
            seen_no.setdefault(case_no, c.at("case_no"))
        elif title is not None and disclosed is not None:
            key = (title, disclosed)
            if key in seen_key:
                problems.append(Problem("DUP", f"同名同日的成果重复（首见于 {seen_key[key]}）",
                                        f"the same title and disclosure date appear twice "
                                        f"(first at {seen_key[key]})", "title", c.at("title")))
                bad = True
            seen_key.setdefault(key, c.at("title"))
        kind = enum_field(c, "kind", E.AchievementKind, problems) or E.AchievementKind.OTHER
        status = enum_field(c, "status", E.AchievementStatus, problems)
        values = {
            "title_en": c.get("title_en"), "field": c.get("field"), "abstract": c.get("abstract"),
            "trl": c.get("trl"),
            "research_stage": enum_field(c, "research_stage", E.ResearchStage, problems)
            or E.ResearchStage.RESEARCH,
            "secrecy": enum_field(c, "secrecy", E.Secrecy, problems) or E.Secrecy.NONE,
            "contributors": c.get("contributors") or [],
            "release_reason": c.get("release_reason"),
            "application_nos": cells.split_list(c.get("application_nos"), spaces=False)
            if c.get("application_nos") else [],
        }
        if values["trl"] is not None and not 1 <= values["trl"] <= 9:
            problems.append(Problem("LEDGER", "技术成熟度须为 1–9", "TRL must be 1-9", "trl",
                                    c.at("trl")))
        case = CaseOut(c, case_no, title, kind, c.get("department"), disclosed, status,
                       values)
        if bad:  # not imported; its contributors and deal are still checked, so one dry run
            _check_only(case, problems)  # lists every problem of the row
            continue
        out.append(case)
    return out


def _check_only(case: CaseOut, problems: list[Problem]) -> None:
    """The checks a rejected row's other parts would get (R1 shares, the deal's terms and
    credit code), for their problems only: nothing of the row is kept."""
    settle_people(case, problems, [])
    deal_from_row(case.row, case.case_no or "", problems)


def case_key(case: CaseOut) -> str:
    return case.case_no or f"{case.title}\x00{case.disclosure_date.isoformat()}"


def attach_contributor_sheet(found: list[CaseOut], rows: list[Cells],
                             problems: list[Problem], known_case_nos: set[str]) -> None:
    """Contributors listed one per row on their own sheet replace the names in the case row."""
    by_no = {c.case_no: c for c in found if c.case_no}
    by_title: dict[str, list[CaseOut]] = defaultdict(list)
    for c in found:
        by_title[c.title].append(c)
    listed: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        case_no, title = r.get("case_no"), r.get("title")
        target = by_no.get(case_no) if case_no else None
        if target is None and case_no is None and title and len(by_title.get(title, [])) == 1:
            target = by_title[title][0]
        if target is None:
            if case_no not in known_case_nos:
                problems.append(Problem("LEDGER", f"完成人所属成果“{case_no or title}”不在成果表中",
                                        f"contributor's case {case_no or title!r} is not on the "
                                        f"achievements sheet", "case_no", r.at("case_no")))
            continue
        role = enum_field(r, "role", E.ContributorRole, problems) if r.get("role") and not str(
            r.get("role")).isdigit() else (E.ContributorRole.LEAD if str(r.get("role")) == "1"
                                           else None)
        listed[id(target)].append({"name": r.get("name"), "share": r.get("share"),
                                   "staff_no": r.get("staff_no"),
                                   "department": r.get("department"), "role": role,
                                   "where": r.at("name"),
                                   "own_department": "department" in r.letters})
    for c in found:
        if id(c) in listed:
            c.values["contributors"] = None
            c.values["listed"] = listed[id(c)]


def settle_people(c: CaseOut, problems: list[Problem], notes: list[Problem]) -> None:
    """R1 for one case: shares each > 0 summing to 100; none given → equal shares (noted)."""
    listed = c.values.pop("listed", None)
    if listed is None:
        where = c.row.at("contributors")
        listed = [{"name": n, "share": s, "staff_no": None, "department": None, "role": None,
                   "where": where} for n, s in c.values.get("contributors") or []]
    c.values.pop("contributors", None)
    if not listed:
        return
    where = listed[0]["where"]
    names = [p["staff_no"] or p["name"] for p in listed]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        problems.append(Problem("R1", f"完成人重复：{'、'.join(sorted(dup))}",
                                f"contributor listed twice: {', '.join(sorted(dup))}",
                                "contributors", where))
        return
    shares = [p["share"] for p in listed]
    if all(s is None for s in shares):
        shares = largest_remainder(HUNDRED, [Decimal(1)] * len(listed))
        if len(listed) > 1:
            notes.append(Problem("R1", "未注明贡献比例，按平均分配", "no shares given: split "
                                 "equally", "contributors", where))
    elif any(s is None for s in shares):
        problems.append(Problem("R1", "部分完成人未注明贡献比例", "some contributors have no share",
                                "contributors", where))
        return
    else:
        found = shares_problems(shares, where)
        if found:
            problems.extend(found)
            return
    for i, (p, share) in enumerate(zip(listed, shares, strict=True)):
        role = p["role"] or (_LEAD if i == 0 else _MEMBER)
        dept = p["department"] if p.get("own_department") else c.department
        c.people.append(PersonRef(p["name"], share, role, p["staff_no"], dept, p["where"]))


_DEAL_FIELDS = ("mode", "price", "signing_date", "counterparty", "credit_code", "income",
                "equity", "deal_no")


def deal_from_row(c: Cells, key: str, problems: list[Problem]) -> DealOut | None:
    if not any(c.get(k) is not None for k in _DEAL_FIELDS):
        return None
    return _deal(c, c.get("deal_no"), [key], c.get("title"), problems, from_case_row=True)


def deal_from_sheet(c: Cells, problems: list[Problem]) -> DealOut:
    keys = cells.split_list(c.get("case_nos")) if c.get("case_nos") else []
    return _deal(c, c.get("deal_no"), keys, c.get("title"), problems, from_case_row=False)


def _deal(c: Cells, deal_no: str | None, keys: list[str], title: str | None,
          problems: list[Problem], from_case_row: bool) -> DealOut:
    mode = enum_field(c, "mode", E.DealMode, problems)
    equity = c.get("equity")
    if mode is None:
        mode = E.DealMode.EQUITY if equity is not None else E.DealMode.OTHER
    d = DealOut(c, deal_no, keys, title, mode, c.get("counterparty"), code_of(c, problems),
                enum_field(c, "pricing_method", E.PricingMethod, problems), c.get("price"),
                c.get("signing_date"), enum_field(c, "status", E.DealStatus, problems)
                if not from_case_row else None, c.get("registration_no"),
                c.get("registration_date"), equity, from_case_row=from_case_row)
    d.code_refused = d.credit_code is None and c.get("credit_code") is not None
    problems.extend(Problem(p.rule, p.zh, p.en, p.field, c.at(p.field or "")) for p in
                    dates_in_order([("signing_date", d.signing_date, "registration_date",
                                     d.registration_date)], None))
    income = c.get("income")
    if income is not None and income > 0:
        on = c.get("received_on") or d.signing_date
        if on is None:
            problems.append(Problem("R12", "有到账金额但没有到账日期或签约日期",
                                    "an amount received needs its date (or a signing date)",
                                    "received_on", c.at("income")))
        else:
            kind = E.ReceiptKind.EQUITY_PROCEEDS if mode == E.DealMode.EQUITY \
                else E.ReceiptKind.UPFRONT
            d.receipts.append(ReceiptOut(c.at("income"), on, income, kind))
    return d


def implied_deal_status(d: DealOut) -> E.DealStatus:
    """The status a ledger row implies, without replaying the workflow."""
    if d.status is not None:
        return d.status
    if d.signing_date is None:
        return E.DealStatus.DRAFT
    if d.receipts:
        return E.DealStatus.PERFORMING
    if d.registration_no:
        return E.DealStatus.REGISTERED
    return E.DealStatus.SIGNED


def implied_case_status(deals: list[DealOut]) -> E.AchievementStatus:
    return case_status_for([implied_deal_status(d) for d in deals])


def case_status_for(statuses: list[E.DealStatus]) -> E.AchievementStatus:
    """An imported case's status from its deals' (`stage_from_deals`, the app's rule); a case
    without a deal, or with terminated deals only, stays disclosed."""
    stage = stage_from_deals(statuses)
    if stage is None or stage == E.AchievementStatus.MARKETING:
        return E.AchievementStatus.DISCLOSED
    return stage


def receipt_from_sheet(c: Cells, problems: list[Problem]) -> ReceiptOut | None:
    on, amount = c.get("received_on"), c.get("amount")
    if on is None:
        problems.append(Problem("R12", "缺少到账日期", "the date received is missing",
                                "received_on", c.at("received_on")))
        return None
    if amount is None:
        return None
    kind = enum_field(c, "kind", E.ReceiptKind, problems) or E.ReceiptKind.OTHER
    return ReceiptOut(c.at("amount"), on, amount, kind, c.get("invoice_no"))
