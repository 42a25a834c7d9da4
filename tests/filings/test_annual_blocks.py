"""F09 per domain.md §6: contracts by signing year (terminated later: still counted, status
shown), secret records apart, entrepreneur staff, companies founded or held, TTO staffing,
rewards in cash and equity; a submitted report is frozen. Figures against independent SQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from tests.filings.pdftext import pages_text, squash
from ttdesk.cli.main import main
from ttdesk.codes import DealStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.records import annual_report, filing_archive
from ttdesk.db.models import Deal
from ttdesk.filings.service import generate


def _one(ctx: AppContext, sql: str, **params: object) -> int:
    with ctx.read() as s:
        return int(s.execute(text(sql), params).scalar() or 0)


def test_a_contract_terminated_later_stays_counted_with_its_status(demo_ctx) -> None:
    with demo_ctx.read() as s:
        deal = s.execute(select(Deal).where(
            Deal.signing_date.between(date(2025, 1, 1), date(2025, 12, 31)),
            Deal.status.in_([DealStatus.PERFORMING, DealStatus.REGISTERED]))
            .order_by(Deal.id).limit(1)).scalar_one()
        no, mode = deal.deal_no, deal.mode
    before = filing_archive.snapshot(demo_ctx, generate(demo_ctx, "F09", "2025").record.id)
    with demo_ctx.write() as s:
        d = s.execute(select(Deal).where(Deal.deal_no == no)).scalar_one()
        d.status, d.terminated_on, d.termination_reason = (DealStatus.TERMINATED,
                                                           date(2026, 3, 1), "合同解除")
    gen = generate(demo_ctx, "F09", "2025")
    snap = filing_archive.snapshot(demo_ctx, gen.record.id)
    row = next(p for p in snap["projects"] if p["deal_no"] == no)
    assert row["status"] == "terminated"
    assert snap["terminated"] == before["terminated"] + 1
    part = "cooperation" if mode.value in ("development", "consulting", "service") \
        else "conversions"
    assert snap[part]["count"] == before[part]["count"]  # still counted in 2025
    body = squash("".join(pages_text(gen.content)))
    assert "已终止" in body and "签订后终止的仍计入" in body


def test_the_blocks_equal_independent_sql(demo_ctx) -> None:
    snap = filing_archive.snapshot(demo_ctx, generate(demo_ctx, "F09", "2026").record.id)
    p = {"s": "2026-01-01", "e": "2026-12-31"}
    secret_cases = _one(demo_ctx, "SELECT COUNT(*) FROM achievement WHERE secrecy = "
                        "'secret_or_security' AND disclosure_date BETWEEN :s AND :e", **p)
    secret_deals = _one(demo_ctx, "SELECT COUNT(*) FROM deal WHERE signing_date BETWEEN :s AND "
                        ":e AND id IN (SELECT da.deal_id FROM deal_achievement da JOIN "
                        "achievement a ON a.id = da.achievement_id WHERE a.secrecy = "
                        "'secret_or_security')", **p)
    assert snap["secret"] == {"achievements": secret_cases, "contracts": secret_deals}
    # a person's own record first, else their status as a team shareholder; once each
    who = ("SELECT p.id AS k, p.entrepreneurship AS st FROM person p WHERE p.is_active AND "
           "p.entrepreneurship IS NOT NULL UNION SELECT COALESCE(CAST(h.person_id AS TEXT), "
           "h.holder_name), h.employment_status FROM shareholding h WHERE h.holder_type = "
           "'team_member' AND h.employment_status IS NOT NULL AND (h.person_id IS NULL OR "
           "h.person_id NOT IN (SELECT id FROM person WHERE entrepreneurship IS NOT NULL))")
    assert snap["staff"] == {
        k: _one(demo_ctx, f"SELECT COUNT(DISTINCT k) FROM ({who}) WHERE st = :k", k=k)
        for k in ("on_post", "off_post")}
    assert sum(snap["staff"].values()) > 0
    co = snap["companies"]
    assert len(co["founded"]) == _one(
        demo_ctx, "SELECT COUNT(*) FROM company WHERE is_spinoff AND registration_date "
        "BETWEEN :s AND :e", **p)
    assert co["held"] == _one(demo_ctx, "SELECT COUNT(DISTINCT company_id) FROM shareholding "
                              "WHERE holder_type = 'institution_amc'") > 0
    assert snap["tto"]["users_total"] == _one(demo_ctx, "SELECT COUNT(*) FROM app_user "
                                              "WHERE is_active")
    decided = ("approval_date BETWEEN :s AND :e AND status IN ('approved', 'in_publicity', "
               "'paid')")
    for key, eq in (("cash_persons", "NOT"), ("equity_persons", "")):
        assert snap["rewards"][key] == _one(
            demo_ctx, "SELECT COUNT(DISTINCT a.person_id) FROM allocation a JOIN distribution "
            f"d ON d.id = a.distribution_id WHERE {eq} d.is_equity AND d.{decided}", **p)
    body = squash("".join(pages_text(generate(demo_ctx, "F09", "2026").content)))
    for words in ("涉密成果与合同（单列）", "科技人员创新创业", "离岗创业", "转化创办与持股企业",
                  "技术转移机构建设", "技术交易额"):
        assert words in body


def test_a_submitted_report_is_frozen(demo_ctx, tmp_path: Path, capsys) -> None:
    first = generate(demo_ctx, "F09", "2024")
    db = str(demo_ctx.db.sqlite_path)
    assert main(["--db", db, "annual-report-submit", "2024", "--date", "2025-03-20"]) == 0
    assert capsys.readouterr().out.split() == ["2024", first.record.serial_no, "2025-03-20"]
    with demo_ctx.write() as s:  # the data changes after the submission
        d = s.execute(select(Deal).where(Deal.signing_date.between(
            date(2024, 1, 1), date(2024, 12, 31))).order_by(Deal.id).limit(1)).scalar_one()
        d.title = d.title + "（变更）"
    again = generate(demo_ctx, "F09", "2024")
    assert (again.reused, again.record.serial_no, again.content) == (
        True, first.record.serial_no, first.content)
    xlsx = tmp_path / "ar.xlsx"
    assert main(["--db", db, "annual-report", "2024", "-o", str(tmp_path / "ar.pdf"),
                 "--xlsx", str(xlsx)]) == 0
    assert (tmp_path / "ar.pdf").read_bytes() == first.content
    titles = [r[1] for r in load_workbook(xlsx, read_only=True)["转化项目清单"].iter_rows(
        min_row=2, values_only=True)]
    assert not any("（变更）" in (t or "") for t in titles)
    with pytest.raises(RuleViolation) as err:
        annual_report.submit(demo_ctx, "2024", date(2025, 3, 21))
    assert "已报送" in err.value.messages("zh")[0]
    assert annual_report.submission(demo_ctx, 2024).submitted_on == date(2025, 3, 20)


def test_a_year_without_its_f09_cannot_be_submitted(demo_ctx) -> None:
    with pytest.raises(RuleViolation) as err:
        annual_report.submit(demo_ctx, "2019", date(2025, 3, 20))
    assert "请先生成 2019 年度报告" in err.value.messages("zh")[0]
