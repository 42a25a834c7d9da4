"""F03 publicity notice and closing report, F04 conversion approval, F06 equity registration,
F07 income-distribution approval."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ttdesk import codes as e
from ttdesk.core.base.labels import due_diligence_label
from ttdesk.filings import blocks as b
from ttdesk.filings.forms.case_forms import contributor_grid, publicity_fields
from ttdesk.filings.forms.common import Words, new_document, signatures

CN_NUM = "〇一二三四五六七八九"
HOLDERS_NOTE = ("国有股权由学校资产经营公司持有并单列管理。",
                "The state-owned share is held by the university's asset-management company "
                "and kept in the separate ledger.")


def _deal_fields(w: Words, d: dict[str, Any]) -> b.Fields:
    cp = d.get("counterparty") or {}
    return b.Fields([
        (w.field("deal_no"), d["deal_no"]),
        (w.field("mode"), w.code(e.DealMode, d["mode"])),
        (w.tr("项目名称", "Title"), d["title"]),
        (w.field("counterparty"), w.text(cp.get("name"))),
        (w.field("credit_code"), w.text(cp.get("credit_code"))),
        (w.field("pricing_method"), w.code(e.PricingMethod, d.get("pricing_method"))),
    ])


def _achievement_grid(w: Words, items: list[dict[str, Any]]) -> b.Grid:
    return b.Grid([w.field("case_no"), w.field("title"), w.field("kind"), w.field("department")],
                  [[a["case_no"], a["title"], w.code(e.AchievementKind, a.get("kind")),
                    w.text(a.get("department"))] for a in items], widths=[1.2, 3.2, 1.1, 1.5])


def _names(items: list[dict[str, Any]], lang: str) -> str:
    seen: list[str] = []
    for a in items:
        for p in a.get("contributors", []):
            if p["name"] not in seen:
                seen.append(p["name"])
    return ("、" if lang == "zh" else ", ").join(seen)


# ---- F03 ----------------------------------------------------------------------------------

def f03(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    variant, pub = snap["variant"], snap["publicity"]
    titles = {"grant": ("职务科技成果赋权公示", "Public Notice: Rights Grant"),
              "deal": ("科技成果转化公示", "Public Notice: Conversion of an Achievement"),
              "reward": ("科技成果转化现金奖励公示", "Public Notice: Cash Rewards")}
    zh, en = titles[variant]
    ref = snap["case"]["case_no"] if variant == "grant" else snap["deal"]["deal_no"]
    doc = new_document(snap, zh, en, ref, lang)
    inst = snap["institution"]
    if variant == "grant":
        c, g = snap["case"], snap["grant"]
        doc.add(b.Para(w.tr(
            "根据学校职务科技成果赋权管理规定，现将以下赋权事项予以公示。",
            "Under the university's rules on rights grants, the following grant is "
            "published.")))
        form = w.code(e.GrantForm, g["form"])
        extent = w.pct(g.get("team_share")) if g["form"] == "co_ownership" else \
            f"{g.get('term_years')} {w.tr('年', 'years')}"
        doc.add(b.Fields([(w.field("case_no"), c["case_no"]), (w.field("title"), c["title"]),
                          (w.field("form"), f"{form} {extent}"),
                          (w.field("representative"), w.text(g.get("representative")))]))
        doc.add(b.Heading(w.tr("完成人", "Contributors")),
                contributor_grid(w, snap["contributors"], sign=False))
    elif variant == "deal":
        d = snap["deal"]
        doc.add(b.Para(w.tr(
            "根据《中华人民共和国促进科技成果转化法》及学校有关规定，对以下协议定价的科技成果转化事项予以公示。",
            "Under the Law on Promoting the Transformation of S&T Achievements, the following "
            "conversion at a negotiated price is published.")))
        doc.add(_deal_fields(w, d))
        doc.add(b.Fields([(w.tr("拟交易价格", "Proposed price"), w.money_caps(d.get("price"))),
                          (w.tr("完成人", "Contributors"), _names(snap["achievements"], lang))],
                         columns=1))
        doc.add(b.Heading(w.tr("涉及成果", "Achievements")),
                _achievement_grid(w, snap["achievements"]))
    else:
        d, dist = snap["deal"], snap["distribution"]
        doc.add(b.Para(w.tr(
            "根据学校科技成果转化收益分配办法，现将以下现金奖励予以公示。",
            "Under the university's rules on income distribution, the following cash rewards "
            "are published.")))
        doc.add(b.Fields([(w.field("deal_no"), d["deal_no"]),
                          (w.tr("项目名称", "Title"), d["title"]),
                          (w.field("registration_no"), w.text(d.get("registration_no"))),
                          (w.field("contract_registration_date"),
                           w.date(d.get("registration_date"))),
                          (w.field("registration_contract_amount"),
                           w.money(d.get("registration_contract_amount"))),
                          (w.field("registration_tech_amount"),
                           w.money(d.get("registration_tech_amount"))),
                          (w.field("team_amount"), w.money_caps(dist["team_amount"]))]))
        doc.add(b.Heading(w.tr("奖励人员及金额", "Recipients and amounts")),
                _notice_grid(w, dist))
    if pub is not None:
        contact = inst.get("tto_name") or inst.get("name") or ""
        doc.add(b.Heading(w.tr("公示期与异议渠道", "Period and objections")),
                b.Fields([(w.tr("公示期", "Period"),
                           f"{w.date(pub['start_date'])} – {w.date(pub['end_date'])}"
                           + w.tr(f"（{pub['days']} 个{w.code(e.DayKind, pub['day_kind'])}）",
                                  f" ({pub['days']} {w.code(e.DayKind, pub['day_kind'])})")
                           .lower()),
                          (w.field("channel"), pub["channel"])]),
                b.Para(w.tr(
                    f"公示期内如有异议，请以书面形式向{contact}提出（{w.text(inst.get('address'))}），"
                    "并提供必要的证明材料。",
                    f"Objections may be raised in writing with {contact} "
                    f"({w.text(inst.get('address'))}) during the period, with supporting "
                    "evidence.")))
        if pub.get("result"):
            doc.add(b.PageBreak(), *_closing_report(w, pub))
    doc.add(signatures(snap, lang))
    return doc


def _closing_report(w: Words, pub: dict[str, Any]) -> list[b.Block]:
    out: list[b.Block] = [
        b.Heading(w.tr("公示结果报告", "Closing report")), publicity_fields(w, pub)]
    out.append(b.Grid([w.field("raised_by"), w.field("raised_on"), w.field("content"),
                       w.field("resolution"), w.field("upheld")],
                      [[o["raised_by"], w.date(o["raised_on"]), o["content"],
                        w.text(o.get("resolution")), w.yes_no(o.get("upheld"))]
                       for o in pub["objections"]], widths=[1, 1.1, 2.4, 2.4, 0.8],
                      empty=w.tr("公示期内未收到异议。", "No objection was raised.")))
    return out


# ---- F04 ----------------------------------------------------------------------------------

def _payment(w: Words, d: dict[str, Any]) -> list[tuple[str, str]]:
    items = [(w.field("upfront_amount"), w.money(d.get("upfront_amount"))),
             (w.field("royalty_rate"), w.pct(d.get("royalty_rate"))),
             (w.field("royalty_base"), w.text(d.get("royalty_base"))),
             (w.field("minimum_annual_royalty"), w.money(d.get("minimum_annual_royalty")))]
    if d.get("deferred_payment"):
        items.append((w.field("deferred_payment"), w.text(d.get("deferred_trigger"))))
    items.append((w.field("payment_terms"), w.text(d.get("payment_terms"))))
    return [(k, v) for k, v in items if v]


def _diligence(w: Words, snap: dict[str, Any]) -> b.Grid:
    """The checklist: each item with its date, person and note; an archived snapshot from
    before the checklist (a flat {item: yes/no}) still renders."""
    head = [w.tr("检查项", "Item"), w.tr("结论", "Result"), w.tr("核查日期", "Checked on"),
            w.tr("核查人", "By"), w.tr("说明", "Note")]
    if "checklist" in snap:
        rows = [[w.tr(r["zh"], r["en"]), w.yes_no(r["done"]), w.date(r.get("on")),
                 w.text(r.get("by")), w.text(r.get("note"))] for r in snap["checklist"]]
    else:
        rows = [[due_diligence_label(k, w.lang),
                 w.yes_no(v) if isinstance(v, bool) else
                 (w.date(v) if k == "started" else w.text(v)), "", "", ""]
                for k, v in (snap.get("due_diligence") or {}).items()]
    return b.Grid(head, rows, widths=[2.2, 0.7, 1.2, 1, 2.2])


def f04(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    d = snap["deal"]
    doc = new_document(snap, "科技成果转化审批表", "Conversion Approval Form", d["deal_no"], lang)
    doc.add(b.Heading(w.tr("一、项目概况", "1. The deal")), _deal_fields(w, d))
    doc.add(b.Fields([(w.field("price"), w.money_caps(d.get("price"))),
                      (w.field("exchange_reference"), w.text(d.get("exchange_reference")))
                      ], columns=1))
    doc.add(b.Heading(w.tr("二、涉及成果与知识产权", "2. Achievements and IP")),
            _achievement_grid(w, snap["achievements"]),
            b.Grid([w.field("kind"), w.field("jurisdiction"), w.field("application_no"),
                    w.field("status"), w.field("grant_no")],
                   [[w.code(e.IPKind, a["kind"]), a["jurisdiction"], a["application_no"],
                     w.code(e.IPStatus, a["status"]), w.text(a.get("grant_no"))]
                    for a in snap["ip_assets"]], widths=[1.2, 0.8, 1.8, 0.9, 1.5]))
    v = snap.get("valuation")
    doc.add(b.Heading(w.tr("三、定价与估值", "3. Pricing and valuation")))
    if v:
        doc.add(b.Fields([
            (w.field("appraised"), w.yes_no(v["appraised"])),
            (w.field("firm"), w.text(v.get("firm"))),
            (w.field("report_no"), w.text(v.get("report_no"))),
            (w.field("base_date"), w.date(v.get("base_date"))),
            (w.field("approach"), w.code(e.ValuationApproach, v.get("approach"))),
            (w.field("appraised_value"), w.money(v.get("appraised_value"))),
            (w.field("agreed_value"), w.money(v.get("agreed_value"))),
            (w.field("no_appraisal_reason"), w.text(v.get("no_appraisal_reason"))),
        ]))
    else:
        doc.add(b.Note(w.tr("未做资产评估记录（非作价投资项目可不评估）。",
                            "No valuation recorded (optional except for equity deals).")))
    if snap.get("publicity"):
        doc.add(b.Note(w.tr("定价公示：", "Price publicity:")),
                publicity_fields(w, snap["publicity"]))
    doc.add(b.Heading(w.tr("四、支付条款", "4. Payment terms")),
            b.Fields(_payment(w, d) or [(w.field("payment_terms"), "")]))
    if not snap.get("cooperation"):
        doc.add(b.Heading(w.tr("五、尽职调查", "5. Due diligence")), _diligence(w, snap))
    n = 6 if not snap.get("cooperation") else 5  # no due diligence for cooperation
    doc.add(b.Heading(w.tr(f"{CN_NUM[n]}、关联关系申报", f"{n}. Related-party declaration")),
            b.Fields([
        (w.field("related_party_declared"), w.yes_no(d.get("related_party_declared"))),
        (w.field("related_party_approval_date"), w.date(d.get("related_party_approval_date"))),
        (w.field("related_party_declaration"),
         w.text(d.get("related_party_declaration")) or
         w.tr("完成人与交易对方不存在关联关系。", "No contributor has an interest in the "
              "counterparty.")),
    ]))
    if d.get("supervising_approval_ref"):
        doc.add(b.Fields([(w.field("supervising_approval_ref"), d["supervising_approval_ref"]),
                          (w.field("supervising_approval_date"),
                           w.date(d.get("supervising_approval_date")))]))
    doc.add(b.Heading(w.tr(f"{CN_NUM[n + 1]}、审批", f"{n + 1}. Approval")), b.Fields([
        (w.field("approval_tier"), w.text(d.get("approval_tier"))),
        (w.field("approval_body"), w.text(d.get("approval_body"))),
        (w.field("approval_date"), w.date(d.get("approval_date"))),
        (w.field("approval_minutes_no"), w.text(d.get("approval_minutes_no"))),
    ]))
    decided = not snap.get("draft") and d.get("approval_date")
    body = w.text(d.get("approval_body")) if decided else ""
    doc.add(b.Opinion(w.tr("技术转移机构意见", "TTO opinion"), ""),
            b.Opinion(w.tr(f"审批意见（{body}）" if body else "审批意见",
                           f"Decision ({body})" if body else "Decision"),
                      w.tr(f"同意按 {w.money(d.get('price'))} 实施转化。",
                           f"Approved at {w.money(d.get('price'))}.") if decided else "",
                      when=w.date(d.get("approval_date")) if decided else ""),
            signatures(snap, lang))
    return doc


# ---- F06 ----------------------------------------------------------------------------------

def f06(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    d, co, v = snap["deal"], snap["company"], snap["valuation"] or {}
    doc = new_document(snap, "作价投资及国有股权登记表",
                       "Equity Investment and State-Owned Equity Registration", d["deal_no"], lang)
    doc.add(b.Heading(w.tr("一、作价投入的科技成果", "1. Achievements contributed")),
            _achievement_grid(w, snap["achievements"]))
    if snap["ip_assets"]:
        doc.add(b.Grid([w.field("kind"), w.field("application_no"), w.field("status"),
                        w.field("grant_no")],
                       [[w.code(e.IPKind, a["kind"]), a["application_no"],
                         w.code(e.IPStatus, a["status"]), w.text(a.get("grant_no"))]
                        for a in snap["ip_assets"]], widths=[1.2, 2, 1, 1.5]))
    value = v.get("agreed_value") or d.get("price")
    doc.add(b.Fields([
        (w.tr("作价金额", "Value contributed"), w.money_caps(value)),
        (w.field("appraised"), w.yes_no(v.get("appraised"))),
        (w.field("firm"), w.text(v.get("firm"))),
        (w.field("report_no"), w.text(v.get("report_no"))),
        (w.field("appraised_value"), w.money(v.get("appraised_value"))),
        (w.field("no_appraisal_reason"), w.text(v.get("no_appraisal_reason"))),
    ], columns=2))
    doc.add(b.Heading(w.tr("二、企业信息", "2. The company")), b.Fields([
        (w.field("name"), co["name"]),
        (w.field("credit_code"), co["credit_code"]),
        (w.field("registration_date"), w.date(co.get("registration_date"))),
        (w.field("registered_capital"), w.money(co.get("registered_capital"))),
        (w.field("legal_representative"), w.text(co.get("legal_representative"))),
        (w.field("region"), w.code(e.Region, co.get("region"))),
        (w.tr("地址", "Address"), w.text(co.get("address"))),
    ]))
    as_of = snap.get("cap_table_as_of")
    doc.add(b.Heading(w.tr("三、股权结构", "3. Cap table")))
    doc.add(b.Note(w.tr(f"作价投资完成后（{w.date(as_of)}）的股权结构：",
                        f"Cap table after the investment ({w.date(as_of)}):") if as_of else
                   w.tr("当前股权结构：", "Current cap table:")))
    rows, pct_total = [], Decimal(0)
    for h in snap["cap_table"]:
        pct_total += Decimal(h["percentage"])
        kind = w.code(e.HolderType, h["holder_type"])
        if h.get("employment_status"):
            kind += f"（{w.code(e.EmploymentStatus, h['employment_status'])}）"
        rows.append([h["holder_name"], kind, w.money(h["subscribed_capital"]),
                     w.money(h["paid_in_capital"]), w.pct(h["percentage"]),
                     w.tr("是", "yes") if h["is_state_owned"] else ""])
    doc.add(b.Grid([w.tr("股东", "Holder"), w.tr("类型", "Type"),
                    w.tr("认缴出资（元）", "Subscribed (CNY)"),
                    w.tr("实缴出资（元）", "Paid-in (CNY)"), w.field("percentage"),
                    w.tr("国有股权", "State-owned")], rows, widths=[2.2, 1.6, 1.3, 1.3, 0.9, 0.8],
                   align="llrrrc",
                   totals=["", w.tr("合计", "Total"), "", "", w.pct(str(pct_total)), ""]
                   if rows else None))
    doc.add(b.Note(w.tr(*HOLDERS_NOTE)))
    doc.add(b.Heading(w.tr("四、团队奖励股权", "4. Team reward shares")),
            b.Grid([w.tr("姓名", "Name"), w.field("staff_no"), w.field("contribution_pct"),
                    w.field("equity_pct")],
                   [[r["name"], r["staff_no"], w.pct(r["contribution_pct"]),
                     w.pct(r.get("equity_pct"))] for r in snap["reward_shares"]],
                   widths=[1.5, 1.2, 1, 1], align="llrr"))
    doc.add(b.Heading(w.tr("五、股权变动记录", "5. Equity events")),
            b.Grid([w.tr("日期", "Date"), w.tr("事项", "Event"), w.tr("相关方", "Party"),
                    w.field("amount"), w.field("percentage"),
                    w.tr("变动后注册资本（元）", "Capital after (CNY)"), w.field("note")],
                   [[w.date(ev["happened_on"]), w.code(e.EquityEventKind, ev["kind"]),
                     w.text(ev.get("holder_name") or ev.get("counterparty_name")),
                     w.money(ev.get("amount")), w.pct(ev.get("percentage")),
                     w.money(ev.get("capital_after")), w.text(ev.get("note"))]
                    for ev in snap["events"]],
                   widths=[1.1, 0.9, 1.6, 1.2, 0.8, 1.3, 1.6], align="lllrrrl"))
    doc.add(signatures(snap, lang))
    return doc


# ---- F07 ----------------------------------------------------------------------------------

def _notice_grid(w: Words, dist: dict[str, Any]) -> b.Grid:
    """Recipients and amounts as a public notice shows them (no staff numbers, no tax)."""
    rows = [[str(i), a["name"], w.pct(a["contribution_pct"]), w.money(a["amount"])]
            for i, a in enumerate(dist["allocations"], start=1)]
    total = sum((Decimal(a["amount"]) for a in dist["allocations"]), Decimal(0))
    return b.Grid([w.tr("序号", "No."), w.tr("姓名", "Name"), w.field("contribution_pct"),
                   w.tr("奖励金额（元）", "Reward (CNY)")], rows, widths=[0.5, 2, 1.2, 1.5],
                  align="clrr", totals=["", w.tr("合计", "Total"), "", w.money(str(total))]
                  if rows else None)


def _allocation_grid(w: Words, dist: dict[str, Any]) -> b.Grid:
    rows = []
    total = taxable = Decimal(0)
    for i, a in enumerate(dist["allocations"], start=1):
        total += Decimal(a["amount"])
        taxable += Decimal(a["taxable_amount"])
        rows.append([str(i), a["name"], a["staff_no"], w.pct(a["contribution_pct"]),
                     w.money(a["amount"]), w.money(a["taxable_amount"]),
                     w.pct(a.get("equity_pct")), ""])
    return b.Grid([w.tr("序号", "No."), w.tr("姓名", "Name"), w.field("staff_no"),
                   w.field("contribution_pct"), w.field("amount"),
                   w.tr("应税部分（50%）（元）", "Taxable 50% (CNY)"), w.field("equity_pct"),
                   w.tr("签收", "Signature")], rows,
                  widths=[0.45, 1.1, 1.0, 1.2, 1.3, 1.45, 1.2, 0.8],
                  align="cllrrrrl",
                  totals=["", w.tr("合计", "Total"), "", "", w.money(str(total)),
                          w.money(str(taxable)), "", ""] if rows else None)


def _profit_base(w: Words, profit: dict[str, Any], dist: dict[str, Any]) -> list[Any]:
    """Self / joint implementation (domain.md §6): the base is the year's operating profit,
    with its source, and the team's share of it — the sum spelled out."""
    year, amount, pct = profit["year"], profit["amount"], dist["team_share_pct"]
    return [
        b.Heading(w.tr("二、营业利润（自行实施/合作实施）",
                       "2. Operating profit (self / joint implementation)")),
        b.Fields([
            (w.tr("营业利润年度", "Year"), str(year)),
            (w.tr("年度营业利润", "Operating profit"), w.money_caps(amount)),
            (w.tr("来源文件", "Source document"), w.text(profit.get("source_document"))),
        ], columns=1),
        b.Note(w.tr(f"{year} 年度营业利润 {w.money(amount)} × {w.pct(pct)} = 团队奖励 "
                    f"{w.money(dist['team_amount'])}（按实施转化年度营业利润计奖，不按收款）",
                    f"Operating profit {year}: {w.money(amount)}, {w.pct(pct)} = "
                    f"{w.money(dist['team_amount'])} to the team (a share of the year's "
                    "operating profit, not of receipts)")),
        b.Heading(w.tr("三、分配方案", "3. Distribution")),
        b.Fields([
            (w.tr("年度营业利润", "Operating profit"), w.money_caps(amount)),
            (w.field("team_share_pct"), w.pct(pct)),
            (w.field("team_amount"), w.money_caps(dist["team_amount"])),
            (w.tr("单位留存", "Kept by the university"), w.money_caps(dist["university_amount"])),
        ], columns=1),
    ]


