"""The annual report (F09) once submitted is frozen (domain.md §6): its archived filing and
snapshot are the year's record.

Decision: generating F09 for a submitted year gives back the submitted filing as it is (its
PDF, its snapshot) and never a new version, whatever changed since; the figures of the
living data can still be seen in a draft-free F08 or the lists, not as a second F09.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.records.filing_archive import FilingRecord, Generated, _record
from ttdesk.db.models import AnnualReportSubmission, Filing


@dataclass(frozen=True)
class Submission:
    year: int
    submitted_on: date
    submitted_by: str
    filing: FilingRecord


def _year(text: str | int) -> int:
    try:
        year = int(str(text).strip())
    except ValueError:
        year = 0
    if not 1900 < year < 3000:
        raise RuleViolation("ARG", f"无效的年份“{text}”", f"invalid year {text!r}", "year")
    return year


@requires(Act.FILING)
def submit(ctx: AppContext, year: str | int, on: date, note: str | None = None) -> Submission:
    """Freeze the year's F09: its latest archived version becomes the year's record."""
    y = _year(year)
    if on > ctx.today():
        raise RuleViolation("R12", "报送日期不能晚于今天", "the submission date cannot be in the "
                            "future", "submitted_on")
    with ctx.write() as s:
        if s.execute(select(AnnualReportSubmission.id).where(
                AnnualReportSubmission.year == y)).first() is not None:
            raise RuleViolation("F09", f"{y} 年度报告已报送，不能再次报送",
                                f"the {y} annual report was submitted already", "year")
        filing = s.execute(select(Filing).where(
            Filing.kind == "F09", Filing.subject == str(y), Filing.superseded.is_(False))
            .order_by(Filing.created_at.desc(), Filing.id.desc()).limit(1)).scalar()
        if filing is None:
            raise RuleViolation("F09", f"请先生成 {y} 年度报告（F09）再报送",
                                f"generate the {y} annual report (F09) before submitting it",
                                "year")
        s.add(AnnualReportSubmission(year=y, filing_id=filing.id, submitted_on=on,
                                     submitted_by=ctx.actor, note=note))
        return Submission(y, on, ctx.actor, _record(filing))


def frozen(ctx: AppContext, year: str) -> Generated | None:
    """The submitted F09 of this year, or None when the year is not submitted (or `year` is
    no year: the filing's own checks say so)."""
    try:
        y = _year(year)
    except RuleViolation:
        return None
    with ctx.read() as s:
        found = s.execute(select(Filing).join(
            AnnualReportSubmission, AnnualReportSubmission.filing_id == Filing.id)
            .where(AnnualReportSubmission.year == y)).scalar()
        if found is None:
            return None
        return Generated(_record(found), found.content or b"", reused=True)


def submission(ctx: AppContext, year: str | int) -> Submission | None:
    y = _year(year)
    with ctx.read() as s:
        row = s.execute(select(AnnualReportSubmission, Filing).join(
            Filing, Filing.id == AnnualReportSubmission.filing_id)
            .where(AnnualReportSubmission.year == y)).first()
        if row is None:
            return None
        sub, filing = row
        return Submission(y, sub.submitted_on, sub.submitted_by, _record(filing))
