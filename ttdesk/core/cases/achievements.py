"""Achievements (the cases): disclosure, contributors, funding and status changes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    AchievementKind,
    AchievementSource,
    AchievementStatus,
    ContributorRole,
    DealStatus,
    FunderType,
    ResearchStage,
    Secrecy,
)
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ConflictError, Problem, RuleViolation, ValidationFailed
from ttdesk.core.cases import follow
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import P, disclosure_problems, shares_problems
from ttdesk.core.rules.money import parse_percent
from ttdesk.core.rules.statemachine import (
    ACHIEVEMENT,
    DEAL_ACTIVE,
    DEAL_SIGNED_OR_LATER,
    require_transition,
)
from ttdesk.db.models import Achievement, Contribution, Deal, FundingSource, deal_achievement
from ttdesk.db.types import utcnow


@dataclass
class ContributorIn:
    staff_no: str
    share: Decimal | str | int
    role: str = "member"


@dataclass
class FundingIn:
    programme: str
    funder_type: str
    project_no: str | None = None
    ip_terms_note: str | None = None


@dataclass
class DisclosureIn:
    title: str
    kind: str
    department: str
    disclosure_date: date
    contributors: list[ContributorIn]
    funding: list[FundingIn] = field(default_factory=list)
    no_funding: bool = False
    title_en: str | None = None
    field: str | None = None
    abstract: str | None = None
    trl: int | None = None
    research_stage: str = "research"
    secrecy: str = "none"
    public_interest: bool = False  # 关系国计民生和重大公共利益 (R3 negative list)
    source: str = "own_disclosure"
    intended_mode: str | None = None
    officer: str | None = None
    tags: str | None = None


def enum_value(enum_cls: Any, value: Any, field_name: str) -> Any:
    """The enum member for a code name, or a located refusal listing the valid codes."""
    try:
        return enum_cls(value)
    except ValueError:
        codes = ", ".join(m.value for m in enum_cls)
        raise RuleViolation("INPUT", f"“{value}”不是有效的取值（可选：{codes}）",
                            f"{value!r} is not a valid code (one of: {codes})",
                            field=field_name) from None


def next_number(session: Session, column: Any, fmt: str, year: int) -> str:
    """Next case/deal number for `fmt` (e.g. "CG-{year}-{seq:04d}") in `year`."""
    prefix = fmt.split("{seq", 1)[0].format(year=year)
    taken = session.execute(select(column).where(column.like(prefix + "%"))).scalars()
    seqs = [int(m.group(1)) for t in taken if (m := re.match(re.escape(prefix) + r"(\d+)$", t))]
    return fmt.format(year=year, seq=max(seqs, default=0) + 1)


def _contributions(session: Session, items: list[ContributorIn]) -> list[Contribution]:
    problems: list[Problem] = []
    out = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"contributors[{i}]"
        if item.staff_no in seen:
            problems.append(P("R1", f"完成人 {item.staff_no} 重复", f"contributor "
                              f"{item.staff_no} listed twice", "staff_no", where))
        seen.add(item.staff_no)
        try:
            share = parse_percent(item.share, field="share")
            person = lookup.person(session, item.staff_no)
            role = enum_value(ContributorRole, item.role, "role")
        except ValidationFailed as exc:
            problems += [Problem(p.rule, p.zh, p.en, p.field, where) for p in exc.problems]
            continue
        except lookup.NotFound as exc:
            problems.append(P("INPUT", exc.messages("zh")[0], exc.messages("en")[0],
                              "staff_no", where))
            continue
        out.append(Contribution(person=person, share=share, role=role))
    if not problems and out:
        problems += shares_problems([c.share for c in out])
    if problems:
        raise ValidationFailed(problems)
    return out


def _funding(items: list[FundingIn]) -> list[FundingSource]:
    return [FundingSource(programme=f.programme.strip(),
                          funder_type=enum_value(FunderType, f.funder_type, "funder_type"),
                          project_no=f.project_no, ip_terms_note=f.ip_terms_note)
            for f in items]


def _check_fields(d: DisclosureIn, today: date) -> None:
    problems = []
    if not d.title.strip():
        problems.append(P("R2", "成果名称不能为空", "the title cannot be empty", "title"))
    if len(d.title) > 300:
        problems.append(P("INPUT", "成果名称不超过 300 字", "title longer than 300 characters",
                          "title"))
    if d.trl is not None and not 1 <= d.trl <= 9:
        problems.append(P("INPUT", "技术成熟度须为 1–9", "TRL must be 1-9", "trl"))
    if d.disclosure_date > today:
        problems.append(P("R12", "披露日期不能晚于今天", "the disclosure date cannot be in the "
                          "future", "disclosure_date"))
    if not d.contributors:
        problems.append(P("R2", "至少需要一名完成人", "at least one contributor is required",
                          "contributors"))
    if problems:
        raise ValidationFailed(problems)


@requires(Act.CASE_WORK)
def create_disclosure(ctx: AppContext, d: DisclosureIn) -> str:
    """Record a new disclosure (披露); returns its case number."""
    _check_fields(d, ctx.today())
    with ctx.write() as s:
        return new_case(s, d).case_no


def new_case(s: Session, d: DisclosureIn) -> Achievement:
    """The case of a disclosure whose fields were checked (`check_disclosure`), added in the
    caller's unit of work (a returned disclosure form adds its file in the same one)."""
    pol = policy.current(s)
    a = Achievement(
        case_no=next_number(s, Achievement.case_no, pol["case_no_format"],
                            d.disclosure_date.year),
        title=d.title.strip(), title_en=d.title_en, field=d.field, abstract=d.abstract,
        kind=enum_value(AchievementKind, d.kind, "kind"),
        department=lookup.department(s, d.department),
        disclosure_date=d.disclosure_date, trl=d.trl,
        research_stage=enum_value(ResearchStage, d.research_stage, "research_stage"),
        secrecy=enum_value(Secrecy, d.secrecy, "secrecy"),
        public_interest=bool(d.public_interest),
        source=enum_value(AchievementSource, d.source, "source"),
        intended_mode=d.intended_mode, tags=d.tags, no_funding=d.no_funding,
        officer=lookup.user(s, d.officer) if d.officer else None,
        status=AchievementStatus.DISCLOSED,
    )
    a.contributions = _contributions(s, d.contributors)
    a.funding_sources = _funding(d.funding)
    s.add(a)
    s.flush()
    return a


