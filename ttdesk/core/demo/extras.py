"""The marketing pipeline (enterprise demands, matchmaking activities, matches) and the
deadlines not tied to one deal: patent annuities, annual reports, hand-entered to-dos."""

from __future__ import annotations

import random
from datetime import date
from types import SimpleNamespace

from ttdesk.codes import AchievementStatus as A
from ttdesk.core.demo import vocab
from ttdesk.core.demo.cases import Case
from ttdesk.core.demo.common import Gen, days, stamp
from ttdesk.core.demo.notices import add_deadline
from ttdesk.core.office.deadlines import next_annuity
from ttdesk.core.rules.workdays import add_months

MATCHABLE = (A.MARKETING, A.CONVERTING, A.CONVERTED)


def emit_pipeline(g: Gen, cases: list[Case]) -> None:
    rng = g.rng
    fields = list(vocab.FIELDS)
    demands = []
    for i in range(g.scaled(0.05, minimum=8)):
        fld = fields[i % len(fields)] if i < len(fields) else g.one(fields)
        company = g.one(g.companies) if rng.random() < 0.8 else None
        on = g.today - days(g.ri(0, 3000))
        source = g.cover.pick("demand_source", ["park_list", "enterprise_challenge", "visit",
                                                "other"], [40, 25, 25, 10])
        obj = g.one(vocab.FIELDS[fld][1])
        demands.append((g.store.add("demand", {
            "company_id": company["id"] if company else None,
            "need": f"寻求{obj}相关技术，用于产品升级或新产品开发",
            "field": vocab.FIELDS[fld][0], "raised_on": on, "source": source,
            "_at": stamp(on, i)}), on))
    activities = []
    for i in range(g.scaled(0.003, minimum=3)):
        kind = g.cover.pick("activity", ["roadshow", "exhibition", "salon"], [50, 20, 30])
        fld = g.one(fields)
        on = g.today - days(g.ri(0, 3500))
        title = {"roadshow": f"{g.institution['name']}{vocab.FIELDS[fld][0]}成果专场路演",
                 "exhibition": f"中关村论坛技术交易展·{vocab.FIELDS[fld][0]}展区",
                 "salon": f"{vocab.FIELDS[fld][0]}产学研对接沙龙"}[kind]
        activities.append((g.store.add("match_activity", {
            "kind": kind, "held_on": on, "title": title,
            "participants": g.ri(20, 300), "_at": stamp(on, i)}), on))
    pool = [c for c in cases if c.status in MATCHABLE]
    if not pool:
        return
    for i in range(g.scaled(0.12, minimum=10)):
        case = g.one(pool)
        outcome = "deal" if case.deals and rng.random() < 0.6 else g.cover.pick(
            "match_outcome", ["contacted", "nda", "negotiating", "deal", "declined"],
            [35, 20, 20, 0, 25])
        if outcome == "deal" and not case.deals:
            outcome = "negotiating"
        on = g.between(case.disclosure + days(30), g.today)
        demand = g.one(demands) if rng.random() < 0.5 else None
        activity = g.one(activities) if rng.random() < 0.4 else None
        company = case.deals[0].counterparty if outcome == "deal" and case.deals else (
            g.one(g.companies) if rng.random() < 0.7 else None)
        g.store.add("match", {
            "demand_id": demand[0] if demand and demand[1] <= on else None,
            "achievement_id": case.id,
            "activity_id": activity[0] if activity and activity[1] <= on else None,
            "company_id": company["id"] if company else None, "outcome": outcome,
            "updated_on": on, "_at": stamp(on, i)})
    emit_market(g, pool)


PARKS = ("中关村科学城", "亦庄经济技术开发区", "怀柔科学城", "未来科学城", "中关村软件园")
_STAGES = ("contacted", "nda", "negotiating", "deal")


