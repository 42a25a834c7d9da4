"""F01 disclosure, F02 rights-grant approval, F05 separate-ledger registration."""

from __future__ import annotations

from typing import Any

from ttdesk import codes as e
from ttdesk.filings import blocks as b
from ttdesk.filings.forms.common import Words, new_document, signatures

EVENTS = {
    "disclosed": ("成果披露", "Disclosed"),
    "ip_filed": ("知识产权申请", "IP filed"),
    "ip_granted": ("知识产权授权", "IP granted"),
    "grant_agreement": ("签订赋权协议", "Rights-grant agreement"),
    "deal_signed": ("转化合同签订", "Conversion contract signed"),
}
CONVERSION_STATUS = {"converted": ("已转化", "Converted"),
                     "converting": ("转化中", "Converting"),
                     "not_converted": ("未转化", "Not converted")}


def case_fields(w: Words, c: dict[str, Any]) -> b.Fields:
    return b.Fields([
        (w.field("case_no"), c["case_no"]),
        (w.field("disclosure_date"), w.date(c["disclosure_date"])),
        (w.field("title"), c["title"]),
        (w.field("title_en"), w.text(c.get("title_en"))),
        (w.field("kind"), w.code(e.AchievementKind, c["kind"])),
        (w.field("field"), w.text(c.get("field"))),
        (w.field("department"), w.text(c.get("department"))),
        (w.field("source"), w.code(e.AchievementSource, c.get("source"))),
    ])


def contributor_grid(w: Words, people: list[dict[str, Any]], sign: bool) -> b.Grid:
    headers = [w.tr("序号", "No."), w.tr("姓名", "Name"), w.field("staff_no"),
               w.field("department"), w.field("role"), w.field("share")]
    rows = []
    for i, p in enumerate(people, start=1):
        flags = []
        if p.get("is_student"):
            flags.append(w.field("is_student"))
        if p.get("is_external"):
            flags.append(w.field("is_external"))
        role = w.code(e.ContributorRole, p["role"])
        if flags:
            role += f"（{'、'.join(flags)}）" if w.lang == "zh" else f" ({', '.join(flags)})"
        rows.append([str(i), p["name"], p["staff_no"], w.text(p.get("department")), role,
                     w.pct(p["share"])])
    widths = [0.5, 1.3, 1.1, 1.8, 1.0, 1.2]
    if sign:
        headers.append(w.tr("本人签字", "Signature"))
        widths.append(1.3)
        for r in rows:
            r.append("")
    total = sum((float(p["share"]) for p in people), 0.0)
    totals = ["", w.tr("合计", "Total"), "", "", "", f"{total:g}%"] + ([""] if sign else [])
    return b.Grid(headers, rows, widths=widths, align="cllllr" + ("l" if sign else ""),
                  totals=totals if people else None)


