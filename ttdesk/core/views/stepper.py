"""Where a case stands and what it lacks for the next step: the case page's stage stepper.

Pure functions over the detail DTOs (`CaseDetail`, `DealDetail`) plus "today", so the page
needs no second round of queries and the answers are testable without Qt. The rule texts come
from `ttdesk.core.rules.checks` (the same checks the services refuse with); which actions a record
allows now comes from the status machines of `ttdesk.core.rules.statemachine`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import SimpleNamespace

from ttdesk.codes import (
    COOPERATION_MODES,
    IMPLEMENTATION_MODES,
    AchievementStatus,
    DealMode,
    DealStatus,
    GrantStatus,
    PricingMethod,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import disclosure_problems, shares_problems
from ttdesk.core.rules.statemachine import (
    ACHIEVEMENT,
    ACHIEVEMENT_ORDER,
    DEAL_ACTIVE,
    DEAL_SIGNED_OR_LATER,
    GRANT,
    GRANT_EXERCISABLE,
    GRANT_IN_PUBLICITY,
    allowed,
    at_or_after,
    deal_table,
)
from ttdesk.core.rules.workdays import days_left, earliest_signing_date
from ttdesk.core.views.case_detail import CaseDealRow, CaseDetail, case_detail
from ttdesk.core.views.deal_detail import DealDetail
from ttdesk.core.views.parts import GrantRow, PublicityRow

A = AchievementStatus
D = DealStatus

# Stage states; the stepper shows each with a text and a shape, never colour alone.
DONE, CURRENT, TODO, OPTIONAL, STOPPED = "done", "current", "todo", "optional", "stopped"

STAGES: tuple[tuple[str, str, str], ...] = (
    ("disclosure", "披露", "Disclosure"),
    ("assessment", "评估", "Assessment"),
    ("grant", "赋权", "Rights grant"),
    ("deal", "估值与交易", "Valuation & deal"),
    ("company", "企业与收益", "Company & income"),
)


@dataclass(frozen=True)
class Note:
    """A short sentence in both languages."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class StepInfo:
    """One stage of the stepper: its state and what it lacks (or where it stands)."""

    key: str
    zh: str
    en: str
    state: str
    detail: Note

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def _join(notes: Sequence[Note]) -> Note:
    return Note("；".join(n.zh for n in notes), "; ".join(n.en for n in notes))


# ---- publicity -----------------------------------------------------------------------------

def publicity_note(pub: PublicityRow, today: date) -> Note:
    """"公示期至 2026-12-05 · 尚余 4 天" while running; when it ended, from when one may sign."""
    if pub.result is not None:
        zh_res, en_res = label(pub.result, "zh"), label(pub.result, "en")
        return Note(f"公示已结束（{zh_res}，{pub.closed_on}）",
                    f"publicity closed ({en_res}, {pub.closed_on})")
    open_objs = sum(1 for o in pub.objections if o.resolved_on is None)
    if open_objs:
        return Note(f"公示期至 {pub.end_date} · 有 {open_objs} 项异议待处理",
                    f"publicity to {pub.end_date} · {open_objs} objection(s) open")
    if today < pub.start_date:
        return Note(f"公示将于 {pub.start_date} 开始，至 {pub.end_date}",
                    f"publicity starts {pub.start_date}, runs to {pub.end_date}")
    if today <= pub.end_date:
        left = days_left(pub.end_date, today)
        return Note(f"公示期至 {pub.end_date} · 尚余 {left} 天",
                    f"publicity to {pub.end_date} · {left} day(s) left")
    nxt = earliest_signing_date(pub.end_date)
    return Note(f"公示期已于 {pub.end_date} 届满，{nxt} 起可继续办理",
                f"publicity ended {pub.end_date}; next step possible from {nxt}")


def running_publicity(pubs: Sequence[PublicityRow]) -> PublicityRow | None:
    open_ones = [p for p in pubs if p.result is None]
    return max(open_ones, key=lambda p: p.start_date) if open_ones else None


# ---- allowed targets (for enabling the action buttons) --------------------------------------