def check_disclosure(d: DisclosureIn, today: date) -> None:
    """R2 and the field limits of a disclosure, before anything is looked up."""
    _check_fields(d, today)


def _checked_version(a: Achievement, expected: int | None) -> None:
    if expected is not None and a.version != expected:
        raise ConflictError("成果 / achievement", a.case_no,
                            f"(version {expected} → {a.version})")


EDITABLE = {"title", "title_en", "field", "abstract", "trl", "intended_mode", "tags",
            "disclosure_date", "no_funding", "public_interest"}
ENUM_FIELDS = {"kind": AchievementKind, "research_stage": ResearchStage, "secrecy": Secrecy,
               "source": AchievementSource}


@requires(Act.CASE_WORK)
def update(ctx: AppContext, case_no: str, changes: dict[str, Any],
           expected_version: int | None = None,
           contributors: list[ContributorIn] | None = None) -> int:
    """Edit a case's fields and, when given, replace its contributor list — one unit of
    work, so a refused field leaves the contributors unchanged too. Refused (ConflictError)
    when someone saved the case meanwhile. Returns the new version."""
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        _checked_version(a, expected_version)
        follow.require_open(a)
        if contributors is not None:
            _replace_contributors(s, a, contributors)
        _apply_changes(s, a, changes)
        s.flush()
        return a.version


