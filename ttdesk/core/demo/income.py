"""Money of signed deals: receipts (upfront, milestones, royalties with their sales base,
equity proceeds), costs, and income distributions with per-person allocations (R10)."""

from __future__ import annotations

from datetime import date

from ttdesk.core.deadlines import add_months
from ttdesk.core.demo.common import Gen, days, pct, stamp, yuan
from ttdesk.core.demo.notices import add_deadline, add_publicity, publicity_dates
from ttdesk.core.demo.timeline import LICENSES, SIGNED, DealPlan
from ttdesk.core.money import largest_remainder

Receipt = tuple[date, int, str, int | None]  # received on, fen, kind, sales base fen
WHOLE = 1_000_000
DEPT_PCT, TTO_PCT = 100_000, 50_000  # 10% and 5%, in ten-thousandths
GROUP_SPAN = 700  # days of receipts one distribution covers at most


def _receipts(g: Gen, plan: DealPlan) -> list[Receipt]:
    d, fen = plan.dates, plan.price_fen or 0
    signed = d["signed"]
    out: list[Receipt] = []
    if plan.mode == "transfer":
        upfront = plan.row.get("upfront_amount")
        first = int(upfront.scaleb(2)) if upfront is not None else fen
        out.append((signed + days(g.ri(5, 60)), first, "upfront", None))
        if first * 10 == fen * 3:  # three instalments: 30%, 40%, 30%
            second = fen * 4 // 10
            out.append((signed + days(g.ri(120, 300)), second, "milestone", None))
            out.append((signed + days(g.ri(330, 700)), fen - first - second, "milestone", None))
        elif first < fen:
            out.append((signed + days(g.ri(120, 400)), fen - first, "milestone", None))
    elif plan.mode in LICENSES:
        upfront = plan.row.get("upfront_amount")
        if upfront is not None:
            out.append((signed + days(g.ri(5, 45)), int(upfront.scaleb(2)), "upfront",
                        None))
        if g.rng.random() < 0.5:  # milestone payments (e.g. pilot run, product registration)
            for year in (1, 2):
                out.append((add_months(signed, 12 * year) + days(g.ri(0, 60)), fen // 10,
                            "milestone", None))
        rate = int(plan.row["royalty_rate"].scaleb(4))
        minimum = plan.row.get("minimum_annual_royalty")
        minimum_fen = int(minimum.scaleb(2)) if minimum is not None else 0
        start = 3 if plan.row.get("deferred_payment") else 1
        base = max(fen, 1_000_000) * g.ri(5, 40) // 20  # half-year sales
        # royalties settled every six months; exclusive and sole licensees every quarter
        months = 3 if plan.mode in ("license_exclusive", "license_sole") else 6
        base = base * months // 6
        for n in range(start * 6 // months, 96 // months + 1):
            sales = base * (20 + 2 * n * months // 6) // 20 // 100 * 100
            amount = max(sales * rate // WHOLE, minimum_fen * months // 12)
            out.append((add_months(signed, months * n) + days(g.ri(20, 60)), amount,
                        "royalty", sales))
    elif plan.coop:
        stages = ((3, 5, 30, "upfront"), (4, 90, 240, "milestone"), (3, 240, 500, "milestone"))
        if plan.mode == "development":  # research contracts pay by four project nodes
            stages = ((3, 5, 30, "upfront"), (3, 90, 200, "milestone"),
                      (2, 200, 400, "milestone"), (2, 400, 700, "milestone"))
        for share, lo, hi, kind in stages:
            out.append((signed + days(g.ri(lo, hi)), fen * share // 10, kind, None))
    elif plan.mode != "equity":
        out.append((signed + days(g.ri(10, 90)), fen * g.ri(5, 10) // 10,
                    "other", None))
    if out and fen and (g.cover.needs("receipt:other") or g.rng.random() < 0.02):
        late = max(on for on, _, _, _ in out) + days(g.ri(30, 90))  # late-payment penalty
        if late <= g.today and plan.status != "completed":
            out.append((late, max(100, fen // 100), "other", None))
            g.cover.mark("receipt:other")
    end = min(d.get("completed", g.today) if plan.status == "completed" else g.today, g.today)
    if plan.status == "completed":  # a completed contract has been paid in full
        out = [(min(on, end), fen_, kind, sales) if kind != "royalty" else (on, fen_, kind, sales)
               for on, fen_, kind, sales in out]
    out = [r for r in out if r[0] <= end]
    # dividends and exit proceeds of the spin-off keep coming after the deal is completed
    out += [(on, amount, kind, None) for on, amount, kind in plan.extra_receipts
            if on <= g.today]
    return sorted(r for r in out if r[1] > 0)


def _wanted(g: Gen, category: str, probability: float) -> bool:
    """A cost of this category, at least once even in a small demo."""
    if g.cover.needs(f"cost:{category}"):
        g.cover.mark(f"cost:{category}")
        return True
    return g.rng.random() < probability


def _costs(g: Gen, plan: DealPlan) -> list[tuple[date, int, str, bool, str]]:
    d, fen = plan.dates, plan.price_fen or 0
    signed = d["signed"]
    out = []
    if plan.appraisal_on is not None:
        out.append((plan.appraisal_on, plan.appraisal_fen, "appraisal", True, "资产评估费"))
    if plan.pricing in ("listing", "auction"):
        out.append((signed, max(100_000, fen * g.ri(1, 3) // 100 // 100 * 100),
                    "exchange_fees", True, "技术交易所挂牌/拍卖服务费"))
    if _wanted(g, "legal", 0.2):
        out.append((signed - days(g.ri(0, 20)), g.ri(50, 500) * 10_000, "legal",
                    True, "合同法律审查费"))
    if _wanted(g, "taxes", 0.05):
        out.append((signed, max(500, fen * 3 // 10_000), "taxes", True, "印花税"))
    if _wanted(g, "other", 0.1):
        out.append((signed - days(g.ri(0, 30)), g.ri(20, 200) * 10_000, "other",
                    False, "差旅及会务费（不可扣除）"))
    deductible = set(g.policy.values["deductible_cost_categories"])
    return [(on, amount, cat, cat in deductible, note) for on, amount, cat, _, note in out]


def emit_income(g: Gen, plan: DealPlan) -> None:
    if plan.status not in SIGNED:
        return
    receipts = []
    for on, fen, kind, sales in _receipts(g, plan):
        rid = g.store.new_id("receipt")
        g.store.add("receipt", {
            "id": rid, "deal_id": plan.id, "received_on": on, "amount": yuan(fen),
            "kind": kind, "invoice_no": f"JH{on.year}{rid:07d}",
            "sales_base": yuan(sales) if sales is not None else None, "reverses_id": None,
            "note": None, "_at": stamp(on, rid)})
        receipts.append((rid, on, fen))
    costs = _costs(g, plan)
    for on, fen, cat, deductible, note in costs:
        g.store.add("cost", {"achievement_id": None, "deal_id": plan.id, "incurred_on": on,
                             "amount": yuan(fen), "category": cat, "deductible": deductible,
                             "note": note, "_at": stamp(min(on, g.today), plan.id)})
    deductible_fen = sum(fen for _, fen, _, ok, _ in costs if ok)
    if plan.mode == "equity":
        _equity_distribution(g, plan, deductible_fen)
    paid = _cash_distributions(g, plan, receipts, deductible_fen)
    for rid, on, _ in receipts:
        if rid not in paid:
            add_deadline(g, f"receipt:{rid}:reward", add_months(on, 36), "reward_payment",
                         f"奖励发放期限（收款后 36 个月）：{plan.deal_no}", "receipt", rid,
                         plan.deal_no, created=on)


def _groups(receipts: list[tuple[int, date, int]]) -> list[list[tuple[int, date, int]]]:
    groups: list[list[tuple[int, date, int]]] = []
    for r in receipts:
        if groups and (r[1] - groups[-1][0][1]).days <= GROUP_SPAN:
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _cash_distributions(g: Gen, plan: DealPlan, receipts: list[tuple[int, date, int]],
                        deductible_fen: int) -> set[int]:
    """One distribution per span of receipts; returns the receipts paid out."""
    paid: set[int] = set()
    for group in _groups(receipts):
        last = group[-1][1]
        status = "paid" if (g.today - last).days > 170 else g.cover.pick(
            "distribution_status", ["draft", "approved", "in_publicity", "paid"], [3, 3, 2, 0])
        gross = sum(fen for _, _, fen in group)
        costs = min(deductible_fen, gross)
        deductible_fen -= costs
        created = min(g.today, last + days(g.ri(15, 60) if status == "paid"
                                           else g.ri(1, 40)))
        if _distribution(g, plan, status, created, gross, costs, [r[0] for r in group],
                         is_equity=False):
            paid.update(r[0] for r in group)
    return paid


def _equity_distribution(g: Gen, plan: DealPlan, deductible_fen: int) -> None:
    """The team's share of the equity formed (R10: never to a unit head; the demo's
    equity cases have none among their contributors)."""
    fen = plan.price_fen or 0
    created = min(g.today, plan.dates["signed"] + days(g.ri(5, 30)))
    _distribution(g, plan, "paid", created, fen, min(deductible_fen, fen), [],
                  is_equity=True)


def _stages(g: Gen, status: str, created: date) -> tuple[str, date, date, date]:
    """Status today and the dates of approval and publicity start; a planned stage that
    would lie in the future falls back to the one before it."""
    r = g.ri
    approved = created + days(r(5, 30))
    pub_start = approved + days(r(1, 10))
    if status == "approved":
        approved = max(created, g.today - days(r(0, 45)))
    elif status == "in_publicity":
        pub_start = max(created + days(2), g.today - days(r(0, 13)))
        approved = pub_start - days(r(1, 2))
    end = publicity_dates(g, pub_start)[1]
    order = ["draft", "approved", "in_publicity", "paid"]
    reached = order.index(status)
    limits = [created, approved, pub_start, end + days(1)]
    while reached > 0 and limits[reached] >= g.today:
        reached -= 1
    return order[reached], approved, pub_start, end


def _distribution(g: Gen, plan: DealPlan, status: str, created: date, gross: int,
                  costs: int, receipt_ids: list[int], *, is_equity: bool) -> bool:
    """Write one distribution; returns True when it is paid."""
    status, approved, pub_start, end = _stages(g, status, created)
    reached = ["draft", "approved", "in_publicity", "paid"].index(status)
    dist_id = g.store.new_id("distribution")
    net = gross - costs
    floor = int(g.policy.team_share_min_equity.scaleb(4) if is_equity
                else g.policy.team_share_min_income.scaleb(4))
    team_pct = max(floor, plan.equity.get("team_pct", g.one([70, 75, 80])) * 10_000)
    team = (net * team_pct + WHOLE // 2) // WHOLE
    dept = 0 if is_equity else (net * DEPT_PCT + WHOLE // 2) // WHOLE
    tto = 0 if is_equity else (net * TTO_PCT + WHOLE // 2) // WHOLE
    payment = None
    if status == "in_publicity":
        add_publicity(g, "distribution", dist_id, pub_start, plan.deal_no)
    elif status == "paid":
        closed = end + days(1)
        add_publicity(g, "distribution", dist_id, pub_start, plan.deal_no,
                      result="no_objection", closed_on=closed)
        payment = min(g.today, closed + days(g.ri(0, 20)))
    last = payment or (pub_start if reached >= 2 else approved if reached else created)
    row = {"id": dist_id, "deal_id": plan.id, "status": status, "gross_income": yuan(gross),
           "deductible_costs": yuan(costs), "net_income": yuan(net),
           "team_share_pct": pct(team_pct), "team_amount": yuan(team),
           "department_amount": yuan(dept), "tto_amount": yuan(tto),
           "university_amount": yuan(net - team - dept - tto), "is_equity": is_equity,
           "approval_date": approved if reached >= 1 else None,
           "approval_body": g.policy.tier_for(yuan(net)).body if reached >= 1 else None,
           "payment_date": payment, "policy_number": g.policy.number or None, "version": 1,
           "created_at": stamp(created, dist_id), "updated_at": stamp(last, dist_id)}
    g.store.add("distribution", row)
    for rid in receipt_ids:
        g.store.link("distribution_receipt", {"distribution_id": dist_id, "receipt_id": rid})
    _allocations(g, plan, dist_id, team, is_equity, row["created_at"])
    return status == "paid"


def _allocations(g: Gen, plan: DealPlan, dist_id: int, team_fen: int, is_equity: bool,
                 at: object) -> None:
    people = plan.case.contributors
    amounts = largest_remainder(yuan(team_fen), [share for _, share in people])
    parts = plan.equity.get("parts") if is_equity else None
    for i, ((person, share), amount) in enumerate(zip(people, amounts, strict=True)):
        amount_fen = int(amount.scaleb(2))
        g.store.add("allocation", {
            "distribution_id": dist_id, "person_id": person, "contribution_pct": share,
            "amount": amount, "taxable_amount": yuan((amount_fen + 1) // 2),
            "equity_pct": pct(parts[i]) if parts else None, "adjustment_reason": None,
            "_at": at})

