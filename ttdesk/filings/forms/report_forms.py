"""F08 separate-management ledger (landscape, columns from the policy) and F09 annual report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ttdesk import codes as e
from ttdesk.filings import blocks as b
from ttdesk.filings.forms.common import Words, new_document, signatures

Cell = Callable[[Words, dict[str, Any]], str]

# column key -> (relative width, alignment, value)
LEDGER: dict[str, tuple[float, str, Cell]] = {
    "case_no": (1.1, "l", lambda w, r: r["case_no"]),
    "title": (3.0, "l", lambda w, r: r["title"]),
    "kind": (1.0, "l", lambda w, r: w.code(e.AchievementKind, r["kind"])),
    "department": (1.6, "l", lambda w, r: w.text(r.get("department"))),
    "disclosure_date": (0.95, "l", lambda w, r: r["disclosure_date"]),
    "research_stage": (0.55, "l", lambda w, r: w.code(e.ResearchStage, r["research_stage"])),
    "status": (0.7, "l", lambda w, r: w.code(e.AchievementStatus, r["status"])),
    "mode": (1.1, "l", lambda w, r: w.codes(e.DealMode, r["mode"])),
    "price": (1.1, "r", lambda w, r: w.money(r.get("price"))),
    "income": (1.1, "r", lambda w, r: w.money(r.get("income"))),
    "equity": (1.1, "r", lambda w, r: w.money(r.get("equity"))),
    "field": (0.9, "l", lambda w, r: w.text(r.get("field"))),
    "secrecy": (0.9, "l", lambda w, r: w.code(e.Secrecy, r.get("secrecy"))),
    "source": (1.1, "l", lambda w, r: w.code(e.AchievementSource, r.get("source"))),
    "trl": (0.4, "r", lambda w, r: w.text(r.get("trl"))),
}
LEDGER_HEADERS = {"price": ("合同金额（元）", "Contract amount (CNY)"),
                  "income": ("累计收入（元）", "Income to date (CNY)"),
                  "equity": ("作价入股（元）", "Equity contributed (CNY)")}
TOTAL_KEYS = ("price", "income", "equity")


def f08(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    start, end = snap["period"]["start"], snap["period"]["end"]
    doc = new_document(snap, "职务科技成果单列管理台账", "Separate-Management Ledger",
                       snap["subject"], lang, landscape=True)
    columns = [c for c in snap["columns"] if c in LEDGER]
    headers = [w.tr(*LEDGER_HEADERS[c]) if c in LEDGER_HEADERS else w.field(c)
               for c in columns]
    rows = [[LEDGER[c][2](w, r) for c in columns] for r in snap["rows"]]
    totals = snap["totals"]
    total_row = [w.money(totals[c]) if c in TOTAL_KEYS else "" for c in columns]
    total_row[0] = w.tr(f"合计 {totals['cases']} 项", f"Total {totals['cases']}")
    doc.add(b.Fields([
        (w.tr("期间", "Period"), f"{w.date(start)} – {w.date(end)}"),
        (w.tr("成果数", "Achievements"), str(totals["cases"])),
        (w.tr("转化项目数", "Deals"), str(totals["deals"])),
        (w.tr("合同金额合计", "Contract amount"), w.money(totals["price"])),
        (w.tr("收入合计", "Income"), w.money(totals["income"])),
        (w.tr("作价入股合计", "Equity contributed"), w.money(totals["equity"])),
    ], columns=3))
    doc.add(b.Grid(headers, rows, widths=[LEDGER[c][0] for c in columns],
                   align="".join(LEDGER[c][1] for c in columns), totals=total_row,
                   font_size=7.5))
    doc.add(b.Note(w.tr(
        "说明：期间内披露的职务科技成果；一个转化项目涉及多项成果时在各成果下列示，合计中只计一次；"
        "收入为截至期末的实收款（冲销已扣除）。",
        "Achievements disclosed in the period; a deal covering several achievements is listed "
        "under each but counted once in the totals; income is money received up to the end of "
        "the period, reversals subtracted.")))
    doc.add(signatures(snap, lang))
    return doc


def _kv_grid(w: Words, head: tuple[str, str], enum_cls: type, counts: dict[str, int]) -> b.Grid:
    rows = [[w.code(enum_cls, m.value), str(counts.get(m.value, 0))] for m in enum_cls]
    total = sum(counts.values())
    return b.Grid([w.tr(*head), w.tr("数量（项）", "Count")], rows, widths=[3, 1.2], align="lr",
                  totals=[w.tr("合计", "Total"), str(total)])


def _mode_grid(w: Words, rows: list[dict[str, Any]], count: int, amount: str) -> b.Grid:
    return b.Grid([w.field("mode"), w.tr("合同数（项）", "Contracts"),
                   w.tr("合同金额（元）", "Contract amount (CNY)"),
                   w.tr("本年到账（元）", "Received this year (CNY)")],
                  [[w.code(e.DealMode, r["mode"]), str(r["count"]), w.money(r["amount"]),
                    w.money(r["income"])] for r in rows],
                  widths=[2, 1, 1.6, 1.6], align="lrrr",
                  totals=[w.tr("合计", "Total"), str(count), w.money(amount), ""])


def _apart_zh(snap: dict[str, Any]) -> str:
    sec = snap.get("secret") or {}
    out = ""
    if snap.get("terminated"):
        out += f"上述合同中 {snap['terminated']} 项已于签订后终止，仍按签订年度计入。"
    if sec.get("achievements") or sec.get("contracts"):
        out += (f"另有涉密成果 {sec['achievements']} 项、涉密合同 {sec['contracts']} 项"
                "单独统计，未列入本报告。")
    return out


def _apart_en(snap: dict[str, Any]) -> str:
    sec = snap.get("secret") or {}
    out = ""
    if snap.get("terminated"):
        out += (f" {snap['terminated']} of these contracts were terminated after signing and "
                "still count in their signing year.")
    if sec.get("achievements") or sec.get("contracts"):
        out += (f" {sec['achievements']} secret achievements and {sec['contracts']} secret "
                "contracts are counted apart and not listed.")
    return out


def summary_text(w: Words, snap: dict[str, Any]) -> str:
    a, cv, co, rw = (snap["achievements"], snap["conversions"], snap["cooperation"],
                     snap["rewards"])
    name = snap["institution"].get("name") or ""
    if w.lang == "zh":
        return (f"{snap['year']}年，{name}共披露职务科技成果 {a['total']} 项；签订科技成果转化合同 "
                f"{cv['count']} 项，合同金额 {w.money(cv['amount'])}；签订技术开发、咨询、服务合同 "
                f"{co['count']} 项，合同金额 {w.money(co['amount'])}；全年到账转化收入 "
                f"{w.money(snap['income']['total'])}。批准收益分配 {rw['distributions']} 次，"
                f"现金奖励 {w.money(rw['cash_rewards'])}，"
                f"股权奖励 {rw['equity_distributions']} 次，"
                f"获奖励人员 {rw['persons']} 人。" + _apart_zh(snap))
    return (f"In {snap['year']}, {name} recorded {a['total']} job-related achievements; signed "
            f"{cv['count']} conversion contracts worth {w.money(cv['amount'])} and "
            f"{co['count']} development / consulting / service contracts worth "
            f"{w.money(co['amount'])}; received {w.money(snap['income']['total'])} of "
            f"conversion income. {rw['distributions']} distributions were approved: cash "
            f"rewards {w.money(rw['cash_rewards'])}, {rw['equity_distributions']} equity "
            f"rewards, {rw['persons']} persons rewarded." + _apart_en(snap))


def annual_blocks(doc: b.Document, w: Words, snap: dict[str, Any]) -> None:
    """Parts 6-9 of the national annual report: secret records apart, entrepreneur staff,
    companies founded or held, the TTO's staffing."""
    sec, st, co, tto, rw = (snap["secret"], snap["staff"], snap["companies"], snap["tto"],
                            snap["rewards"])
    doc.add(b.Heading(w.tr("六、涉密成果与合同（单列）", "6. Secret records (counted apart)")),
            b.Fields([(w.tr("涉密成果（项）", "Secret achievements"), str(sec["achievements"])),
                      (w.tr("涉密合同（项）", "Secret contracts"), str(sec["contracts"]))],
                     columns=2))
    doc.add(b.Heading(w.tr("七、科技人员创新创业", "7. Staff in entrepreneurship")),
            b.Fields([(w.code(e.EmploymentStatus, k) + w.tr("（人）", ""), str(v))
                      for k, v in st.items()]
                     + [(w.tr("现金奖励人数", "Persons rewarded in cash"),
                         str(rw.get("cash_persons", 0))),
                        (w.tr("股权奖励人数", "Persons rewarded in equity"),
                         str(rw.get("equity_persons", 0)))], columns=2))
    doc.add(b.Heading(w.tr("八、转化创办与持股企业", "8. Companies founded or held")),
            b.Fields([(w.tr("本年新创办衍生企业（家）", "Spin-offs founded this year"),
                       str(len(co["founded"]))),
                      (w.tr("衍生企业累计（家）", "Spin-offs in all"), str(co["spinoffs_total"])),
                      (w.tr("学校持股企业（家）", "Companies held"), str(co["held"])),
                      (w.tr("持股认缴出资", "Capital subscribed by the university"),
                       w.money(co["held_capital"]))], columns=2))
    if co["founded"]:
        doc.add(b.Grid([w.field("name"), w.field("credit_code"),
                        w.field("registration_date")],
                       [[c["name"], c["credit_code"], w.date(c.get("registration_date"))]
                        for c in co["founded"]], widths=[3, 2, 1.3]))
    doc.add(b.Heading(w.tr("九、技术转移机构建设", "9. The technology transfer office")),
            b.Fields([(w.code(e.UserRole, k) + w.tr("（人）", ""), str(v))
                      for k, v in tto["users"].items()]
                     + [(w.tr("技术经理人（人）", "Technology managers"),
                         str(tto["tech_managers_total"]))]
                     + [(w.tr("其中", "of which ") + w.code(e.TechManagerLevel, k), str(v))
                        for k, v in tto["tech_managers"].items()], columns=2))