def achievement_targets(status: AchievementStatus) -> frozenset[StrEnum]:
    return allowed(ACHIEVEMENT, status)


def grant_targets(status: GrantStatus) -> frozenset[StrEnum]:
    return allowed(GRANT, status)


def deal_targets(mode: DealMode, status: DealStatus) -> frozenset[StrEnum]:
    return allowed(deal_table(mode), status)


# ---- one deal -------------------------------------------------------------------------------

def _deal_missing_for_approval(d: DealDetail) -> list[Note]:
    out: list[Note] = []
    if d.mode in IMPLEMENTATION_MODES:  # no sale: no price, no pricing (domain.md §6)
        return out
    if d.price is None:
        out.append(Note("缺少价格", "price missing"))
    if d.mode not in COOPERATION_MODES and d.pricing_method is None:
        out.append(Note("缺少定价方式", "pricing method missing"))
    if d.mode == DealMode.EQUITY and not d.valuations:
        out.append(Note("缺少评估记录（R8）", "valuation record missing (R8)"))
    return out


def _approval_hint(d: DealDetail, coop: bool) -> Note:
    if d.approval_date is None:
        return Note("下一步：记录审批（机构、日期）", "next: record the approval (body, date)")
    if d.mode in IMPLEMENTATION_MODES:
        return Note("下一步：开始实施", "next: start the implementation")
    if coop:
        return Note("下一步：签约", "next: sign")
    if d.pricing_method == PricingMethod.NEGOTIATED:
        return Note("下一步：协议定价公示", "next: start the pricing publicity")
    if not (d.exchange_reference or "").strip():
        return Note("签约前须记录技术交易所/拍卖编号（R5）",
                    "record the exchange / auction reference before signing (R5)")
    return Note("下一步：签约", "next: sign")


def deal_hint(d: DealDetail, today: date) -> Note:
    """What this deal needs next, in one line (the deal panel's "next step")."""
    coop = d.mode in COOPERATION_MODES
    st = d.status
    if st == D.DRAFT:
        return Note("下一步：提交审批", "next: submit for approval") if coop else \
            Note("下一步：开始尽职调查", "next: start due diligence")
    if st == D.DUE_DILIGENCE:
        missing = _deal_missing_for_approval(d)
        if missing:
            return _join([Note("提交审批前", "before approval"), *missing])
        return Note("下一步：提交审批", "next: submit for approval")
    if st == D.APPROVAL:
        return _approval_hint(d, coop)
    if st in (D.IN_PUBLICITY, D.OBJECTION):
        pub = running_publicity(d.publicities)
        if pub is not None:
            return publicity_note(pub, today)
    if st == D.SIGNED:
        return Note("下一步：技术合同认定登记", "next: register the contract")
    if st == D.REGISTERED:
        return Note("下一步：开始履约", "next: start performing")
    if st == D.PERFORMING:
        return Note(f"履约中 · 收款 {len(d.receipts)} 笔", f"performing · {len(d.receipts)} "
                    "receipt(s)")
    if st == D.TERMINATED:
        return Note(f"已终止：{d.termination_reason or ''}",
                    f"terminated: {d.termination_reason or ''}")
    return Note(label(st, "zh"), label(st, "en"))


def grant_hint(g: GrantRow, today: date) -> Note:
    """What a rights grant needs next."""
    nxt = {
        GrantStatus.APPLIED: Note("下一步：院系审核", "next: college review"),
        GrantStatus.COLLEGE_REVIEWED: Note("下一步：转移机构审核", "next: TTO review"),
        GrantStatus.TTO_REVIEWED: Note("下一步：公示", "next: publicity"),
        GrantStatus.APPROVED: Note("下一步：签订赋权协议", "next: sign the grant agreement"),
        GrantStatus.AGREEMENT_SIGNED: Note("下一步：权属变更登记", "next: register the title "
                                           "change"),
        GrantStatus.TITLE_CHANGED: Note("赋权已完成", "grant complete"),
        GrantStatus.REJECTED: Note(f"未通过：{g.rejection_reason or ''}",
                                   f"rejected: {g.rejection_reason or ''}"),
    }
    if g.status in GRANT_IN_PUBLICITY:
        pub = running_publicity(g.publicities)
        if pub is not None:
            return publicity_note(pub, today)
    missing = []
    if g.status == GrantStatus.COLLEGE_REVIEWED:
        if not g.consent_recorded:
            missing.append(Note("缺少全体完成人同意（R3）", "all-inventor consent missing (R3)"))
        if not g.plan_attached:
            missing.append(Note("缺少转化方案（R3）", "commercialization plan missing (R3)"))
    return _join([nxt.get(g.status, Note(label(g.status, "zh"), label(g.status, "en"))),
                  *missing])


