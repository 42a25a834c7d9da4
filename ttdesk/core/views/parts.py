"""Pieces shared by the case and deal detail queries: small DTOs, publicity notices with
their objections, IP assets, costs, and the audit history of a record and its children."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    AchievementKind,
    AchievementStatus,
    AuditAction,
    DayKind,
    GrantForm,
    GrantStatus,
    IPKind,
    IPStatus,
    PublicityResult,
    PublicitySubject,
)
from ttdesk.core.base import audit_store
from ttdesk.core.money.receipts import CostRow, cost_rows_where
from ttdesk.db.models import IPAsset, Objection, Person, Publicity, RightsGrant
from ttdesk.db.types import unpack_json

R = TypeVar("R")


def dto(cls: type[R], obj: Any, **given: Any) -> R:
    """Build DTO `cls` from the same-named attributes of `obj`; `given` ones win."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return cls(**{n: given[n] if n in given else getattr(obj, n) for n in names})


@dataclass(frozen=True)
class CaseRef:
    id: int
    case_no: str
    title: str
    kind: AchievementKind
    status: AchievementStatus


@dataclass(frozen=True)
class ObjectionRow:
    id: int
    raised_by: str
    raised_on: date
    content: str
    resolution: str | None
    resolved_on: date | None
    upheld: bool | None


@dataclass(frozen=True)
class PublicityRow:
    id: int
    subject: PublicitySubject
    channel: str
    start_date: date
    days: int
    day_kind: DayKind
    end_date: date
    result: PublicityResult | None
    closed_on: date | None
    objections: tuple[ObjectionRow, ...]


@dataclass(frozen=True)
class IPAssetRow:
    id: int
    achievement_id: int
    kind: IPKind
    jurisdiction: str
    application_no: str
    filing_date: date | None
    publication_no: str | None
    publication_date: date | None
    grant_no: str | None
    grant_date: date | None
    status: IPStatus
    owners: str | None


@dataclass(frozen=True)
class GrantRow:
    """赋权 with its publicity notices; `representative` is the person's name."""

    id: int
    form: GrantForm
    team_share: Decimal | None
    term_years: int | None
    representative: str | None
    application_date: date
    plan_attached: bool
    consent_recorded: bool
    college_review_date: date | None
    tto_review_date: date | None
    decision_body: str | None
    decision_date: date | None
    minutes_no: str | None
    agreement_no: str | None
    agreement_date: date | None
    title_change_date: date | None
    status: GrantStatus
    rejection_reason: str | None
    publicities: tuple[PublicityRow, ...]


@dataclass(frozen=True)
class HistoryEvent:
    """One audit event: `entity` is the table name, `changes` the before/after values."""

    id: int
    at: datetime
    actor: str
    action: AuditAction
    entity: str
    entity_id: int
    entity_ref: str | None
    changes: dict[str, Any]


def publicities(session: Session, column: Any, ids: Sequence[int]) -> dict[int, list[PublicityRow]]:
    """Publicity notices whose `column` (Publicity.deal_id / rights_grant_id) is in `ids`,
    grouped by that id, each with its objections."""
    if not ids:
        return {}
    pubs = session.execute(
        select(Publicity, column).where(column.in_(list(ids))).order_by(Publicity.id)
    ).all()
    pub_ids = [p.id for p, _ in pubs]
    objections: dict[int, list[ObjectionRow]] = {}
    if pub_ids:
        for o in session.execute(
            select(Objection).where(Objection.publicity_id.in_(pub_ids)).order_by(Objection.id)
        ).scalars():
            objections.setdefault(o.publicity_id, []).append(dto(ObjectionRow, o))
    grouped: dict[int, list[PublicityRow]] = {}
    for pub, key in pubs:
        row = dto(PublicityRow, pub, objections=tuple(objections.get(pub.id, ())))
        grouped.setdefault(key, []).append(row)
    return grouped


def objection_ids(rows: Mapping[int, Sequence[PublicityRow]]) -> list[int]:
    return [o.id for pubs in rows.values() for p in pubs for o in p.objections]


def publicity_ids(rows: Mapping[int, Sequence[PublicityRow]]) -> list[int]:
    return [p.id for pubs in rows.values() for p in pubs]


def ip_assets(session: Session, where: Any) -> list[IPAssetRow]:
    found = session.execute(select(IPAsset).where(where).order_by(IPAsset.id)).scalars()
    return [dto(IPAssetRow, a) for a in found]


def costs(session: Session, where: Any) -> list[CostRow]:
    """Cost rows matching `where` (money's one cost row)."""
    return cost_rows_where(session, where)


def grants(session: Session, where: Any) -> list[GrantRow]:
    found = session.execute(
        select(RightsGrant, Person.name)
        .outerjoin(Person, Person.id == RightsGrant.representative_id)
        .where(where)
        .order_by(RightsGrant.id)
    ).all()
    pubs = publicities(session, Publicity.rights_grant_id, [g.id for g, _ in found])
    return [
        dto(GrantRow, g, representative=name, publicities=tuple(pubs.get(g.id, ())))
        for g, name in found
    ]


def history(session: Session, groups: Mapping[str, Sequence[int]]) -> list[HistoryEvent]:
    """Audit events of the given (table name -> ids), oldest first (`audit_store.history`:
    the cost depends on the record's own events, not on the million in the trail)."""
    return [HistoryEvent(e[0], datetime.fromisoformat(e[1]).replace(tzinfo=UTC), e[2],
                         AuditAction(e[3]), e[4], e[5], e[6], unpack_json(e[7]))
            for e in audit_store.history(session, groups)]
