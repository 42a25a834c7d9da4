"""Spin-offs formed by equity investment: the company (valid credit code), its cap table
(state-owned stake through the asset-management company, team members, investors), the
team's interests (which make the deal a related-party one, R7), milestones and equity
events — financing rounds that dilute everyone, transfers, partial exits of the state-owned
share whose proceeds become receipts, impairments and dividends — each with the cap table
right after it (`equity_position`), computed as `ttdesk.core.companies.equity` does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ttdesk.core.base.search_key import search_key
from ttdesk.core.companies.equity import percentages
from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, days, pct, split_int, stamp, yuan
from ttdesk.core.demo.org import company_name, credit_code
from ttdesk.core.demo.timeline import SIGNED, DealPlan

WHOLE = 1_000_000  # 100% in ten-thousandths of a percent
SPINOFF_REGIONS = [("110108", "海淀"), ("110114", "昌平"), ("110115", "大兴"),
                   ("110116", "怀柔"), ("110105", "朝阳")]
MILESTONES = ["incubator_entry", "first_order", "high_tech", "zjtx", "financing",
              "incubator_graduation", "scale_order", "brand_scene", "little_giant", "listing"]
# (probability, earliest and latest day after registration)
MILESTONE_PLAN = {"incubator_entry": (0.6, 0, 90), "first_order": (0.5, 90, 500),
                  "high_tech": (0.3, 365, 1000), "zjtx": (0.1, 700, 1500),
                  "financing": (0.3, 100, 1200), "incubator_graduation": (0.2, 700, 1500),
                  "scale_order": (0.25, 300, 1200), "brand_scene": (0.15, 200, 900),
                  "little_giant": (0.03, 1200, 2500), "listing": (0.01, 1800, 3500)}
EVENTS = ["capital_increase", "transfer", "exit", "impairment", "dividend"]
EVENT_WEIGHTS = [30, 5, 3, 5, 10]
ROUNDS = ["天使轮融资", "A轮融资", "B轮融资"]


def _holding(company_id: int, holder_type: str, name: str, capital_fen: int, part: int,
             at: Any, person: int | None = None, employment: str | None = None,
             state: bool = False) -> dict[str, Any]:
    subscribed = capital_fen * part // WHOLE
    return {"company_id": company_id, "holder_type": holder_type, "holder_name": name,
            "person_id": person, "employment_status": employment,
            "subscribed_capital": yuan(subscribed), "paid_in_capital": yuan(subscribed),
            "percentage": pct(part), "is_state_owned": state, "_at": at}


def emit_spinoff(g: Gen, plan: DealPlan) -> None:
    case, rng = plan.case, g.rng
    region_code, district = g.one(SPINOFF_REGIONS)
    registered = max(date(2014, 6, 1), plan.t0 - days(g.ri(30, 200)))
    signed = plan.status in SIGNED
    fen = plan.price_fen or 100_000_000
    p_a = g.one([30, 35, 40, 45, 50, 60]) * 10_000 if signed else 0
    capital_fen = (fen * WHOLE // p_a) // 1_000_000 * 1_000_000 if signed \
        else g.one([100, 200, 500]) * 1_000_000
    company_id = g.store.new_id("company")
    at = stamp(registered, company_id)
    row = {"id": company_id, "name": company_name(g, "北京", case.field),
           "credit_code": credit_code(g, region_code), "registration_date": registered,
           "registered_capital": yuan(capital_fen),
           "legal_representative": g.person_names[case.contributors[0][0]],
           "address": f"北京市{district}区科技园{g.ri(1, 99)}号",
           "region": "beijing", "province_code": "110000", "is_spinoff": True,
           "park": g.one(vocab.PARKS), "is_high_tech": False, "is_zjtx": False,
           "_at": at}
    row["search_key"] = search_key(row["name"], row["credit_code"], row["legal_representative"])
    g.store.add("company", row)
    plan.counterparty = row
    shares = [int(s.scaleb(4)) for _, s in case.contributors]
    holdings = []
    if signed:
        team_pct = g.one([70, 75, 80])
        team_int = p_a * team_pct // 100
        parts = split_int(team_int, shares)
        plan.equity = {"team_pct": team_pct, "parts": parts, "p_a": p_a}
        holdings.append(_holding(company_id, "institution_amc", g.institution["asset_company"],
                                 capital_fen, p_a - team_int, at, state=True))
        rest = WHOLE - p_a
        kinds = [k for k in ("investor", "government_fund", "incubator")
                 if g.cover.needs(f"holder:{k}")]
        if not kinds:
            first = g.cover.pick("investor_kind", ["investor", "government_fund", "incubator"],
                                 [60, 25, 15])
            kinds = [first] if rng.random() < 0.5 else [
                first, "investor" if first != "investor" else "government_fund"]
        for kind in kinds:
            g.cover.mark(f"holder:{kind}")
        for kind, part in zip(kinds, split_int(rest, [3, 2, 1][:len(kinds)]), strict=True):
            holdings.append(_holding(company_id, kind, _investor_name(g, kind), capital_fen,
                                     part, at))
    else:
        parts = split_int(WHOLE, shares)
    for (person, _), part in zip(case.contributors, parts, strict=True):
        holdings.append(_holding(company_id, "team_member", g.person_names[person],
                                 capital_fen, part, at, person=person,
                                 employment=g.cover.pick("employment", ["on_post", "off_post"],
                                                         [80, 20])))
        if (person, company_id) not in g.interests:
            g.interests.add((person, company_id))
            g.store.add("person_interest", {"person_id": person, "company_id": company_id,
                                            "nature": "持股股东", "_at": at})
    _milestones(g, row, registered)
    if signed:
        holdings = _events(g, plan, row, holdings)
    for h in holdings:
        g.store.add("shareholding", h)


def _investor_name(g: Gen, kind: str) -> str:
    if kind == "government_fund":
        return g.one(["北京市科技创新基金", "中关村科学城科技成长基金",
                      "北京高精尖产业发展基金"])
    if kind == "incubator":
        return g.one(["京华理工大学科技园发展有限公司", "中关村创业孵化器有限公司"])
    return g.one(["北京启航创业投资有限公司", "北京燕园天使投资中心（有限合伙）",
                  "北京京科成长股权投资基金（有限合伙）", "北京智源创新投资有限公司"])


def _milestones(g: Gen, company: dict[str, Any], registered: date) -> None:
    for kind in MILESTONES:
        prob, lo, hi = MILESTONE_PLAN[kind]
        needed = g.cover.needs(f"milestone:{kind}")
        if not needed and g.rng.random() > prob:
            continue
        on = registered + days(g.ri(lo, hi))
        if on > g.today:
            if not needed:
                continue
            on = g.between(registered, g.today)
        row = {"company_id": company["id"], "kind": kind, "happened_on": on, "amount": None,
               "note": {"financing": "天使轮/A轮融资", "first_order": "首个市场订单",
                        "scale_order": "年度框架采购合同"}.get(kind),
               "government_fund": False, "_at": stamp(on, company["id"])}
        if kind == "financing":
            row["amount"] = yuan(g.one([300, 500, 1000, 3000, 5000]) * 1_000_000)
            # a government fund invests alongside grants (拨投联动) in about a third
            row["government_fund"] = g.rng.random() < 0.35
            names = [_investor_name(g, "investor")]
            if row["government_fund"]:
                names.append(_investor_name(g, "government_fund"))
            row["investors"] = "、".join(names)
        if kind == "high_tech":
            company["is_high_tech"] = True
        if kind in ("zjtx", "little_giant"):
            company["is_zjtx"] = True
        g.cover.mark(f"milestone:{kind}")
        g.store.add("company_milestone", row)


def _snapshot(g: Gen, event_id: int, holdings: list[dict[str, Any]], at: Any
              ) -> list[dict[str, Any]]:
    """Percentages from capital (as the service computes them) and the event's positions."""
    live = [h for h in holdings if h["subscribed_capital"] > 0]
    for h, p in zip(live, percentages([h["subscribed_capital"] for h in live]), strict=True):
        h["percentage"] = p
    for h in live:
        g.store.add("equity_position", {
            "event_id": event_id, "holder_type": h["holder_type"],
            "holder_name": h["holder_name"], "person_id": h["person_id"],
            "subscribed_capital": h["subscribed_capital"],
            "paid_in_capital": h["paid_in_capital"], "percentage": h["percentage"],
            "is_state_owned": h["is_state_owned"], "_at": at})
    return live


