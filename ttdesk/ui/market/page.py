"""The 对接 area (供需对接台账): tabs 需求 / 推广清单 / 对接 / 活动, each a big list (paged,
searched and sorted in SQL like every list) with its actions above it.

A match moved to "deal" opens the deal form prefilled with the match's case and company;
once the deal is created, the match records it and `deal_opened` asks the host to show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import MatchOutcome
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.case.actions import ActionDialog, ActionSpec
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.lists.model import ListSpec
from ttdesk.ui.lists.page import ListPage
from ttdesk.ui.market import forms, specs

CTX = "MarketPage"
TABS = (
    ("demands", QT_TRANSLATE_NOOP("MarketPage", "需求")),
    ("supply", QT_TRANSLATE_NOOP("MarketPage", "推广清单")),
    ("matches", QT_TRANSLATE_NOOP("MarketPage", "对接")),
    ("activities", QT_TRANSLATE_NOOP("MarketPage", "活动")),
)
TAB_KEYS = [key for key, _text in TABS]


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class _ImportDialog(FormDialog):
    """A refused list shows every problem with its place (sheet and row) and field in words:
    the rows are in the file, not in this dialog's fields."""

    def try_accept(self) -> bool:
        try:
            self.result_value = self.submit(self)
        except TTDeskError as exc:
            self.form.clear_errors()
            self.form.general.show_messages(exc.messages(self.lang))
            return False
        self.accept()
        return True


@dataclass(frozen=True)
class _CaseRecord:
    """What the deal form (`deal_specs.NEW_DEAL`) reads of its case."""

    case_no: str
    title: str


