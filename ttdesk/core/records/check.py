"""`check`: database integrity plus re-validation of every rule over the stored data.

Findings are rule violations in stored records (there should be none); notes list what
records imported from a ledger still lack (they are history, not violations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, func, or_, select, text, type_coerce
from sqlalchemy.orm import Session, selectinload

from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import DayKind, GrantStatus, Secrecy
from ttdesk.codes import DealStatus as D
from ttdesk.core.activity import attachments
from ttdesk.core.base import audit
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, RuleViolation
from ttdesk.core.base.labels import label
from ttdesk.core.cases import follow
from ttdesk.core.office import holiday_calendar as calendar_store
from ttdesk.core.records.licence_check import STEPS as LICENCE_STEPS
from ttdesk.core.records.money_check import MONEY_STEPS
from ttdesk.core.records.row_history import row_history_findings
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import (
    DealFacts,
    P,
    PublicityFacts,
    approval_problems,
    closed_without_objection,
    deal_step_pairs,
    grant_agreement_problems,
    grant_step_pairs,
    grant_terms_problems,
    is_implementation,
    signing_problems,
    step_problems,
)
from ttdesk.core.rules.credit_code import is_valid_credit_code
from ttdesk.core.rules.statemachine import (
    DEAL_ACTIVE,
    DEAL_APPROVED_OR_LATER,
    DEAL_SIGNED_OR_LATER,
    GRANT_EXERCISABLE,
    GRANT_IN_PUBLICITY,
)
from ttdesk.core.rules.workdays import publicity_end
from ttdesk.db.models import (
    Achievement,
    Company,
    Contribution,
    Deal,
    Distribution,
    FundingSource,
    IPAsset,
    Objection,
    PersonInterest,
    Publicity,
    Receipt,
    RightsGrant,
    Shareholding,
    Valuation,
    deal_achievement,
    distribution_receipt,
)
from ttdesk.db.types import PCT_SCALE

BATCH = 2000
Progress = Callable[[float, str], None]


@dataclass
class CheckReport:
    findings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def _integrity(s: Session) -> list[Problem]:
    if s.get_bind().dialect.name != "sqlite":
        return []
    rows = [r[0] for r in s.execute(text("PRAGMA integrity_check")).all()]
    if rows == ["ok"]:
        return []
    return [P("DB", f"数据库完整性检查失败：{rows[:5]}", f"integrity_check failed: {rows[:5]}")]


def _shares(s: Session) -> list[Problem]:
    """R1 in SQL: percentages are stored as exact integers, so SUM is exact."""
    raw = type_coerce(Contribution.share, Integer)  # compare stored integers, not Decimals
    total = func.sum(raw)
    rows = s.execute(
        select(Achievement.case_no, total, func.min(raw))
        .join(Contribution, Contribution.achievement_id == Achievement.id)
        .group_by(Achievement.case_no)
        .having(or_(total != 100 * PCT_SCALE, func.min(raw) <= 0))
    ).all()
    return [P("R1", f"贡献份额合计 {t / PCT_SCALE}%，须为 100%", f"shares sum to {t / PCT_SCALE}%, "
              "not 100%", "contributors", c) for c, t, _ in rows]


def _disclosures(s: Session) -> list[Problem]:
    """R2 in SQL for every case beyond `disclosed`."""
    no_contrib = ~select(Contribution.id).where(
        Contribution.achievement_id == Achievement.id).exists()
    no_funding = and_(Achievement.no_funding.is_(False), ~select(FundingSource.id).where(
        FundingSource.achievement_id == Achievement.id).exists())
    rows = s.execute(
        select(Achievement.case_no, no_contrib, no_funding, Achievement.department_id)
        .where(Achievement.status != A.DISCLOSED, Achievement.is_imported.is_(False),
               or_(no_contrib, no_funding, Achievement.department_id.is_(None)))
    ).all()
    return [P("R2", "披露信息不完整（完成人、经费来源或所属单位）", "incomplete disclosure "
              "(contributors, funding or department)", "disclosure", r[0]) for r in rows]


def _case_statuses(s: Session) -> list[Problem]:
    out = []
    has_deal = (select(Deal.id).join(deal_achievement)
                .where(deal_achievement.c.achievement_id == Achievement.id))
    for status, wanted, zh, en in (
        (A.CONVERTING, DEAL_ACTIVE, "转化中的成果须有进行中的转化项目",
         "a converting case needs an active deal"),
        (A.CONVERTED, DEAL_SIGNED_OR_LATER, "已转化的成果须有已签约的转化项目",
         "a converted case needs a signed deal"),
    ):
        rows = s.execute(select(Achievement.case_no).where(
            Achievement.status == status, Achievement.is_imported.is_(False),
            ~has_deal.where(Deal.status.in_(list(wanted))).exists())).scalars()
        out += [P("STATUS", zh, en, "status", c) for c in rows]
    rows = s.execute(select(Achievement.case_no).where(
        Achievement.status == A.RELEASED,
        or_(Achievement.release_reason.is_(None), Achievement.release_reason == ""))).scalars()
    out += [P("STATUS", "已放弃的成果须有理由", "a released case needs a reason", "reason", c)
            for c in rows]
    rows = s.execute(select(Achievement.case_no).where(
        Achievement.status == A.PROTECTING,
        ~select(IPAsset.id).where(IPAsset.achievement_id == Achievement.id).exists())).scalars()
    out += [P("STATUS", "保护中的成果须有知识产权申请", "a protecting case needs an IP filing",
              "ip_assets", c) for c in rows]
    return out


def _cases_follow_deals(s: Session) -> list[Problem]:
    """domain.md §6: a case's status agrees with its deals (the status they call for)."""
    rows = s.execute(
        select(Achievement.case_no, Achievement.status, Deal.status)
        .join(deal_achievement, deal_achievement.c.achievement_id == Achievement.id)
        .join(Deal, Deal.id == deal_achievement.c.deal_id)
        .where(Achievement.status.in_(list(follow.FOLLOWING)),
               Achievement.is_imported.is_(False))).all()
    by_case: dict[str, tuple[A, list[D]]] = {}
    for case_no, status, deal_status in rows:
        by_case.setdefault(case_no, (status, []))[1].append(deal_status)
    out = []
    for case_no, (status, statuses) in sorted(by_case.items()):
        goal = follow.followed_status(status, statuses)
        if goal is not None:
            out.append(P("STATUS", f"成果状态“{label(status, 'zh')}”与其转化项目不符，应为"
                         f"“{label(goal, 'zh')}”", f"the case is {status.value} but its deals "
                         f"put it at {goal.value}", "status", case_no))
    return out


