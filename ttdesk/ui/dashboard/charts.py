"""Dashboard charts (QtCharts): the case pipeline by status and income by year and mode.

Built from plain figures of `ttdesk.core.views.dashboard`; labels from `ttdesk.core.base.labels`.
Bars carry their numbers as labels, so nothing depends on telling colours apart.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPainter

from ttdesk.codes import AchievementStatus, DealMode
from ttdesk.core.base.labels import label

# Modes grouped the way the annual statistics report them.
# Names are Chinese source texts, translated on use (context "charts").
MODE_GROUPS: tuple[tuple[str, tuple[DealMode, ...]], ...] = (
    (QT_TRANSLATE_NOOP("charts", "转让"), (DealMode.TRANSFER,)),
    (QT_TRANSLATE_NOOP("charts", "许可"), (DealMode.LICENSE_EXCLUSIVE, DealMode.LICENSE_SOLE,
                                         DealMode.LICENSE_NONEXCLUSIVE)),
    (QT_TRANSLATE_NOOP("charts", "作价投资"), (DealMode.EQUITY,)),
    (QT_TRANSLATE_NOOP("charts", "开发/咨询/服务"),
     (DealMode.DEVELOPMENT, DealMode.CONSULTING, DealMode.SERVICE)),
    (QT_TRANSLATE_NOOP("charts", "其他"), (DealMode.JOINT, DealMode.SELF, DealMode.OTHER)),
)
SLANT_ABOVE = 6  # characters: longer category names (English ones) are slanted, not elided


def group_name(name: str) -> str:
    return QCoreApplication.translate("charts", name)


def _view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def pipeline_chart(counts: list[tuple[AchievementStatus, int]], lang: str,
                   title: str) -> QChartView:
    bars = QBarSet(title)
    names = []
    for status, n in counts:
        bars.append(n)
        names.append(label(status, lang))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(names)
    if max((len(n) for n in names), default=0) > SLANT_ABOVE:
        axis_x.setLabelsAngle(-40)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setRange(0, max([n for _s, n in counts] + [1]) * 1.15)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().hide()
    return _view(chart)


def income_chart(by_year: dict[int, dict[DealMode, Decimal]], lang: str,
                 title: str, unit: str) -> QChartView:
    """Stacked bars per year, one set per mode group, in 万元 (10,000 yuan)."""
    years = sorted(by_year)
    series = QStackedBarSeries()
    top = 1.0
    totals = dict.fromkeys(years, 0.0)
    for names, modes in MODE_GROUPS:
        bars = QBarSet(group_name(names))
        for y in years:
            value = float(sum(by_year[y].get(m, Decimal(0)) for m in modes)) / 10_000
            bars.append(round(value, 1))
            totals[y] += value
        series.append(bars)
    top = max([*totals.values(), top])
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(y) for y in years])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, top * 1.1)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(unit)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return _view(chart)


def deals_by_mode_chart(counts: dict[DealMode, int], lang: str, title: str) -> QChartView:
    """Signed deals per mode group (bars labelled with their count)."""
    bars = QBarSet(title)
    names = []
    for group, modes in MODE_GROUPS:
        bars.append(sum(counts.get(m, 0) for m in modes))
        names.append(group_name(group))
    return _single_bars(bars, names, title)


def companies_chart(by_year: dict[int, tuple[int, int]], lang: str, title: str,
                    spinoff: str, other: str) -> QChartView:
    """Companies registered per year, spin-offs stacked under the others."""
    years = sorted(by_year)
    spin, rest = QBarSet(spinoff), QBarSet(other)
    for y in years:
        spin.append(by_year[y][0])
        rest.append(by_year[y][1])
    series = QStackedBarSeries()
    series.append(spin)
    series.append(rest)
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([str(y) for y in years])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, max([a + b for a, b in by_year.values()] + [1]) * 1.1)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return _view(chart)


def _single_bars(bars: QBarSet, names: list[str], title: str) -> QChartView:
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(names)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, max([bars.at(i) for i in range(bars.count())] + [1]) * 1.15)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().hide()
    return _view(chart)