def f01(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    c = snap["case"]
    doc = new_document(snap, "职务科技成果披露表", "Disclosure of a Job-Related S&T Achievement",
                       c["case_no"], lang)
    doc.add(b.Heading(w.tr("一、成果基本信息", "1. Identification")), case_fields(w, c))
    doc.add(b.Fields([
        (w.field("research_stage"), w.code(e.ResearchStage, c["research_stage"])),
        (w.field("trl"), w.text(c.get("trl"))),
        (w.field("secrecy"), w.code(e.Secrecy, c["secrecy"])),
        (w.field("intended_mode"), w.code(e.DealMode, c.get("intended_mode"))),
        (w.field("officer"), w.text(c.get("officer"))),
        (w.field("tags"), w.text(c.get("tags"))),
    ]))
    doc.add(b.Heading(w.tr("二、完成人及贡献比例", "2. Contributors and shares")),
            contributor_grid(w, snap["contributors"], sign=True))
    doc.add(b.Heading(w.tr("三、经费来源", "3. Funding sources")))
    if c.get("no_funding") and not snap["funding"]:
        doc.add(b.Note(w.tr("声明：本成果无经费资助。", "Declared: no funding.")))
    else:
        doc.add(b.Grid([w.field("programme"), w.field("funder_type"), w.field("project_no"),
                        w.field("ip_terms_note")],
                       [[f["programme"], w.code(e.FunderType, f["funder_type"]),
                         w.text(f.get("project_no")), w.text(f.get("ip_terms_note"))]
                        for f in snap["funding"]], widths=[2.4, 1, 1.3, 2]))
    doc.add(b.Heading(w.tr("四、知识产权", "4. IP assets")),
            b.Grid([w.field("kind"), w.field("jurisdiction"), w.field("application_no"),
                    w.field("filing_date"), w.field("status"), w.field("grant_no")],
                   [[w.code(e.IPKind, a["kind"]), a["jurisdiction"], a["application_no"],
                     w.date(a.get("filing_date")), w.code(e.IPStatus, a["status"]),
                     w.text(a.get("grant_no"))] for a in snap["ip_assets"]],
                   widths=[1.2, 0.8, 1.7, 1.3, 0.8, 1.4]))
    doc.add(b.Heading(w.tr("五、成果摘要", "5. Abstract")), b.Para(w.text(c.get("abstract"))))
    doc.add(b.Note(w.tr("完成人承诺：以上信息真实、完整，本成果为职务科技成果。",
                        "The contributors declare the information true and complete; the "
                        "achievement is job-related.")), signatures(snap, lang))
    return doc


def _grant_form(w: Words, g: dict[str, Any]) -> str:
    form = w.code(e.GrantForm, g["form"])
    if g["form"] == "co_ownership":
        return f"{form}：{w.tr('团队', 'team')} {w.pct(g.get('team_share'))}"
    years = g.get("term_years")
    return f"{form}：{years} {w.tr('年', 'years')}"


def f02(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    c, g, pub = snap["case"], snap["grant"], snap["publicity"]
    doc = new_document(snap, "职务科技成果赋权申请审批表", "Rights Grant Application and Approval",
                       c["case_no"], lang)
    doc.add(b.Heading(w.tr("一、成果信息", "1. Achievement")), case_fields(w, c))
    doc.add(b.Heading(w.tr("二、赋权申请", "2. Application")), b.Fields([
        (w.field("form"), _grant_form(w, g)),
        (w.field("representative"), w.text(g.get("representative"))),
        (w.field("application_date"), w.date(g["application_date"])),
        (w.field("consent_recorded"), w.yes_no(g["consent_recorded"])),
        (w.field("plan_attached"), w.yes_no(g["plan_attached"])),
        (w.field("status"), w.code(e.GrantStatus, g["status"])),
    ]))
    plan = w.text(g.get("plan_summary")) or w.tr("见附件转化方案。", "See the attached plan.")
    doc.add(b.Para(plan, label=w.tr("转化方案摘要", "Commercialization plan summary")))
    doc.add(b.Heading(w.tr("三、全体完成人意见", "3. Consent of all inventors")),
            contributor_grid(w, snap["contributors"], sign=True))
    doc.add(b.Heading(w.tr("四、审核与审批意见", "4. Reviews and approval")))
    doc.add(b.Opinion(w.tr("院系意见", "College opinion"),
                      w.text(g.get("college_opinion")) or w.tr("同意。", "Approved."),
                      when=w.date(g.get("college_review_date"))))
    doc.add(b.Opinion(w.tr("技术转移机构意见", "TTO opinion"),
                      w.text(g.get("tto_opinion")) or w.tr("同意。", "Approved."),
                      when=w.date(g.get("tto_review_date"))))
    doc.add(b.Heading(w.tr("五、公示结果", "5. Publicity result")), publicity_fields(w, pub))
    decision = ""  # 报批稿: blank until the university decides
    if not snap.get("draft") and g.get("decision_body"):
        decision = w.tr(f"经{g['decision_body']}审议，同意赋权。",
                        f"Approved by {g['decision_body']}.")
        if g.get("minutes_no"):
            decision += w.tr(f"（纪要编号：{g['minutes_no']}）", f" (minutes {g['minutes_no']})")
    doc.add(b.Opinion(w.tr("学校审批意见", "University decision"), decision,
                      when=w.date(g.get("decision_date")) if decision else ""))
    if g.get("agreement_no"):
        doc.add(b.Fields([(w.field("agreement_no"), g["agreement_no"]),
                          (w.field("agreement_date"), w.date(g.get("agreement_date")))]))
    doc.add(signatures(snap, lang))
    return doc


def publicity_fields(w: Words, pub: dict[str, Any] | None) -> b.Fields:
    if pub is None:
        return b.Fields([(w.field("result"), w.tr("（无）", "(none)"))])
    period = f"{w.date(pub['start_date'])} – {w.date(pub['end_date'])}"
    days = f"{pub['days']} {w.code(e.DayKind, pub['day_kind'])}"
    n = len(pub["objections"])
    return b.Fields([
        (w.field("channel"), pub["channel"]),
        (w.tr("公示期", "Period"), period),
        (w.field("days"), days),
        (w.field("result"), w.code(e.PublicityResult, pub.get("result")) or
         w.tr("公示中", "in progress")),
        (w.tr("异议数", "Objections"), str(n)),
        (w.field("closed_on"), w.date(pub.get("closed_on"))),
    ])


def f05(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    c = snap["case"]
    doc = new_document(snap, "职务科技成果单列管理登记表", "Separate-Management Registration",
                       c["case_no"], lang)
    doc.add(b.Heading(w.tr("一、成果标识", "1. Identification")), case_fields(w, c))
    status = CONVERSION_STATUS[snap["conversion_status"]]
    doc.add(b.Heading(w.tr("二、管理标识", "2. Flags")), b.Fields([
        (w.tr("成果属性", "Attribute"), w.tr("职务科技成果", "Job-related achievement")),
        (w.field("research_stage"), w.code(e.ResearchStage, c["research_stage"])),
        (w.tr("转化状态", "Conversion status"), status[0] if w.lang == "zh" else status[1]),
        (w.field("status"), w.code(e.AchievementStatus, c["status"])),
        (w.field("secrecy"), w.code(e.Secrecy, c["secrecy"])),
        (w.field("is_imported"), w.yes_no(c.get("is_imported"))),
    ]))
    doc.add(b.Heading(w.tr("三、权属状况", "3. Rights status")),
            b.Grid([w.field("kind"), w.field("jurisdiction"), w.field("application_no"),
                    w.field("status"), w.field("grant_no")],
                   [[w.code(e.IPKind, a["kind"]), a["jurisdiction"], a["application_no"],
                     w.code(e.IPStatus, a["status"]), w.text(a.get("grant_no"))]
                    for a in snap["ip_assets"]], widths=[1.2, 0.8, 1.8, 0.9, 1.5]))
    if snap["grants"]:
        doc.add(b.Grid([w.field("rights_grant"), w.field("status"), w.field("agreement_no")],
                       [[_grant_form(w, g), w.code(e.GrantStatus, g["status"]),
                         w.text(g.get("agreement_no"))] for g in snap["grants"]],
                       widths=[2.5, 1, 1.5]))
    doc.add(b.Heading(w.tr("四、转化与估值", "4. Conversion and valuation")))
    rows = []
    for d in snap["deals"]:
        v = d.get("valuation")
        value = ""
        if v:
            value = w.money(v.get("agreed_value") or v.get("appraised_value")) or \
                w.text(v.get("no_appraisal_reason"))
        rows.append([d["deal_no"], w.code(e.DealMode, d["mode"]),
                     w.code(e.DealStatus, d["status"]), w.text(d.get("counterparty")),
                     w.money(d.get("price")), value, w.money(d.get("income"))])
    doc.add(b.Grid([w.field("deal_no"), w.field("mode"), w.field("status"),
                    w.field("counterparty"), w.field("price"), w.tr("估值", "Valuation"),
                    w.tr("已收入（元）", "Income (CNY)")], rows,
                   widths=[1.2, 1, 0.9, 1.8, 1.2, 1.2, 1.2], align="llllrrr"))
    doc.add(b.Heading(w.tr("五、形成的国有资产（股权）", "5. State-owned assets formed (equity)")),
            b.Grid([w.field("company"), w.tr("持有主体", "Holder"),
                    w.tr("认缴（元）", "Subscribed (CNY)"), w.tr("实缴（元）", "Paid-in (CNY)"),
                    w.field("percentage")],
                   [[h["company"], h["holder_name"], w.money(h["subscribed_capital"]),
                     w.money(h["paid_in_capital"]), w.pct(h["percentage"])]
                    for h in snap["state_equity"]], widths=[2, 2, 1.2, 1.2, 0.8],
                   align="llrrr"))
    doc.add(b.Heading(w.tr("六、事项记录", "6. Events")),
            b.Grid([w.tr("日期", "Date"), w.tr("事项", "Event"), w.tr("关联", "Reference")],
                   [[w.date(ev["date"]), _event(w, ev["event"]), w.text(ev.get("ref"))]
                    for ev in snap["events"]], widths=[1, 1.5, 2.5]))
    doc.add(signatures(snap, lang))
    return doc


def _event(w: Words, code: str) -> str:
    if code.startswith("equity_"):
        return w.tr("股权：", "Equity: ") + w.code(e.EquityEventKind, code[len("equity_"):])
    zh, en = EVENTS.get(code, (code, code))
    return w.tr(zh, en)
