"""Income distribution (收益分配, rule R10): from chosen receipts to per-person rewards.

    receipts − deductible costs = net income
    net income × team share (≥ the policy floor for the deal's mode) = team amount
    net income × department / TTO shares; the rest goes to the university
    team amount split over the contributors by contribution share, to the fen, by largest
    remainder (adjustable per person with a recorded reason); 50% of each cash reward taxable

`compute` only calculates (nothing written), `save` records a draft; then the status machine
`draft → approved → in_publicity → paid`. A receipt belongs to at most one distribution.
An equity distribution (作价投资) shares out the equity formed instead of cash: no receipts,
no department/TTO part, reward shares per person, never to a unit head.

The DTOs live in `distribution_types`, the read side (`distribution_detail`, ...) in
`distribution_views`; both are re-exported here, so callers use `ttdesk.core.money.distribution`.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    IMPLEMENTATION_MODES,
    DeadlineKind,
    DealMode,
    DistributionStatus,
    PublicityResult,
)
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, RuleViolation, ValidationFailed
from ttdesk.core.money import profit
from ttdesk.core.money.distribution_types import (
    DEFAULT_DEPARTMENT_PCT,
    DEFAULT_TTO_PCT,
    AllocationAdjust,
    AllocationLine,
    DistributionDetail,
    DistributionIn,
    DistributionPlan,
    DistributionSummary,
    PublicityInfo,
)
from ttdesk.core.money.distribution_views import (
    agreed_share,
    detail_in_session,
    distribution_detail,
    distribution_receipts,
    distributions_of,
    formed_stake,
    latest_distribution_id,
    latest_publicity,
    load_distribution,
)
from ttdesk.core.money.receipts import ZERO, ReceiptRow, deductible_cost_total, receipt_rows
from ttdesk.core.office import deadlines, publicity
from ttdesk.core.people import leaders
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import (
    allocation_problems,
    late_payment_warnings,
    leader_equity_problems,
    reward_deadline,
    step_problems,
    team_share_floor,
    team_share_problems,
)
from ttdesk.core.rules.money import (
    HUNDRED,
    largest_remainder,
    parse_money,
    parse_percent,
    pct_from_int,
    round_fen,
)
from ttdesk.core.rules.statemachine import DISTRIBUTION, require_transition
from ttdesk.db.models import (
    Allocation,
    Deal,
    Distribution,
    OperatingProfit,
    Person,
    distribution_receipt,
)

__all__ = [
    "DEFAULT_DEPARTMENT_PCT", "DEFAULT_TTO_PCT", "AllocationAdjust", "AllocationLine",
    "DistributionDetail", "DistributionIn", "DistributionPlan", "DistributionSummary",
    "PublicityInfo", "approve", "compute", "detail_in_session", "discard",
    "distribution_detail", "distributions_of", "latest_distribution_id",
    "object_to_publicity", "plan_in_session", "record_payment", "resolve_objection", "revise",
    "save", "split_net", "split_team", "start_publicity",
]

_UNIT = Decimal("0.0001")  # stored percentages have four places


# ---- computing -------------------------------------------------------------------------------

def _pct(value: Any, name: str) -> Decimal:
    return parse_percent(value, field=name, allow_zero=True)


def _contributors(s: Session, deal: Deal) -> list[tuple[Person, Decimal]]:
    """Team members and their weight over all the deal's achievements (each counts alike)."""
    weights: dict[int, Decimal] = {}
    for ach in deal.achievements:
        for c in ach.contributions:
            weights[c.person_id] = weights.get(c.person_id, ZERO) + c.share
    people = {p.id: p for p in s.execute(select(Person).where(Person.id.in_(weights))).scalars()}
    return [(people[pid], w) for pid, w in weights.items()]


def _split_units(total_units: int, weights: list[Decimal]) -> list[int]:
    """Split a whole number of units by largest remainder (reusing the fen splitter)."""
    parts = largest_remainder(Decimal(total_units).scaleb(-2), weights)
    return [int(p.scaleb(2)) for p in parts]