def _capital(holdings: list[dict[str, Any]]) -> Decimal:
    return sum((h["subscribed_capital"] for h in holdings), Decimal("0.00"))


def _event_row(g: Gen, company: dict[str, Any], kind: str, on: date, holdings: list[dict[str,
               Any]], **values: Any) -> list[dict[str, Any]]:
    event_id = g.store.new_id("equity_event")
    at = stamp(on, company["id"])
    unchanged = kind in ("impairment", "dividend")  # no new cap table, as the service does
    live = holdings if unchanged else _snapshot(g, event_id, holdings, at)
    row = {"id": event_id, "company_id": company["id"], "deal_id": None, "kind": kind,
           "happened_on": on, "amount": None, "percentage": None, "note": None,
           "holder_name": None, "counterparty_name": None,
           "capital_after": None if unchanged else _capital(live), "receipt_id": None,
           "_at": at}
    row.update(values)
    g.store.add("equity_event", row)
    if not unchanged:
        company["registered_capital"] = row["capital_after"]
    return live


def _events(g: Gen, plan: DealPlan, company: dict[str, Any],
            holdings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Formation, then later events in date order; returns the cap table after the last."""
    signed = plan.dates["signed"]
    formed = min(g.today, signed + days(g.ri(10, 60)))
    holdings = _event_row(g, company, "formation", formed, holdings, deal_id=plan.id,
                          amount=yuan(plan.price_fen or 0), note="以科技成果作价入股")
    company_pct = sum((h["percentage"] for h in holdings if h["holder_type"] in (
        "institution_amc", "team_member")), Decimal(0))
    g.store.rows["equity_event"][-1]["percentage"] = company_pct
    kinds = [k for k in EVENTS if g.cover.needs(f"equity_event:{k}")]
    if not kinds:  # a small demo still shows every kind of event
        if g.rng.random() < 0.5:  # financing rounds are the common case
            kinds.extend(["capital_increase"] * g.one([1, 1, 2]))
        if g.rng.random() < 0.4:
            kinds.append(g.cover.pick("equity_event", EVENTS, EVENT_WEIGHTS))
    planned = []
    for kind in kinds:
        on = formed + days(g.ri(120, 1500))
        if on > g.today:
            if formed + days(30) > g.today:
                continue
            on = g.between(formed + days(30), g.today)
        planned.append((on, kind))
    rounds = 0
    for on, kind in sorted(planned):
        g.cover.mark(f"equity_event:{kind}")
        holdings = _apply(g, plan, company, kind, on, holdings, rounds)
        rounds += kind == "capital_increase"
    company["registered_capital"] = _capital(holdings)
    return holdings


def _apply(g: Gen, plan: DealPlan, company: dict[str, Any], kind: str, on: date,
           holdings: list[dict[str, Any]], rounds: int) -> list[dict[str, Any]]:
    fen = plan.price_fen or 0
    capital = _capital(holdings)
    if kind == "capital_increase":
        share = g.one([10, 15, 20])  # % of the company after the round
        wan = max(1, int(capital * share / (100 - share) / 10_000))  # whole ¥10,000s
        new = Decimal(wan * 10_000).quantize(Decimal("0.01"))
        kind_of = g.one(["investor", "investor", "government_fund"])
        name = _investor_name(g, kind_of)
        invested = new * g.one([2, 3, 5, 8])
        existing = next((h for h in holdings if h["holder_name"] == name), None)
        if existing is not None:
            existing["subscribed_capital"] += new
            existing["paid_in_capital"] += new
        else:
            holdings = [*holdings, _holding(company["id"], kind_of, name, 0, 0,
                                            stamp(on, company["id"]))]
            holdings[-1]["subscribed_capital"] = holdings[-1]["paid_in_capital"] = new
        round_name = ROUNDS[min(rounds, len(ROUNDS) - 1)]
        live = _event_row(g, company, kind, on, holdings, amount=invested, holder_name=name,
                          note=f"{round_name}：引入外部投资者增资")
        g.store.rows["equity_event"][-1]["percentage"] = next(
            h["percentage"] for h in live if h["holder_name"] == name)
        return live
    if kind in ("transfer", "exit"):
        seller = next((h for h in holdings if h["holder_type"] == (
            "team_member" if kind == "transfer" else "institution_amc")), holdings[0])
        out = (seller["subscribed_capital"] / g.one([3, 4, 5])).quantize(Decimal("0.01"))
        if out <= 0:
            return holdings
        seller["subscribed_capital"] -= out
        seller["paid_in_capital"] = min(seller["paid_in_capital"], seller["subscribed_capital"])
        buyer = _investor_name(g, "investor")
        holder = next((h for h in holdings if h["holder_name"] == buyer), None)
        if holder is None:
            holdings = [*holdings, _holding(company["id"], "investor", buyer, 0, 0,
                                            stamp(on, company["id"]))]
            holder = holdings[-1]
        holder["subscribed_capital"] += out
        holder["paid_in_capital"] += out
        price = int(out * g.one([2, 3, 4]) * 100)
        values: dict[str, Any] = {"amount": yuan(price), "holder_name": seller["holder_name"],
                                  "counterparty_name": buyer,
                                  "percentage": percentages([out, capital - out])[0]}
        if kind == "exit":
            rid = g.store.new_id("receipt")
            plan.extra_receipts.append((on, price, "equity_proceeds"))
            plan.equity.setdefault("receipt_ids", []).append(rid)
            values.update(deal_id=plan.id, receipt_id=rid, note="国有股权部分退出")
        else:
            values["note"] = "团队成员部分股权转让"
        return _event_row(g, company, kind, on, holdings, **values)
    amount = {"impairment": fen // 4, "dividend": fen // 50}[kind] // 100 * 100
    values = {"amount": yuan(amount)}
    if kind == "dividend" and amount > 0:
        rid = g.store.new_id("receipt")
        plan.extra_receipts.append((on, amount, "dividend"))
        plan.equity.setdefault("receipt_ids", []).append(rid)
        values.update(deal_id=plan.id, receipt_id=rid, note="年度分红")
    else:
        values["note"] = "年度分红" if kind == "dividend" else "经营不及预期，计提减值"
    return _event_row(g, company, kind, on, holdings, **values)
