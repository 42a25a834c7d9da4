"""Rules R1-R9 and R11-R12 as pure checks over records, shared by the services (which refuse
an action) and `check` (which re-validates stored data). Each returns a list of Problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ttdesk.codes import (
    COOPERATION_MODES,
    IMPLEMENTATION_MODES,
    DealMode,
    GrantForm,
    GrantStatus,
    LeaderLevel,
    PricingMethod,
    PublicityResult,
    Secrecy,
)
from ttdesk.core.base.errors import Problem, RuleViolation
from ttdesk.core.rules.money import check_shares_sum
from ttdesk.core.rules.policy import Policy
from ttdesk.core.rules.workdays import add_months
from ttdesk.db.models import Achievement, Deal, Publicity, RightsGrant

_DAY = timedelta(days=1)


def P(rule: str, zh: str, en: str, field: str | None = None, where: str | None = None
      ) -> Problem:
    return Problem(rule=rule, zh=zh, en=en, field=field, where=where)


def shares_problems(shares: Iterable[Decimal], where: str | None = None) -> list[Problem]:
    """R1: contribution shares each > 0 and summing to exactly 100."""
    try:
        check_shares_sum(list(shares))
    except RuleViolation as exc:
        return [Problem(p.rule, p.zh, p.en, p.field or "contributors", where)
                for p in exc.problems]
    return []


def disclosure_problems(a: Achievement) -> list[Problem]:
    """R2: what a disclosure needs before assessment starts."""
    where = a.case_no
    out = []
    if not (a.title or "").strip():
        out.append(P("R2", "缺少成果名称", "title is missing", "title", where))
    if a.kind is None:
        out.append(P("R2", "缺少成果类型", "kind is missing", "kind", where))
    if a.department_id is None and a.department is None:
        out.append(P("R2", "缺少所属单位", "department is missing", "department", where))
    if not a.contributions:
        out.append(P("R2", "至少需要一名完成人", "at least one contributor is required",
                     "contributors", where))
    if not a.funding_sources and not a.no_funding:
        out.append(P("R2", "须申报经费来源，或明确声明“无”",
                     "declare the funding sources, or explicitly declare none",
                     "funding", where))
    return out


# ---- plain-data forms: what the deal and publicity rules read --------------------------------
# The services build them from the ORM records they hold (`deal_facts`, `publicity_facts`);
# `check` builds them from a few set-based queries over every deal. Both then run the same
# rule functions below, so a rule is written once and `check` needs no ORM object graph.

@dataclass(frozen=True, slots=True)
class PublicityFacts:
    """One publicity as R3/R5 read it: its result, its last day, any objection unresolved."""

    result: PublicityResult | None
    end_date: date
    objection_open: bool


def publicity_facts(pubs: Iterable[Publicity]) -> list[PublicityFacts]:
    return [PublicityFacts(p.result, p.end_date,
                           any(o.resolved_on is None for o in p.objections)) for p in pubs]


@dataclass(frozen=True, slots=True)
class DealFacts:
    """One deal as R4-R9 read it (approval, signing): its own columns, whether it has a
    valuation record and whether any of its achievements touches state secrets."""

    deal_no: str
    mode: DealMode
    price: Decimal | None
    pricing_method: PricingMethod | None
    approval_body: str | None
    approval_date: date | None
    related_party_declared: bool
    related_party_declaration: str | None
    related_party_approval_date: date | None
    supervising_approval_ref: str | None
    supervising_approval_date: date | None
    exchange_reference: str | None
    has_valuation: bool
    touches_secret: bool


def deal_facts(d: Deal) -> DealFacts:
    """The facts of an ORM deal (its valuations and achievements loaded as needed)."""
    return DealFacts(
        d.deal_no, d.mode, d.price, d.pricing_method, d.approval_body, d.approval_date,
        d.related_party_declared, d.related_party_declaration, d.related_party_approval_date,
        d.supervising_approval_ref, d.supervising_approval_date, d.exchange_reference,
        bool(d.valuations), any(a.secrecy == Secrecy.SECRET_OR_SECURITY for a in d.achievements))


def closed_without_objection(pubs: Iterable[PublicityFacts]) -> PublicityFacts | None:
    """The latest publicity that ended with no objection and has no open objection."""
    done = [p for p in pubs if p.result == PublicityResult.NO_OBJECTION and not p.objection_open]
    return max(done, key=lambda p: p.end_date) if done else None


def open_objection(pubs: Iterable[PublicityFacts]) -> bool:
    return any(p.objection_open for p in pubs)


def grant_terms_problems(g: RightsGrant, a: Achievement, policy: Policy) -> list[Problem]:
    """R3 (terms): share strictly between 0 and 100, or term ≥ the policy minimum;
    not for secret/security or public-interest achievements (negative list)."""
    where = a.case_no
    out = []
    if g.form == GrantForm.CO_OWNERSHIP:
        if g.team_share is None or not (Decimal(0) < g.team_share < Decimal(100)):
            out.append(P("R3", "共有比例须大于 0 且小于 100%",
                         "co-ownership team share must be strictly between 0 and 100%",
                         "team_share", where))
    elif g.term_years is None or g.term_years < policy.long_term_use_min_years:
        n = policy.long_term_use_min_years
        out.append(P("R3", f"长期使用权期限不得少于 {n} 年",
                     f"a long-term use right must run at least {n} years", "term_years", where))
    if a.secrecy == Secrecy.SECRET_OR_SECURITY:
        out.append(P("R3", "涉密或涉及国家安全的成果不得赋权（负面清单）",
                     "achievements touching state secrets or security cannot be granted "
                     "(negative list)", "secrecy", where))
    if a.public_interest:
        out.append(P("R3", "关系国计民生和重大公共利益的成果不得赋权（负面清单）",
                     "achievements bearing on the national economy and people's livelihood or "
                     "on major public interests cannot be granted (negative list)",
                     "public_interest", where))
    return out


def grant_agreement_problems(g: RightsGrant, pubs: Sequence[PublicityFacts]) -> list[Problem]:
    """R3 (agreement): only after publicity closed with no open objection and an approval."""
    where = g.achievement.case_no if g.achievement else None
    out = []
    if not g.consent_recorded:
        out.append(P("R3", "须记录全体完成人同意", "consent of all inventors must be recorded",
                     "consent_recorded", where))
    pub = closed_without_objection(pubs)
    if pub is None or open_objection(pubs):
        out.append(P("R3", "赋权公示须无异议结束后方可签订协议",
                     "the grant's publicity must have closed with no open objection before "
                     "the agreement", "publicity", where))
    if not (g.decision_body and g.decision_date):
        out.append(P("R3", "须先记录审批决定（机构、日期）",
                     "an approval decision (body, date) must be recorded first",
                     "decision", where))
    if pub is not None and g.agreement_date is not None and g.agreement_date <= pub.end_date:
        out.append(P("R3", f"协议日期须晚于公示结束日 {pub.end_date}",
                     f"the agreement date must be after the publicity's end {pub.end_date}",
                     "agreement_date", where))
    return out


def is_cooperation(d: Deal | DealFacts) -> bool:
    return d.mode in COOPERATION_MODES


def is_implementation(d: Deal | DealFacts) -> bool:
    """Self or joint implementation (domain.md §6): no sale, so no price, pricing method,
    publicity or counterparty signing; R5/R6 on the price do not apply."""
    return d.mode in IMPLEMENTATION_MODES


def approval_problems(d: DealFacts, policy: Policy, interested: bool) -> list[Problem]:
    """What a deal needs before it may be approved: R6 tier, R7 related party,
    R8 valuation for equity, R9 supervising approval for secret achievements."""
    where = d.deal_no
    out = []
    if is_implementation(d):
        pass  # no sale: the decision (body, date) is what it needs
    elif d.price is None:
        out.append(P("R6", "须先确定价格", "the price must be set first", "price", where))
    elif d.approval_body:
        tier = policy.tier_for(d.price)
        if d.approval_body != tier.body:
            out.append(P("R6", f"价格 ¥{d.price:,} 应由“{tier.body}”审批，而非“{d.approval_body}”",
                         f"a price of ¥{d.price:,} must be approved by {tier.body_en} "
                         f"({tier.body}), not {d.approval_body}", "approval_body", where))
    if not (is_cooperation(d) or is_implementation(d)) and d.pricing_method is None:
        out.append(P("R5", "须选择定价方式（协议定价、挂牌交易或拍卖）",
                     "choose a pricing method (negotiated, listing or auction)",
                     "pricing_method", where))
    if interested and not (d.related_party_declared and d.related_party_declaration
                           and d.related_party_approval_date):
        out.append(P("R7", "完成人与受让方存在关联关系：须提交关联关系申报并完成加签审批",
                     "a contributor has an interest in the counterparty: the related-party "
                     "declaration and its extra approval are required", "related_party", where))
    if d.mode == DealMode.EQUITY and not d.has_valuation:
        out.append(P("R8", "作价投资须先记录评估（或不评估的理由）",
                     "an equity investment needs a valuation record (or the reason for not "
                     "appraising) before approval", "valuation", where))
    if d.touches_secret and not (d.supervising_approval_ref and d.supervising_approval_date):
        out.append(P("R9", "涉密成果须先取得主管部门审批", "an achievement touching state "
                     "secrets or security needs the supervising department's approval",
                     "supervising_approval", where))
    return out


def signing_problems(d: DealFacts, pubs: Sequence[PublicityFacts], signing: date,
                     grant: GrantStatus | None) -> list[Problem]:
    """R5 pricing publicity / exchange reference and R4 先赋权后行权 before signing; `grant`:
    the status of the rights grant the deal exercises, if any."""
    where = d.deal_no
    out = []
    if d.approval_date is None:
        out.append(P("R6", "须先记录审批", "the approval must be recorded first",
                     "approval_date", where))
    elif signing < d.approval_date:
        out += step_problems([("approval_date", d.approval_date, "signing_date", signing)],
                             where)
    if d.pricing_method == PricingMethod.NEGOTIATED and not is_cooperation(d):
        pub = closed_without_objection(pubs)
        still_running = [p for p in pubs if p.result is None]
        if open_objection(pubs):
            out.append(P("R5", "公示存在未处理的异议，不能签约",
                         "an objection to the publicity is still open: signing is suspended",
                         "publicity", where))
        elif pub is None or still_running:
            p = max(still_running, key=lambda x: x.end_date) if still_running else None
            extra_zh = f"（公示期至 {p.end_date}，{p.end_date + _DAY} 起可签约）" if p else ""
            extra_en = f" (publicity runs to {p.end_date}; signing from {p.end_date + _DAY})" \
                if p else ""
            out.append(P("R5", "协议定价须公示期满且无异议后方可签约" + extra_zh,
                         "a negotiated price cannot be signed before its publicity has ended "
                         "with no objection" + extra_en, "publicity", where))
        elif signing <= pub.end_date:
            out.append(P("R5", f"公示期至 {pub.end_date}，{pub.end_date + _DAY} 起方可签约",
                         f"the publicity ends {pub.end_date}; signing is allowed from "
                         f"{pub.end_date + _DAY}", "signing_date", where))
    elif d.pricing_method in (PricingMethod.LISTING, PricingMethod.AUCTION) and not (
            d.exchange_reference or "").strip():
        out.append(P("R5", "挂牌或拍卖须记录技术交易所/拍卖编号",
                     "a listing or auction needs the exchange / auction reference",
                     "exchange_reference", where))
    if grant is not None:
        from ttdesk.core.rules.statemachine import GRANT_EXERCISABLE

        if grant not in GRANT_EXERCISABLE:
            out.append(P("R4", "先赋权后行权：赋权须已签订协议后方可行使权利",
                         "grant before exercise: the rights grant must be at agreement signed "
                         "or later before the team acts on it", "rights_grant", where))
    return out


def dates_in_order(pairs: Iterable[tuple[str, date | None, str, date | None]],
                   where: str | None) -> list[Problem]:
    """R12: each (earlier_name, earlier, later_name, later) must satisfy earlier ≤ later."""
    out = []
    for a_name, a, b_name, b in pairs:
        if a is not None and b is not None and a > b:
            out.append(P("R12", f"{a_name}（{a}）不得晚于{b_name}（{b}）",
                         f"{a_name} ({a}) must not be after {b_name} ({b})", b_name, where))
    return out


# ---- R10 distribution ----------------------------------------------------------------------

def team_share_floor(policy: Policy, is_equity: bool,
                     agreed: Decimal | None = None, on_profit: bool = False) -> Decimal:
    """R10: the lowest team share allowed — the policy's floor for cash income or for equity,
    or the share an agreement (e.g. a co-ownership grant) sets when that is higher; for a
    self / joint implementation (`on_profit`) the floor on the year's operating profit."""
    if on_profit:
        return policy.team_share_min_self_profit
    floor = policy.team_share_min_equity if is_equity else policy.team_share_min_income
    return max(floor, agreed) if agreed is not None else floor