def _choose_receipts(s: Session, deal: Deal, ids: list[int] | None,
                     exclude_distribution: int | None = None) -> list[ReceiptRow]:
    rows = receipt_rows(s, deal)
    free = [r for r in rows if r.effective and r.distribution_id in (None,
                                                                     exclude_distribution)]
    if ids is None:
        return free
    by_id = {r.id: r for r in rows}
    out = []
    for rid in dict.fromkeys(ids):
        r = by_id.get(rid)
        if r is None:
            raise RuleViolation("R10", f"收款 #{rid} 不属于合同 {deal.deal_no}",
                                f"receipt #{rid} is not one of deal {deal.deal_no}'s",
                                "receipts", deal.deal_no)
        if not r.effective:
            raise RuleViolation("R10", f"收款 #{rid} 已冲销或为冲销记录，不能分配",
                                f"receipt #{rid} is reversed or a reversal: it cannot be "
                                "distributed", "receipts", deal.deal_no)
        if r.distribution_id not in (None, exclude_distribution):
            raise RuleViolation("R10", f"收款 #{rid} 已列入收益分配 #{r.distribution_id}",
                                f"receipt #{rid} is already in distribution "
                                f"#{r.distribution_id}", "receipts", deal.deal_no)
        out.append(r)
    return out


def _already_deducted(s: Session, deal: Deal, exclude: int | None) -> Decimal:
    stmt = select(func.coalesce(func.sum(Distribution.deductible_costs), 0)).where(
        Distribution.deal_id == deal.id)
    if exclude is not None:
        stmt = stmt.where(Distribution.id != exclude)
    return Decimal(s.execute(stmt).scalar_one())


def _allocate(s: Session, deal: Deal, team_amount: Decimal, is_equity: bool,
              adjustments: list[AllocationAdjust], stake: Decimal | None,
              team_pct: Decimal, approvals_by_staff: dict[str, leaders.LeaderApproval],
              today: date) -> list[AllocationLine]:
    where = deal.deal_no
    team = _contributors(s, deal)
    if not team and not adjustments:
        raise RuleViolation("R10", "该合同的成果没有完成人，无法分配", "the deal's achievements "
                            "have no contributors to allocate to", "allocations", where)
    pct_units = _split_units(100 * 10_000, [w for _, w in team]) if team else []
    contribution = {p.id: pct_from_int(u) for (p, _), u in
                    zip(team, pct_units, strict=True)}
    fixed: dict[int, tuple[Decimal, str]] = {}
    extra: list[Person] = []
    for adj in adjustments:
        person = lookup.person(s, adj.staff_no)
        if not (adj.reason or "").strip():
            raise RuleViolation("R10", f"调整 {person.name} 的分配金额须写明理由",
                                f"adjusting {person.name}'s allocation needs a reason",
                                "adjustment_reason", where)
        amount = parse_money(adj.amount, field="amount")
        fixed[person.id] = (amount, adj.reason.strip())
        if person.id not in contribution:
            extra.append(person)
            contribution[person.id] = Decimal(0)
    free = [(p, w) for p, w in team if p.id not in fixed]
    try:
        split = split_team(team_amount, [w for _, w in free],
                           [a for a, _ in fixed.values()])
    except ValueError:
        raise ValidationFailed(allocation_problems(
            team_amount, [a for a, _ in fixed.values()], where) or [Problem(
                "R10", "个人分配合计与团队金额不一致", "the allocations do not add up to the "
                "team amount", "allocations", where)]) from None
    amounts = dict(zip([p.id for p, _ in free], split, strict=True))
    people = [p for p, _ in team] + extra
    amounts.update({pid: a for pid, (a, _) in fixed.items()})
    equity = _equity_parts(people, amounts, team_amount, stake, team_pct) if is_equity else {}
    approvals = {p.id: leaders.checked(approvals_by_staff.get(p.staff_no), today, where)
                 for p in people} if is_equity else {}
    lines = [AllocationLine(
        p.staff_no, p.name, contribution[p.id], amounts[p.id],
        ZERO if is_equity else round_fen(amounts[p.id] / 2), equity.get(p.id),
        fixed[p.id][1] if p.id in fixed else None, p.leader_level,
        leader_approval=approvals.get(p.id)) for p in people]
    problems = allocation_problems(team_amount, [x.amount for x in lines], where)
    if is_equity:
        problems += leader_equity_problems(
            [(x.name, x.leader_level, x.amount, x.leader_approval is not None)
             for x in lines], where)
    if problems:
        raise ValidationFailed(problems)
    return lines


