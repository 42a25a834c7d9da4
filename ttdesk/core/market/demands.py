"""Enterprise demands (企业需求): what a company needs, from which park's list or challenge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import DemandSource
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, Problem, RuleViolation, ValidationFailed
from ttdesk.core.companies import companies
from ttdesk.core.people import fields as check
from ttdesk.db.models import Demand, Match


@dataclass
class DemandIn:
    need: str
    raised_on: date
    source: DemandSource | str = DemandSource.OTHER
    credit_code: str | None = None  # the company (picker); None: not yet known
    field: str | None = None
    park: str | None = None
    note: str | None = None
    # a company not yet registered: its name registers it with `credit_code` (a park's list)
    company_name: str | None = None

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _apply(s: Session, d: Demand, v: DemandIn) -> None:
    d.need = check.required(v.need, "need", 2000)
    if not isinstance(v.raised_on, date):
        raise RuleViolation("INPUT", "提出日期不能为空", "raised on is required",
                            field="raised_on")
    d.raised_on = v.raised_on
    d.source = check.code(DemandSource, v.source, "source")
    d.company_id = _company_id(s, v)
    d.field = check.text(v.field, "field", 60)
    d.park = check.text(v.park, "park", 200)
    d.note = check.text(v.note, "note", 2000)


def _company_id(s: Session, v: DemandIn) -> int | None:
    if not v.credit_code:
        return None
    try:
        return lookup.company(s, v.credit_code).id
    except NotFound:
        if not v.company_name:
            raise
    return companies.add_in_session(s, companies.CompanyIn(
        name=v.company_name, credit_code=v.credit_code)).id


@requires(Act.CASE_WORK)
def add_demand(ctx: AppContext, v: DemandIn) -> int:
    """Record one demand; returns its id."""
    with ctx.write() as s:
        d = Demand()
        _apply(s, d, v)
        s.add(d)
        s.flush()
        return d.id


@requires(Act.CASE_WORK)
def edit_demand(ctx: AppContext, demand_id: int, v: DemandIn) -> None:
    with ctx.write() as s:
        _apply(s, get(s, demand_id), v)


@requires(Act.CASE_WORK)
def add_demands(ctx: AppContext, items: Sequence[tuple[str, DemandIn]],
                found: Sequence[Problem] = ()) -> list[int]:
    """Record many demands in one unit of work (a park's list): `items` are (where, demand),
    `where` naming the row ("需求!5"). Every refusal is collected with its place, after the
    problems the caller `found` already (cells it could not read); if there is one, nothing
    is written."""
    problems: list[Problem] = list(found)
    ids: list[int] = []
    with ctx.write() as s:
        for where, v in items:
            d = Demand()
            try:
                _apply(s, d, v)
            except ValidationFailed as exc:
                problems += [Problem(p.rule, p.zh, p.en, p.field, where) for p in exc.problems]
                continue
            except NotFound as exc:
                problems.append(Problem("M2", f"找不到统一社会信用代码为 {exc.key} 的企业",
                                        f"no company with credit code {exc.key}",
                                        "credit_code", where))
                continue
            s.add(d)
            s.flush()
            ids.append(d.id)
        if problems:
            raise ValidationFailed(problems)
    return ids


def get(s: Session, demand_id: int) -> Demand:
    found = s.get(Demand, demand_id)
    if found is None:
        raise NotFound("需求 / demand", demand_id)
    return found


@requires(Act.CASE_WORK)
def delete_demand(ctx: AppContext, demand_id: int) -> None:
    """Delete a demand; its matches stay, without the demand."""
    with ctx.write() as s:
        d = get(s, demand_id)
        for m in s.scalars(select(Match).where(Match.demand_id == d.id)):
            m.demand_id = None
        s.delete(d)