def _ip_dates(s: Session) -> list[Problem]:
    rows = s.execute(
        select(Achievement.case_no, IPAsset.application_no).join(IPAsset.achievement).where(or_(
            IPAsset.filing_date > IPAsset.publication_date,
            IPAsset.publication_date > IPAsset.grant_date,
            IPAsset.filing_date > IPAsset.grant_date))
    ).all()
    return [P("R12", f"知识产权 {n} 日期顺序有误", f"IP {n}: filing ≤ publication ≤ grant "
              "violated", "ip_assets", c) for c, n in rows]


def _batches(s: Session, stmt, key) -> Iterator[list]:  # type: ignore[no-untyped-def]
    last = 0
    while True:
        rows = list(s.execute(stmt.where(key > last).order_by(key).limit(BATCH)).scalars())
        if not rows:
            return
        yield rows
        last = rows[-1].id
        s.expunge_all()


def publicities(s: Session, subject) -> dict[int, list[PublicityFacts]]:  # type: ignore[no-untyped-def]
    """Every publicity of a kind of subject (`Publicity.deal_id`, `Publicity.rights_grant_id`)
    as the rules read it, by subject id: one query, no ORM objects."""
    unresolved = select(Objection.id).where(Objection.publicity_id == Publicity.id,
                                            Objection.resolved_on.is_(None)).exists()
    out: dict[int, list[PublicityFacts]] = {}
    for key, result, end, objection_open in s.execute(
            select(subject, Publicity.result, Publicity.end_date, unresolved)
            .where(subject.is_not(None)).order_by(Publicity.id)):
        out.setdefault(key, []).append(PublicityFacts(result, end, bool(objection_open)))
    return out


