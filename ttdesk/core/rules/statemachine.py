"""The status machines of domain.md §3. A transition not listed here is refused.

Tables only: the conditions a transition needs (rules R2-R9) live in the services,
which call `require_transition` first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from ttdesk.codes import (
    AchievementStatus as A,
)
from ttdesk.codes import (
    DealStatus as D,
)
from ttdesk.codes import (
    DistributionStatus as M,
)
from ttdesk.codes import (
    GrantStatus as G,
)
from ttdesk.codes import (
    MatchOutcome as O,
)
from ttdesk.core.base.errors import TransitionRefused

Table = Mapping[StrEnum, frozenset[StrEnum]]

# protecting and marketing may be skipped; released from any state before converted;
# converting -> marketing only when every deal of the case is terminated (checked by service).
ACHIEVEMENT: Table = {
    A.DISCLOSED: frozenset({A.ASSESSING, A.RELEASED}),
    A.ASSESSING: frozenset({A.PROTECTING, A.MARKETING, A.CONVERTING, A.RELEASED}),
    A.PROTECTING: frozenset({A.MARKETING, A.CONVERTING, A.RELEASED}),
    A.MARKETING: frozenset({A.CONVERTING, A.RELEASED}),
    A.CONVERTING: frozenset({A.CONVERTED, A.MARKETING, A.RELEASED}),
    A.CONVERTED: frozenset({A.ARCHIVED}),
    A.ARCHIVED: frozenset(),
    A.RELEASED: frozenset(),
}

GRANT: Table = {
    G.APPLIED: frozenset({G.COLLEGE_REVIEWED, G.REJECTED}),
    G.COLLEGE_REVIEWED: frozenset({G.TTO_REVIEWED, G.REJECTED}),
    G.TTO_REVIEWED: frozenset({G.IN_PUBLICITY, G.REJECTED}),
    G.IN_PUBLICITY: frozenset({G.OBJECTION, G.APPROVED}),
    G.OBJECTION: frozenset({G.IN_PUBLICITY, G.REJECTED}),
    G.APPROVED: frozenset({G.AGREEMENT_SIGNED}),
    G.AGREEMENT_SIGNED: frozenset({G.TITLE_CHANGED}),
    G.TITLE_CHANGED: frozenset(),
    G.REJECTED: frozenset(),
}

_ANY_TO_TERMINATED = {D.TERMINATED}

DEAL: Table = {
    D.DRAFT: frozenset({D.DUE_DILIGENCE, D.TERMINATED}),
    D.DUE_DILIGENCE: frozenset({D.APPROVAL, D.TERMINATED}),
    # after approval: negotiated price goes to publicity; listing/auction straight to signing
    D.APPROVAL: frozenset({D.IN_PUBLICITY, D.SIGNED, D.TERMINATED}),
    D.IN_PUBLICITY: frozenset({D.OBJECTION, D.SIGNED, D.TERMINATED}),
    # an objection ends the deal, or it is re-approved and publicised again
    D.OBJECTION: frozenset({D.APPROVAL, D.TERMINATED}),
    D.SIGNED: frozenset({D.REGISTERED, D.TERMINATED}),
    D.REGISTERED: frozenset({D.PERFORMING, D.TERMINATED}),
    D.PERFORMING: frozenset({D.COMPLETED, D.TERMINATED}),
    D.COMPLETED: frozenset(),
    D.TERMINATED: frozenset(),
}

# Cooperation contracts (development / consulting / service): no valuation, no publicity.
COOPERATION_DEAL: Table = {
    D.DRAFT: frozenset({D.APPROVAL, D.TERMINATED}),
    D.APPROVAL: frozenset({D.SIGNED, D.TERMINATED}),
    D.SIGNED: frozenset({D.REGISTERED, D.TERMINATED}),
    D.REGISTERED: frozenset({D.PERFORMING, D.TERMINATED}),
    D.PERFORMING: frozenset({D.COMPLETED, D.TERMINATED}),
    D.COMPLETED: frozenset(),
    D.TERMINATED: frozenset(),
}

# Self or joint implementation (实施转化, domain.md §6): no sale, so no publicity, signing or
# contract registration; the decision (approval) starts the implementation. Deals stored at
# signed / registered before this table existed go on to performing.
IMPLEMENTATION_DEAL: Table = {
    D.DRAFT: frozenset({D.DUE_DILIGENCE, D.APPROVAL, D.TERMINATED}),
    D.DUE_DILIGENCE: frozenset({D.APPROVAL, D.TERMINATED}),
    D.APPROVAL: frozenset({D.PERFORMING, D.TERMINATED}),
    D.SIGNED: frozenset({D.PERFORMING, D.TERMINATED}),
    D.REGISTERED: frozenset({D.PERFORMING, D.TERMINATED}),
    D.PERFORMING: frozenset({D.COMPLETED, D.TERMINATED}),
    D.COMPLETED: frozenset(),
    D.TERMINATED: frozenset(),
}


def deal_table(mode: StrEnum) -> Table:
    """The status machine of a deal of this mode."""
    from ttdesk.codes import COOPERATION_MODES, IMPLEMENTATION_MODES

    if mode in COOPERATION_MODES:
        return COOPERATION_DEAL
    if mode in IMPLEMENTATION_MODES:
        return IMPLEMENTATION_DEAL
    return DEAL


DISTRIBUTION: Table = {
    M.DRAFT: frozenset({M.APPROVED}),
    M.APPROVED: frozenset({M.IN_PUBLICITY}),
    # back to draft when an upheld objection means the allocation must be revised
    M.IN_PUBLICITY: frozenset({M.PAID, M.DRAFT}),
    M.PAID: frozenset(),
}

# A match (供需对接): the NDA may be skipped; declined from any open stage; a deal only after
# negotiating. Deal and declined are final (a new contact is a new match).
MATCH: Table = {
    O.CONTACTED: frozenset({O.NDA, O.NEGOTIATING, O.DECLINED}),
    O.NDA: frozenset({O.NEGOTIATING, O.DECLINED}),
    O.NEGOTIATING: frozenset({O.DEAL, O.DECLINED}),
    O.DEAL: frozenset(),
    O.DECLINED: frozenset(),
}

# Order of the main path, for "is it at X or later" questions and the stage stepper.
ACHIEVEMENT_ORDER = [A.DISCLOSED, A.ASSESSING, A.PROTECTING, A.MARKETING, A.CONVERTING,
                     A.CONVERTED, A.ARCHIVED]
GRANT_ORDER = [G.APPLIED, G.COLLEGE_REVIEWED, G.TTO_REVIEWED, G.IN_PUBLICITY, G.APPROVED,
               G.AGREEMENT_SIGNED, G.TITLE_CHANGED]
MATCH_ORDER = [O.CONTACTED, O.NDA, O.NEGOTIATING, O.DEAL]
DEAL_ORDER = [D.DRAFT, D.DUE_DILIGENCE, D.APPROVAL, D.IN_PUBLICITY, D.SIGNED, D.REGISTERED,
              D.PERFORMING, D.COMPLETED]

# Named status sets: services, views and widgets ask these, never a tuple of their own.
#: a deal whose terms may still change (its valuation, pricing and approval fields)
DEAL_BEFORE_APPROVAL = frozenset({D.DRAFT, D.DUE_DILIGENCE, D.APPROVAL})
#: a deal whose contract is signed (terminated ones are not: they count for nothing)
DEAL_SIGNED_OR_LATER = frozenset({D.SIGNED, D.REGISTERED, D.PERFORMING, D.COMPLETED})
#: a deal approved by the school (in publicity, or beyond)
DEAL_APPROVED_OR_LATER = frozenset({D.IN_PUBLICITY, D.OBJECTION, *DEAL_SIGNED_OR_LATER})
#: a deal still under way (not completed, not terminated)
DEAL_ACTIVE = frozenset(set(D) - {D.COMPLETED, D.TERMINATED})
#: a deal not yet signed and not ended: it keeps its cases "in progress"
DEAL_IN_PROGRESS = frozenset(DEAL_ACTIVE - DEAL_SIGNED_OR_LATER)
#: a deal that is over: no more terms, milestones or royalty periods
DEAL_CLOSED = frozenset({D.COMPLETED, D.TERMINATED})
#: a deal that money may be booked on: signed, or terminated after money came in
DEAL_TAKES_RECEIPTS = frozenset({*DEAL_SIGNED_OR_LATER, D.TERMINATED})
#: a grant whose rights the team holds
GRANT_EXERCISABLE = frozenset({G.AGREEMENT_SIGNED, G.TITLE_CHANGED})
#: a grant whose publicity is running (an objection keeps it open)
GRANT_IN_PUBLICITY = frozenset({G.IN_PUBLICITY, G.OBJECTION})
#: a distribution decided by the school (approved, publicised or paid): what filings count
DISTRIBUTION_DECIDED = frozenset({M.APPROVED, M.IN_PUBLICITY, M.PAID})
#: case statuses that follow the case's deals (disclosed must be assessed first, R2;
#: converted, archived and released never go back)
CASE_FOLLOWS_DEALS = frozenset({A.ASSESSING, A.PROTECTING, A.MARKETING, A.CONVERTING})
#: a case still being worked on (not archived, not released)
CASE_OPEN = frozenset(set(A) - {A.ARCHIVED, A.RELEASED})
#: a match still being worked on (neither a deal nor declined)
MATCH_OPEN = frozenset({O.CONTACTED, O.NDA, O.NEGOTIATING})

_NAMES = {
    id(ACHIEVEMENT): ("成果", "achievement"),
    id(GRANT): ("赋权", "rights grant"),
    id(DEAL): ("转化项目", "deal"),
    id(COOPERATION_DEAL): ("合作合同", "cooperation contract"),
    id(IMPLEMENTATION_DEAL): ("实施转化项目", "implementation deal"),
    id(DISTRIBUTION): ("收益分配", "distribution"),
    id(MATCH): ("对接", "match"),
}


def allowed(table: Table, current: StrEnum) -> frozenset[StrEnum]:
    return table.get(current, frozenset())


def require_transition(table: Table, current: StrEnum, target: StrEnum,
                       where: str | None = None) -> None:
    """Refuse (TransitionRefused) any status change the machine does not list."""
    if target in allowed(table, current):
        return
    from ttdesk.core.base.labels import label

    zh_name, en_name = _NAMES.get(id(table), ("记录", "record"))
    ok_zh = "、".join(label(s, "zh") for s in allowed(table, current)) or "无"
    ok_en = ", ".join(s.value for s in allowed(table, current)) or "none"
    raise TransitionRefused(
        "STATUS",
        f"{zh_name}状态不能从“{label(current, 'zh')}”变为“{label(target, 'zh')}”"
        f"（可变为：{ok_zh}）",
        f"A {en_name} cannot go from {current.value} to {target.value} (allowed: {ok_en})",
        field="status",
        where=where,
    )


def stage_from_deals(deal_statuses: Iterable[StrEnum]) -> A | None:
    """Where its deals put a case (domain.md §6), the one rule for the app, the filings and
    the ledger import: converted once a deal is signed and none is still in progress;
    converting while one is in progress (or signed beside one in progress); marketing when
    every deal was terminated; None without deals."""
    statuses = list(deal_statuses)
    if not statuses:
        return None
    pending = any(st in DEAL_IN_PROGRESS for st in statuses)
    signed = any(st in DEAL_SIGNED_OR_LATER for st in statuses)
    if signed and not pending:
        return A.CONVERTED
    if pending or signed:
        return A.CONVERTING
    return A.MARKETING


def at_or_after(order: list, current: StrEnum, stage: StrEnum) -> bool:
    """True when `current` is `stage` or further along the main path."""
    if current not in order:
        return False
    return order.index(current) >= order.index(stage)
