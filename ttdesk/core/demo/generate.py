"""`generate`: fill an empty database with a realistic, deterministic history of cases.

Same seed, same database: every value, including timestamps, derives from the seed and the
fixed demo date (`REF_DATE`), never from the clock. The whole build is one write
transaction: cancelled or failed, it leaves nothing behind.
"""

from __future__ import annotations

import gc
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.bulkwrite import BulkWriter, CancelFn, Cancelled, ProgressFn
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.demo import cases as cs
from ttdesk.core.demo import deals, extras, grants, income, ip, org, spinoffs, timeline
from ttdesk.core.demo.common import Gen, Store, stamp
from ttdesk.core.office import holiday_calendar as calendar_store
from ttdesk.core.rules import policy
from ttdesk.db.models import Achievement, Base, Deadline

ACTOR = "demo"
UNAUDITED = {"deal_achievement", "deal_ip_asset", "distribution_receipt"}


@dataclass
class DemoSummary:
    cases: int
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    audit_events: int = 0
    seconds: float = 0.0


def _refuse_if_filled(session: Session) -> None:
    if session.execute(select(Achievement.id).limit(1)).first() is not None:
        raise RuleViolation("DEMO", "数据库中已有成果数据，不能再生成演示数据",
                            "database already has achievements: demo data is only for an "
                            "empty database", field="cases")


def _offsets(session: Session) -> dict[str, int]:
    out = {}
    for table in Base.metadata.sorted_tables:
        if "id" in table.columns and table.name != "audit_event":
            out[table.name] = session.execute(select(func.max(table.c.id))).scalar() or 0
    return out


def _plan_cases(g: Gen) -> tuple[list[cs.Case], list[timeline.GrantPlan]]:
    cases, grant_plans = [], []
    for _ in range(g.cases):
        case = cs.plan_case(g)
        timeline.plan_case_deals(g, case)
        plan = timeline.plan_grant(g, case)
        if plan is not None:
            grant_plans.append(plan)
        cs.pick_contributors(g, case)
        cases.append(case)
    cases.sort(key=lambda c: c.disclosure)  # stable: equal dates keep their planned order
    per_year: dict[int, int] = defaultdict(int)
    fmt = str(g.policy.values.get("case_no_format", "CG-{year}-{seq:04d}"))
    for case in cases:
        case.id = g.store.new_id("achievement")
        per_year[case.disclosure.year] += 1
        case.case_no = fmt.format(year=case.disclosure.year, seq=per_year[case.disclosure.year])
    return cases, grant_plans


def _emit_cases(g: Gen, cases: list[cs.Case], grant_plans: list[timeline.GrantPlan]) -> None:
    for case in cases:
        cs.emit_case(g, case)
        cs.emit_assessments(g, case)
        ip.emit_ip(g, case)
        cs.emit_supports(g, case)
    grant_plans.sort(key=lambda p: (p.dates["applied"], p.case.id))
    for seq, plan in enumerate(grant_plans, start=1):
        grants.emit_grant(g, plan, seq)
    for case in cases:
        # last change of the case or its records; never before its own disclosure
        case.row["updated_at"] = stamp(max(case.last, case.disclosure), case.id)


def _emit_deals(g: Gen, cases: list[cs.Case]) -> None:
    plans = sorted((d for c in cases for d in c.deals), key=lambda d: (d.t0, d.case.id))
    fmt = str(g.policy.values.get("deal_no_format", "HT-{year}-{seq:04d}"))
    per_year: dict[int, int] = defaultdict(int)
    seqs = {}
    for plan in plans:
        plan.id = g.store.new_id("deal")
        per_year[plan.t0.year] += 1
        seqs[plan.id] = per_year[plan.t0.year]
        plan.deal_no = fmt.format(year=plan.t0.year, seq=seqs[plan.id])
    for plan in plans:
        if plan.mode == "equity":
            spinoffs.emit_spinoff(g, plan)
        else:
            deals.pick_counterparty(g, plan)
            if plan.counterparty is not None and g.rng.random() < 0.02:
                _adviser_interest(g, plan)
    interests: dict[int, set[int]] = defaultdict(set)
    for person, company in g.interests:
        interests[person].add(company)
    for plan in plans:
        cp = plan.counterparty["id"] if plan.counterparty else None
        interested = cp is not None and any(cp in interests[p] for p, _ in plan.case.contributors)
        deals.emit_deal(g, plan, seqs[plan.id], interested)
        income.emit_income(g, plan)