def team_share_problems(pct: Decimal, floor: Decimal, where: str | None = None
                        ) -> list[Problem]:
    if pct < floor:
        return [P("R10", f"团队分配比例 {pct}% 低于下限 {floor}%",
                  f"the team share {pct}% is below the floor of {floor}%", "team_share_pct",
                  where)]
    return []


def allocation_problems(team_amount: Decimal, amounts: Iterable[Decimal],
                        where: str | None = None) -> list[Problem]:
    """R10: per-person amounts are non-negative and add up to exactly the team amount."""
    parts = list(amounts)
    out = []
    if any(a < 0 for a in parts):
        out.append(P("R10", "个人分配金额不能为负数", "a person's allocation cannot be negative",
                     "allocations", where))
    total = sum(parts, Decimal("0.00"))
    if total != team_amount:
        out.append(P("R10", f"个人分配合计 ¥{total:,} 与团队金额 ¥{team_amount:,} 不一致",
                     f"the allocations add up to ¥{total:,}, not the team amount "
                     f"¥{team_amount:,}", "allocations", where))
    return out


def leader_equity_problems(lines: Iterable[tuple[str, LeaderLevel, Decimal, bool]],
                           where: str | None = None) -> list[Problem]:
    """R10 (domain.md §6): a principal leader (正职领导) of the institution or of a legal-person
    subsidiary takes cash rewards only, never equity; another leader (deputy, dean, head of a
    college) takes equity only with an approval / filing record (报批/备案).
    `lines` are (name, leader level, amount, approval recorded) of an equity distribution or
    cap table."""
    out = []
    for name, level, amount, approved in lines:
        if amount <= 0:
            continue
        if level == LeaderLevel.PRINCIPAL:
            out.append(P("R10", f"{name} 为正职领导，只能获得现金奖励，不能获得股权奖励",
                         f"{name} is a principal leader and may take cash rewards only, "
                         "not equity", "allocations", where))
        elif level == LeaderLevel.OTHER and not approved:
            out.append(P("R10", f"{name} 担任领导职务，获得股权奖励须有报批/备案记录"
                         "（日期、审批机构、文号）",
                         f"{name} holds a leading post: an equity reward needs its approval "
                         "record (date, body, document number)", "leader_approval", where))
    return out


