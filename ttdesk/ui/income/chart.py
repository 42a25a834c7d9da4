"""Income per year as grouped bars (万元): net income, money already in a distribution and
money still waiting for one. Each set has its own fill pattern as well as its colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from ttdesk.core.views.money import IncomeBucket

YEARS_SHOWN = 8
SETS = (("net", "#1f77b4", Qt.BrushStyle.SolidPattern),
        ("distributed", "#2ca02c", Qt.BrushStyle.BDiagPattern),
        ("pending", "#ff7f0e", Qt.BrushStyle.Dense4Pattern))


def income_chart(by_year: Sequence[IncomeBucket], names: dict[str, str], title: str,
                 unit: str) -> QChartView:
    """`by_year`: one bucket per year (any order); the last `YEARS_SHOWN` years are drawn."""
    years = sorted(by_year, key=lambda b: b.year)[-YEARS_SHOWN:]
    series = QBarSeries()
    top, bottom = 1.0, 0.0  # net income is negative in a year of costs only
    for key, colour, pattern in SETS:
        bars = QBarSet(names[key])
        bars.setBrush(QBrush(QColor(colour), pattern))
        bars.setPen(QColor("#333333"))
        for b in years:
            value = float(getattr(b, key)) / 10_000
            bars.append(round(value, 1))
            top, bottom = max(top, value), min(bottom, value)
        series.append(bars)
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(b.year) for b in years])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(bottom * 1.1, top * 1.1)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(unit)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = QChartView(chart)
    view.setObjectName("income_chart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(360, 240)
    return view
