"""Policy: every configurable number of the rules, stored in the database and versioned.

Defaults are Beijing's (domain.md §5). A change makes a new version; records keep the
number of the version they were decided under (`policy_number`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.rules.plan_targets import DEFAULT_TARGETS, TARGET_KEYS, targets_for
from ttdesk.db.models import PolicyVersion

DEFAULT_POLICY: dict[str, Any] = {
    "team_share_min_income": "70",
    "team_share_min_equity": "70",
    "publicity_days": 15,
    "publicity_day_kind": "calendar",
    "long_term_use_min_years": 10,
    # Upper bounds in yuan, ascending; the last tier has no bound (null).
    "approval_tiers": [
        {"max_price": "4000000.00", "body": "技术转移中心",
         "body_en": "Technology Transfer Office"},
        {"max_price": "8000000.00", "body": "成果转化领导小组",
         "body_en": "Conversion Leading Group"},
        {"max_price": None, "body": "党委常委会", "body_en": "Party Standing Committee"},
    ],
    "deductible_cost_categories": ["patent_fees", "appraisal", "exchange_fees", "legal", "taxes"],
    "reward_payment_months": 36,
    "secret_filing_working_days": 15,
    # -- law2: contract registration, measures of 2026 (domain.md §6) --
    # the office's own deadline for submitting after signing (calendar days)
    "registration_submit_days": 30,
    # the registration office's answer after a submission (working days), longer from the
    # large amount (contract value, yuan) up or for a disputed contract
    "registration_working_days": 15,
    "registration_working_days_large": 30,
    "registration_large_amount": "5000000.00",
    # an open licence (开放许可) runs at least this many months
    "open_license_min_months": 12,
    "annual_report_due": "03-31",
    "case_no_format": "CG-{year}-{seq:04d}",
    "deal_no_format": "HT-{year}-{seq:04d}",
    "ledger_columns": [
        "case_no", "title", "kind", "department", "disclosure_date", "research_stage",
        "status", "mode", "price", "income", "equity",
    ],
    "signature_roles": ["经办人", "部门负责人", "分管校领导"],
    # The due-diligence checklist of a deal (domain.md §6); F04 needs every item ticked.
    # ---- issue 19 (law): domain.md §6
    # Publicity per subject: `publicity_days` / `publicity_day_kind` above are the pricing
    # publicity of a deal; the rights grant and the cash reward have their own. The reward's
    # runs at least 15 working days (the 50% tax treatment needs it).
    "grant_publicity_days": 15,
    "grant_publicity_day_kind": "calendar",
    "reward_publicity_days": 15,
    "reward_publicity_day_kind": "working",
    # Self / joint implementation: at least 5% of the year's operating profit, for 5 years
    # after production starts (national floor 5% for 3 to 5 years); each year's reward is
    # due by this month-day of the following year (the office's own rule).
    "team_share_min_self_profit": "5",
    "self_reward_years": 5,
    "self_reward_due": "06-30",
    # after each reward payment, its tax filing (备案) by this day of the following month
    "reward_tax_filing_day": 15,
    "due_diligence_items": [
        {"key": "counterparty_credit", "zh": "交易对方资信与履约能力",
         "en": "Counterparty credit and capacity"},
        {"key": "related_party", "zh": "关联关系申报", "en": "Related-party declaration"},
        {"key": "ip_status", "zh": "知识产权状态与权利负担", "en": "IP status and encumbrances"},
        {"key": "funding_terms", "zh": "经费来源约定", "en": "Funding terms"},
        {"key": "secrecy_review", "zh": "保密审查", "en": "Secrecy review"},
        {"key": "valuation_basis", "zh": "定价与估值依据", "en": "Valuation basis"},
    ],
    # The institution's own yearly targets toward the Beijing Action Plan 2025–2027
    # (1,000 platforms, 5,000 development projects, 3,000 companies, 600 专精特新 city-wide).
    # 存量专利盘活: the CNIPA annuity fee table; None = as shipped (resources/annuity-fees-cn.json)
    "annuity_fees": None,
    "action_plan_targets": DEFAULT_TARGETS,
}

# National floors under which no unit's own rule may go (domain.md §1).
NATIONAL_FLOOR = Decimal(50)
SELF_PROFIT_FLOOR = Decimal(5)  # ≥ 5% of the operating profit (self / joint implementation)
# The cash-reward publicity the 50% tax treatment asks for: at least 15 working days.
REWARD_PUBLICITY_MIN_WORKING_DAYS = 15


@dataclass(frozen=True)
class ApprovalTier:
    max_price: Decimal | None
    body: str
    body_en: str


@dataclass(frozen=True)
class Policy:
    number: int
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def team_share_min_income(self) -> Decimal:
        return Decimal(str(self.values["team_share_min_income"]))

    @property
    def team_share_min_equity(self) -> Decimal:
        return Decimal(str(self.values["team_share_min_equity"]))

    @property
    def publicity_days(self) -> int:
        return int(self.values["publicity_days"])

    @property
    def publicity_day_kind(self) -> str:
        return str(self.values["publicity_day_kind"])

    def publicity_for(self, subject: str) -> tuple[int, str]:
        """(days, day kind) of a publicity of `subject` (a PublicitySubject code): the deal's
        pricing publicity, the rights grant's, or the cash reward's (domain.md §6)."""
        prefix = {"rights_grant": "grant_", "distribution": "reward_"}.get(str(subject), "")
        return (int(self.values[f"{prefix}publicity_days"]),
                str(self.values[f"{prefix}publicity_day_kind"]))

    @property
    def team_share_min_self_profit(self) -> Decimal:
        return Decimal(str(self.values["team_share_min_self_profit"]))

    @property
    def self_reward_years(self) -> int:
        return int(self.values["self_reward_years"])

    @property
    def long_term_use_min_years(self) -> int:
        return int(self.values["long_term_use_min_years"])

    @property
    def secret_filing_working_days(self) -> int:
        return int(self.values["secret_filing_working_days"])

    def action_plan_targets(self, year: int) -> dict[str, int]:
        """The institution's own targets for `year` (0 where none is set)."""
        return targets_for(self.values, year)

    @property
    def approval_tiers(self) -> list[ApprovalTier]:
        return [
            ApprovalTier(
                None if t["max_price"] is None else Decimal(str(t["max_price"])),
                t["body"],
                t.get("body_en", t["body"]),
            )
            for t in self.values["approval_tiers"]
        ]

    def tier_for(self, price: Decimal) -> ApprovalTier:
        """R6: the body that must approve a deal of this price."""
        for tier in self.approval_tiers:
            if tier.max_price is None or price <= tier.max_price:
                return tier
        return self.approval_tiers[-1]