def f07(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    d, dist = snap["deal"], snap["distribution"]
    doc = new_document(snap, "科技成果转化收益分配审批表", "Income Distribution Approval",
                       f"{d['deal_no']} #{dist['id']}", lang)
    doc.add(b.Heading(w.tr("一、项目", "1. The deal")), _deal_fields(w, d))
    if snap.get("operating_profit"):
        doc.add(*_profit_base(w, snap["operating_profit"], dist))
    else:
        _receipts_and_split(doc, w, snap, dist)
    _allocations_and_decision(doc, w, snap, dist, lang)
    return doc


def _receipts_and_split(doc: b.Document, w: Words, snap: dict[str, Any],
                        dist: dict[str, Any]) -> None:
    doc.add(b.Heading(w.tr("二、收入与可扣除费用", "2. Receipts and deductible costs")),
            b.Note(w.tr("本次分配所涉收款：", "Receipts covered:")),
            b.Grid([w.field("received_on"), w.tr("类型", "Kind"), w.field("invoice_no"),
                    w.field("amount")],
                   [[w.date(r["received_on"]), w.code(e.ReceiptKind, r["kind"]) +
                     (w.tr("（冲销）", " (reversal)") if r.get("reversal") else ""),
                     w.text(r.get("invoice_no")),
                     ("-" if r.get("reversal") else "") + w.money(r["amount"])]
                    for r in snap["receipts"]], widths=[1.2, 1.4, 1.6, 1.4], align="lllr"),
            b.Note(w.tr("项目可扣除费用：", "Deductible costs of the deal:")),
            b.Grid([w.field("incurred_on"), w.field("category"), w.field("note"),
                    w.field("amount")],
                   [[w.date(c["incurred_on"]), w.code(e.CostCategory, c["category"]) +
                     (w.tr("（冲销）", " (reversal)") if c.get("reversal") else ""),
                     w.text(c.get("note")),
                     ("-" if c.get("reversal") else "") + w.money(c["amount"])]
                    for c in snap["costs"]],
                   widths=[1.2, 1.4, 1.6, 1.4], align="lllr"))
    doc.add(b.Heading(w.tr("三、分配方案", "3. Distribution")), b.Fields([
        (w.field("gross_income"), w.money_caps(dist["gross_income"])),
        (w.field("deductible_costs"), w.money_caps(dist["deductible_costs"])),
        (w.field("net_income"), w.money_caps(dist["net_income"])),
        (w.field("team_share_pct"), w.pct(dist["team_share_pct"])),
        (w.field("team_amount"), w.money_caps(dist["team_amount"])),
        (w.field("department_amount"), w.money_caps(dist["department_amount"])),
        (w.field("tto_amount"), w.money_caps(dist["tto_amount"])),
        (w.field("university_amount"), w.money_caps(dist["university_amount"])),
    ], columns=1))
    if dist.get("is_equity"):
        doc.add(b.Note(w.tr("本次为股权奖励：团队按下表比例分得奖励股权。",
                            "Equity reward: the team receives reward shares as below.")))


def _allocations_and_decision(doc: b.Document, w: Words, snap: dict[str, Any],
                              dist: dict[str, Any], lang: str) -> None:
    doc.add(b.Heading(w.tr("四、个人分配明细", "4. Per-person allocation")),
            _allocation_grid(w, dist))
    doc.add(b.Note(w.tr("应税部分：符合条件的现金奖励减按 50% 计入当月工资薪金所得。",
                        "Taxable part: a qualifying cash reward counts at 50% towards wage "
                        "income.")))
    if snap.get("publicity"):
        doc.add(b.Heading(w.tr("五、奖励公示", "5. Reward publicity")),
                publicity_fields(w, snap["publicity"]))
    if snap.get("draft") or not dist.get("approval_date"):  # 报批稿: the decision is blank
        decision = b.Opinion(w.tr("审批意见", "Decision"), "")
    else:
        decision = b.Opinion(
            w.tr(f"审批意见（{dist.get('approval_body')}）",
                 f"Decision ({dist.get('approval_body')})"),
            w.tr(f"同意按上述方案分配，团队奖励合计 {w.money(dist['team_amount'])}。",
                 f"Approved; team reward {w.money(dist['team_amount'])} in total."),
            when=w.date(dist.get("approval_date")))
    doc.add(decision, signatures(snap, lang))
