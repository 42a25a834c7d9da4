"""F10 snapshot: the open-licence offer (专利开放许可声明, Patent Law 2020 art. 50) of a
`license_open` deal, for publication: the patents, the fee terms, the term."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import DealMode
from ttdesk.core.base.errors import NotFound
from ttdesk.core.filing_data.common import Missing, header, js, pick
from ttdesk.core.rules import licences, policy
from ttdesk.db.models import Achievement, Deal, IPAsset, deal_achievement, deal_ip_asset


def f10(session: Session, deal_no: str) -> dict[str, Any]:
    deal = session.execute(select(Deal).where(Deal.deal_no == deal_no.strip())).scalar()
    if deal is None:
        raise NotFound("转化项目 / deal", deal_no)
    missing = Missing("F10", deal.deal_no)
    snap = header(session, "F10", deal.deal_no, missing)
    if deal.mode != DealMode.LICENSE_OPEN:
        missing.add("mode", "开放许可项目（该项目不是开放许可）",
                    "an open-licence deal (this deal is not one)")
        missing.check()
    assets = session.execute(
        select(IPAsset).join(deal_ip_asset, deal_ip_asset.c.ip_asset_id == IPAsset.id)
        .where(deal_ip_asset.c.deal_id == deal.id).order_by(IPAsset.id)).scalars().all()
    titles = session.execute(
        select(Achievement.case_no, Achievement.title)
        .join(deal_achievement, deal_achievement.c.achievement_id == Achievement.id)
        .where(deal_achievement.c.deal_id == deal.id).order_by(Achievement.id)).all()
    start = deal.signing_date or deal.approval_date
    snap.update(
        deal=pick(deal, "deal_no", "title", "mode", "price", "upfront_amount", "royalty_rate",
                  "royalty_base", "minimum_annual_royalty", "payment_terms", "approval_body",
                  "approval_date", "signing_date", "term_end"),
        term_start=js(start),
        achievements=[{"case_no": c, "title": t} for c, t in titles],
        ip_assets=[pick(a, "kind", "application_no", "grant_no", "status", "grant_date")
                   for a in assets],
    )
    missing.need(snap["ip_assets"], "ip_assets", "开放许可的专利", "the patents offered")
    missing.need(deal.approval_date, "approval_date", "学校的决定（审批记录）",
                 "the university's decision (approval)")
    for p in licences.open_licence_problems(deal.deal_no, start, deal.term_end,
                                            deal.payment_terms, deal.price,
                                            policy.current(session)):
        missing.add(p.field or "terms", p.zh, p.en, rule=p.rule)
    missing.check()
    return snap
