"""Money of signed deals: payment milestones and licensee royalty reports, receipts
(upfront, milestones, royalties with their sales base and report, equity proceeds), a few
booking errors undone by reversing entries, costs, and income distributions with
per-person allocations (R10).

Royalties follow the royalty audit's own arithmetic (`ttdesk.core.money.royalty`): most periods
match the terms exactly; a few licensees pay short, and the latest reported period of some
licences is still unpaid, so the audit has something realistic to find."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ttdesk.core.demo.common import Gen, days, pct, stamp, yuan
from ttdesk.core.demo.notices import add_deadline, add_publicity, publicity_dates
from ttdesk.core.demo.timeline import LICENSES, SIGNED, DealPlan
from ttdesk.core.money.royalty import expected_royalty
from ttdesk.core.office.deadlines import add_months
from ttdesk.core.rules.checks import reward_tax_filing_due
from ttdesk.core.rules.money import largest_remainder


@dataclass(slots=True)
class Receipt:
    on: date
    fen: int
    kind: str
    sales: int | None = None           # sales base, fen (royalties)
    milestone: int | None = None       # payment_milestone id
    report: int | None = None          # royalty_report id
    receipt_id: int | None = None      # id fixed in advance (equity proceeds, dividends)


@dataclass(slots=True)
class Milestone:
    id: int
    title: str
    due: date
    fen: int
    paid_on: date


@dataclass(slots=True)
class Period:
    start: date
    end: date
    sales: int           # fen
    expected: int        # fen, per the terms
    paid: int            # fen actually paid (short for a few licensees)
    paid_on: date


WHOLE = 1_000_000
DEPT_PCT, TTO_PCT = 100_000, 50_000  # 10% and 5%, in ten-thousandths
GROUP_SPAN = 700  # days of receipts one distribution covers at most
PENDING_DAYS = 60  # receipts this recent are often still waiting for their distribution


TRANSFER_NODES = {2: ["完成技术交接"], 3: ["小试验收", "中试验收"]}
LICENSE_NODES = ["产品注册证获批", "首批产品量产"]
COOP_NODES = ["中期检查通过", "阶段成果验收", "项目结题验收"]


def _milestone(g: Gen, plan: DealPlan, title: str, planned: date, fen: int,
               out: list[Receipt], milestones: list[Milestone]) -> None:
    """A scheduled milestone payment; paid (a receipt) on `planned`, due a little before."""
    mid = g.store.new_id("payment_milestone")
    milestones.append(Milestone(mid, title, planned - days(g.ri(0, 20)), fen, planned))
    out.append(Receipt(planned, fen, "milestone", milestone=mid))


def _royalties(g: Gen, plan: DealPlan, out: list[Receipt], periods: list[Period]) -> None:
    signed, fen = plan.dates["signed"], plan.price_fen or 0
    rate = plan.row["royalty_rate"]
    minimum = plan.row.get("minimum_annual_royalty")
    start = 3 if plan.row.get("deferred_payment") else 1
    base = max(fen, 1_000_000) * g.ri(5, 40) // 20  # half-year sales
    # royalties settled every six months; exclusive and sole licensees every quarter
    months = 3 if plan.mode in ("license_exclusive", "license_sole") else 6
    plan.row["royalty_period_months"] = months
    base = base * months // 6
    careless = g.cover.needs("royalty:short") or g.rng.random() < 0.08  # pays short, at times
    for n in range(start * 6 // months, 96 // months + 1):
        first = add_months(signed, months * (n - 1))
        last = add_months(signed, months * n) - timedelta(days=1)
        sales = base * (20 + 2 * n * months // 6) // 20 // 100 * 100
        expected = int(expected_royalty(yuan(sales), rate, minimum, first, last)[2].scaleb(2))
        paid = expected
        if careless and g.rng.random() < 0.3:
            paid = expected * g.ri(80, 95) // 100
            g.cover.mark("royalty:short")
        on = last + days(g.ri(20, 60))
        periods.append(Period(first, last, sales, expected, paid, on))
        if paid > 0:
            out.append(Receipt(on, paid, "royalty", sales=sales))


def _receipts(g: Gen, plan: DealPlan, milestones: list[Milestone],
              periods: list[Period]) -> list[Receipt]:
    d, fen = plan.dates, plan.price_fen or 0
    signed = d["signed"]
    out: list[Receipt] = []
    if plan.mode == "transfer":
        upfront = plan.row.get("upfront_amount")
        first = int(upfront.scaleb(2)) if upfront is not None else fen
        out.append(Receipt(signed + days(g.ri(5, 60)), first, "upfront"))
        if first * 10 == fen * 3:  # three instalments: 30%, 40%, 30%
            second = fen * 4 // 10
            titles = TRANSFER_NODES[3]
            _milestone(g, plan, titles[0], signed + days(g.ri(120, 300)), second, out,
                       milestones)
            _milestone(g, plan, titles[1], signed + days(g.ri(330, 700)), fen - first - second,
                       out, milestones)
        elif first < fen:
            _milestone(g, plan, TRANSFER_NODES[2][0], signed + days(g.ri(120, 400)),
                       fen - first, out, milestones)
    elif plan.mode in LICENSES:
        upfront = plan.row.get("upfront_amount")
        if upfront is not None:
            out.append(Receipt(signed + days(g.ri(5, 45)), int(upfront.scaleb(2)), "upfront"))
        if g.rng.random() < 0.5:  # milestone payments (e.g. pilot run, product registration)
            for year, title in ((1, LICENSE_NODES[0]), (2, LICENSE_NODES[1])):
                _milestone(g, plan, title, add_months(signed, 12 * year) + days(g.ri(0, 60)),
                           fen // 10, out, milestones)
        _royalties(g, plan, out, periods)
    elif plan.coop:
        stages = ((3, 5, 30), (4, 90, 240), (3, 240, 500))
        if plan.mode == "development":  # research contracts pay by four project nodes
            stages = ((3, 5, 30), (3, 90, 200), (2, 200, 400), (2, 400, 700))
        for i, (share, lo, hi) in enumerate(stages):
            on = signed + days(g.ri(lo, hi))
            if i == 0:
                out.append(Receipt(on, fen * share // 10, "upfront"))
            else:
                _milestone(g, plan, COOP_NODES[min(i - 1, 2)] if i < len(stages) - 1 else
                           COOP_NODES[2], on, fen * share // 10, out, milestones)
    elif plan.mode != "equity":
        out.append(Receipt(signed + days(g.ri(10, 90)), fen * g.ri(5, 10) // 10, "other"))
    if out and fen and (g.cover.needs("receipt:other") or g.rng.random() < 0.02):
        late = max(r.on for r in out) + days(g.ri(30, 90))  # late-payment penalty
        if late <= g.today and plan.status != "completed":
            out.append(Receipt(late, max(100, fen // 100), "other"))
            g.cover.mark("receipt:other")
    end = min(d.get("completed", g.today) if plan.status == "completed" else g.today, g.today)
    if plan.status == "completed":  # a completed contract has been paid in full
        for r in out:
            if r.kind != "royalty":
                r.on = min(r.on, end)
        for m in milestones:
            m.paid_on = min(m.paid_on, end)
            m.due = min(m.due, m.paid_on)
    out = [r for r in out if r.on <= end]
    # dividends and exit proceeds of the spin-off keep coming after the deal is completed
    ids = plan.equity.get("receipt_ids", [])
    out += [Receipt(on, amount, kind, receipt_id=ids[i] if i < len(ids) else None)
            for i, (on, amount, kind) in enumerate(plan.extra_receipts) if on <= g.today]
    return sorted((r for r in out if r.fen > 0), key=lambda r: (r.on, r.fen, r.kind))


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
    # fees in proportion to the contract (at most 8% of it, at least ¥100): a ¥20,000
    # service contract does not carry a ¥30,000 legal review that would eat its whole income
    cap = max(10_000, fen * 8 // 100)
    if _wanted(g, "legal", 0.2):
        out.append((signed - days(g.ri(0, 20)), min(g.ri(50, 500) * 10_000, cap), "legal",
                    True, "合同法律审查费"))
    if _wanted(g, "taxes", 0.05):
        out.append((signed, max(500, fen * 3 // 10_000), "taxes", True, "印花税"))
    if _wanted(g, "other", 0.1):
        out.append((signed - days(g.ri(0, 30)), min(g.ri(20, 200) * 10_000, cap), "other",
                    False, "差旅及会务费（不可扣除）"))
    deductible = set(g.policy.values["deductible_cost_categories"])
    return [(on, amount, cat, cat in deductible, note) for on, amount, cat, _, note in out]


def _emit_terms(g: Gen, plan: DealPlan, milestones: list[Milestone],
                periods: list[Period], received: list[Receipt]) -> None:
    """Milestone rows and the licensee's reports (only those already delivered)."""
    at_signing = stamp(plan.dates["signed"], plan.id)
    paid = {r.milestone for r in received if r.milestone is not None}
    open_work = plan.status in ("signed", "registered", "performing")
    for seq, m in enumerate(milestones, start=1):
        g.store.add("payment_milestone", {
            "id": m.id, "deal_id": plan.id, "seq": seq, "title": m.title, "amount": yuan(m.fen),
            "due_date": m.due, "trigger": f"{m.title}后 30 日内支付", "note": None,
            "_at": at_signing})
        if m.id not in paid and open_work:
            add_deadline(g, f"milestone:{m.id}:due", m.due, "license_milestone",
                         f"节点付款：{m.title}（{plan.deal_no}）", "deal", plan.id, plan.deal_no,
                         created=plan.dates["signed"])
    by_period = {r.sales: r for r in received if r.kind == "royalty"}
    end = plan.dates.get("completed", g.today) if plan.status == "completed" else g.today
    for p in periods:
        reported = p.end + days(g.ri(3, 15))
        r = by_period.get(p.sales) if p.paid else None
        if r is None and (reported > end or plan.status == "completed"):
            continue  # not reported yet (or the contract ended first)
        if r is not None:
            reported = min(reported, r.on)
        rid = g.store.add("royalty_report", {
            "deal_id": plan.id, "period_start": p.start, "period_end": p.end,
            "reported_on": reported, "sales_base": yuan(p.sales),
            "reported_royalty": yuan(p.paid), "note": None, "_at": stamp(reported, plan.id)})
        if r is not None:
            r.report = rid
    if open_work and plan.mode in LICENSES and periods:
        nxt = next((p for p in periods if p.end + days(3) > g.today), None)
        if nxt is not None:
            add_deadline(g, f"deal:{plan.id}:royalty:{nxt.end.isoformat()}",
                         nxt.end + days(30), "royalty_report",
                         f"被许可方提成报告（{nxt.start}～{nxt.end}）：{plan.deal_no}", "deal",
                         plan.id, plan.deal_no, created=nxt.start)


