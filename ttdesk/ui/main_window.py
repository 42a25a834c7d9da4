"""The main window: a navigation list on the left, one page per area on the right.

A small shell for now — each area shows a placeholder page until its view lands. On the first
start with an empty database the window offers to load demo data.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)

from ttdesk.core.context import AppContext
from ttdesk.core.stats import count_achievements

log = logging.getLogger(__name__)

WINDOW_TITLE = "TT Desk 科技成果转化管理"
DEMO_MODULE = "ttdesk.core.demo"
DEMO_CASES = 300

# (key, label): the areas of quality.md's "main window with navigation", in that order.
NAV_PAGES: tuple[tuple[str, str], ...] = (
    ("dashboard", "工作台"),
    ("achievements", "成果"),
    ("deals", "交易"),
    ("companies", "企业"),
    ("income", "收益"),
    ("deadlines", "待办"),
    ("filings", "文件"),
    ("settings", "设置"),
)


def _placeholder_page(key: str, label: str) -> QWidget:
    page = QLabel(f"<h2>{label}</h2><p>建设中 · coming soon</p>")
    page.setObjectName(f"page_{key}")
    page.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return page


def _demo_module() -> ModuleType | None:
    """The demo-data generator when this build has it (it is optional for the shell)."""
    try:
        return importlib.import_module(DEMO_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != DEMO_MODULE:
            raise
        return None


class MainWindow(QMainWindow):
    """Top-level window; holds the service context, never a session or ORM object."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(WINDOW_TITLE)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(120)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 14px; }")
        self.pages = QStackedWidget()
        for key, label in NAV_PAGES:
            self.nav.addItem(label)
            self.pages.addWidget(_placeholder_page(key, label))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"数据库 / database: {ctx.db.engine.url!r}")
        self.resize(1100, 700)

    def offer_demo_data(self) -> bool:
        """On an empty database, ask whether to load demo cases; True when they were loaded."""
        demo = _demo_module()
        if demo is None or count_achievements(self._ctx) > 0:
            return False
        answer = QMessageBox.question(
            self, "示例数据 / Demo data",
            f"数据库中还没有成果。是否载入 {DEMO_CASES} 个示例案例以便熟悉本程序？\n"
            f"The database is empty. Load {DEMO_CASES} demo cases to try TT Desk?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if not self._run_demo(demo):
            return False
        log.info("loaded %d demo cases", DEMO_CASES)
        self.statusBar().showMessage(f"已载入 {DEMO_CASES} 个示例案例 / demo data loaded", 10000)
        return True

    def _run_demo(self, demo: ModuleType) -> bool:
        """Build the demo data behind a progress dialog with a cancel button; False if cancelled.

        Runs on the GUI thread, pumping events from the progress callback (the generator is
        quick at this size); cancelling leaves nothing written.
        """
        dialog = QProgressDialog("正在生成示例数据… / Building demo data…", "取消 / Cancel",
                                 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)

        def progress(fraction: float, message: str) -> None:
            dialog.setValue(int(fraction * 100))
            dialog.setLabelText(message)
            QApplication.processEvents()

        try:
            demo.generate(self._ctx, cases=DEMO_CASES, seed=1, progress=progress,
                          cancel=dialog.wasCanceled)
        except getattr(demo, "Cancelled", ()) as exc:
            log.info("demo data cancelled: %s", exc)
            return False
        finally:
            dialog.close()
        return True
