"""The JSON interchange format (interfaces.md): a whole database, or part of one, as one
document that another TT Desk (SQLite or PostgreSQL) reads back to the same data.

Layout and meaning of every field: docs/exchange.schema.json (generated from `sections`).
"""

from ttdesk.core.exchange.export import ExportSummary, Selection, export_json
from ttdesk.core.exchange.importer import ImportSummary, import_json
from ttdesk.core.exchange.sections import FORMAT, VERSION

__all__ = [
    "FORMAT", "VERSION", "ExportSummary", "ImportSummary", "Selection", "export_json",
    "import_json",
]
