"""Deal rows: terms, approval (R6 tier), related-party declaration (R7), valuation (R8),
supervising approval (R9), pricing publicity or exchange reference (R5), signing,
registration, and the deal's own deadlines."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, days, stamp, yuan
from ttdesk.core.demo.notices import (
    add_deadline,
    add_publicity,
    objection_closed,
    objection_open,
)
from ttdesk.core.demo.timeline import LICENSES, DealPlan
from ttdesk.core.rules import registration
from ttdesk.core.rules.policy import DEFAULT_POLICY
from ttdesk.core.rules.workdays import add_months, add_working_days

TITLE_SUFFIX = {"transfer": "专利权转让", "license_exclusive": "独占许可",
                "license_sole": "排他许可", "license_nonexclusive": "普通许可",
                "license_open": "开放许可",
                "equity": "作价投资", "joint": "合作实施", "self": "自行实施",
                "other": "成果转化", "development": "技术开发合同",
                "consulting": "技术咨询合同", "service": "技术服务合同"}
MINUTES = {0: "技转", 1: "转化领导小组", 2: "党委常委会"}


def pick_counterparty(g: Gen, plan: DealPlan) -> None:
    if plan.mode in ("equity", "self"):
        return
    same_field = g.partners_by_field.get(plan.case.field)
    if same_field and g.rng.random() < 0.85:  # mostly a company of the case's industry
        plan.counterparty = g.weighted(*same_field)
    else:
        plan.counterparty = g.weighted(g.companies, g.company_weights)


def _checklist(g: Gen, d: dict[str, Any]) -> dict[str, Any]:
    """The policy's due-diligence items, each ticked with date, person and note; complete
    once the deal went on to approval, partly ticked while still in due diligence."""
    start = d["due_diligence"]
    done = "approval" in d
    out: dict[str, Any] = {}
    for n, item in enumerate(DEFAULT_POLICY["due_diligence_items"]):
        if not done and g.rng.random() < 0.5:
            continue
        on = min(start + days(min(n + 1, 7)), d.get("approval", g.today), g.today)
        out[item["key"]] = {"on": on.isoformat(),
                            "by": g.one(DILIGENCE_BY), "note": ""}
    return out


DILIGENCE_BY = ["刘晨", "王磊", "张敏", "陈静"]


def _terms(g: Gen, plan: DealPlan, row: dict[str, Any], price: Decimal | None) -> None:
    rng, mode = g.rng, plan.mode
    if price is None:
        return
    fen = plan.price_fen or 0
    if mode == "transfer":
        r = rng.random()
        if r < 0.35:
            row["upfront_amount"] = price
            row["payment_terms"] = "合同生效后 30 日内一次性支付"
        elif r < 0.8:
            row["upfront_amount"] = yuan(fen * 6 // 10)
            row["payment_terms"] = "分两期支付：合同生效后支付 60%，完成技术交接后支付 40%"
        else:
            row["upfront_amount"] = yuan(fen * 3 // 10)
            row["payment_terms"] = "分三期支付：30%、40%（小试验收）、30%（中试验收）"
    elif mode in LICENSES:
        rate = g.one([10000, 20000, 30000, 35000, 50000])  # 1%-5% in ten-thousandths
        row.update(royalty_rate=Decimal(rate).scaleb(-4).normalize(),
                   royalty_base="许可产品年度净销售额",
                   minimum_annual_royalty=yuan(fen // 20 // 100 * 100) if rng.random() < 0.4
                   else None)
        if (g.cover.needs("deferred") and "signed" in plan.dates) or rng.random() < 0.15:
            g.cover.mark("deferred")
            row.update(deferred_payment=True, deferred_trigger="被许可方首笔产品销售收入实现",
                       payment_terms="先使用后付费：触发条件满足后按约定比例提成")
        else:
            row["upfront_amount"] = yuan(fen * g.one([2, 3, 4]) // 10)
            row["payment_terms"] = "入门费 + 按年度净销售额提成"
    elif mode == "equity":
        row["payment_terms"] = "以科技成果作价入股，工商变更登记后视为出资到位"
    elif mode in ("development", "consulting", "service"):
        row["upfront_amount"] = yuan(fen * 3 // 10)
        row["payment_terms"] = "按研发节点分三期支付：30%、40%、30%"
    else:
        row["upfront_amount"] = yuan(fen // 2)
        row["payment_terms"] = "按合同约定分期支付"


def emit_deal(g: Gen, plan: DealPlan, seq: int, interested: bool) -> None:
    d, case = plan.dates, plan.case
    price = yuan(plan.price_fen) if plan.price_fen is not None else None
    row: dict[str, Any] = {
        "id": plan.id, "deal_no": plan.deal_no,
        "title": f"{case.title}{TITLE_SUFFIX[plan.mode]}"[:300], "mode": plan.mode,
        "counterparty_id": plan.counterparty["id"] if plan.counterparty else None,
        "pricing_method": plan.pricing, "price": price, "deferred_payment": False,
        "rights_grant_id": plan.grant.id if plan.grant is not None else None,
        "related_party_declared": False, "status": plan.status,
        "manager_id": (case.row or {}).get("manager_id"),  # the case's manager carries it
        "policy_number": g.policy.number or None, "is_imported": False, "version": 1,
        "created_at": stamp(plan.t0, plan.id),
        "updated_at": stamp(max(d.values()), plan.id),
    }
    _terms(g, plan, row, price)
    if plan.pricing in ("listing", "auction") and plan.at_or_after("approval"):
        row["exchange_reference"] = (f"CTEX-{d['approval'].year}-GP{seq:05d}"
                                     if plan.pricing == "listing"
                                     else f"PM-{d['approval'].year}-{seq:04d}")
    if "due_diligence" in d:
        row["due_diligence"] = _checklist(g, d)
    if plan.approved:
        _approval(g, plan, row, price, seq)
    if price is not None and "approval" in d and (
            plan.mode == "equity" or (plan.mode == "transfer" and (
                g.rng.random() < 0.05 or _approach_missing(g)))):
        _valuation(g, plan, price, seq)
    if interested:
        _related_party(g, plan, row)
    if case.secrecy == "secret_or_security" and "approval" in d:
        _supervising(g, plan, row, seq)
    if "signed" in d:
        row["signing_date"] = d["signed"]
        if plan.mode in LICENSES:  # a licence's term: 3 to 8 years
            row["term_end"] = add_months(d["signed"], 12 * g.one([3, 5, 8])) - timedelta(1)
        if row.get("deferred_payment"):
            row["deferred_review_date"] = add_months(d["signed"], 12)
    if "registered" in d:
        row["registration_no"] = f"{d['registered'].year}110108{seq:06d}"
        row["registration_date"] = d["registered"]
        _certificate(g, plan, row, price)
    if plan.status == "completed":
        row["completion_date"] = d["completed"]
    if plan.status == "terminated":
        row["termination_reason"] = ("公示期内异议成立" if plan.reached == "objection"
                                     else g.one(vocab.TERMINATION_REASONS[:2]
                                                       + vocab.TERMINATION_REASONS[3:]))
    plan.row = row
    g.store.add("deal", row)
    g.store.link("deal_achievement", {"deal_id": plan.id, "achievement_id": case.id})
    if not plan.coop:
        for ip_id in case.ip_ids[:2]:
            if _licence_conflict(g, plan, row, ip_id):
                continue  # the demo keeps R13: no overlapping excluding licences
            g.store.link("deal_ip_asset", {"deal_id": plan.id, "ip_asset_id": ip_id})
    _publicities(g, plan)
    _deadlines(g, plan)


def _certificate(g: Gen, plan: DealPlan, row: dict[str, Any], price: Decimal | None) -> None:
    """Measures of 2026: submitted a few days after signing, certified with both amounts,
    the office's answer reminder closed on the day of the certificate."""
    signed, registered = plan.dates["signed"], plan.dates["registered"]
    sent = max(signed, registered - timedelta(g.one([3, 7, 10])))
    value = price if price is not None else Decimal("0.00")
    row.update(registration_submitted_on=sent, registration_contract_amount=value,
               registration_tech_amount=yuan(int(value * 100) * g.one([7, 8, 9, 10]) // 10))
    if sent.year < 2026:
        return  # the answer clock is the measures of 2026
    n = registration.answer_working_days(value, False, g.policy)
    try:
        due = add_working_days(sent, n, g.calendar)
    except RuleViolation:  # past the calendar's last year: no reminder to show
        return
    add_deadline(g, f"deal:{plan.id}:registration_answer", due, "registration_answer",
                 f"技术合同登记答复（{sent} 提交）：{plan.deal_no}", "deal", plan.id,
                 plan.deal_no, done_on=registered, created=sent)


def _licence_conflict(g: Gen, plan: DealPlan, row: dict[str, Any], ip_id: int) -> bool:
    """Would linking this licence to the asset put it beside an excluding licence? The demo
    then leaves the asset out (periods are not compared: simply never two such licences)."""
    if plan.mode not in LICENSES or "signing_date" not in row:
        return False
    held = g.licensed_ip.setdefault(ip_id, [])
    excluding = ("license_exclusive", "license_sole")
    if held and (plan.mode in excluding or any(m in excluding for m in held)):
        return True
    held.append(plan.mode)
    return False


def _approval(g: Gen, plan: DealPlan, row: dict[str, Any], price: Decimal | None,
              seq: int) -> None:
    assert price is not None
    on = plan.dates["approved"]
    tiers = g.policy.approval_tiers
    tier = g.policy.tier_for(price)
    level = next(i for i, t in enumerate(tiers) if t == tier)
    row.update(approval_tier=tier.body, approval_body=tier.body, approval_date=on,
               approval_minutes_no=f"{MINUTES.get(level, '审批')}〔{on.year}〕{seq % 97 + 1}号")


def _valuation(g: Gen, plan: DealPlan, price: Decimal, seq: int) -> None:
    """R8: an appraisal (with firm, report and values) or the recorded reason for none."""
    d = plan.dates
    base = max(plan.t0, d["approval"] - days(g.ri(10, 60)))
    appraised = bool(_approach_missing(g)) or g.cover.pick("appraised", [True, False], [70, 30])
    row: dict[str, Any] = {"deal_id": plan.id, "appraised": appraised, "agreed_value": price,
                           "_at": stamp(min(g.today, base + days(5)), plan.id)}
    if appraised:
        fen = plan.price_fen or 0
        firm = g.one(vocab.VALUATION_FIRMS)
        row.update(firm=firm, report_no=f"{firm[2:4]}评报字〔{base.year}〕第{seq % 900 + 100}号",
                   base_date=base,
                   approach=_approach(g),
                   appraised_value=yuan(fen + fen * g.ri(0, 30) // 100 // 100 * 100),
                   filing_date=min(d["approval"], base + days(g.ri(5, 20))))
        plan.appraisal_fen = g.one([30_000, 50_000, 80_000, 120_000]) * 100
        plan.appraisal_on = min(g.today, base + days(3))
    else:
        row["no_appraisal_reason"] = ("经学校成果转化领导小组研究，决定不进行资产评估，"
                                      "以协议定价并公示确定价格")
    g.store.add("valuation", row)


def _approach_missing(g: Gen) -> list[str]:
    return [a for a in ("income", "market", "cost") if g.cover.needs(f"approach:{a}")]


def _approach(g: Gen) -> str:
    missing = _approach_missing(g)
    approach = missing[0] if missing else g.cover.pick("approach", ["income", "market", "cost"],
                                                        [60, 25, 15])
    g.cover.mark(f"approach:{approach}")
    return approach


def _related_party(g: Gen, plan: DealPlan, row: dict[str, Any]) -> None:
    """R7: declaration and the extra approval, before the approval decision."""
    names = "、".join(g.person_names[p] for p, _ in plan.case.contributors[:2])
    row.update(related_party_declared=True,
               related_party_declaration=f"完成人{names}等在交易相对方持有股权或任职，"
                                         "已按规定申报并回避表决")
    approved = plan.dates.get("approved")
    submitted = plan.dates.get("approval")
    if approved is not None:
        row["related_party_approval_date"] = max(plan.t0, approved - days(g.ri(1, 4)))
    elif submitted is not None:
        row["related_party_approval_date"] = min(g.today, submitted + days(2))


def _supervising(g: Gen, plan: DealPlan, row: dict[str, Any], seq: int) -> None:
    """R9: the supervising ministry's approval, and the MOF filing deadline it raises."""
    submitted = plan.dates["approval"]
    approved = plan.dates.get("approved")
    on = (max(submitted, approved - days(g.ri(1, 4))) if approved
          else min(g.today, submitted + days(g.ri(0, 10))))
    row.update(supervising_approval_ref=f"工信装函〔{on.year}〕{seq % 300 + 1}号",
               supervising_approval_date=on)
    try:
        due = add_working_days(on, g.policy.secret_filing_working_days, g.calendar)
    except RuleViolation:  # no holiday calendar for that year: no deadline can be computed
        return
    add_deadline(g, f"deal:{plan.id}:mof", due, "mof_filing",
                 f"报财政部备案（涉密成果）：{plan.deal_no}", "deal", plan.id, plan.deal_no,
                 done_on=min(g.today, on + days(g.ri(3, 12))) if due < g.today
                 else None, created=on)


def _publicities(g: Gen, plan: DealPlan) -> None:
    if plan.pricing != "negotiated" or plan.coop or "in_publicity" not in plan.dates:
        return
    d, ref = plan.dates, plan.deal_no
    if plan.republicised:
        add_publicity(g, "deal", plan.id, d["pub1_start"], ref,
                      result="terminated_by_objection", closed_on=d["resolved1"],
                      objection={"raised_on": d["objection1"], "resolved_on": d["resolved1"],
                                 "upheld": False,
                                 "resolution": "经核实，异议不成立，重新审批后再次公示"})
    start = d["in_publicity"]
    if plan.reached == "objection":
        if plan.status == "terminated":
            obj = objection_closed(g, d["objection"], upheld=True)
            add_publicity(g, "deal", plan.id, start, ref, result="terminated_by_objection",
                          closed_on=obj["resolved_on"], objection=obj)
        else:
            add_publicity(g, "deal", plan.id, start, ref,
                          objection=objection_open(g, d["objection"]))
    elif plan.reached == "in_publicity":
        add_publicity(g, "deal", plan.id, start, ref)
    else:
        add_publicity(g, "deal", plan.id, start, ref, result="no_objection",
                      closed_on=d["signed"])


def _deadlines(g: Gen, plan: DealPlan) -> None:
    d, ref, row = plan.dates, plan.deal_no, plan.row
    if "signed" in d and plan.status != "terminated":
        due = d["signed"] + days(int(g.policy.values.get("registration_submit_days", 30)))
        add_deadline(g, f"deal:{plan.id}:registration", due, "contract_registration",
                     f"技术合同认定登记：{ref}", "deal", plan.id, ref,
                     done_on=d.get("registered"), created=d["signed"])
        review = row.get("deferred_review_date")
        if review is not None:
            add_deadline(g, f"deal:{plan.id}:deferred", review, "deferred_trigger",
                         f"先使用后付费触发条件复核：{ref}", "deal", plan.id, ref,
                         done_on=review if review <= g.today else None, created=d["signed"])
    if plan.status != "performing":
        return
    signed = d["signed"]
    if plan.mode in LICENSES:
        years = max(1, g.today.year - signed.year)
        due = add_months(signed, 12 * years)
        if due < g.today:
            due = add_months(signed, 12 * (years + 1))
        add_deadline(g, f"deal:{plan.id}:royalty:{due.year}", due, "royalty_report",
                     f"被许可方年度销售报告及提成结算：{ref}", "deal", plan.id, ref,
                     created=add_months(due, -12))
    elif plan.coop or plan.mode in ("joint", "other"):
        due = add_months(signed, g.one([6, 12, 18, 24]))
        add_deadline(g, f"deal:{plan.id}:milestone:1", due, "license_milestone",
                     f"合同节点验收：{ref}", "deal", plan.id, ref,
                     done_on=due if due < g.today else None, created=signed)