def leader_approval_problems(on: date | None, body: str | None, doc: str | None,
                             today: date, where: str | None = None) -> list[Problem]:
    """R10: an approval record of a leader's equity is complete (date, body, document number)
    and not dated in the future. All three empty means no record (no problem here)."""
    if on is None and not (body or "").strip() and not (doc or "").strip():
        return []
    out = []
    if on is None or not (body or "").strip() or not (doc or "").strip():
        out.append(P("R10", "领导人员股权奖励的报批/备案记录须填写日期、审批机构和文号",
                     "a leader's equity approval record needs its date, body and document "
                     "number", "leader_approval", where))
    if on is not None and on > today:
        out.append(P("R12", "报批/备案日期不能晚于今天",
                     "the approval record's date cannot be in the future",
                     "leader_approval_date", where))
    return out


def reward_deadline(received_on: date, policy: Policy) -> date:
    """The last day a reward for this receipt keeps the 50% tax treatment (36 months)."""
    return add_months(received_on, int(policy.values["reward_payment_months"]))


def reward_tax_filing_due(paid_on: date, policy: Policy) -> date:
    """The reward's tax filing (备案) after a payment: by the policy's day (15th) of the
    month after the payment (clamped to that month's last day)."""
    first_next = add_months(paid_on.replace(day=1), 1)
    day = int(policy.values.get("reward_tax_filing_day", 15))
    return first_next.replace(day=min(day, _month_days(first_next)))