def _book(g: Gen, plan: DealPlan, r: Receipt, reverses: int | None = None,
          note: str | None = None) -> int:
    rid = r.receipt_id if r.receipt_id is not None and reverses is None \
        else g.store.new_id("receipt")
    g.store.add("receipt", {
        "id": rid, "deal_id": plan.id, "received_on": r.on, "amount": yuan(r.fen),
        "kind": r.kind, "invoice_no": f"JH{r.on.year}{rid:07d}",
        "sales_base": yuan(r.sales) if r.sales is not None else None, "reverses_id": reverses,
        "note": note, "milestone_id": r.milestone, "royalty_report_id": r.report,
        "_at": stamp(r.on, rid)})
    return rid


def _booking_error(g: Gen, plan: DealPlan, r: Receipt) -> None:
    """A receipt booked twice by mistake, then undone by a reversing entry (never deleted)."""
    if r.kind == "royalty" or r.receipt_id is not None:
        return
    if not (g.cover.needs("receipt:reversal") or g.rng.random() < 0.01):
        return
    twice = Receipt(r.on + days(g.ri(0, 3)), r.fen, r.kind)
    undo = Receipt(twice.on + days(g.ri(3, 30)), r.fen, r.kind)
    if undo.on > g.today:
        return
    g.cover.mark("receipt:reversal")
    dup = _book(g, plan, twice, note="重复入账")
    _book(g, plan, undo, reverses=dup, note=f"重复入账（收款 #{dup}）")


