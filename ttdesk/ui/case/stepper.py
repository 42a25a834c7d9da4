"""The stage stepper: disclosure → assessment → rights grant → deal → company/income.

Each stage shows a drawn shape (check in a disc, a filled arrowhead for the current stage,
an empty ring, a dashed ring for optional, a cross for stopped), its state in words and what
it lacks for the next step — colour only repeats what shape and text already say.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ttdesk.core.views.stepper import CURRENT, DONE, OPTIONAL, STOPPED, TODO, StepInfo

COLOURS = {DONE: "#2e7d32", CURRENT: "#1565c0", TODO: "#757575", OPTIONAL: "#757575",
           STOPPED: "#b00020"}


class StageIcon(QWidget):
    """A 22-px shape that tells the state without colour."""

    def __init__(self, state: str = TODO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFixedSize(QSize(24, 24))

    def set_state(self, state: str) -> None:
        self.state = state
        self.update()

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(COLOURS.get(self.state, "#757575"))
        box = QRectF(2, 2, 20, 20)
        pen = QPen(colour, 2)
        if self.state == DONE:
            p.setBrush(colour)
            p.setPen(pen)
            p.drawEllipse(box)
            p.setPen(QPen(QColor("white"), 2.5))
            path = QPainterPath(QPointF(7, 12))
            path.lineTo(QPointF(10.5, 15.5))
            path.lineTo(QPointF(17, 8.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif self.state == CURRENT:
            p.setPen(pen)
            p.setBrush(colour)
            p.drawPolygon(QPolygonF([QPointF(5, 3), QPointF(21, 12), QPointF(5, 21)]))
        elif self.state == STOPPED:
            p.setPen(QPen(colour, 3))
            p.drawLine(QPointF(5, 5), QPointF(19, 19))
            p.drawLine(QPointF(19, 5), QPointF(5, 19))
        else:
            if self.state == OPTIONAL:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawEllipse(box)
        p.end()


class StageBox(QFrame):
    """One stage: number, name, state word and detail line; clicking it selects its tab."""

    clicked = Signal(str)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = ""
        self.state = TODO
        self.index = index
        self.icon = StageIcon()
        self.title = QLabel()
        self.title.setObjectName(f"stage_title_{index}")
        self.detail = QLabel()
        self.detail.setObjectName(f"stage_detail_{index}")
        self.detail.setWordWrap(True)
        for line in (self.title, self.detail):  # data, never markup
            line.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        head = QHBoxLayout()
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addLayout(head)
        lay.addWidget(self.detail, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_step(self, step: StepInfo, lang: str) -> None:
        self.key = step.key
        self.icon.set_state(step.state)
        self.title.setText(f"{self.index + 1} {step.label(lang)} · {state_word(step.state)}")
        self.detail.setText(step.detail.text(lang))
        self.setToolTip(step.detail.text(lang))
        font = self.title.font()
        font.setBold(step.state == CURRENT)
        self.title.setFont(font)
        self.state = step.state
        self.update()

    def paintEvent(self, event: object) -> None:
        """A rounded border in the state's colour, thicker for the current stage."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2.5 if self.state == CURRENT else 1.0
        p.setPen(QPen(QColor(COLOURS.get(self.state, "#757575")), width))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.key)
        super().mousePressEvent(event)


def state_word(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        DONE: QCoreApplication.translate("Stepper", "已完成"),
        CURRENT: QCoreApplication.translate("Stepper", "进行中"),
        TODO: QCoreApplication.translate("Stepper", "未开始"),
        OPTIONAL: QCoreApplication.translate("Stepper", "可选"),
        STOPPED: QCoreApplication.translate("Stepper", "已中止"),
    }
    return words.get(state, state)


class StageStepper(QWidget):
    """The five stage boxes with arrows between them."""

    stage_clicked = Signal(str)

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_stepper")
        self.lang = lang
        self.boxes: list[StageBox] = []
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for i in range(5):
            if i:
                arrow = QLabel("→")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                lay.addWidget(arrow)
            box = StageBox(i)
            box.clicked.connect(self.stage_clicked)
            self.boxes.append(box)
            lay.addWidget(box, 1)

    def set_steps(self, steps: Sequence[StepInfo]) -> None:
        for box, step in zip(self.boxes, steps, strict=False):
            box.show_step(step, self.lang)

    def text(self) -> str:
        """Everything the stepper says (titles and details), for tests and accessibility."""
        return "\n".join(f"{b.title.text()}: {b.detail.text()}" for b in self.boxes)
