"""Snapshots of the case filings: F01 disclosure, F02 rights-grant approval, F05 separate-ledger
registration."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import AchievementStatus, DealMode
from ttdesk.core.filing_data.common import Missing, header, js, pick
from ttdesk.core.money import income
from ttdesk.core.rules.statemachine import stage_from_deals
from ttdesk.core.views.case_detail import CaseDetail, detail_in_session
from ttdesk.db.models import (
    Company,
    Deal,
    EquityEvent,
    RightsGrant,
    Shareholding,
    Valuation,
)

CASE_FIELDS = ("case_no", "title", "title_en", "kind", "field", "department", "disclosure_date",
               "abstract", "trl", "research_stage", "secrecy", "officer", "intended_mode",
               "source", "status", "no_funding", "tags", "is_imported")


def case_part(case: CaseDetail) -> dict[str, Any]:
    return pick(case, *CASE_FIELDS)


def contributors(case: CaseDetail) -> list[dict[str, Any]]:
    return [pick(c, "staff_no", "name", "department", "share", "role", "leader_level",
                 "is_student", "is_external") for c in case.contributors]


def _require_disclosure(case: CaseDetail, missing: Missing) -> None:
    missing.need(case.title, "title", "成果名称", "title")
    missing.need(case.department, "department", "所属院系", "department")
    missing.need(case.contributors, "contributors", "完成人（至少一人）",
                 "contributors (at least one)")
    if case.contributors and sum((c.share for c in case.contributors), Decimal(0)) != 100:
        missing.add("share", "完成人贡献比例合计须为 100%", "contributor shares totalling 100%",
                    rule="R1")
    if not case.funding and not case.no_funding:
        missing.add("funding", "经费来源（或声明无经费资助）",
                    "funding sources (or an explicit 'no funding')")


def f01(session: Session, case_no: str) -> dict[str, Any]:
    case = detail_in_session(session, case_no)
    missing = Missing("F01", case.case_no)
    snap = header(session, "F01", case.case_no, missing)
    _require_disclosure(case, missing)
    snap.update(
        case=case_part(case),
        contributors=contributors(case),
        funding=[pick(f, "programme", "funder_type", "project_no", "ip_terms_note")
                 for f in case.funding],
        ip_assets=[pick(a, "kind", "jurisdiction", "application_no", "filing_date", "status",
                        "grant_no", "grant_date") for a in case.ip_assets],
    )
    missing.check()
    return snap


def f02(session: Session, case_no: str, draft: bool = False) -> dict[str, Any]:
    """The grant approval form; `draft` (报批稿) is for the meeting that decides, so the
    publicity result and the decision are not required yet."""
    case = detail_in_session(session, case_no)
    missing = Missing("F02", case.case_no)
    snap = header(session, "F02", case.case_no, missing)
    grant = session.execute(
        select(RightsGrant).where(RightsGrant.achievement_id == case.id)
        .order_by(RightsGrant.id.desc()).limit(1)
    ).scalar_one_or_none()
    snap.update(case=case_part(case), contributors=contributors(case), grant=None,
                publicity=None)
    if grant is None:
        missing.add("rights_grant", "赋权申请记录", "a rights-grant application")
        missing.check()
    assert grant is not None
    row = next(g for g in case.rights_grants if g.id == grant.id)
    snap["grant"] = pick(grant, "id", "form", "team_share", "term_years", "application_date",
                         "plan_attached", "plan_summary", "consent_recorded",
                         "college_review_date", "college_opinion", "tto_review_date",
                         "tto_opinion", "decision_body", "decision_date", "minutes_no",
                         "agreement_no", "agreement_date", "status")
    snap["grant"]["representative"] = row.representative
    pubs = row.publicities
    if pubs:
        p = pubs[-1]
        snap["publicity"] = {
            **pick(p, "channel", "start_date", "end_date", "days", "day_kind", "result",
                   "closed_on"),
            "objections": [pick(o, "raised_by", "raised_on", "content", "resolution",
                                "upheld") for o in p.objections],
        }
    if grant.form.value == "co_ownership":
        missing.need(grant.team_share, "team_share", "团队共有份额", "team co-ownership share")
    else:
        missing.need(grant.term_years, "term_years", "长期使用权期限", "use-right term")
    missing.need(row.representative, "representative", "团队代表", "team representative")
    missing.need(grant.plan_attached or grant.plan_summary, "plan", "转化方案",
                 "commercialization plan")
    missing.need(grant.consent_recorded, "consent_recorded", "全体完成人同意",
                 "all-inventor consent")
    missing.need(grant.college_review_date, "college_review_date", "院系审核意见",
                 "college review")
    missing.need(grant.tto_review_date, "tto_review_date", "转移机构审核意见", "TTO review")
    snap["draft"] = draft
    if draft:
        missing.check()
        return snap
    if snap["publicity"] is None or snap["publicity"]["result"] is None:
        missing.add("publicity", "公示结果", "the publicity result")
    if not grant.decision_body or not grant.decision_date:
        missing.add("decision", "学校审批记录（决策机构与日期）",
                    "the approval (decision body and date)")
    missing.check()
    return snap


def _deal_rows(session: Session, case: CaseDetail) -> list[dict[str, Any]]:
    ids = [d.id for d in case.deals]
    if not ids:
        return []
    received = income.received_by(session, income.DEAL, scope=income.Scope(deal_ids=ids))
    values = {v.deal_id: v for v in session.execute(
        select(Valuation).where(Valuation.deal_id.in_(ids)).order_by(Valuation.id)).scalars()}
    rows = []
    for d in case.deals:
        v = values.get(d.id)
        rows.append({
            **pick(d, "deal_no", "title", "mode", "status", "counterparty", "price",
                   "pricing_method", "signing_date"),
            "income": js(received.get(d.id, income.ZERO)),
            "valuation": None if v is None else pick(
                v, "appraised", "firm", "report_no", "base_date", "appraised_value",
                "agreed_value", "no_appraisal_reason"),
        })
    return rows


def _equity(session: Session, case: CaseDetail) -> tuple[list[dict[str, Any]], list[Any]]:
    deal_ids = [d.id for d in case.deals if d.mode == DealMode.EQUITY]
    if not deal_ids:
        return [], []
    company_ids = [c for (c,) in session.execute(
        select(Deal.counterparty_id).where(Deal.id.in_(deal_ids),
                                           Deal.counterparty_id.is_not(None)))]
    holdings = session.execute(
        select(Shareholding, Company.name, Company.credit_code)
        .join(Company, Company.id == Shareholding.company_id)
        .where(Shareholding.company_id.in_(company_ids), Shareholding.is_state_owned.is_(True))
        .order_by(Shareholding.id)
    ).all()
    events = session.execute(
        select(EquityEvent, Company.name).join(Company, Company.id == EquityEvent.company_id)
        .where(EquityEvent.company_id.in_(company_ids))
        .order_by(EquityEvent.happened_on, EquityEvent.id)
    ).all()
    return ([{"company": name, "credit_code": code,
              **pick(h, "holder_name", "subscribed_capital", "paid_in_capital", "percentage")}
             for h, name, code in holdings],
            [{"company": name, **pick(e, "kind", "happened_on", "amount", "percentage")}
             for e, name in events])


def conversion_status(case: CaseDetail) -> str:
    """已转化 once a deal is signed and none is still under way, 转化中 while one is, else 未转化
    (the case stage of `stage_from_deals`)."""
    stage = stage_from_deals(d.status for d in case.deals)
    if stage == AchievementStatus.CONVERTED:
        return "converted"
    return "converting" if stage == AchievementStatus.CONVERTING else "not_converted"


def f05(session: Session, case_no: str) -> dict[str, Any]:
    case = detail_in_session(session, case_no)
    missing = Missing("F05", case.case_no)
    snap = header(session, "F05", case.case_no, missing)
    missing.need(case.department, "department", "所属院系", "department")
    missing.need(case.contributors, "contributors", "完成人（至少一人）",
                 "contributors (at least one)")
    holdings, events = _equity(session, case)
    timeline: list[dict[str, Any]] = [
        {"date": js(case.disclosure_date), "event": "disclosed", "ref": case.case_no}]
    for a in case.ip_assets:
        if a.filing_date:
            timeline.append({"date": js(a.filing_date), "event": "ip_filed",
                             "ref": a.application_no})
        if a.grant_date:
            timeline.append({"date": js(a.grant_date), "event": "ip_granted",
                             "ref": a.grant_no or a.application_no})
    for g in case.rights_grants:
        if g.agreement_date:
            timeline.append({"date": js(g.agreement_date), "event": "grant_agreement",
                             "ref": g.agreement_no or ""})
    for d in case.deals:
        if d.signing_date:
            timeline.append({"date": js(d.signing_date), "event": "deal_signed",
                             "ref": d.deal_no})
    for e in events:
        timeline.append({"date": e["happened_on"], "event": f"equity_{e['kind']}",
                         "ref": e["company"]})
    timeline.sort(key=lambda t: (t["date"], t["event"]))
    snap.update(
        case=case_part(case),
        contributors=contributors(case),
        conversion_status=conversion_status(case),
        ip_assets=[pick(a, "kind", "jurisdiction", "application_no", "status", "grant_no")
                   for a in case.ip_assets],
        grants=[pick(g, "form", "team_share", "term_years", "status", "agreement_no")
                for g in case.rights_grants],
        deals=_deal_rows(session, case),
        state_equity=holdings,
        events=timeline,
    )
    missing.check()
    return snap