def emit_income(g: Gen, plan: DealPlan) -> None:
    if plan.status not in SIGNED:
        return
    milestones: list[Milestone] = []
    periods: list[Period] = []
    booked = _receipts(g, plan, milestones, periods)
    _emit_terms(g, plan, milestones, periods, booked)
    receipts = []
    for r in booked:
        rid = _book(g, plan, r)
        receipts.append((rid, r.on, r.fen))
        _booking_error(g, plan, r)
    costs = _costs(g, plan)
    for on, fen, cat, deductible, note in costs:
        cid = g.store.add("cost", {
            "achievement_id": None, "deal_id": plan.id, "incurred_on": on, "amount": yuan(fen),
            "category": cat, "deductible": deductible, "note": note, "reverses_id": None,
            "_at": stamp(min(on, g.today), plan.id)})
        if cat == "legal" and (g.cover.needs("cost:reversal") or g.rng.random() < 0.02):
            g.cover.mark("cost:reversal")  # the invoice was voided, and booked again
            g.store.add("cost", {
                "achievement_id": None, "deal_id": plan.id, "incurred_on": on,
                "amount": yuan(fen), "category": cat, "deductible": deductible,
                "note": f"发票作废（费用 #{cid}）", "reverses_id": cid,
                "_at": stamp(min(on, g.today), plan.id)})
            g.store.add("cost", {
                "achievement_id": None, "deal_id": plan.id, "incurred_on": on,
                "amount": yuan(fen), "category": cat, "deductible": deductible,
                "note": note + "（重开发票）", "reverses_id": None,
                "_at": stamp(min(on, g.today), plan.id)})
    deductible_fen = sum(fen for _, fen, _, ok, _ in costs if ok)
    if plan.mode == "equity":
        _equity_distribution(g, plan, deductible_fen)
    if plan.mode in ("self", "joint"):
        _profit_rewards(g, plan)  # the yearly operating profit, never receipts (domain.md §6)
        return
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
        if (g.today - last).days <= PENDING_DAYS and (
                g.cover.needs("receipt:pending") or g.rng.random() < 0.6):
            g.cover.mark("receipt:pending")  # received lately: not distributed yet
            continue
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