class MarketPage(QWidget):
    """The four tabs; `lists[key]` is each tab's `ListPage` (public for the host and tests)."""

    deal_opened = Signal(str, str)  # deal no., case no.

    def __init__(self, ctx: AppContext, bus: DataBus, settings: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("market_page")
        self.ctx, self.bus, self.settings = ctx, bus, settings
        self.dialog: QWidget | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("market_tabs")
        self.lists: dict[str, ListPage] = {}
        self._specs: dict[str, tuple[ListSpec, QVBoxLayout]] = {}
        self.buttons: dict[str, QPushButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._tab("demands", specs.DEMANDS, [
            ("new_demand", QT_TRANSLATE_NOOP("MarketPage", "新建需求…"), self.new_demand),
            ("import", QT_TRANSLATE_NOOP("MarketPage", "导入园区需求清单…"), self.ask_import),
            ("match_demand", QT_TRANSLATE_NOOP("MarketPage", "对接成果…"), self.match_demand),
        ])
        self._tab("supply", specs.SUPPLY, [
            ("promote", QT_TRANSLATE_NOOP("MarketPage", "列入推广清单…"), self.promote),
            ("delist", QT_TRANSLATE_NOOP("MarketPage", "移出推广清单…"), self.delist),
            ("export", QT_TRANSLATE_NOOP("MarketPage", "导出清单…"), self.ask_export),
        ])
        self._tab("matches", specs.MATCHES, [
            ("new_match", QT_TRANSLATE_NOOP("MarketPage", "新建对接…"), self.new_match),
            ("move", QT_TRANSLATE_NOOP("MarketPage", "推进阶段…"), self.move_match),
            ("deal", QT_TRANSLATE_NOOP("MarketPage", "新建转化项目…"), self.open_deal_form),
        ])
        self._tab("activities", specs.ACTIVITIES, [
            ("new_activity", QT_TRANSLATE_NOOP("MarketPage", "新建活动…"), self.new_activity),
        ])
        # the area opens on the ledger itself (对接); each other tab's list is built when shown
        self.tabs.setCurrentIndex(TAB_KEYS.index("matches"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())

    def _tab(self, key: str, spec: ListSpec,
             actions: list[tuple[str, str, Callable[[], Any]]]) -> None:
        holder = QWidget()
        holder.setObjectName(f"market_tab_{key}")
        lay = QVBoxLayout(holder)
        bar = QHBoxLayout()
        for name, text, slot in actions:
            button = QPushButton(tr(text))
            button.setObjectName(f"market_{name}")
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        lay.addLayout(bar)
        self._specs[key] = (spec, lay)
        self.tabs.addTab(holder, tr(dict(TABS)[key]))

    def list_page(self, key: str) -> ListPage:
        """A tab's list, built the first time the tab is shown (the area opens with one)."""
        if key not in self.lists:
            spec, lay = self._specs[key]
            page = ListPage(self.ctx, self.bus, spec, self.settings)
            lay.addWidget(page, 1)
            self.lists[key] = page
        return self.lists[key]

    def _tab_shown(self, index: int) -> None:
        if index >= 0:
            self.list_page(TAB_KEYS[index])

    def show_tab(self, key: str) -> ListPage:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        return self.list_page(key)

    def focus_search(self) -> None:
        self.list_page(TAB_KEYS[self.tabs.currentIndex()]).focus_search()

    # ---- dialogs ----------------------------------------------------------------------------
    def _action(self, spec: ActionSpec, record: Any = None,
                done: Callable[[Any], None] | None = None) -> ActionDialog:
        dialog = ActionDialog(self.ctx, spec, record, self, self.bus)
        if done is not None:
            dialog.succeeded.connect(done)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _current(self, key: str) -> Any:
        return self.list_page(key).current_row()

    def new_demand(self) -> ActionDialog:
        return self._action(forms.NEW_DEMAND)

    def match_demand(self) -> ActionDialog | None:
        row = self._current("demands")
        return None if row is None else self._action(forms.MATCH_DEMAND, row)

    def promote(self) -> ActionDialog:
        return self._action(forms.PROMOTE)

    def delist(self) -> ActionDialog | None:
        row = self._current("supply")
        return None if row is None else self._action(forms.DELIST, row)

    def new_match(self) -> ActionDialog:
        return self._action(forms.NEW_MATCH)

    def new_activity(self) -> ActionDialog:
        return self._action(forms.NEW_ACTIVITY)

    def move_match(self) -> ActionDialog | None:
        row = self._current("matches")
        if row is None or not forms.MOVE_MATCH.enabled(row):
            return None
        return self._action(forms.MOVE_MATCH, row,
                            lambda stage, r=row: self._moved(r.id, stage))

    def _moved(self, match_id: int, stage: object) -> None:
        if stage == MatchOutcome.DEAL:
            self.deal_form(match_id)

    def open_deal_form(self) -> ActionDialog | None:
        row = self._current("matches")
        if row is None or row.outcome != MatchOutcome.DEAL or row.deal_no:
            return None
        return self.deal_form(row.id)

    def deal_form(self, match_id: int) -> ActionDialog | None:
        """The deal form, prefilled: the match's case (title too) and company."""
        from ttdesk.core.views.market import deal_prefill
        from ttdesk.ui.deals.deal_specs import NEW_DEAL

        pre = deal_prefill(self.ctx, match_id)
        if pre is None:
            return None
        dialog = self._action(NEW_DEAL, _CaseRecord(pre.case_no, pre.case_title),
                              lambda deal_no, m=match_id, c=pre.case_no:
                              self._deal_created(m, str(deal_no), c))
        if pre.credit_code:
            dialog.form.inputs["counterparty"].set_key(  # type: ignore[attr-defined]
                pre.credit_code, f"{pre.company}（{pre.credit_code}）")
        return dialog

    def _deal_created(self, match_id: int, deal_no: str, case_no: str) -> None:
        from ttdesk.core.market.matches import link_deal

        write_op(self.ctx, self.bus, link_deal, self.ctx, match_id, deal_no)
        self.deal_opened.emit(deal_no, case_no)

    # ---- a park's list in, the supply list out ----------------------------------------------
    def ask_import(self) -> FormDialog:
        """Park name and file; problems (with their rows) stay in the dialog."""
        dialog = _ImportDialog(tr("导入园区需求清单"), self.ctx.lang, self._import_from, self)
        dialog.setObjectName("market_import")
        dialog.add("park", tr("园区"), QLineEdit())
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        path = QLineEdit()
        path.setObjectName("field_file")
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(lambda: path.setText(QFileDialog.getOpenFileName(
            self, tr("园区需求清单"), "", "Excel (*.xlsx)")[0] or path.text()))
        h.addWidget(path, 1)
        h.addWidget(browse)
        dialog.add("file", tr("文件"), row, ("header", "sheet"))
        dialog.form.inputs["file"] = path
        self.dialog = dialog
        dialog.open()
        return dialog

    def _import_from(self, dialog: FormDialog) -> list[int]:
        from ttdesk.core.ledger.market import import_park_demands

        done = write_op(self.ctx, self.bus, import_park_demands, self.ctx,
                        str(dialog.value("file")), str(dialog.value("park")))
        return done.ids

    def ask_export(self) -> FormDialog:
        dialog = FormDialog(tr("导出推广清单"), self.ctx.lang, self._export_from, self)
        dialog.setObjectName("market_export")
        dialog.add("park", tr("园区（空：全部）"), QLineEdit())
        dialog.add("field", tr("技术领域（空：全部）"), QLineEdit())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _export_from(self, dialog: FormDialog) -> Path | None:
        path, _kind = QFileDialog.getSaveFileName(
            self, tr("导出推广清单"), "推广清单.xlsx", "Excel (*.xlsx);;PDF (*.pdf)")
        if not path:
            return None
        return self.export_supply(Path(path), str(dialog.value("park")) or None,
                                  str(dialog.value("field")) or None)

    def export_supply(self, path: Path, park: str | None = None,
                      field: str | None = None) -> Path:
        """The supply list as .xlsx or .pdf (by the file's suffix); refusals propagate."""
        if path.suffix.lower() == ".pdf":
            from ttdesk.filings.supply_list import export_supply_pdf

            return export_supply_pdf(self.ctx, path, park=park, field=field, force=True)[0]
        from ttdesk.core.ledger.market import export_supply_xlsx

        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        return export_supply_xlsx(self.ctx, path, park=park, field=field, force=True)[0]