def split_team(team_amount: Decimal, weights: list[Decimal], fixed: list[Decimal]
               ) -> list[Decimal]:
    """The amounts of the members not set by hand: what the fixed amounts leave of the team
    amount, split by weight to the fen (largest remainder; equal parts if every weight is
    0). ValueError when the fixed amounts exceed the team amount, or when everyone is fixed
    and they do not add up to it exactly."""
    rest = team_amount - sum(fixed, ZERO)
    if rest < 0 or (not weights and rest != 0):
        raise ValueError("allocations do not add up")
    if not weights:
        return []
    if sum(weights, ZERO) == 0:
        weights = [Decimal(1)] * len(weights)
    return largest_remainder(rest, weights)


def split_net(net: Decimal, team_pct: Decimal, department_pct: Decimal, tto_pct: Decimal
              ) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(team, department, TTO, university) amounts of a net income; each rounded half up to
    the fen (the team first, so it never falls under its share), the university taking what
    is left, so the four add up to the net exactly and none is negative."""
    team = round_fen(net * team_pct / HUNDRED)
    dept = min(round_fen(net * department_pct / HUNDRED), net - team)
    tto = min(round_fen(net * tto_pct / HUNDRED), net - team - dept)
    return team, dept, tto, net - team - dept - tto


def _equity_parts(people: list[Person], amounts: dict[int, Decimal], team_amount: Decimal,
                  stake: Decimal | None, team_pct: Decimal) -> dict[int, Decimal]:
    """Each person's percentage of the company: the team's part of the stake formed, split
    like the amounts (largest remainder in ten-thousandths of a percent)."""
    if stake is None or team_amount == 0:
        return {}
    team_units = int((stake * team_pct / HUNDRED / _UNIT).to_integral_value(ROUND_FLOOR))
    units = _split_units(team_units, [amounts[p.id] for p in people]) \
        if any(amounts[p.id] for p in people) else [0] * len(people)
    return {p.id: pct_from_int(u) for p, u in zip(people, units, strict=True)}


def plan_in_session(s: Session, d: DistributionIn, today: date,
                    exclude_distribution: int | None = None) -> DistributionPlan:
    """Compute a distribution inside an open session (no writes)."""
    deal = lookup.deal(s, d.deal_no)
    where = deal.deal_no
    pol = policy.current(s)
    is_equity = d.is_equity
    if is_equity and deal.mode != DealMode.EQUITY:
        raise RuleViolation("R10", "只有作价投资项目可以分配股权奖励", "only an equity deal can "
                            "distribute reward shares", "is_equity", where)
    on_profit = deal.mode in IMPLEMENTATION_MODES
    floor = team_share_floor(pol, is_equity, agreed_share(deal), on_profit)
    team_pct = floor if d.team_share_pct in (None, "") else _pct(d.team_share_pct,
                                                                  "team_share_pct")
    # equity, or a share of the operating profit: no department / TTO part (the profit stays
    # with the unit that implements)
    plain = is_equity or on_profit
    dept_pct = ZERO if plain else _pct(d.department_pct, "department_pct")
    tto_pct = ZERO if plain else _pct(d.tto_pct, "tto_pct")
    problems = team_share_problems(team_pct, floor, where)
    if team_pct + dept_pct + tto_pct > HUNDRED:
        total = team_pct + dept_pct + tto_pct
        problems.append(Problem("R11", f"团队、院系与转移机构比例合计 {total}% 超过 100%",
                                f"team, department and TTO shares add up to {total}%, more "
                                "than 100%", "team_share_pct", where))
    if problems:
        raise ValidationFailed(problems)
    profit_row = None
    if on_profit:  # never a share of receipts (domain.md §6)
        if d.receipt_ids:
            raise RuleViolation("R10", "实施转化的奖励以营业利润为基数，不涉及收款",
                                "a self / joint implementation reward covers no receipts",
                                "receipts", where)
        profit_row = profit.profit_base(s, deal, d.profit_year, pol, exclude_distribution)
        receipts: list[ReceiptRow] = []
        gross = profit_row.amount
    elif is_equity:
        if d.receipt_ids:
            raise RuleViolation("R10", "股权奖励分配不涉及收款", "an equity distribution "
                                "covers no receipts", "receipts", where)
        done = select(Distribution.id).where(Distribution.deal_id == deal.id,
                                             Distribution.is_equity.is_(True))
        if exclude_distribution is not None:
            done = done.where(Distribution.id != exclude_distribution)
        if s.execute(done).first() is not None:
            raise RuleViolation("R10", "该作价投资的股权奖励已经分配", "the equity formed by this "
                                "deal has already been distributed", "is_equity", where)
        receipts = []
        value = deal.price
        if value is None:
            raise RuleViolation("R10", "作价投资须先确定作价金额", "the equity deal needs its "
                                "agreed value first", "price", where)
        gross = value
    else:
        receipts = _choose_receipts(s, deal, d.receipt_ids, exclude_distribution)
        if not receipts:
            raise RuleViolation("R10", "没有可分配的收款", "no receipt to distribute",
                                "receipts", where)
        gross = sum((r.amount for r in receipts), ZERO)
    available = ZERO if on_profit else max(
        deductible_cost_total(s, deal.id) - _already_deducted(s, deal, exclude_distribution),
        ZERO)
    costs = min(available, gross)  # the operating profit is already net of costs
    net = gross - costs
    team_amount, dept, tto, university = split_net(net, team_pct, dept_pct, tto_pct)
    stake = formed_stake(s, deal) if is_equity else None
    lines = _allocate(s, deal, team_amount, is_equity, list(d.adjustments), stake, team_pct,
                      dict(d.leader_approvals), today)
    warnings = [] if is_equity else late_payment_warnings(
        [r.received_on for r in receipts], today, pol, where)
    return DistributionPlan(
        deal.deal_no, deal.title, deal.mode, is_equity, receipts, gross, costs, net, floor,
        team_pct, team_amount, dept, tto, university, lines, stake,
        warnings, pol.number, *_profit_fields(profit_row))


def _profit_fields(row: OperatingProfit | None) -> tuple[int | None, str | None]:
    return (row.year, row.source_document) if row is not None else (None, None)


def compute(ctx: AppContext, d: DistributionIn) -> DistributionPlan:
    """Calculate a distribution without recording it (the officer's preview)."""
    with ctx.read() as s:
        return plan_in_session(s, d, ctx.today())


# ---- recording -------------------------------------------------------------------------------

def _allocation_rows(s: Session, plan: DistributionPlan) -> list[Allocation]:
    ids = dict(s.execute(select(Person.staff_no, Person.id).where(
        Person.staff_no.in_([x.staff_no for x in plan.allocations]))).all())
    return [Allocation(person_id=ids[x.staff_no], contribution_pct=x.contribution_pct,
                       amount=x.amount, taxable_amount=x.taxable_amount, equity_pct=x.equity_pct,
                       adjustment_reason=x.adjustment_reason,
                       **_approval_columns(x.leader_approval)) for x in plan.allocations]


def _approval_columns(a: leaders.LeaderApproval | None) -> dict[str, Any]:
    if a is None:
        return {}
    return {"leader_approval_date": a.approved_on, "leader_approval_body": a.body,
            "leader_approval_doc": a.document_no}


def _reward_deadlines(s: Session, deal: Deal, plan: DistributionPlan) -> None:
    pol = policy.current(s)
    for r in plan.receipts:
        deadlines.upsert(s, f"receipt:{r.id}:reward", reward_deadline(r.received_on, pol),
                         DeadlineKind.REWARD_PAYMENT,
                         f"奖励发放期限（收款后 {pol.values['reward_payment_months']} 个月）："
                         f"{deal.deal_no}", "receipt", r.id, deal.deal_no)


@requires(Act.MONEY)
def save(ctx: AppContext, d: DistributionIn) -> int:
    """Record the computed distribution as a draft; returns its id."""
    with ctx.write() as s:
        plan = plan_in_session(s, d, ctx.today())
        deal = lookup.deal(s, d.deal_no)
        dist = Distribution(
            deal_id=deal.id, status=DistributionStatus.DRAFT, gross_income=plan.gross_income,
            deductible_costs=plan.deductible_costs, net_income=plan.net_income,
            team_share_pct=plan.team_share_pct, team_amount=plan.team_amount,
            department_amount=plan.department_amount, tto_amount=plan.tto_amount,
            university_amount=plan.university_amount, is_equity=plan.is_equity,
            profit_year=plan.profit_year,
            policy_number=plan.policy_number or None, note=(d.note or "").strip() or None)
        dist.allocations = _allocation_rows(s, plan)
        s.add(dist)
        s.flush()
        for rid in plan.receipt_ids:
            s.execute(distribution_receipt.insert().values(distribution_id=dist.id,
                                                           receipt_id=rid))
        _reward_deadlines(s, deal, plan)
        return dist.id


@requires(Act.MONEY)
def revise(ctx: AppContext, distribution_id: int, d: DistributionIn,
           expected_version: int | None = None) -> None:
    """Recompute a draft with new choices (receipts, shares, adjustments)."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id, expected_version)
        if dist.status != DistributionStatus.DRAFT:
            raise RuleViolation("R10", "只有草拟状态的分配可以修改", "only a draft distribution "
                                "can be changed", "status", str(distribution_id))
        deal = s.get(Deal, dist.deal_id)
        assert deal is not None
        if deal.deal_no != d.deal_no or d.is_equity != dist.is_equity or (
                dist.profit_year is not None and d.profit_year != dist.profit_year):
            raise RuleViolation("R10", "不能改变分配所属的合同或类型", "the deal and kind of a "
                                "distribution cannot change", "deal_no", d.deal_no)
        plan = plan_in_session(s, d, ctx.today(), exclude_distribution=dist.id)
        s.execute(distribution_receipt.delete().where(
            distribution_receipt.c.distribution_id == dist.id))
        for key in ("gross_income", "deductible_costs", "net_income", "team_share_pct",
                    "team_amount", "department_amount", "tto_amount", "university_amount",
                    "profit_year"):
            setattr(dist, key, getattr(plan, key))
        dist.note = (d.note or "").strip() or None
        dist.allocations = _allocation_rows(s, plan)
        s.flush()
        for rid in plan.receipt_ids:
            s.execute(distribution_receipt.insert().values(distribution_id=dist.id,
                                                           receipt_id=rid))
        _reward_deadlines(s, deal, plan)


@requires(Act.MONEY)
def discard(ctx: AppContext, distribution_id: int) -> None:
    """Delete a draft (its receipts become free again); anything later is kept for good."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id)
        if dist.status != DistributionStatus.DRAFT:
            raise RuleViolation("R10", "只有草拟状态的分配可以删除", "only a draft distribution "
                                "can be discarded", "status", str(distribution_id))
        s.execute(distribution_receipt.delete().where(
            distribution_receipt.c.distribution_id == dist.id))
        s.delete(dist)


@requires(Act.APPROVE)
def approve(ctx: AppContext, distribution_id: int, on: date, body: str,
            expected_version: int | None = None) -> None:
    """Record the approval (body and date) of a draft."""
    if not (body or "").strip():
        raise RuleViolation("R10", "须填写审批机构", "the approving body is required",
                            "approval_body", str(distribution_id))
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id, expected_version)
        require_transition(DISTRIBUTION, dist.status, DistributionStatus.APPROVED,
                           str(distribution_id))
        latest = max((r.received_on for r in distribution_receipts(s, dist)), default=None)
        problems = step_problems([("received_on", latest, "approval_date", on)],
                                 str(distribution_id))
        if problems:
            raise ValidationFailed(problems)
        if on > ctx.today():
            raise RuleViolation("R12", "审批日期不能晚于今天",
                                "the approval date cannot be in the future", "approval_date",
                                str(distribution_id))
        dist.status, dist.approval_date, dist.approval_body = (
            DistributionStatus.APPROVED, on, body.strip())