def _profit_rewards(g: Gen, plan: DealPlan) -> None:
    """A self / joint implementation: production starts some weeks after the decision; each
    closed year of the reward schedule has its operating profit (from the audited accounts)
    and a deadline; the first one is distributed (5% of it to the team)."""
    start = plan.dates["signed"] + days(g.ri(30, 150))
    if start >= g.today:
        return
    plan.row["production_start_date"] = start
    first = True
    for year in range(start.year, start.year + g.policy.self_reward_years):
        add_deadline(g, f"deal:{plan.id}:self_reward:{year}", date(year + 1, 6, 30),
                     "self_reward", f"{year} 年度实施转化奖励：{plan.deal_no}", "deal",
                     plan.id, plan.deal_no, created=start)
        closed = date(year + 1, 4, 30)  # the audited accounts of the year
        if closed >= g.today:
            continue
        fen = g.ri(20, 400) * 1_000_000
        g.store.add("operating_profit", {
            "deal_id": plan.id, "year": year, "amount": yuan(fen),
            "source_document": f"{year} 年度审计报告", "note": None,
            "_at": stamp(closed, plan.id)})
        if first:
            first = False
            status = "paid" if (g.today - closed).days > 170 else "approved"
            _distribution(g, plan, status, closed + days(g.ri(5, 30)), fen, 0, [],
                          is_equity=False, profit_year=year)


def _distribution(g: Gen, plan: DealPlan, status: str, created: date, gross: int,
                  costs: int, receipt_ids: list[int], *, is_equity: bool,
                  profit_year: int | None = None) -> bool:
    """Write one distribution; returns True when it is paid. `profit_year`: a self / joint
    reward on that year's operating profit (5%, nothing to department or TTO)."""
    status, approved, pub_start, end = _stages(g, status, created)
    reached = ["draft", "approved", "in_publicity", "paid"].index(status)
    dist_id = g.store.new_id("distribution")
    net = gross - costs
    floor = int(g.policy.team_share_min_equity.scaleb(4) if is_equity
                else g.policy.team_share_min_income.scaleb(4))
    team_pct = max(floor, plan.equity.get("team_pct", g.one([70, 75, 80])) * 10_000)
    plain = is_equity or profit_year is not None
    if profit_year is not None:
        team_pct = int(g.policy.team_share_min_self_profit.scaleb(4))
    team = (net * team_pct + WHOLE // 2) // WHOLE
    dept = 0 if plain else (net * DEPT_PCT + WHOLE // 2) // WHOLE
    tto = 0 if plain else (net * TTO_PCT + WHOLE // 2) // WHOLE
    payment = None
    if status == "in_publicity":
        add_publicity(g, "distribution", dist_id, pub_start, plan.deal_no)
    elif status == "paid":
        closed = end + days(1)
        add_publicity(g, "distribution", dist_id, pub_start, plan.deal_no,
                      result="no_objection", closed_on=closed)
        payment = min(g.today, closed + days(g.ri(0, 20)))
        if not is_equity:  # the reward's tax filing by the 15th of the next month (§6)
            due = reward_tax_filing_due(payment, g.policy)
            filed = min(due, payment + days(g.ri(3, 20)))
            add_deadline(g, f"distribution:{dist_id}:tax_filing", due, "reward_tax_filing",
                         f"奖励个税备案（{payment} 发放）：{plan.deal_no}", "distribution",
                         dist_id, plan.deal_no, created=payment,
                         done_on=filed if filed < g.today else None)
    last = payment or (pub_start if reached >= 2 else approved if reached else created)
    row = {"id": dist_id, "deal_id": plan.id, "status": status, "gross_income": yuan(gross),
           "deductible_costs": yuan(costs), "net_income": yuan(net),
           "team_share_pct": pct(team_pct), "team_amount": yuan(team),
           "department_amount": yuan(dept), "tto_amount": yuan(tto),
           "university_amount": yuan(net - team - dept - tto), "is_equity": is_equity,
           "approval_date": approved if reached >= 1 else None,
           "approval_body": g.policy.tier_for(yuan(net)).body if reached >= 1 else None,
           "payment_date": payment, "policy_number": g.policy.number or None, "version": 1,
           "profit_year": profit_year,
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
            "amount": amount,
            # cash rewards: half is taxable; equity rewards are taxed later, on disposal
            "taxable_amount": yuan(0 if is_equity else (amount_fen + 1) // 2),
            "equity_pct": pct(parts[i]) if parts else None, "adjustment_reason": None,
            "_at": at})