def emit_market(g: Gen, pool: list[Case]) -> None:
    """The ledger's own details (schema 0008): parks of park-list demands, each match's stage
    dates and officer, the promotion list. A generator of its own, so the rest of the demo
    stays what the same seed always gave."""
    rng = random.Random(g.cases * 1_000_003 + 8)
    fair = False
    for d in g.store.rows["demand"]:
        if d["source"] == "visit" and (not fair or rng.random() < 0.3):
            d["source"], fair = "fair", True  # met at a technology fair (对接会)
        if d["source"] == "park_list":
            d["park"] = rng.choice(PARKS)
    for m in g.store.rows["match"]:
        on, outcome = m["updated_on"], m["outcome"]
        m["officer_id"] = rng.choice(g.officers) if g.officers else None
        reached = _STAGES if outcome == "declined" else _STAGES[:_STAGES.index(outcome) + 1]
        if outcome == "declined":
            reached = _STAGES[:rng.randint(1, 3)]
        day = on
        for stage in reversed(reached):
            if stage == outcome:
                m[f"{stage}_on"] = on
                continue
            day = day - days(rng.randint(5, 40))
            m[f"{stage}_on"] = day
        if outcome == "declined":
            m["declined_on"] = on
    for i, case in enumerate(pool):
        if case.secrecy == "secret_or_security" or rng.random() > 0.35:
            continue
        listed = min(case.disclosure + days(rng.randint(30, 400)), g.today)
        g.store.add("promotion", {
            "achievement_id": case.id, "listed_on": listed,
            "public_summary": f"{case.title}：技术成熟度较高，已完成实验室验证，可提供专利许可、"
                              f"技术转让或合作开发，适用于{vocab.FIELDS[case.field][0]}领域。",
            "park": rng.choice(PARKS) if rng.random() < 0.4 else None,
            "delisted_on": None, "_at": stamp(listed, i)})


def emit_annuities(g: Gen) -> None:
    """Next annuity of every granted CN patent, as `deadlines.for_ip_asset` raises it."""
    for ip in g.store.rows["ip_asset"]:
        if ip["status"] != "granted" or ip["kind"] not in (
                "invention_patent", "utility_model", "design"):
            continue
        view = SimpleNamespace(status=ip["status"], filing_date=ip["filing_date"],
                               jurisdiction=ip["jurisdiction"])
        due = next_annuity(view, g.today)  # type: ignore[arg-type]
        if due is None:
            continue
        add_deadline(g, f"ip:{ip['id']}:annuity:{due.year}", due, "patent_annuity",
                     f"专利年费：{ip['application_no']}", "ip_asset", ip["id"],
                     ip["application_no"], created=max(ip["grant_date"], due - days(365)))
        _review(g, ip, due)


# 存量专利盘活: about one granted patent in six reviewed, picked by id (not from the random
# stream, so the rest of the demo stays as it was)
_REVIEWS = {0: ("C", "drop"), 1: ("A", "promote"), 2: ("B", "keep"), 3: ("B", "open_license")}


def _review(g: Gen, ip: dict, due: date) -> None:
    grade_decision = _REVIEWS.get(ip["id"] % 24)
    if grade_decision is None:
        return
    grade, decision = grade_decision
    on = max(ip["grant_date"], g.today - days(30 + ip["id"] % 200))
    g.store.add("patent_review", {
        "ip_asset_id": ip["id"], "grade": grade, "decision": decision, "reviewer": "刘晨",
        "reviewed_on": on, "note": None, "_at": stamp(on, ip["id"])})
    if decision == "drop":
        add_deadline(g, f"ip:{ip['id']}:drop", max(add_months(due, -1), g.today),
                     "patent_drop",
                     f"拟放弃专利 {ip['application_no']}：放弃或先行许可/转让（年费 {due} 到期）",
                     "ip_asset", ip["id"], ip["application_no"], created=on)


def emit_office_deadlines(g: Gen, first_year: int) -> None:
    month, day = (int(x) for x in str(g.policy.values["annual_report_due"]).split("-"))
    for year in range(first_year, g.today.year + 1):
        due = date(year + 1, month, day)
        add_deadline(g, f"annual_report:{year}", due, "annual_report",
                     f"{year} 年度科技成果转化报告", "year", year, str(year),
                     done_on=due - days(g.ri(1, 20)) if due <= g.today else None,
                     created=date(year, 12, 1))
    texts = ["联系意向企业洽谈许可条款", "整理年度专利维持清单", "组织成果路演报名",
             "复核赋权项目材料", "跟进企业尽职调查资料"]
    for i in range(g.scaled(0.002, minimum=3)):
        due = g.today + days(g.ri(-30, 90))
        add_deadline(g, None, due, "manual", texts[i % len(texts)], None, None, None,
                     done_on=None if due >= g.today or g.rng.random() < 0.3 else due,
                     created=g.today - days(g.ri(1, 60)))
