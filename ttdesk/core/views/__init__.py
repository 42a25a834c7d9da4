"""Read-only queries behind every list and detail view: filtered, searched and sorted in SQL,
returned as frozen dataclasses (never ORM objects). Qt-free: the CLI and the table models
both use them.

Lists come in three calls: `*_ids(ctx, filter)` (ordered ids of every match, what a lazy
table model holds), `*_rows(ctx, ids)` (display rows for a page of ids, order kept) and
`count_*(ctx, filter)`; `list_*(ctx, filter, limit, offset)` combines them for the CLI.
"""

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
from ttdesk.core.views.deadlines import (
    DeadlineFilter,
    DeadlineRow,
    DeadlineSort,
    DeadlineState,
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

__all__ = [
    "AllocationRow", "AssessmentRow", "CaseDealRow", "CaseDetail", "CaseFilter", "CaseRef",
    "CaseRow", "CaseSort", "CompanyFilter", "CompanyRef", "CompanyRow", "CompanySort",
    "ContributorRow", "CostRow", "DeadlineFilter", "DeadlineRow", "DeadlineSort",
    "DeadlineState", "DealDetail", "DealFilter", "DealRow", "DealSort", "DistributionRow",
    "EquityEventRow", "FundingRow", "GrantRow", "HistoryEvent", "IPAssetRow", "ObjectionRow",
    "PublicityRow", "ReceiptRow", "SupportRow", "ValuationRow", "case_detail", "case_ids",
    "case_rows", "company_ids", "company_rows", "count_cases", "count_companies",
    "count_deadlines", "count_deals", "deadline_ids", "deadline_rows", "deal_detail",
    "deal_ids", "deal_rows", "list_cases", "list_companies", "list_deadlines", "list_deals",
]