@requires(Act.MONEY)
def start_publicity(ctx: AppContext, distribution_id: int, start: date, channel: str) -> date:
    """Publish the recipients and amounts (needed for the tax treatment); returns the last
    day of the publicity. Payment is allowed from the day after."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id)
        require_transition(DISTRIBUTION, dist.status, DistributionStatus.IN_PUBLICITY,
                           str(distribution_id))
        problems = step_problems([("approval_date", dist.approval_date, "publicity_start",
                                   start)], str(distribution_id))
        if problems:
            raise ValidationFailed(problems)
        dist.status = DistributionStatus.IN_PUBLICITY
        pub = publicity.open_publicity(s, dist, start, channel, policy.current(s))
        deal = s.get(Deal, dist.deal_id)
        deadlines.for_publicity(s, pub, deal.deal_no if deal else str(distribution_id))
        return pub.end_date


@requires(Act.MONEY)
def object_to_publicity(ctx: AppContext, distribution_id: int, raised_by: str, on: date,
                        content: str) -> None:
    """Record an objection to the reward publicity; payment waits until it is resolved."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id)
        pub = latest_publicity(s, dist.id)
        if dist.status != DistributionStatus.IN_PUBLICITY or pub is None:
            raise RuleViolation("R10", "该分配不在公示中", "the distribution is not in "
                                "publicity", "publicity", str(distribution_id))
        publicity.add_objection(s, pub, raised_by, on, content)