def _grants(s: Session, pol: policy.Policy) -> list[Problem]:
    out: list[Problem] = []
    pubs = publicities(s, Publicity.rights_grant_id)
    stmt = select(RightsGrant).where(RightsGrant.is_imported.is_(False)).options(
        selectinload(RightsGrant.achievement))
    for batch in _batches(s, stmt, RightsGrant.id):
        for g in batch:
            out += grant_terms_problems(g, g.achievement, pol)
            if g.status in GRANT_EXERCISABLE:
                out += grant_agreement_problems(g, pubs.get(g.id, []))
            if g.status in GRANT_IN_PUBLICITY and not any(
                    p.result is None for p in pubs.get(g.id, [])):
                out.append(P("STATUS", "公示中的赋权须有进行中的公示",
                             "a grant in publicity needs a running publicity", "publicity",
                             g.achievement.case_no))
    return out


def _interested_deals(s: Session) -> set[int]:
    rows = s.execute(
        select(Deal.id).join(deal_achievement)
        .join(Contribution, Contribution.achievement_id == deal_achievement.c.achievement_id)
        .join(PersonInterest, and_(PersonInterest.person_id == Contribution.person_id,
                                   PersonInterest.company_id == Deal.counterparty_id))
    ).scalars()
    return set(rows)


# the deal columns `DealFacts` holds, in its field order
_FACT_COLUMNS = (Deal.deal_no, Deal.mode, Deal.price, Deal.pricing_method, Deal.approval_body,
                 Deal.approval_date, Deal.related_party_declared, Deal.related_party_declaration,
                 Deal.related_party_approval_date, Deal.supervising_approval_ref,
                 Deal.supervising_approval_date, Deal.exchange_reference)


DealRow = tuple[int, D, date | None, GrantStatus | None, DealFacts]


def deal_rows(s: Session) -> Iterator[DealRow]:
    """Every deal past approval (not imported), in id order, as (id, status, signing date,
    the status of the rights grant it exercises, its `DealFacts`): the deals' columns, their
    valuations, secret achievements and grants read by a few queries, not per deal."""
    valued = set(s.execute(select(Valuation.deal_id)).scalars())
    secret = set(s.execute(
        select(deal_achievement.c.deal_id)
        .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
        .where(Achievement.secrecy == Secrecy.SECRET_OR_SECURITY)).scalars())
    rows = s.execute(
        select(Deal.id, Deal.status, Deal.signing_date, RightsGrant.status, *_FACT_COLUMNS)
        .outerjoin(RightsGrant, RightsGrant.id == Deal.rights_grant_id)
        .where(Deal.is_imported.is_(False), Deal.status.in_(sorted(DEAL_APPROVED_OR_LATER)))
        .order_by(Deal.id))
    for deal_id, status, signing, grant, *columns in rows:
        yield deal_id, status, signing, grant, DealFacts(*columns, deal_id in valued,
                                                         deal_id in secret)


def _deals(s: Session, pol: policy.Policy) -> list[Problem]:
    """R4-R9 over every deal past approval with the rule functions the services refuse
    with (`approval_problems`, `signing_problems`), fed from set-based reads."""
    interested = _interested_deals(s)
    pubs = publicities(s, Publicity.deal_id)
    out: list[Problem] = []
    for deal_id, status, signing, grant, d in deal_rows(s):
        out += approval_problems(d, pol, deal_id in interested)
        out += _stage_problems(d, status, signing, grant, pubs.get(deal_id, []))
    return out


