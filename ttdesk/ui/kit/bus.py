"""One signal after every change, so each open view decides itself whether to refresh.

Anki's `operation_did_execute` idea: a service call that wrote something announces *what kind*
of record changed (as its unit of work reported it, through `ui.kit.ops.write_op`); lists and
pages listening on the bus reload what they show. Nobody calls another view's refresh directly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ttdesk.codes import ChangeKind

# Kinds announced on the bus (a view may listen to several): the kinds the core reports
# after each unit of work (`ttdesk.core.base.changes`); `ui.kit.ops.write_op` announces them.
ACHIEVEMENTS = ChangeKind.ACHIEVEMENTS.value
DEALS = ChangeKind.DEALS.value
COMPANIES = ChangeKind.COMPANIES.value
MONEY = ChangeKind.MONEY.value
DEADLINES = ChangeKind.DEADLINES.value
FILINGS = ChangeKind.FILINGS.value
SETTINGS = ChangeKind.SETTINGS.value
MARKET = ChangeKind.MARKET.value
ALL = ChangeKind.ALL.value  # e.g. after demo data, an import or a restore


class DataBus(QObject):
    """Carries `changed(kind, record_id)`; record_id is 0 when many records changed."""

    changed = Signal(str, int)

    def announce(self, kind: str, record_id: int = 0) -> None:
        self.changed.emit(kind, record_id)

    @staticmethod
    def concerns(kind: str, wanted: str) -> bool:
        """True when a change of `kind` matters to a view showing `wanted`."""
        return kind in (wanted, ALL)
