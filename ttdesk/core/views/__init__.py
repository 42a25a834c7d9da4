"""Read-only queries behind every list and detail view: filtered, searched and sorted in SQL,
returned as frozen dataclasses (never ORM objects). Qt-free: the CLI and the table models
both use them.

Lists come in three calls: `*_ids(ctx, filter)` (ordered ids of every match, what a lazy
table model holds), `*_rows(ctx, ids)` (display rows for a page of ids, order kept) and
`count_*(ctx, filter)`; `list_*(ctx, filter, limit, offset)` combines them for the CLI.

The names below are loaded on first use (PEP 562 `__getattr__`), so importing one light
submodule (`views.light`: the case list's terms and its first page read with sqlite3 at
start-up; `views.deadline_terms`) does not import SQLAlchemy and every other view.
"""
# ruff: noqa: F401  (the TYPE_CHECKING imports at the end are re-exports)

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

# submodule -> the names it exports here
_EXPORTS: dict[str, tuple[str, ...]] = {
    "case_detail": (
        "AssessmentRow", "CaseDealRow", "CaseDetail", "ContributorRow", "FundingRow", "SupportRow",
        "case_detail"
    ),
    "cases": (
        "CaseFilter", "CaseRow", "CaseSort", "case_ids", "case_rows", "count_cases", "list_cases"
    ),
    "companies": (
        "CompanyFilter", "CompanyRow", "CompanySort", "company_ids", "company_rows",
        "count_companies", "list_companies"
    ),
    "deadline_terms": ("DeadlineFilter", "DeadlineRow", "DeadlineSort", "DeadlineState"),
    "deadlines": ("count_deadlines", "deadline_ids", "deadline_rows", "list_deadlines"),
    "deal_detail": (
        "AllocationRow", "CompanyRef", "DealDetail", "DistributionRow", "EquityEventRow",
        "ReceiptRow", "ValuationRow", "deal_detail"
    ),
    "deals": (
        "DealFilter", "DealRow", "DealSort", "count_deals", "deal_ids", "deal_rows", "list_deals"
    ),
    "parts": (
        "CaseRef", "CostRow", "GrantRow", "HistoryEvent", "IPAssetRow", "ObjectionRow",
        "PublicityRow"
    ),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


class _Views(types.ModuleType):
    """`case_detail` and `deal_detail` name both a submodule and its function; loading the
    submodule binds the module on the package, where the eager imports used to leave the
    function. Keep the function (what `from ttdesk.core.views import case_detail` means)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _WHERE.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Views


if TYPE_CHECKING:  # the same names for type checkers and PyInstaller's import scan
    from ttdesk.core.views.case_detail import (
        AssessmentRow,
        CaseDealRow,
        CaseDetail,
        ContributorRow,
        FundingRow,
        SupportRow,
        case_detail,
    )
    from ttdesk.core.views.cases import (
        CaseFilter,
        CaseRow,
        CaseSort,
        case_ids,
        case_rows,
        count_cases,
        list_cases,
    )
    from ttdesk.core.views.companies import (
        CompanyFilter,
        CompanyRow,
        CompanySort,
        company_ids,
        company_rows,
        count_companies,
        list_companies,
    )
    from ttdesk.core.views.deadline_terms import (
        DeadlineFilter,
        DeadlineRow,
        DeadlineSort,
        DeadlineState,
    )
    from ttdesk.core.views.deadlines import (
        count_deadlines,
        deadline_ids,
        deadline_rows,
        list_deadlines,
    )
    from ttdesk.core.views.deal_detail import (
        AllocationRow,
        CompanyRef,
        DealDetail,
        DistributionRow,
        EquityEventRow,
        ReceiptRow,
        ValuationRow,
        deal_detail,
    )
    from ttdesk.core.views.deals import (
        DealFilter,
        DealRow,
        DealSort,
        count_deals,
        deal_ids,
        deal_rows,
        list_deals,
    )
    from ttdesk.core.views.parts import (
        CaseRef,
        CostRow,
        GrantRow,
        HistoryEvent,
        IPAssetRow,
        ObjectionRow,
        PublicityRow,
    )