POSITIVE_INTS = ("publicity_days", "long_term_use_min_years", "reward_payment_months",
                 "secret_filing_working_days", "contract_registration_days",
                 "registration_submit_days", "registration_working_days",
                 "registration_working_days_large", "open_license_min_months",
                 "grant_publicity_days", "reward_publicity_days", "self_reward_years",
                 "reward_tax_filing_day")
DAY_KINDS = ("publicity_day_kind", "grant_publicity_day_kind", "reward_publicity_day_kind")


def _problem(key: str, zh: str, en: str) -> Any:
    return RuleViolation("POLICY", f"{key}：{zh}", f"{key}: {en}", field=key).problems[0]


def _share(values: dict[str, Any], key: str) -> Any:
    raw = values.get(key)
    try:
        share = Decimal(str(raw))
        ok = share.is_finite() and NATIONAL_FLOOR <= share <= 100 and not isinstance(raw, bool)
    except (ArithmeticError, ValueError):
        ok = False
    if ok:
        return None
    return _problem(key, f"须为 50 与 100 之间的数（国家规定下限 50%），不能是 {raw!r}",
                    f"must be a number between 50 and 100 (national floor 50%), not {raw!r}")


def _positive_int(values: dict[str, Any], key: str) -> Any:
    raw = values.get(key)
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= 100_000:
        return None
    return _problem(key, f"须为正整数，不能是 {raw!r}",
                    f"must be a positive whole number, not {raw!r}")


def validate_values(values: dict[str, Any]) -> None:
    """Every policy value checked the same way wherever it comes from (the settings page, an
    imported document): a located, bilingual problem per bad value, never a crash."""
    problems = [p for p in (_share(values, "team_share_min_income"),
                            _share(values, "team_share_min_equity")) if p]
    problems += [_problem(k, "须为 calendar 或 working", "must be calendar or working")
                 for k in DAY_KINDS if k in values and values[k] not in ("calendar", "working")]
    problems += _law_problems(values)
    if values.get("annuity_fees") is not None:
        from ttdesk.core.rules.annuity import parse_table

        try:
            parse_table(values["annuity_fees"])
        except RuleViolation as exc:
            problems += exc.problems
    problems += [p for p in (_positive_int(values, k) for k in POSITIVE_INTS if k in values)
                 if p]
    tiers = values.get("approval_tiers")
    try:
        parsed = [ApprovalTier(None if t["max_price"] is None else Decimal(str(t["max_price"])),
                               str(t["body"]), str(t.get("body_en") or t["body"]))
                  for t in tiers]
        bounds = [t.max_price for t in parsed]
        ok = bool(parsed) and bounds[-1] is None and None not in bounds[:-1] \
            and bounds[:-1] == sorted(bounds[:-1]) and all(b > 0 for b in bounds[:-1])
    except (TypeError, KeyError, AttributeError, ArithmeticError, ValueError):
        ok = False
    if not ok:
        problems.append(_problem("approval_tiers", "审批层级须按金额上限递增，最后一级无上限",
                                 "approval tiers must have rising price bounds and an "
                                 "unbounded last tier"))
    items = values.get("due_diligence_items") or []
    if not isinstance(items, list):
        items = [None]  # not a list: refused below like an unnamed item
    keys = [str(i.get("key", "")).strip() for i in items if isinstance(i, dict)]
    if len(keys) != len(items) or not all(keys) or len(set(keys)) != len(keys) or not all(
            str(i.get("zh", "")).strip() for i in items):
        problems.append(RuleViolation(
            "POLICY", "尽职调查清单项须各有名称且不重复",
            "each due-diligence item needs a name, without duplicates",
            field="due_diligence_items").problems[0])
    problems += _targets(values.get("action_plan_targets"))
    if problems:
        raise ValidationFailed(problems)


