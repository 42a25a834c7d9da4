"""`check_ledger` (dry run) and `import_ledger`: the two calls the CLI and the wizard make."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.core.ledger.build import CancelFn, Plan, ProgressFn, Steps, build, total_rows
from ttdesk.core.ledger.mapping import Mapping
from ttdesk.core.ledger.reader import Hints, LedgerFileError, find_layout, open_workbook
from ttdesk.core.ledger.resolve import NewRecord
from ttdesk.core.ledger.write import Writer
from ttdesk.core.people import keys
from ttdesk.core.rules import policy

READ_SHARE = 0.5  # of the progress bar: reading and checking, then writing


@dataclass
class LedgerReport:
    """What an import found (dry run) or did."""

    path: Path
    dry_run: bool
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    new_records: list[NewRecord] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # to write / written
    reused: dict[str, int] = field(default_factory=dict)  # already in the database
    mapping: Mapping = field(default_factory=Mapping)
    sheet_names: list[str] = field(default_factory=list)
    rows_read: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


class LedgerRefused(ValidationFailed):
    """The ledger has problems; nothing was written. `report` has the whole dry run."""

    def __init__(self, report: LedgerReport) -> None:
        super().__init__(list(report.problems))
        self.report = report


def _planned_counts(plan: Plan) -> dict[str, int]:
    d = plan.directory
    out = {
        "achievements": len(plan.cases),
        "contributions": sum(len(c.people) for c in plan.cases),
        "deals": len(plan.deals),
        "receipts": sum(len(x.receipts) for x in plan.deals),
    }
    if d is not None:
        out |= {"departments": len(d.new_depts), "people": len(d.new_people),
                "companies": len(d.new_companies)}
    return {k: v for k, v in out.items() if v}


def _run(ctx: AppContext, path: str | Path, mapping: Mapping | None, write: bool,
         progress: ProgressFn | None, cancel: CancelFn | None) -> LedgerReport:
    started = time.perf_counter()
    report = LedgerReport(Path(path), dry_run=not write)
    try:
        wb = open_workbook(path)
    except LedgerFileError as exc:
        report.problems.append(exc.problem)
        return report
    try:
        layout = find_layout(wb, mapping)
        report.mapping, report.sheet_names = layout.mapping, layout.sheet_names
        steps = Steps(progress, cancel, total_rows(wb, layout), READ_SHARE if write else 1.0)
        unit = ctx.write() if write else ctx.read()
        with unit as session:
            pol = policy.current(session)
            plan = build(session, wb, layout, pol, ctx.today(), steps)
            report.problems, report.notes = plan.problems, plan.notes
            report.reused = {k: v for k, v in plan.reused.items() if v}
            report.rows_read = plan.rows_read
            report.new_records = plan.directory.new if plan.directory else []
            report.counts = _planned_counts(plan)
            if write and report.problems:
                raise LedgerRefused(report)
            if write:
                report.counts = Writer(session, plan, progress, cancel, READ_SHARE).run()
                keys.fill_missing(session)
    finally:
        wb.close()
    report.seconds = time.perf_counter() - started
    if progress is not None:
        progress(1.0, "完成 / done")
    return report


def inspect_ledger(path: str | Path, mapping: Mapping | None = None,
                   hints: Hints | None = None) -> LedgerReport:
    """Only the layout: which sheet holds what, header rows and the column mapping (for the
    wizard's mapping page); file and header problems, no database access."""
    report = LedgerReport(Path(path), dry_run=True)
    try:
        wb = open_workbook(path)
    except LedgerFileError as exc:
        report.problems.append(exc.problem)
        return report
    try:
        layout = find_layout(wb, mapping, hints)
    finally:
        wb.close()
    report.mapping, report.sheet_names = layout.mapping, layout.sheet_names
    report.problems, report.notes = layout.problems, layout.notes
    return report


def check_ledger(ctx: AppContext, path: str | Path, mapping: Mapping | None = None,
                 progress: ProgressFn | None = None,
                 cancel: CancelFn | None = None) -> LedgerReport:
    """Dry run: every problem located by sheet, row and column, the new records the import
    would create, and the counts; writes nothing. Never raises for the ledger's content."""
    return _run(ctx, path, mapping, False, progress, cancel)


@requires(Act.IMPORT)
def import_ledger(ctx: AppContext, path: str | Path, *, dry_run: bool = False,
                  mapping: Mapping | None = None, progress: ProgressFn | None = None,
                  cancel: CancelFn | None = None) -> LedgerReport:
    """Check and write the ledger in one unit of work: all of it, or (LedgerRefused,
    LedgerCancelled) nothing. Records already stored (same case number, else same title and
    disclosure date) are left as they are, so importing the same file twice changes nothing."""
    if dry_run:
        report = check_ledger(ctx, path, mapping, progress, cancel)
        if report.problems:
            raise LedgerRefused(report)
        return report
    report = _run(ctx, path, mapping, True, progress, cancel)
    if report.problems:
        raise LedgerRefused(report)
    return report
