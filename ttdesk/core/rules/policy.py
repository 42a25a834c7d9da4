"""Policy: every configurable number of the rules, stored in the database and versioned.

Defaults are Beijing's (domain.md §5). A change makes a new version; records keep the
number of the version they were decided under (`policy_number`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import RuleViolation, ValidationFailed
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
    "action_plan_targets": {
        "2025": {"platforms": 5, "contracts": 100, "companies": 5, "zjtx": 1},
        "2026": {"platforms": 6, "contracts": 120, "companies": 6, "zjtx": 2},
        "2027": {"platforms": 8, "contracts": 150, "companies": 8, "zjtx": 3},
    },
}

#: the four Action Plan figures an institution sets yearly targets for
TARGET_KEYS = ("platforms", "contracts", "companies", "zjtx")

# National floors under which no unit's own rule may go (domain.md §1).
NATIONAL_FLOOR = Decimal(50)


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

    @property
    def long_term_use_min_years(self) -> int:
        return int(self.values["long_term_use_min_years"])

    @property
    def secret_filing_working_days(self) -> int:
        return int(self.values["secret_filing_working_days"])

    def action_plan_targets(self, year: int) -> dict[str, int]:
        """The institution's own targets for `year` (0 where none is set)."""
        found = (self.values.get("action_plan_targets") or {}).get(str(year)) or {}
        return {k: int(found.get(k, 0)) for k in TARGET_KEYS}

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
                 "registration_working_days_large", "open_license_min_months")


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
    if values.get("publicity_day_kind") not in ("calendar", "working"):
        problems.append(_problem("publicity_day_kind", "须为 calendar 或 working",
                                 "must be calendar or working"))
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
