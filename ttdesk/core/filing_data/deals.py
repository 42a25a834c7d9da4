"""Snapshots of the deal filings: F03 publicity notice, F04 conversion approval, F06 equity
registration, F07 income-distribution approval."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    COOPERATION_MODES,
    DealMode,
    EquityEventKind,
    PricingMethod,
    Secrecy,
)
from ttdesk.core.base.errors import NotFound
from ttdesk.core.companies import equity
from ttdesk.core.deals import diligence
from ttdesk.core.filing_data.cases import contributors as case_contributors
from ttdesk.core.filing_data.common import Missing, header, js, pick
from ttdesk.core.money.distribution_views import allocation_lines
from ttdesk.core.rules import policy
from ttdesk.core.rules.credit_code import is_valid_credit_code
from ttdesk.core.views.case_detail import detail_in_session as case_in_session
from ttdesk.core.views.parts import costs as cost_rows
from ttdesk.core.views.parts import publicities
from ttdesk.db.models import (
    Achievement,
    Company,
    Contribution,
    Cost,
    Deal,
    Department,
    Distribution,
    EquityEvent,
    IPAsset,
    OperatingProfit,
    Person,
    Publicity,
    Receipt,
    Valuation,
    deal_achievement,
    deal_ip_asset,
    distribution_receipt,
)

DEAL_FIELDS = ("deal_no", "title", "mode", "status", "pricing_method", "price",
               "exchange_reference", "deferred_payment", "deferred_trigger", "upfront_amount",
               "royalty_rate", "royalty_base", "minimum_annual_royalty", "payment_terms",
               "related_party_declared", "related_party_declaration",
               "related_party_approval_date", "approval_tier", "approval_body",
               "approval_date", "approval_minutes_no", "supervising_approval_ref",
               "supervising_approval_date", "signing_date", "registration_no",
               "registration_date",
               # the certificate's two amounts (measures of 2026) and a licence's term
               "registration_contract_amount", "registration_tech_amount", "term_end")


class DealView:
    """A deal as the filings read it: its own columns, counterparty, and the parts a form
    asks for, each loaded on first use (a filing needs no history, unlike the deal page)."""

    def __init__(self, session: Session, deal_no: str) -> None:
        found = session.execute(
            select(Deal, Company).outerjoin(Company, Company.id == Deal.counterparty_id)
            .where(Deal.deal_no == deal_no.strip())
        ).one_or_none()
        if found is None:
            raise NotFound("转化项目 / deal", deal_no)
        self._session = session
        self.deal, self.counterparty = found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.deal, name)

    @cached_property
    def achievements(self) -> list[Any]:
        return list(self._session.execute(
            select(Achievement).join(deal_achievement,
                                     deal_achievement.c.achievement_id == Achievement.id)
            .where(deal_achievement.c.deal_id == self.deal.id).order_by(Achievement.case_no)
        ).scalars())

    @cached_property
    def ip_assets(self) -> list[Any]:
        return list(self._session.execute(
            select(IPAsset).join(deal_ip_asset, deal_ip_asset.c.ip_asset_id == IPAsset.id)
            .where(deal_ip_asset.c.deal_id == self.deal.id).order_by(IPAsset.id)
        ).scalars())

    @cached_property
    def valuations(self) -> list[Any]:
        return list(self._session.execute(
            select(Valuation).where(Valuation.deal_id == self.deal.id).order_by(Valuation.id)
        ).scalars())

    @cached_property
    def publicities(self) -> list[Any]:
        return publicities(self._session, Publicity.deal_id, [self.deal.id]).get(self.deal.id,
                                                                                  [])

    @cached_property
    def costs(self) -> list[Any]:
        return cost_rows(self._session, Cost.deal_id == self.deal.id)

    @cached_property
    def distributions(self) -> list[Any]:
        dists = list(self._session.execute(
            select(Distribution).where(Distribution.deal_id == self.deal.id)
            .order_by(Distribution.id)).scalars())
        people = allocation_lines(self._session, [d.id for d in dists])
        return [SimpleNamespace(**{k: getattr(d, k) for k in DIST_FIELDS},
                                allocations=people.get(d.id, [])) for d in dists]


DIST_FIELDS = ("id", "status", "gross_income", "deductible_costs", "net_income",
               "team_share_pct", "team_amount", "department_amount", "tto_amount",
               "university_amount", "is_equity", "approval_date", "approval_body",
               "payment_date", "profit_year")


def detail_in_session(session: Session, deal_no: str) -> DealView:
    return DealView(session, deal_no)


def deal_part(deal: DealView) -> dict[str, Any]:
    out = pick(deal, *DEAL_FIELDS)
    cp = deal.counterparty
    out["counterparty"] = None if cp is None else pick(cp, "name", "credit_code", "region")
    return out


def _publicity(p: Any) -> dict[str, Any]:
    return {**pick(p, "channel", "start_date", "end_date", "days", "day_kind", "result",
                   "closed_on"),
            "objections": [pick(o, "raised_by", "raised_on", "content", "resolution",
                                "resolved_on", "upheld") for o in p.objections]}


def _achievements(session: Session, deal: DealView) -> list[dict[str, Any]]:
    """The deal's cases with their contributors: two indexed queries, not a full case detail
    per case (a filing needs no history)."""
    ids = [a.id for a in deal.achievements]
    if not ids:
        return []
    people: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for c, p, dept in session.execute(
        select(Contribution, Person, Department.name)
        .join(Person, Person.id == Contribution.person_id)
        .outerjoin(Department, Department.id == Person.department_id)
        .where(Contribution.achievement_id.in_(ids)).order_by(Contribution.id)
    ):
        people[c.achievement_id].append({
            **pick(p, "staff_no", "name", "leader_level", "is_student", "is_external"),
            "department": dept, "share": js(c.share), "role": js(c.role)})
    rows = session.execute(
        select(Achievement.id, Achievement.case_no, Achievement.title, Achievement.kind,
               Department.name, Achievement.secrecy)
        .outerjoin(Department, Department.id == Achievement.department_id)
        .where(Achievement.id.in_(ids)).order_by(Achievement.case_no)
    ).all()
    return [{"case_no": case_no, "title": title, "kind": js(kind), "department": dept,
             "secrecy": js(secrecy), "contributors": people[i]}
            for i, case_no, title, kind, dept, secrecy in rows]


def _distribution(session: Session, deal: DealView, dist_id: int | None) -> Any:
    if not deal.distributions:
        return None
    if dist_id is None:
        return deal.distributions[-1]
    for d in deal.distributions:
        if d.id == dist_id:
            return d
    raise NotFound(f"收益分配 / distribution ({deal.deal_no})", dist_id)


# ---- F03 ----------------------------------------------------------------------------------

def f03(session: Session, key: str, variant: str, dist_id: int | None = None) -> dict[str, Any]:
    if variant == "grant":
        return _f03_grant(session, key)
    deal = detail_in_session(session, key)
    missing = Missing("F03", deal.deal_no)
    snap = header(session, "F03", deal.deal_no, missing)
    snap.update(variant=variant, deal=deal_part(deal), achievements=_achievements(session, deal),
                publicity=None)
    if variant == "deal":
        if deal.publicities:
            snap["publicity"] = _publicity(deal.publicities[-1])
        elif deal.pricing_method == PricingMethod.NEGOTIATED:
            missing.add("publicity", "公示记录", "a publicity record")
        else:
            missing.add("publicity", "公示记录（挂牌或拍卖定价无需公示）",
                        "a publicity record (listing and auction prices need none)")
        missing.need(deal.price, "price", "拟交易价格", "proposed price")
        missing.need(deal.counterparty, "counterparty", "交易对方", "counterparty")
    else:
        dist = _distribution(session, deal, dist_id)
        if dist is None:
            missing.add("distribution", "收益分配记录", "an income distribution")
            missing.check()
        pubs = _distribution_publicities(session, dist.id)
        if pubs:
            snap["publicity"] = _publicity(pubs[-1])
        else:
            missing.add("publicity", "现金奖励公示记录", "the cash-reward publicity record")
        snap["distribution"] = _dist_part(dist)
        missing.need(dist.allocations, "allocations", "奖励人员及金额",
                     "recipients and amounts")
        if dist.profit_year is None:  # a self / joint implementation has no contract to register
            missing.need(deal.registration_no, "registration_no", "技术合同登记号",
                         "technology-contract registration number")
    missing.check()
    return snap


def _distribution_publicities(session: Session, dist_id: int) -> list[Any]:
    return publicities(session, Publicity.distribution_id, [dist_id]).get(dist_id, [])


def _f03_grant(session: Session, case_no: str) -> dict[str, Any]:
    case = case_in_session(session, case_no)
    missing = Missing("F03", case.case_no)
    snap = header(session, "F03", case.case_no, missing)
    grant = case.rights_grants[-1] if case.rights_grants else None
    snap.update(variant="grant", case=pick(case, "case_no", "title", "kind", "department"),
                contributors=case_contributors(case), grant=None, publicity=None)
    if grant is None:
        missing.add("rights_grant", "赋权申请记录", "a rights-grant application")
    else:
        snap["grant"] = pick(grant, "form", "team_share", "term_years", "representative",
                             "application_date")
        if grant.publicities:
            snap["publicity"] = _publicity(grant.publicities[-1])
        else:
            missing.add("publicity", "赋权公示记录", "the rights-grant publicity record")
    missing.check()
    return snap


# ---- F04 ----------------------------------------------------------------------------------

def _checklist(session: Session, deal: Any, missing: Missing) -> list[dict[str, Any]]:
    """The due-diligence checklist under the current policy; every item must be ticked."""
    pol = policy.current(session)
    lines = diligence.rows(deal.due_diligence, pol)
    open_items = diligence.missing(deal.due_diligence, pol)
    if open_items:
        missing.add("due_diligence", "尽职调查清单未完成：" + "、".join(r.zh for r in open_items),
                    "the due-diligence checklist is incomplete: "
                    + ", ".join(r.en for r in open_items))
    return [{"key": r.key, "zh": r.zh, "en": r.en, "done": r.done, "on": js(r.on),
             "by": r.by, "note": r.note} for r in lines]


def f04(session: Session, deal_no: str, draft: bool = False) -> dict[str, Any]:
    """The deal approval form; `draft` (报批稿) is printed before the approval, for the
    meeting that decides, so the approval itself is not required yet."""
    deal = detail_in_session(session, deal_no)
    missing = Missing("F04", deal.deal_no)
    snap = header(session, "F04", deal.deal_no, missing)
    achievements = _achievements(session, deal)
    cooperation = deal.mode in COOPERATION_MODES
    snap.update(
        deal=deal_part(deal),
        achievements=achievements,
        ip_assets=[pick(a, "kind", "jurisdiction", "application_no", "status", "grant_no")
                   for a in deal.ip_assets],
        valuation=None if not deal.valuations else pick(
            deal.valuations[-1], "appraised", "no_appraisal_reason", "firm", "report_no",
            "base_date", "approach", "appraised_value", "agreed_value", "filing_date"),
        publicity=_publicity(deal.publicities[-1]) if deal.publicities else None,
        cooperation=cooperation,
        draft=draft,
    )
    missing.need(achievements, "achievements", "涉及的科技成果", "the achievements covered")
    missing.need(deal.counterparty, "counterparty", "交易对方", "counterparty")
    missing.need(deal.price, "price", "交易价格", "price")
    if not cooperation:
        missing.need(deal.pricing_method, "pricing_method", "定价方式", "pricing method")
        snap["checklist"] = _checklist(session, deal, missing)
    if deal.mode == DealMode.EQUITY and not deal.valuations:
        missing.add("valuation", "评估或不评估理由记录（R8）",
                    "a valuation or the reason for not appraising (R8)", rule="R8")
    if deal.related_party_declared and not deal.related_party_approval_date:
        missing.add("related_party_approval_date", "关联交易审批记录（R7）",
                    "the related-party approval (R7)", rule="R7")
    if any(a["secrecy"] == Secrecy.SECRET_OR_SECURITY.value for a in achievements) and \
            not deal.supervising_approval_ref:
        missing.add("supervising_approval_ref", "主管部门审批文号（R9）",
                    "the supervising department's approval (R9)", rule="R9")
    if not draft and (not deal.approval_body or not deal.approval_date):
        missing.add("approval", "审批记录（审批机构与日期）", "the approval (body and date)")
    missing.check()
    return snap


# ---- F06 ----------------------------------------------------------------------------------

def f06(session: Session, deal_no: str) -> dict[str, Any]:
    deal = detail_in_session(session, deal_no)
    missing = Missing("F06", deal.deal_no)
    snap = header(session, "F06", deal.deal_no, missing)
    if deal.mode != DealMode.EQUITY:
        missing.add("mode", "作价投资项目（该项目不是作价投资）",
                    "an equity-investment deal (this deal is not one)")
        missing.check()
    company = deal.counterparty
    snap.update(deal=deal_part(deal), achievements=_achievements(session, deal),
                ip_assets=[pick(a, "kind", "jurisdiction", "application_no", "status",
                                "grant_no") for a in deal.ip_assets],
                valuation=None, company=None, cap_table=[], reward_shares=[], events=[])
    if deal.valuations:
        snap["valuation"] = pick(deal.valuations[-1], "appraised", "no_appraisal_reason",
                                 "firm", "report_no", "base_date", "approach",
                                 "appraised_value", "agreed_value", "filing_date")
    else:
        missing.add("valuation", "评估或不评估理由记录（R8）",
                    "a valuation or the reason for not appraising (R8)", rule="R8")
    if company is None:
        missing.add("company", "作价投资企业", "the company invested in")
        missing.check()
    assert company is not None
    snap["company"] = pick(company, "name", "credit_code", "registration_date",
                           "registered_capital", "legal_representative", "address", "region")
    if not is_valid_credit_code(company.credit_code):
        missing.add("credit_code", f"有效的统一社会信用代码（当前：{company.credit_code}）",
                    f"a valid unified social credit code (now {company.credit_code})", rule="R8")
    events = list(session.execute(
        select(EquityEvent).where(EquityEvent.company_id == company.id)
        .order_by(EquityEvent.happened_on, EquityEvent.id)
    ).scalars())
    formation = next((e for e in events if e.kind == EquityEventKind.FORMATION
                      and e.deal_id == deal.id), None)
    # the cap table right after the formation (the money core keeps one per event), else
    # today's when the history was not recorded
    table = equity.cap_table_in_session(session, company,
                                        formation.happened_on if formation else None)
    if not table.holdings:
        table = equity.cap_table_in_session(session, company)
    holdings = sorted(table.holdings, key=lambda h: (not h.is_state_owned, -h.percentage))
    snap["cap_table_as_of"] = js(table.as_of)
    snap["cap_table"] = [pick(h, "holder_type", "holder_name", "staff_no",
                              "employment_status", "subscribed_capital", "paid_in_capital",
                              "percentage", "is_state_owned") for h in holdings]
    missing.need(holdings, "cap_table", "企业股权结构（股东名册）", "the company's cap table")
    if holdings and not any(h.is_state_owned for h in holdings):
        missing.add("state_holder", "国有股权持有主体（资产经营公司）",
                    "the holder of the state-owned share (asset-management company)")
    for d in deal.distributions:
        if d.is_equity:
            snap["reward_shares"].extend(
                {**pick(a, "staff_no", "name", "contribution_pct", "equity_pct")}
                for a in d.allocations)
    snap["events"] = [pick(e, "kind", "happened_on", "amount", "percentage", "holder_name",
                           "counterparty_name", "capital_after", "note") for e in events]
    missing.check()
    return snap


# ---- F07 ----------------------------------------------------------------------------------

def _dist_part(dist: Any) -> dict[str, Any]:
    return {**pick(dist, "id", "status", "gross_income", "deductible_costs", "net_income",
                   "team_share_pct", "team_amount", "department_amount", "tto_amount",
                   "university_amount", "is_equity", "approval_date", "approval_body",
                   "payment_date", "profit_year"),
            "allocations": [pick(a, "staff_no", "name", "contribution_pct", "amount",
                                 "taxable_amount", "equity_pct") for a in dist.allocations]}


def f07(session: Session, deal_no: str, dist_id: int | None = None, draft: bool = False
        ) -> dict[str, Any]:
    """The distribution approval form; `draft` (报批稿) before the approval."""
    deal = detail_in_session(session, deal_no)
    subject = deal.deal_no if dist_id is None else f"{deal.deal_no}#{dist_id}"
    missing = Missing("F07", subject)
    snap = header(session, "F07", deal.deal_no, missing)
    dist = _distribution(session, deal, dist_id)
    if dist is None:
        missing.add("distribution", "收益分配记录", "an income distribution")
        missing.check()
    receipts = session.execute(
        select(Receipt).join(distribution_receipt,
                             distribution_receipt.c.receipt_id == Receipt.id)
        .where(distribution_receipt.c.distribution_id == dist.id)
        .order_by(Receipt.received_on, Receipt.id)
    ).scalars().all()
    snap.update(
        deal=deal_part(deal),
        achievements=[pick(a, "case_no", "title") for a in deal.achievements],
        distribution=_dist_part(dist),
        receipts=[{**pick(r, "received_on", "amount", "kind", "invoice_no"),
                   "reversal": r.reverses_id is not None} for r in receipts],
        costs=[{**pick(c, "incurred_on", "amount", "category", "deductible", "note"),
                "reversal": c.reverses_id is not None} for c in deal.costs if c.deductible],
        publicity=None,
        draft=draft,
        operating_profit=_operating_profit(session, deal.id, dist.profit_year),
    )
    pubs = _distribution_publicities(session, dist.id)
    if pubs:
        snap["publicity"] = _publicity(pubs[-1])
    missing.need(dist.allocations, "allocations", "个人分配明细", "the per-person allocations")
    if dist.allocations and not dist.is_equity:
        total = sum((a.amount for a in dist.allocations), Decimal(0))
        if total != dist.team_amount:
            missing.add("allocations",
                        f"个人分配合计（{total}）须等于团队金额（{dist.team_amount}）",
                        f"allocations totalling the team amount ({total} vs "
                        f"{dist.team_amount})", rule="R10")
    if not draft and (not dist.approval_date or not dist.approval_body):
        missing.add("approval", "审批记录（审批机构与日期）", "the approval (body and date)")
    missing.check()
    return snap


def _operating_profit(session: Session, deal_id: int, year: int | None
                      ) -> dict[str, Any] | None:
    """A self / joint deal's base: the year's operating profit and its source document."""
    if year is None:
        return None
    row = session.execute(select(OperatingProfit).where(
        OperatingProfit.deal_id == deal_id, OperatingProfit.year == year)).scalar_one_or_none()
    return None if row is None else pick(row, "year", "amount", "source_document", "note")


def distribution_ids(session: Session, deal_no: str) -> list[int]:
    """Ids of a deal's distributions, oldest first (for `--distribution N` help)."""
    return list(session.execute(
        select(Distribution.id).join(Deal, Deal.id == Distribution.deal_id)
        .where(Deal.deal_no == deal_no).order_by(Distribution.id)).scalars())