def f09(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    year = snap["year"]
    doc = new_document(snap, f"{year}年度科技成果转化报告",
                       f"Annual Report on the Conversion of S&T Achievements {year}",
                       str(year), lang)
    rw = snap["rewards"]
    doc.add(b.Heading(w.tr("一、总体情况", "1. Summary")), b.Para(summary_text(w, snap)))
    doc.add(b.Heading(w.tr("二、科技成果数量、类型与来源", "2. Achievements by kind and source")),
            _kv_grid(w, ("成果类型", "Kind"), e.AchievementKind, snap["achievements"]["by_kind"]),
            _kv_grid(w, ("成果来源", "Source"), e.AchievementSource,
                     snap["achievements"]["by_source"]))
    cv, co = snap["conversions"], snap["cooperation"]
    doc.add(b.Heading(w.tr("三、科技成果转化（转让、许可、作价投资等）",
                           "3. Conversions (transfer, license, equity...)")),
            _mode_grid(w, cv["by_mode"], cv["count"], cv["amount"]))
    doc.add(b.Heading(w.tr("四、产学研合作（技术开发、咨询、服务）",
                           "4. Industry cooperation (development, consulting, service)")),
            _mode_grid(w, co["by_mode"], co["count"], co["amount"]))
    doc.add(b.Heading(w.tr("五、收益分配与奖励", "5. Income distribution and rewards")),
            b.Fields([
                (w.tr("本年到账收入", "Income received"), w.money_caps(snap["income"]["total"])),
                (w.tr("批准分配次数", "Distributions approved"), str(rw["distributions"])),
                (w.tr("分配净收入", "Net income distributed"), w.money(rw["net_income"])),
                (w.tr("现金奖励", "Cash rewards"), w.money_caps(rw["cash_rewards"])),
                (w.tr("其中应税部分（50%）", "of which taxable (50%)"),
                 w.money(rw["taxable_cash"])),
                (w.tr("股权奖励次数", "Equity rewards"), str(rw["equity_distributions"])),
                (w.tr("奖励股权比例合计", "Reward equity awarded"),
                 w.pct(rw["equity_pct_awarded"])),
                (w.tr("获奖励人数", "Persons rewarded"), str(rw["persons"])),
                (w.tr("院系", "Departments"), w.money(rw["department"])),
                (w.tr("技术转移机构", "TTO"), w.money(rw["tto"])),
                (w.tr("学校", "University"), w.money(rw["university"])),
            ], columns=1))
    if "staff" in snap:  # the blocks of domain.md §6 (snapshots made before them lack them)
        annual_blocks(doc, w, snap)
    n = "十" if "staff" in snap else "六"
    doc.add(b.Heading(w.tr(f"{n}、转化项目清单", f"{10 if n == '十' else 6}. Project list")),
            b.Grid([w.field("deal_no"), w.field("title"), w.field("mode"),
                    w.field("counterparty"), w.field("price"), w.field("signing_date"),
                    w.field("registration_no"), w.field("contract_amount"),
                    w.field("tech_amount"), w.field("status")],
                   [[p["deal_no"], p["title"], w.code(e.DealMode, p["mode"]),
                     w.text(p.get("counterparty")), w.money(p.get("price")),
                     w.date(p.get("signing_date")), w.text(p.get("registration_no")),
                     w.money(p.get("contract_amount")), w.money(p.get("tech_amount")),
                     w.code(e.DealStatus, p.get("status"))]
                    for p in snap["projects"]],
                   widths=[1.0, 1.6, 0.8, 1.4, 1.5, 1.05, 1.3, 1.5, 1.5, 0.7],
                   align="llllrllrrl", font_size=7))
    doc.add(b.Note(w.tr("口径：合同按签订年度统计，签订后终止的仍计入并注明状态；涉密成果与合同单列统计，"
                        "不列入清单；收入为本年实收款（冲销已扣除，含涉密项目）；分配按审批日期统计。",
                        "Contracts count in the year signed, those terminated later included "
                        "with their status; secret achievements and contracts are counted "
                        "apart, not listed; income is money received in the year, reversals "
                        "subtracted (secret deals included); distributions count by approval "
                        "date.")))
    doc.add(signatures(snap, lang))
    return doc