def _month_days(d: date) -> int:
    return (add_months(d.replace(day=1), 1) - d.replace(day=1)).days


def late_payment_warnings(received: Iterable[date], paid_on: date, policy: Policy,
                          where: str | None = None) -> list[Problem]:
    """R10 (a warning, not a refusal): payment later than the policy's months after a
    receipt loses the 50% tax treatment of the cash reward."""
    months = int(policy.values["reward_payment_months"])
    late = sorted({r for r in received if paid_on > reward_deadline(r, policy)})
    if not late:
        return []
    first = late[0]
    return [P("R10", f"发放日期 {paid_on} 晚于收款（{first}）后 {months} 个月，"
              "现金奖励不再享受减按 50% 计税",
              f"payment on {paid_on} is more than {months} months after the receipt of "
              f"{first}: the 50% tax treatment of the cash reward is lost", "payment_date",
              where)]


# ---- R12 across steps (domain.md §6) --------------------------------------------------------

STEP_DATES: dict[str, tuple[str, str]] = {
    "disclosure_date": ("披露日期", "disclosure date"),
    "application_date": ("申请日期", "application date"),
    "college_review_date": ("院系审核日期", "college review date"),
    "tto_review_date": ("转移机构审核日期", "TTO review date"),
    "publicity_start": ("公示开始日", "publicity start"),
    "decision_date": ("审批日期", "approval date"),
    "approval_date": ("审批日期", "approval date"),
    "agreement_date": ("协议日期", "agreement date"),
    "title_change_date": ("权属变更日期", "title change date"),
    "signing_date": ("签约日期", "signing date"),
    "registration_date": ("登记日期", "registration date"),
    "registration_submitted_on": ("登记提交日期", "registration submission"),
    "received_on": ("收款日期", "receipt date"),
}
# (earlier step, its date, later step, its date): earlier ≤ later
StepPair = tuple[str, date | None, str, date | None]