# ---- the case's stages ----------------------------------------------------------------------

def _disclosure_missing(c: CaseDetail) -> list[Note]:
    """R2 and R1, by the same checks the assessment transition refuses with."""
    shape = SimpleNamespace(case_no=c.case_no, title=c.title, kind=c.kind,
                            department_id=c.department_id, department=c.department,
                            contributions=c.contributors, funding_sources=c.funding,
                            no_funding=c.no_funding)
    problems = disclosure_problems(shape)  # type: ignore[arg-type]
    if c.contributors:
        problems += shares_problems([x.share for x in c.contributors])
    return [Note(f"[{p.rule}] {p.zh}", f"[{p.rule}] {p.en}") for p in problems]


def _stage(key: str, state: str, detail: Note) -> StepInfo:
    zh, en = next((z, e) for k, z, e in STAGES if k == key)
    return StepInfo(key, zh, en, state, detail)


def _disclosure_step(c: CaseDetail) -> StepInfo:
    if c.status != A.DISCLOSED:
        return _stage("disclosure", DONE, Note(f"{c.disclosure_date} 披露",
                                               f"disclosed {c.disclosure_date}"))
    missing = _disclosure_missing(c)
    if missing:
        return _stage("disclosure", CURRENT, _join([Note("开始评估前须补齐", "before "
                                                         "assessment"), *missing]))
    return _stage("disclosure", CURRENT, Note("披露完整，可开始评估",
                                              "disclosure complete: assessment can start"))


def _assessment_step(c: CaseDetail) -> StepInfo:
    if c.status == A.DISCLOSED or (c.status == A.RELEASED and not c.assessments):
        return _stage("assessment", TODO, Note("待披露完整后开始", "after the disclosure"))
    n = len(c.assessments)
    if c.status in (A.ASSESSING, A.PROTECTING, A.MARKETING):
        if not n:
            return _stage("assessment", CURRENT, Note("尚无评估记录", "no assessment recorded"))
        last = c.assessments[-1]
        rec = Note(f"最近评估 {last.assessed_on}：{label(last.recommendation, 'zh')}",
                   f"last assessment {last.assessed_on}: {label(last.recommendation, 'en')}")
        if c.status == A.ASSESSING and not c.ip_assets:
            return _stage("assessment", CURRENT, _join([rec, Note(
                "如需保护，请登记知识产权申请", "record an IP filing to enter protecting")]))
        return _stage("assessment", DONE if c.status != A.ASSESSING else CURRENT, rec)
    return _stage("assessment", DONE, Note(f"评估 {n} 次", f"{n} assessment(s)"))


def _grant_step(c: CaseDetail, today: date) -> StepInfo:
    if not c.rights_grants:
        return _stage("grant", OPTIONAL, Note("未申请赋权（可选）", "no rights grant (optional)"))
    g = c.rights_grants[-1]
    if g.status in GRANT_EXERCISABLE:
        state = DONE
    elif g.status == GrantStatus.REJECTED:
        state = STOPPED
    else:
        state = CURRENT
    head = Note(label(g.status, "zh"), label(g.status, "en"))
    return _stage("grant", state, _join([head, grant_hint(g, today)]) if state != DONE else
                  _join([head, Note(f"协议 {g.agreement_no or ''}", f"agreement "
                                    f"{g.agreement_no or ''}")]))


