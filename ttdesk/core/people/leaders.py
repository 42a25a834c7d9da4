"""Leaders and equity (R10, domain.md §6): a principal leader (正职领导) of the institution or
of a legal-person subsidiary takes no equity; another leader (deputy, dean, head of a college)
takes equity only with an approval / filing record (报批/备案): date, body, document number.

The record is entered where the equity is given — the equity distribution's allocation form
and the cap table's holder form — and stored on that allocation or shareholding row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.rules.checks import leader_approval_problems, leader_equity_problems
from ttdesk.db.models import Person

_ONE = Decimal(1)


@dataclass(frozen=True)
class LeaderApproval:
    """The approval / filing record of a leader's equity."""

    approved_on: date
    body: str
    document_no: str


def checked(approval: LeaderApproval | None, today: date, where: str | None
            ) -> LeaderApproval | None:
    """The record with its texts trimmed, or a refusal when it is incomplete or dated in the
    future; None stays None."""
    if approval is None:
        return None
    problems = leader_approval_problems(approval.approved_on, approval.body,
                                        approval.document_no, today, where)
    if problems:
        raise ValidationFailed(problems)
    return LeaderApproval(approval.approved_on, approval.body.strip(),
                          approval.document_no.strip())


def refuse_equity(lines: list[tuple[Person, bool]], where: str | None) -> None:
    """R10 over the people receiving equity, each with whether an approval is recorded."""
    problems = leader_equity_problems(
        [(p.name, p.leader_level, _ONE, approved) for p, approved in lines], where)
    if problems:
        raise ValidationFailed(problems)