def _stage_problems(d: DealFacts, status: D, signing: date | None, grant: GrantStatus | None,
                    pubs: list[PublicityFacts]) -> list[Problem]:
    """What a deal past approval needs for the stage it is at: its approval record; once
    signed, R5/R4 at its signing date (not for self / joint implementation, domain.md §6);
    in publicity, a running publicity."""
    out: list[Problem] = []
    if d.approval_date is None:
        out.append(P("R6", "已过审批阶段的项目须有审批记录", "a deal past approval "
                     "needs its approval record", "approval_date", d.deal_no))
    if status in DEAL_SIGNED_OR_LATER and is_implementation(d):
        pass  # self / joint implementation: no signing, no publicity (domain.md §6)
    elif status in DEAL_SIGNED_OR_LATER:
        if signing is None:
            out.append(P("R12", "已签约项目缺少签约日期", "signed deal without a "
                         "signing date", "signing_date", d.deal_no))
        else:
            out += signing_problems(d, pubs, signing, grant)
    elif status == D.IN_PUBLICITY and closed_without_objection(pubs) is None and not any(
            p.result is None for p in pubs):
        out.append(P("STATUS", "公示中的项目须有进行中的公示",
                     "a deal in publicity needs a running publicity", "publicity", d.deal_no))
    return out


def _latest_start(s: Session, column) -> dict[int, Any]:  # type: ignore[no-untyped-def]
    return dict(s.execute(select(column, func.max(Publicity.start_date))
                          .where(column.is_not(None)).group_by(column)).all())


def _step_dates(s: Session) -> list[Problem]:
    """R12 across steps (domain.md §6) over every stored deal, grant and distribution,
    imported ones included: the pairs compare only dates that are there."""
    out: list[Problem] = []
    disclosed = dict(s.execute(
        select(deal_achievement.c.deal_id, func.max(Achievement.disclosure_date))
        .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
        .group_by(deal_achievement.c.deal_id)).all())
    started = _latest_start(s, Publicity.deal_id)
    for r in s.execute(select(Deal.id, Deal.deal_no, Deal.approval_date, Deal.signing_date,
                              Deal.registration_date)):
        out += step_problems(deal_step_pairs(disclosed.get(r.id), r.approval_date,
                                             started.get(r.id), r.signing_date,
                                             r.registration_date), r.deal_no)
    started = _latest_start(s, Publicity.rights_grant_id)
    for g, disclosure_date, case_no in s.execute(
            select(RightsGrant, Achievement.disclosure_date, Achievement.case_no)
            .join(Achievement, Achievement.id == RightsGrant.achievement_id)):
        out += step_problems(grant_step_pairs(disclosure_date, g, started.get(g.id)), case_no)
    last = func.max(Receipt.received_on)
    rows = s.execute(
        select(Deal.deal_no, Distribution.approval_date, last)
        .join(Distribution, Distribution.deal_id == Deal.id)
        .join(distribution_receipt, distribution_receipt.c.distribution_id == Distribution.id)
        .join(Receipt, Receipt.id == distribution_receipt.c.receipt_id)
        .where(Distribution.approval_date.is_not(None))
        .group_by(Distribution.id, Deal.deal_no, Distribution.approval_date)
        .having(last > Distribution.approval_date)).all()
    for deal_no, approved, received in rows:
        out += step_problems([("received_on", received, "approval_date", approved)], deal_no)
    return out


def _publicity_ends(s: Session) -> list[Problem]:
    """R5 in `check`: each stored publicity end is recomputed from its start, days and day
    kind; a stored end that contradicts the count is a finding."""
    out: list[Problem] = []
    calendar = None
    rows = s.execute(
        select(Publicity.id, Publicity.start_date, Publicity.days, Publicity.day_kind,
               Publicity.end_date, Deal.deal_no, Achievement.case_no)
        .outerjoin(Deal, Deal.id == Publicity.deal_id)
        .outerjoin(RightsGrant, RightsGrant.id == Publicity.rights_grant_id)
        .outerjoin(Achievement, Achievement.id == RightsGrant.achievement_id)).all()
    for pid, start, n, kind, stored, deal_no, case_no in rows:
        if kind == DayKind.WORKING and calendar is None:
            calendar = calendar_store.load(s)
        where = deal_no or case_no or f"publicity #{pid}"
        try:
            end = publicity_end(start, n, kind.value, calendar)
        except RuleViolation as exc:  # e.g. a year with no holiday calendar: say so
            out.append(Problem("R5", f"公示（{start} 起 {n} 天）无法核算：{exc.problems[0].zh}",
                               f"publicity from {start} ({n} days) cannot be recounted: "
                               f"{exc.problems[0].en}", "end_date", where))
            continue
        if end != stored:
            kind_zh = "工作日" if kind == DayKind.WORKING else "自然日"
            out.append(P("R5", f"公示期止日记为 {stored}，按 {start} 起 {n} 个{kind_zh}计算应为 "
                         f"{end}", f"the publicity end is stored as {stored}; {n} "
                         f"{kind.value} days from {start} end on {end}", "end_date", where))
    return out


