"""技术合同认定登记 under the national measures of 2026 (domain.md §6): the two clocks.

1. submission: within `registration_submit_days` calendar days of signing (the office's own
   rule, 30 by default);
2. the registration office's answer: `registration_working_days` working days after the
   submission (15), or `registration_working_days_large` (30) for a contract value of
   `registration_large_amount` (¥5,000,000) or more, or a disputed contract.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ttdesk.core.base.errors import Problem
from ttdesk.core.rules.policy import Policy
from ttdesk.core.rules.workdays import HolidayCalendar, add_working_days


def submit_due(signing: date, policy: Policy) -> date:
    return signing + timedelta(days=int(policy.values["registration_submit_days"]))


def answer_working_days(contract_value: Decimal | None, disputed: bool, policy: Policy) -> int:
    large = Decimal(str(policy.values["registration_large_amount"]))
    if disputed or (contract_value is not None and contract_value >= large):
        return int(policy.values["registration_working_days_large"])
    return int(policy.values["registration_working_days"])


def answer_due(submitted: date, contract_value: Decimal | None, disputed: bool,
               policy: Policy, calendar: HolidayCalendar) -> date:
    return add_working_days(submitted, answer_working_days(contract_value, disputed, policy),
                            calendar)


def amounts_problems(contract_amount: Decimal | None, tech_amount: Decimal | None,
                     where: str | None) -> list[Problem]:
    """The certificate states both amounts; the certified technology amount is part of the
    contract value, never more."""
    out = []
    if contract_amount is None or tech_amount is None:
        out.append(Problem("R14", "登记证明须记录成交额与技术交易额两个金额",
                           "the certificate records both the contract value and the certified "
                           "technology amount", "registration_tech_amount", where))
    elif tech_amount > contract_amount:
        out.append(Problem("R14", f"技术交易额 ¥{tech_amount:,} 不得超过成交额 "
                           f"¥{contract_amount:,}",
                           f"the certified technology amount ¥{tech_amount:,} cannot exceed "
                           f"the contract value ¥{contract_amount:,}",
                           "registration_tech_amount", where))
    return out
