"""存量专利盘活 (issue 19 §7): review decisions on valid, unconverted patents, one or many at
once, and the task a `drop` decision raises before the next annuity falls due (let the
patent lapse, or offer it first: an open licence or a transfer)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import DeadlineKind, IPStatus, PatentDecision, PatentGrade
from ttdesk.core.base.access import Act, require
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, Problem, RuleViolation, ValidationFailed
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.office import deadlines
from ttdesk.core.rules import annuity, policy
from ttdesk.core.rules.workdays import add_months
from ttdesk.db.models import IPAsset, PatentReview

PATENT_KINDS = annuity.KINDS


def _drop_key(ip: IPAsset) -> str:
    return f"ip:{ip.id}:drop"


def _find(s: Session, application_nos: list[str]) -> list[IPAsset]:
    found = {ip.application_no: ip for ip in s.execute(
        select(IPAsset).where(IPAsset.application_no.in_(application_nos))).scalars()}
    missing = [no for no in application_nos if no not in found]
    if missing:
        raise NotFound("专利 / patent", "、".join(missing))
    problems = [Problem("REVIVE", f"{no} 不是有效的中国专利（须已授权）",
                        f"{no} is not a valid Chinese patent (it must be granted)",
                        "application_no", no)
                for no, ip in found.items()
                if ip.status != IPStatus.GRANTED or ip.jurisdiction != "CN"
                or ip.kind.value not in PATENT_KINDS]
    if problems:
        raise ValidationFailed(problems)
    return [found[no] for no in application_nos]


def _drop_task(s: Session, ip: IPAsset, table: annuity.FeeTable, today: date) -> None:
    """A task a month before the next annuity: decide to let it lapse or offer it first."""
    coming = annuity.forecast(table, ip.kind.value, ip.filing_date or today, ip.grant_date,
                              today, years=1) if ip.filing_date else []
    if not coming:
        return
    due = coming[0].due_date
    deadlines.upsert(s, _drop_key(ip), max(add_months(due, -1), today),
                     DeadlineKind.PATENT_DROP,
                     f"拟放弃专利 {ip.application_no}：放弃或先行许可/转让（年费 {due} 到期）",
                     "ip_asset", ip.id, ip.application_no)


def review(ctx: AppContext, application_nos: list[str], *, grade: str | None = None,
           decision: str | None = None, reviewer: str | None = None,
           on: date | None = None, note: str | None = None) -> int:
    """Record a grade and/or a decision for each patent (one unit of work); returns how many
    were reviewed. A `drop` raises its task; a later other decision closes it."""
    if not application_nos:
        raise RuleViolation("INPUT", "请至少选择一项专利", "choose at least one patent",
                            field="application_no")
    # grading is case work; a decision on a state-owned patent (keep, promote, offer, drop)
    # is the director's
    require(ctx, Act.APPROVE if decision else Act.CASE_WORK)
    g = enum_value(PatentGrade, grade, "grade") if grade else None
    d = enum_value(PatentDecision, decision, "decision") if decision else None
    if g is None and d is None:
        raise RuleViolation("INPUT", "请给出评级或处置决定", "give a grade or a decision",
                            field="decision")
    today = ctx.today()
    day = on or today
    if day > today:
        raise RuleViolation("R12", "评估日期不能晚于今天", "the review date cannot be in the "
                            "future", field="reviewed_on")
    with ctx.write() as s:
        table = annuity.table_of(policy.current(s).values)
        ips = _find(s, list(dict.fromkeys(a.strip() for a in application_nos)))
        reviews = {r.ip_asset_id: r for r in s.execute(select(PatentReview).where(
            PatentReview.ip_asset_id.in_([ip.id for ip in ips]))).scalars()}
        for ip in ips:
            r = reviews.get(ip.id) or PatentReview(ip_asset_id=ip.id)
            s.add(r)
            _apply(r, g, d, reviewer or ctx.actor, day, note)
            if r.decision == PatentDecision.DROP:
                _drop_task(s, ip, table, today)
            else:
                deadlines.mark_done(s, _drop_key(ip), today)
        return len(ips)


def _apply(r: PatentReview, grade: Any, decision: Any, reviewer: str, on: date,
           note: str | None) -> None:
    if grade is not None:
        r.grade = grade
    if decision is not None:
        r.decision = decision
    r.reviewer, r.reviewed_on = reviewer, on
    if note:
        r.note = note.strip()


def set_fee_table(ctx: AppContext, raw: dict[str, Any] | None, note: str = "") -> None:
    """Replace the database's annuity fee table (None: back to the shipped one); validated,
    a new policy version like any other policy change."""
    from ttdesk.core.office.institution import update_policy

    if raw is not None:
        annuity.parse_table(raw)
    update_policy(ctx, {"annuity_fees": raw}, note or "年费表 / annuity fee table")