@requires(Act.MONEY)
def resolve_objection(ctx: AppContext, distribution_id: int, resolution: str, on: date,
                      upheld: bool) -> None:
    """Resolve the open objections: dismissed, the publicity runs on; upheld, it ends and
    the reward cannot be paid as publicised."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id)
        pub = latest_publicity(s, dist.id)
        open_ones = [o for o in pub.objections if o.resolved_on is None] if pub else []
        if pub is None or not open_ones:
            raise RuleViolation("R10", "没有待处理的异议", "no open objection", "publicity",
                                str(distribution_id))
        for obj in open_ones:
            publicity.resolve_objection(obj, resolution, on, upheld)
        if upheld:
            publicity.close(pub, on, PublicityResult.TERMINATED_BY_OBJECTION)


@requires(Act.APPROVE)
def reopen(ctx: AppContext, distribution_id: int) -> None:
    """Back to draft after an upheld objection ended the publicity: the allocation is revised,
    approved and publicised again (the old approval no longer covers it)."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id)
        where = str(distribution_id)
        pub = latest_publicity(s, dist.id)
        if pub is None or pub.result != PublicityResult.TERMINATED_BY_OBJECTION:
            raise RuleViolation("R10", "只有异议成立而终止公示的分配可以退回修改",
                                "only a distribution whose publicity an upheld objection ended "
                                "can go back to draft", "status", where)
        require_transition(DISTRIBUTION, dist.status, DistributionStatus.DRAFT, where)
        dist.status, dist.approval_date, dist.approval_body = (
            DistributionStatus.DRAFT, None, None)


