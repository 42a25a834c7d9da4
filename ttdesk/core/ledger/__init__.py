"""The Excel ledger (台账): import with a dry run and a column mapping, export in the same
layout. openpyxl is imported only when a workbook is opened or written."""

from ttdesk.core.ledger.build import LedgerCancelled
from ttdesk.core.ledger.mapping import Mapping, load_mapping
from ttdesk.core.ledger.service import (
    LedgerRefused,
    LedgerReport,
    check_ledger,
    import_ledger,
    inspect_ledger,
)

__all__ = ["LedgerCancelled", "LedgerRefused", "LedgerReport", "Mapping", "check_ledger",
           "import_ledger", "inspect_ledger", "load_mapping"]
