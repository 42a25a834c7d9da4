"""The dashboard's Action Plan block (北京市行动计划 2025–2027): the institution's own
contribution to each target — platforms / joint labs, development contracts, companies
created, 专精特新 — this year against its own target, the three plan years beneath, and the
funnel disclosures → deals → companies. Every figure is `core.views.action_plan`'s; a tile
click asks the host to open the list behind it (`open_list(area, filters)`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import COOPERATION_MODES, DealMode
from ttdesk.core.views.dashboard_terms import ActionPlan

CTX = "ActionPlan"
CAPTIONS = {
    "platforms": QT_TRANSLATE_NOOP("ActionPlan", "合作平台 / 联合实验室（新增合作企业）"),
    "contracts": QT_TRANSLATE_NOOP("ActionPlan", "技术开发 / 咨询 / 服务合同"),
    "companies": QT_TRANSLATE_NOOP("ActionPlan", "转化创办企业"),
    "zjtx": QT_TRANSLATE_NOOP("ActionPlan", "专精特新企业（首次认定）"),
}
FUNNEL = (("disclosures", QT_TRANSLATE_NOOP("ActionPlan", "披露成果")),
          ("deals", QT_TRANSLATE_NOOP("ActionPlan", "签约交易")),
          ("companies", QT_TRANSLATE_NOOP("ActionPlan", "衍生企业")))


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def list_behind(key: str, year: int) -> tuple[str, dict[str, Any]]:
    """The list area and the filter values that show the records behind a tile."""
    if key == "platforms":
        modes = tuple(sorted({*COOPERATION_MODES, DealMode.JOINT}))
        return "deals", {"year": year, "mode": modes}
    if key == "contracts":
        return "deals", {"year": year, "mode": tuple(sorted(COOPERATION_MODES))}
    if key == "zjtx":
        return "spinoffs", {"zjtx_year": year}
    if key == "disclosures":
        return "achievements", {"year": year}
    if key == "deals":
        return "deals", {"year": year}
    return "spinoffs", {"year": year}


class PlanTile(QFrame):
    clicked = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"plan_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = QLabel("…")
        self.value.setObjectName("value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.value)
        lay.addWidget(self.caption)
        lay.addWidget(self.detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ActionPlanBox(QGroupBox):
    open_list = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("北京市行动计划（2025–2027）：本单位贡献"), parent)
        self.setObjectName("action_plan")
        self.year = 0
        self.tiles: dict[str, PlanTile] = {}
        row = QHBoxLayout()
        for key, caption in CAPTIONS.items():
            tile = PlanTile(key, tr(caption))
            tile.clicked.connect(lambda k=key: self._open(k))
            self.tiles[key] = tile
            row.addWidget(tile)
        funnel = QHBoxLayout()
        funnel.addWidget(QLabel(tr("转化漏斗")))
        for i, (key, caption) in enumerate(FUNNEL):
            if i:
                funnel.addWidget(QLabel("→"))
            tile = PlanTile(f"funnel_{key}", tr(caption))
            tile.clicked.connect(lambda k=key: self._open(k))
            self.tiles[f"funnel_{key}"] = tile
            funnel.addWidget(tile, 1)
        self.grid = QGridLayout()
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addLayout(funnel)
        lay.addLayout(self.grid)

    def _open(self, key: str) -> None:
        area, filters = list_behind(key, self.year)
        self.open_list.emit(area, filters)

    def show_plan(self, plan: ActionPlan) -> None:
        self.year = plan.year
        for key, tile in self.tiles.items():
            if key.startswith("funnel_"):
                continue
            fig = plan.tile(key)
            tile.value.setText(f"{fig.actual:,} / {fig.target:,}")
            years = "  ".join(
                f"{y}: {f.actual}/{f.target}" for y, f in sorted(plan.figures[key].items()))
            tile.detail.setText(years)
            tile.setToolTip(tr("%1 年实际 / 本单位目标").replace("%1", str(plan.year)))
        f = plan.funnel
        for key, value in (("disclosures", f.disclosures), ("deals", f.deals),
                           ("companies", f.companies)):
            self.tiles[f"funnel_{key}"].value.setText(f"{value:,}")
            self.tiles[f"funnel_{key}"].setToolTip(tr("%1 年").replace("%1", str(f.year)))