def _adviser_interest(g: Gen, plan: timeline.DealPlan) -> None:
    """A contributor who advises the counterparty: a related-party deal (R7)."""
    person = plan.case.contributors[0][0]
    company = plan.counterparty["id"] if plan.counterparty else 0
    if (person, company) in g.interests:
        return
    g.interests.add((person, company))
    g.store.add("person_interest", {"person_id": person, "company_id": company,
                                    "nature": "兼任技术顾问", "_at": stamp(plan.t0, person)})


def build(g: Gen, session: Session,
          phase: Callable[[float, str], None] = lambda _f, _m: None) -> list[cs.Case]:
    """Generate every row into `g.store` (nothing is written yet); `phase(fraction, message)`
    is called between the steps (fractions 0-0.1 of the whole build)."""
    org.build_institution(g, session)
    org.build_departments(g, session)
    org.build_users(g, session)
    org.build_people(g, session)
    org.build_partners(g, session)
    phase(0.01, "规划成果 / planning cases")
    cases, grant_plans = _plan_cases(g)
    phase(0.04, "成果 / cases")
    _emit_cases(g, cases, grant_plans)
    phase(0.07, "转化项目 / deals")
    _emit_deals(g, cases)
    phase(0.09, "对接与待办 / pipeline and deadlines")
    extras.emit_pipeline(g, cases)
    extras.emit_annuities(g)
    extras.emit_office_deadlines(g, cases[0].disclosure.year if cases else g.today.year)
    return cases


def write(writer: BulkWriter, store: Store) -> int:
    """Insert every table in foreign-key order, then the audit events; returns their count."""
    writer.drop_indexes()
    for table in Base.metadata.sorted_tables:
        rows = store.rows.get(table.name)
        if rows:
            writer.insert(table.name, rows, audited=table.name not in UNAUDITED)
    events = writer.write_audit()
    writer.step(0, "索引 / indexes")
    writer.restore_indexes()
    writer.advance_sequences()
    return events


@requires(Act.IMPORT)
def generate(ctx: AppContext, *, cases: int = 300, seed: int = 1,
             progress: ProgressFn | None = None,
             cancel: CancelFn | None = None) -> DemoSummary:
    """Fill an empty database with `cases` achievements and everything around them.

    Refuses a database that already has achievements. `progress(fraction, message)` is
    called as the build goes; `cancel()` is polled between batches and, when it returns
    True, the build stops with `Cancelled` and nothing is written.
    """
    if cases < 1:
        raise RuleViolation("DEMO", "成果数量须为正整数", "the number of cases must be positive",
                            field="cases")
    started = time.perf_counter()
    report: Callable[[float, str], None] = progress or (lambda _f, _m: None)
    # A million live rows make the cyclic garbage collector rescan them over and over; the
    # rows hold no cycles, so collection waits until the build is done.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        summary = _generate(ctx, cases, seed, report, cancel)
    finally:
        if gc_was_enabled:
            gc.enable()
    summary.seconds = time.perf_counter() - started
    report(1.0, "完成 / done")
    return summary


def _generate(ctx: AppContext, cases: int, seed: int, report: Callable[[float, str], None],
              cancel: CancelFn | None) -> DemoSummary:
    with ctx.write() as session:
        _refuse_if_filled(session)
        g = Gen(rng=random.Random(seed), cases=cases, policy=policy.current(session),
                store=Store(_offsets(session)))
        g.calendar = calendar_store.load(session)
        g.rule_keys = set(session.execute(
            select(Deadline.rule_key).where(Deadline.rule_key.is_not(None))).scalars())
        def phase(fraction: float, message: str) -> None:
            if cancel is not None and cancel():
                raise Cancelled()
            report(fraction, message)

        phase(0.0, "生成演示数据 / generating")
        build(g, session, phase)
        phase(0.1, "写入 / writing")
        total = sum(len(rows) for rows in g.store.rows.values())
        writer = BulkWriter(session, ACTOR, report, cancel, total)
        events = write(writer, g.store)
    return DemoSummary(cases=cases, seed=seed, counts=dict(writer.counts),
                       audit_events=events)
