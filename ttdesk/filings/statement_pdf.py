"""A person's reward statement as a PDF (landscape A4): who, the period, one row per
distribution with the team's figures and the person's own, totals, and the F07 serial each
line comes from. Not archived: its footer carries a fingerprint of its data instead."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from ttdesk.core.base.context import AppContext
from ttdesk.core.views.reward_statement import RewardStatement
from ttdesk.filings import blocks as b
from ttdesk.filings import text as t
from ttdesk.filings.forms.common import Words
from ttdesk.filings.pdf import Stamp, render


def _period(st: RewardStatement, w: Words) -> str:
    if st.start is None and st.end is None:
        return w.tr("全部", "all")
    return f"{t.cn_date(st.start, w.lang) if st.start else '…'} — " \
           f"{t.cn_date(st.end, w.lang) if st.end else '…'}"


def _pct(value: Decimal | None) -> str:
    return t.percent(value)


def statement_document(st: RewardStatement, institution: str, lang: str = "zh") -> b.Document:
    w = Words(lang)
    doc = b.Document(code="S01", version=1, title=w.tr("科技成果转化奖励明细", "Reward statement"),
                     subject_ref=st.staff_no, institution=institution, lang=w.lang,
                     landscape=True)
    doc.add(b.Fields([(w.tr("姓名", "Name"), st.name), (w.tr("工号", "Staff no."), st.staff_no),
                      (w.tr("院系", "Department"), st.department),
                      (w.tr("期间", "Period"), _period(st, w))], columns=4))
    head = [w.tr("转化项目", "Deal"), w.tr("分配", "Distribution"), w.tr("到账收入", "Income"),
            w.tr("可扣除成本", "Deductible costs"), w.tr("净收入", "Net income"),
            w.tr("团队比例", "Team share"), w.tr("团队奖励", "Team amount"),
            w.tr("本人贡献", "Own share"), w.tr("本人金额", "Amount"),
            w.tr("应税部分", "Taxable"), w.tr("公示期", "Publicity"),
            w.tr("发放日期", "Paid on"), w.tr("F07 编号", "F07 serial")]
    rows, notes = [], []
    for ln in st.lines:
        kind = w.tr("股权", "equity") if ln.is_equity else w.tr("现金", "cash")
        publicity = (f"{t.cn_date(ln.publicity_start, w.lang)}—"
                     f"{t.cn_date(ln.publicity_end, w.lang)}" if ln.publicity_start else "")
        own = _pct(ln.contribution_pct) + (f" / {_pct(ln.equity_pct)}" if ln.equity_pct else "")
        rows.append([f"{ln.deal_no} {ln.deal_title}", f"#{ln.distribution_id} {kind}",
                     t.money(ln.received), t.money(ln.deductible_costs),
                     t.money(ln.net_income), _pct(ln.team_share_pct), t.money(ln.team_amount),
                     own, t.money(ln.amount), t.money(ln.taxable_amount), publicity,
                     t.cn_date(ln.payment_date, w.lang), ln.f07_serial or ""])
        if ln.adjustment_reason:
            notes.append(f"#{ln.distribution_id}: {ln.adjustment_reason}")
    totals = ["", w.tr("合计", "Total"), "", "", "", "", "", "", t.money(st.total_amount),
              t.money(st.total_taxable), "", "", ""]
    doc.add(b.Grid(head, rows, widths=[2.4, 0.9, 1.1, 1.0, 1.1, 0.7, 1.1, 0.9, 1.1, 1.1,
                                       1.8, 1.3, 1.4],
                   align="llrrrrrrrrlll", totals=totals, font_size=7.5))
    if notes:
        doc.add(b.Para(w.tr("；", "; ").join(notes), label=w.tr("调整理由", "Adjustments")))
    doc.add(b.Note(w.tr("本明细只列本人参与的分配；每行可凭 F07 编号在归档文件中核对。",
                        "Only distributions you took part in; check each line against the "
                        "archived F07 by its serial.")))
    return doc


def data_fingerprint(st: RewardStatement) -> str:
    return hashlib.sha256(json.dumps(asdict(st), default=str, sort_keys=True,
                                     ensure_ascii=False).encode()).hexdigest()


def render_statement(st: RewardStatement, institution: str, lang: str = "zh") -> bytes:
    stamp = Stamp(serial=f"RS-{st.staff_no}", snapshot_sha256=data_fingerprint(st),
                  generated_at=datetime.now(UTC))
    return render(statement_document(st, institution, lang), stamp)


def write_statements(ctx: AppContext, statements: list[tuple[RewardStatement, Path]],
                     force: bool = False) -> list[Path]:
    """Each statement to its file through the output gate (all targets checked before the
    first is written); returns the files written."""
    from ttdesk.core.office.institution import get_profile
    from ttdesk.core.office.output import atomic_file, check_output

    profile = get_profile(ctx)
    institution = profile.name if profile else ""
    targets = [(st, check_output(path, db=ctx.db, force=force)) for st, path in statements]
    for st, target in targets:
        content = render_statement(st, institution, ctx.lang)
        with atomic_file(target) as temp:
            temp.write_bytes(content)
    return [t for _st, t in targets]


def deal_statement_files(ctx: AppContext, deal_no: str, folder: Path
                         ) -> list[tuple[RewardStatement, Path]]:
    """One statement per contributor of the deal, named 奖励明细_<deal>_<staff no>.pdf."""
    from ttdesk.core.views.reward_statement import deal_statements

    return [(st, folder / f"奖励明细_{deal_no}_{st.staff_no}.pdf")
            for st in deal_statements(ctx, deal_no)]