def deal_step_pairs(disclosed: date | None, approval: date | None, publicity_start: date | None,
                    signing: date | None, registration: date | None) -> list[StepPair]:
    """A deal's dates in step order: approval ≥ the disclosure of its achievements (the latest
    one), the latest publicity ≥ the approval it follows, signing ≥ approval, registration ≥
    signing. Signing after the publicity's end is R5 (signing_problems)."""
    return [("disclosure_date", disclosed, "approval_date", approval),
            ("approval_date", approval, "publicity_start", publicity_start),
            ("approval_date", approval, "signing_date", signing),
            ("signing_date", signing, "registration_date", registration)]


def grant_step_pairs(disclosed: date | None, g: RightsGrant, publicity_start: date | None
                     ) -> list[StepPair]:
    """A rights grant's dates in step order: application ≥ disclosure, each review ≥ the one
    before, the publicity ≥ the TTO review, the approval ≥ every review and ≥ disclosure,
    agreement ≥ approval, title change ≥ agreement."""
    return [("disclosure_date", disclosed, "application_date", g.application_date),
            ("application_date", g.application_date, "college_review_date",
             g.college_review_date),
            ("college_review_date", g.college_review_date, "tto_review_date",
             g.tto_review_date),
            ("tto_review_date", g.tto_review_date, "publicity_start", publicity_start),
            ("disclosure_date", disclosed, "decision_date", g.decision_date),
            ("college_review_date", g.college_review_date, "decision_date", g.decision_date),
            ("tto_review_date", g.tto_review_date, "decision_date", g.decision_date),
            ("decision_date", g.decision_date, "agreement_date", g.agreement_date),
            ("agreement_date", g.agreement_date, "title_change_date", g.title_change_date)]


def step_problems(pairs: Iterable[StepPair], where: str | None,
                  only: str | None = None) -> list[Problem]:
    """R12: each later step's date is on or after the earlier one's; the message names both
    dates. `only` keeps the pairs that involve that step (the one being entered)."""
    out = []
    for a_key, a, b_key, b in pairs:
        if only is not None and only not in (a_key, b_key):
            continue
        if a is not None and b is not None and b < a:
            (a_zh, a_en), (b_zh, b_en) = STEP_DATES[a_key], STEP_DATES[b_key]
            out.append(P("R12", f"{b_zh}（{b}）不得早于{a_zh}（{a}）",
                         f"the {b_en} ({b}) cannot precede the {a_en} ({a})", b_key, where))
    return out