@requires(Act.MONEY)
def record_payment(ctx: AppContext, distribution_id: int, on: date,
                   expected_version: int | None = None) -> list[Problem]:
    """Record the payment date (R10: only after the publicity ended with no open objection).
    Returns warnings, e.g. payment later than 36 months after a receipt (tax treatment)."""
    with ctx.write() as s:
        dist = load_distribution(s, distribution_id, expected_version)
        where = str(distribution_id)
        require_transition(DISTRIBUTION, dist.status, DistributionStatus.PAID, where)
        pub = latest_publicity(s, dist.id)
        if pub is None:
            raise RuleViolation("R10", "现金奖励须先公示", "the reward must be publicised before "
                                "payment", "publicity", where)
        if any(o.resolved_on is None for o in pub.objections):
            raise RuleViolation("R10", "公示存在未处理的异议，不能发放", "an objection to the "
                                "publicity is still open: no payment", "publicity", where)
        if pub.result == PublicityResult.TERMINATED_BY_OBJECTION or any(
                o.upheld for o in pub.objections):
            raise RuleViolation("R10", "异议成立，须重新确定分配方案后再公示", "an objection was "
                                "upheld: the distribution must be settled and publicised again",
                                "publicity", where)
        if on <= pub.end_date:
            raise RuleViolation("R10", f"公示期至 {pub.end_date}，期满后方可发放",
                                f"the publicity runs to {pub.end_date}; payment is allowed "
                                "only after it", "payment_date", where)
        if on > ctx.today():
            raise RuleViolation("R12", "发放日期不能晚于今天", "the payment date cannot be in the "
                                "future", "payment_date", where)
        if pub.result is None:
            publicity.close(pub, on, PublicityResult.NO_OBJECTION)
        deadlines.mark_done(s, f"publicity:{pub.id}:end", on)
        dist.status, dist.payment_date = DistributionStatus.PAID, on
        if dist.profit_year is not None:
            deadlines.mark_done(s, f"deal:{dist.deal_id}:self_reward:{dist.profit_year}", on)
        deal = s.get(Deal, dist.deal_id)
        if not dist.is_equity:
            deadlines.for_reward_payment(s, dist.id, on, policy.current(s),
                                         deal.deal_no if deal else where)
        rows = distribution_receipts(s, dist)
        for r in rows:
            deadlines.mark_done(s, f"receipt:{r.id}:reward", on)
        return late_payment_warnings([r.received_on for r in rows], on, policy.current(s),
                                     where)