def _receipts_and_money(s: Session) -> list[Problem]:
    out = []
    rows = s.execute(select(Deal.deal_no, Receipt.received_on).join(Receipt).where(
        or_(Deal.signing_date.is_(None), Receipt.received_on < Deal.signing_date),
        Deal.is_imported.is_(False))).all()
    out += [P("R12", f"收款日期 {r} 早于签约", f"receipt of {r} before signing", "receipt", n)
            for n, r in rows]
    pct = func.sum(type_coerce(Shareholding.percentage, Integer))
    rows = s.execute(select(Company.credit_code, pct).join(Shareholding)
                     .group_by(Company.credit_code).having(pct > 100 * PCT_SCALE)).all()
    out += [P("R11", f"股权比例合计 {t / PCT_SCALE}% 超过 100%", f"cap table sums to "
              f"{t / PCT_SCALE}% > 100%", "shareholding", c) for c, t in rows]
    return out


def _companies(s: Session) -> list[Problem]:
    codes = s.execute(select(Company.credit_code)).scalars()
    return [P("R8", "统一社会信用代码校验位错误", "invalid unified social credit code",
              "credit_code", c) for c in codes if not is_valid_credit_code(c)]


def _imported_notes(s: Session) -> list[Problem]:
    rows = s.execute(select(Deal.deal_no).where(Deal.is_imported.is_(True),
                                                Deal.approval_date.is_(None))).scalars()
    return [P("IMPORTED", "台账导入的项目尚缺审批记录", "imported deal lacks its approval "
              "record", "approval_date", n) for n in rows]


def _audit(s: Session) -> list[Problem]:
    return [P("AUDIT", f"审计链断裂：{m}", m) for m in audit.verify_chain(s)]


def _chain_notes(s: Session) -> list[Problem]:
    from ttdesk.core.base import chain_key

    if s.get_bind().dialect.name != "postgresql" or chain_key.configured():
        return []
    return [P("AUDIT", f"服务器模式下审计链未设密钥（{chain_key.ENV}）："
              "有数据库登录权限者可重建审计链",
              f"server mode without an audit chain key ({chain_key.ENV}): a database login "
              "could rebuild the chain")]


Step = Callable[[Session, policy.Policy], list[Problem]]
STEPS: list[tuple[str, Step]] = [
    ("integrity", lambda s, _: _integrity(s)),
    ("audit chain", lambda s, _: _audit(s)),
    ("rows vs history", lambda s, _: row_history_findings(s)),
    ("R1 shares", lambda s, _: _shares(s)),
    ("R2 disclosures", lambda s, _: _disclosures(s)),
    ("case status", lambda s, _: _case_statuses(s)),
    ("cases follow deals", lambda s, _: _cases_follow_deals(s)),
    ("R12 IP dates", lambda s, _: _ip_dates(s)),
    ("R3 rights grants", _grants),
    ("R4-R9 deals", _deals),
    ("R11/R12 money", lambda s, _: _receipts_and_money(s)),
    ("R12 dates across steps", lambda s, _: _step_dates(s)),
    ("R5 publicity ends", lambda s, _: _publicity_ends(s)),
    ("R8 credit codes", lambda s, _: _companies(s)),
    ("attachment files", lambda s, _: attachments.check_findings(s)),
    *MONEY_STEPS,
    *LICENCE_STEPS,
]


def run_check(ctx: AppContext, progress: Progress | None = None) -> CheckReport:
    """Run every step in one read transaction (a consistent snapshot)."""
    report = CheckReport()
    with ctx.read() as s:
        pol = policy.current(s)
        for i, (name, step) in enumerate(STEPS):
            if progress:
                progress(i / len(STEPS), name)
            report.findings += step(s, pol)
        report.notes += _imported_notes(s) + _chain_notes(s)
    return report