def _apply_changes(s: Session, a: Achievement, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key in ENUM_FIELDS:
            setattr(a, key, enum_value(ENUM_FIELDS[key], value, key))
        elif key == "department":
            a.department = lookup.department(s, value)
        elif key == "officer":
            a.officer = lookup.user(s, value) if value else None
        elif key in EDITABLE:
            setattr(a, key, value)
        else:
            raise RuleViolation("INPUT", f"字段 {key} 不可在此修改",
                                f"field {key} cannot be edited here", field=key)
    if not (a.title or "").strip():
        raise RuleViolation("R2", "成果名称不能为空", "the title cannot be empty", "title")


def revise(s: Session, case_no: str, changes: dict[str, Any],
           contributors: list[ContributorIn], funding: list[FundingIn],
           no_funding: bool) -> Achievement:
    """Replace a case's answers as a returned disclosure form gives them (fields,
    contributors, funding), in the caller's unit of work."""
    a = lookup.achievement(s, case_no)
    follow.require_open(a)
    _replace_contributors(s, a, contributors)
    _apply_changes(s, a, changes)
    if funding and no_funding:
        raise RuleViolation("R2", "已列出经费来源，不能同时声明“无”",
                            "funding sources listed: cannot also declare none", "funding")
    a.funding_sources = _funding(funding)
    a.no_funding = no_funding
    s.flush()
    return a


@requires(Act.CASE_WORK)
def set_contributors(ctx: AppContext, case_no: str, items: list[ContributorIn],
                     expected_version: int | None = None) -> None:
    """Replace the contributor list as a whole (R1: shares sum to exactly 100)."""
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        _checked_version(a, expected_version)
        follow.require_open(a)
        _replace_contributors(s, a, items)


def _replace_contributors(s: Session, a: Achievement, items: list[ContributorIn]) -> None:
    if not items:
        raise RuleViolation("R2", "至少需要一名完成人", "at least one contributor is required",
                            "contributors")
    new = _contributions(s, items)
    a.contributions.clear()
    s.flush()
    a.contributions.extend(new)
    # Touch the case row so its version moves on: a concurrent editor of the same case
    # then gets a conflict instead of overwriting this list unseen.
    a.updated_at = utcnow()


@requires(Act.CASE_WORK)
def set_funding(ctx: AppContext, case_no: str, items: list[FundingIn],
                no_funding: bool = False) -> None:
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        follow.require_open(a)
        if items and no_funding:
            raise RuleViolation("R2", "已列出经费来源，不能同时声明“无”",
                                "funding sources listed: cannot also declare none", "funding")
        a.funding_sources = _funding(items)
        a.no_funding = no_funding


def _deal_statuses(s: Session, a: Achievement) -> list[DealStatus]:
    return list(s.execute(
        select(Deal.status).join(deal_achievement).where(
            deal_achievement.c.achievement_id == a.id)
    ).scalars())


def transition_problems(s: Session, a: Achievement, target: AchievementStatus,
                        reason: str | None) -> list[Problem]:
    """What the case lacks for `target` (empty when the move is allowed)."""
    out: list[Problem] = []
    where = a.case_no
    if target == AchievementStatus.ASSESSING:
        out += disclosure_problems(a)
        out += shares_problems([c.share for c in a.contributions], where)
    elif target == AchievementStatus.PROTECTING and not a.ip_assets:
        out.append(P("STATUS", "保护中须至少登记一项知识产权申请",
                     "record at least one IP filing to enter protecting", "ip_assets", where))
    elif target == AchievementStatus.CONVERTING and not any(
            st in DEAL_ACTIVE for st in _deal_statuses(s, a)):
        out.append(P("STATUS", "须有一个进行中的转化项目", "an active deal is required",
                     "deals", where))
    elif target == AchievementStatus.CONVERTED and not any(
            st in DEAL_SIGNED_OR_LATER for st in _deal_statuses(s, a)):
        out.append(P("STATUS", "须有一个已签约的转化项目", "a signed deal is required",
                     "deals", where))
    elif target == AchievementStatus.MARKETING and a.status == AchievementStatus.CONVERTING \
            and any(st != DealStatus.TERMINATED for st in _deal_statuses(s, a)):
        out.append(P("STATUS", "只有全部转化项目均已终止时，才能退回推广中",
                     "back to marketing only when every deal of the case has been terminated",
                     "deals", where))
    elif target == AchievementStatus.RELEASED and not (reason or "").strip():
        out.append(P("STATUS", "放弃须填写理由", "releasing needs a reason", "reason", where))
    return out


@requires(Act.CASE_WORK)
def transition(ctx: AppContext, case_no: str, target: str, reason: str | None = None,
               expected_version: int | None = None) -> None:
    """Move a case along its status machine (domain.md §3), with the rules each step needs."""
    goal = enum_value(AchievementStatus, target, "status")
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        _checked_version(a, expected_version)
        require_transition(ACHIEVEMENT, a.status, goal, where=case_no)
        problems = transition_problems(s, a, goal, reason)
        if problems:
            raise ValidationFailed(problems)
        a.status = goal
        if goal == AchievementStatus.RELEASED:
            a.release_reason = reason


@requires(Act.CASE_WORK)
def reopen(ctx: AppContext, case_no: str, reason: str,
           expected_version: int | None = None) -> None:
    """Reopen an archived (read-only) case; the reason goes into its audit event."""
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        _checked_version(a, expected_version)
        follow.reopen(s, a, reason)