def _focus_deal(deals: Sequence[CaseDealRow]) -> CaseDealRow | None:
    """The deal the stepper talks about: one in publicity first, then any active one."""
    order = [D.OBJECTION, D.IN_PUBLICITY, D.APPROVAL, D.DUE_DILIGENCE, D.DRAFT]
    for st in order:
        for d in deals:
            if d.status == st:
                return d
    return None


def _row_missing(d: CaseDealRow) -> list[Note]:
    """What a deal still lacks before approval, as far as the case's deal row tells."""
    if d.status not in (D.DRAFT, D.DUE_DILIGENCE) or d.mode in IMPLEMENTATION_MODES:
        return []
    out = []
    if d.price is None:
        out.append(Note("审批前须确定价格（R6）", "set the price before approval (R6)"))
    if d.mode not in COOPERATION_MODES and d.pricing_method is None:
        out.append(Note("审批前须选择定价方式（R5）", "choose a pricing method before "
                        "approval (R5)"))
    return out


def _deal_step(c: CaseDetail, today: date) -> StepInfo:
    signed = [d for d in c.deals if d.status in DEAL_SIGNED_OR_LATER]
    focus = _focus_deal(c.deals)
    if focus is not None:
        head = Note(f"{focus.deal_no} {label(focus.status, 'zh')}",
                    f"{focus.deal_no} {label(focus.status, 'en')}")
        pub = running_publicity(focus.publicities)
        if pub is not None:
            return _stage("deal", CURRENT, _join([head, publicity_note(pub, today)]))
        return _stage("deal", CURRENT, _join([head, *_row_missing(focus)]))
    if signed:
        d = signed[-1]
        return _stage("deal", DONE, Note(f"{d.deal_no} {d.signing_date or ''} 签约",
                                         f"{d.deal_no} signed {d.signing_date or ''}"))
    if c.deals:
        return _stage("deal", TODO, Note("转化项目均已终止", "every deal was terminated"))
    if at_or_after(ACHIEVEMENT_ORDER, c.status, A.ASSESSING):
        return _stage("deal", TODO, Note("尚无转化项目：可新建", "no deal yet: create one"))
    return _stage("deal", TODO, Note("评估后进行", "after the assessment"))


def _company_step(c: CaseDetail) -> StepInfo:
    signed = [d for d in c.deals if d.status in DEAL_SIGNED_OR_LATER]
    if c.status in (A.CONVERTED, A.ARCHIVED) and all(
            d.status not in DEAL_ACTIVE or d.status == D.COMPLETED for d in c.deals):
        return _stage("company", DONE, Note(label(c.status, "zh"), label(c.status, "en")))
    if signed:
        parties = "、".join(sorted({d.counterparty for d in signed if d.counterparty}))
        return _stage("company", CURRENT, Note(f"已签约 {len(signed)} 项 · {parties}",
                                               f"{len(signed)} signed · {parties}"))
    return _stage("company", TODO, Note("签约后跟踪企业与收益",
                                        "company and income after signing"))


def steps_for(c: CaseDetail, today: date) -> list[StepInfo]:
    """The five stages of a case as of `today` (pure: no database)."""
    steps = [_disclosure_step(c), _assessment_step(c), _grant_step(c, today),
             _deal_step(c, today), _company_step(c)]
    if c.status == A.RELEASED:
        why = Note(f"已放弃：{c.release_reason or ''}", f"released: {c.release_reason or ''}")
        steps = [s if s.state == DONE else StepInfo(s.key, s.zh, s.en, STOPPED, why)
                 for s in steps]
    return steps


def next_steps(ctx: AppContext, case_no: str) -> list[StepInfo]:
    """The stepper of a case by its number (one read)."""
    return steps_for(case_detail(ctx, case_no), ctx.today())


def suggested_approval_body(ctx: AppContext, price: Decimal | None) -> str:
    """R6: the body the policy's tier table names for `price` ('' without a price)."""
    if price is None:
        return ""
    with ctx.read() as s:
        return policy.current(s).tier_for(price).body


def current_step(steps: Sequence[StepInfo]) -> StepInfo | None:
    return next((s for s in steps if s.state == CURRENT), None)
