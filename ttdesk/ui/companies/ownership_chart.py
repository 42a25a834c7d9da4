"""Ownership over time: a stacked step-area chart (QtCharts) of each holder's percentage
after every recorded equity event, one area series per holder, up to today.

Holdings change only at events, so each band is drawn as steps (two points at an event's
date). Every legend entry carries the holder's current percentage and each band has its own
fill pattern, so the chart is readable without telling colours apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ttdesk.core.companies.equity import CapTable, Holding
from ttdesk.ui.kit.table import pct_text

HolderKey = tuple[str, str, int | None]
PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.Dense4Pattern,
            Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.Dense2Pattern,
            Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.CrossPattern,
            Qt.BrushStyle.Dense6Pattern, Qt.BrushStyle.DiagCrossPattern)
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


def key_of(h: Holding) -> HolderKey:
    return (h.holder_type.value, h.holder_name, h.person_id)


def holder_order(series: Sequence[CapTable]) -> list[tuple[HolderKey, str]]:
    """Every holder that ever held a share, in order of first appearance."""
    seen: dict[HolderKey, str] = {}
    for table in series:
        for h in table.holdings:
            seen.setdefault(key_of(h), h.holder_name)
    return list(seen.items())


def step_points(series: Sequence[CapTable], end: date
                ) -> tuple[list[date], dict[HolderKey, list[Decimal]]]:
    """Dates and, per holder, the cumulative upper edge of its band at each date (steps:
    every event date appears twice, before and after the change)."""
    holders = [k for k, _ in holder_order(series)]
    dates: list[date] = []
    uppers: dict[HolderKey, list[Decimal]] = {k: [] for k in holders}
    previous: dict[HolderKey, Decimal] | None = None
    for table in series:
        if table.as_of is None:
            continue
        pct = {key_of(h): h.percentage for h in table.holdings}
        for values in ([previous, pct] if previous is not None else [pct]):
            dates.append(table.as_of)
            total = Decimal(0)
            for k in holders:
                total += values.get(k, Decimal(0))
                uppers[k].append(total)
        previous = pct
    if dates and end > dates[-1]:
        dates.append(end)
        for k in holders:
            uppers[k].append(uppers[k][-1])
    return dates, uppers


def _msecs(d: date) -> float:
    return float(QDateTime(datetime.combine(d, time(12))).toMSecsSinceEpoch())


def ownership_chart(series: Sequence[CapTable], today: date, title: str) -> QChartView:
    """The chart view; `view.chart().series()` has one QAreaSeries per holder."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(False)  # `legend_widget` lists the holders in full instead
    chart.setMargins(QMargins(4, 4, 4, 4))
    dates, uppers = step_points(series, today)
    names = dict(holder_order(series))
    last = {key_of(h): h.percentage for h in series[-1].holdings} if series else {}
    lower: QLineSeries | None = None
    for i, (k, edges) in enumerate(uppers.items()):
        upper = QLineSeries(chart)  # owned by the chart: the area series only borrows it
        for d, v in zip(dates, edges, strict=True):
            upper.append(_msecs(d), float(v))
        area = QAreaSeries(upper, lower) if lower is not None else QAreaSeries(upper)
        area.setName(f"{names[k]} {pct_text(last.get(k, Decimal(0)))}")
        brush = QBrush(QColor(COLOURS[i % len(COLOURS)]), PATTERNS[i % len(PATTERNS)])
        area.setBrush(brush)
        area.setPen(QColor("#333333"))
        chart.addSeries(area)
        lower = upper
    axis_x = QDateTimeAxis()
    axis_x.setFormat("yyyy-MM")
    axis_x.setTitleText("")
    if dates:
        axis_x.setRange(QDateTime(datetime.combine(dates[0], time(0))),
                        QDateTime(datetime.combine(max(dates[-1], dates[0]), time(23))))
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setLabelFormat("%d%%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for s in chart.series():
        s.attachAxis(axis_x)
        s.attachAxis(axis_y)
    view = QChartView(chart)
    view.setObjectName("ownership_chart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(280)
    return view


def legend_widget(view: QChartView, columns: int = 2) -> QWidget:
    """The chart's legend as a grid of swatches (fill pattern and colour) with each
    holder's full name and current percentage: long names never get cut off."""
    box = QWidget()
    box.setObjectName("ownership_legend")
    grid = QGridLayout(box)
    grid.setContentsMargins(4, 0, 4, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(2)
    for i, series in enumerate(view.chart().series()):
        if not isinstance(series, QAreaSeries):
            continue
        swatch = QPixmap(18, 12)
        swatch.fill(QColor("white"))
        painter = QPainter(swatch)
        painter.fillRect(swatch.rect(), series.brush())
        painter.setPen(QColor("#333333"))
        painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1))
        painter.end()
        icon = QLabel()
        icon.setPixmap(swatch)
        text = QLabel(series.name())
        text.setWordWrap(True)
        row, col = divmod(i, columns)
        grid.addWidget(icon, row, col * 2)
        grid.addWidget(text, row, col * 2 + 1)
    for col in range(columns):
        grid.setColumnStretch(col * 2 + 1, 1)
    return box