def _targets(raw: Any) -> list[Any]:
    """Action Plan targets: {"YYYY": {platforms, contracts, companies, zjtx: whole ≥ 0}}."""
    if raw is None:
        return []
    ok = isinstance(raw, dict)
    for year, figures in (raw.items() if ok else ()):
        ok = ok and str(year).isdigit() and 2000 <= int(year) <= 2100 \
            and isinstance(figures, dict) and set(figures) <= set(TARGET_KEYS) \
            and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 1_000_000
                    for v in figures.values())
    if ok:
        return []
    return [_problem("action_plan_targets", "行动计划年度目标须为各年份的非负整数",
                     "Action Plan targets must be whole numbers ≥ 0 per year")]
def month_day(text: Any, year: int) -> date | None:
    """The day of a "MM-DD" policy value in `year` (None when it is not one)."""
    raw = str(text)
    try:
        if len(raw) != 5 or raw[2] != "-":
            return None
        return date(year, int(raw[:2]), int(raw[3:]))
    except ValueError:
        return None


def _law_problems(values: dict[str, Any]) -> list[Any]:
    """The floors of domain.md §6: the reward publicity counts at least 15 working days; the
    self / joint reward is at least 5% of the operating profit; its due day is a month-day."""
    out = []
    days, kind = values.get("reward_publicity_days"), values.get("reward_publicity_day_kind")
    if kind == "calendar" or (isinstance(days, int) and not isinstance(days, bool)
                              and days < REWARD_PUBLICITY_MIN_WORKING_DAYS):
        n = REWARD_PUBLICITY_MIN_WORKING_DAYS
        out.append(_problem("reward_publicity_days",
                            f"现金奖励公示不少于 {n} 个工作日（减按 50% 计税的条件）",
                            f"the cash-reward publicity runs at least {n} working days (the "
                            "condition of the 50% tax treatment)"))
    raw = values.get("team_share_min_self_profit", SELF_PROFIT_FLOOR)
    try:
        share = Decimal(str(raw))
        ok = share.is_finite() and SELF_PROFIT_FLOOR <= share <= 100 \
            and not isinstance(raw, bool)
    except (ArithmeticError, ValueError):
        ok = False
    if not ok:
        out.append(_problem("team_share_min_self_profit",
                            f"须为 5 与 100 之间的数（国家规定下限 5%），不能是 {raw!r}",
                            f"must be a number between 5 and 100 (national floor 5%), "
                            f"not {raw!r}"))
    if month_day(values.get("self_reward_due", "06-30"), 2001) is None:
        out.append(_problem("self_reward_due", "须为“月-日”，如 06-30",
                            "must be a month-day such as 06-30"))
    return out


def current(session: Session) -> Policy:
    row = session.execute(
        select(PolicyVersion).order_by(PolicyVersion.number.desc()).limit(1)
    ).scalar_one_or_none()
    if row is None:
        return Policy(0, copy.deepcopy(DEFAULT_POLICY))
    merged = copy.deepcopy(DEFAULT_POLICY)
    merged.update(row.values)
    if "contract_registration_days" in row.values and \
            "registration_submit_days" not in row.values:  # a version stored before 0007
        merged["registration_submit_days"] = row.values["contract_registration_days"]
    return Policy(row.number, merged)


def ensure_default(session: Session, actor: str) -> Policy:
    """Store the Beijing defaults as version 1 if the database has no policy yet."""
    policy = current(session)
    if policy.number == 0:
        session.add(PolicyVersion(number=1, created_by=actor, note="北京默认值 / Beijing defaults",
                                  values=copy.deepcopy(DEFAULT_POLICY)))
        session.flush()
        policy = current(session)
    return policy


def update(session: Session, actor: str, changes: dict[str, Any], note: str = "") -> Policy:
    """Make a new policy version with `changes` applied; earlier records keep theirs."""
    base = current(session)
    unknown = set(changes) - set(DEFAULT_POLICY)
    if unknown:
        raise RuleViolation("POLICY", f"未知的政策项：{sorted(unknown)}",
                            f"unknown policy keys: {sorted(unknown)}")
    values = dict(base.values, **changes)
    validate_values(values)
    session.add(PolicyVersion(number=base.number + 1, created_by=actor, note=note, values=values))
    session.flush()
    return current(session)
