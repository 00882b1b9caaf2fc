"""The monthly report's charts drawn with ReportLab graphics from :class:`core.services.monthly_report_charts.Chart`.

Every String, axis label, bar label and legend names the embedded CJK font: ReportLab's default Helvetica prints
each Chinese character as ■. An empty chart (no data this month) draws its title and "no data" instead of axes.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from core import i18n
from core.services.monthly_report_charts import Chart

i18n.register(
    {
        "monthly_pdf.chart.empty": ("本月无数据", "No data this month"),
        "monthly_pdf.chart.unit": ("单位：{unit}", "Unit: {unit}"),
    }
)

PALETTE = (colors.HexColor("#1a73e8"), colors.HexColor("#d93025"), colors.HexColor("#188038"))


def _empty(chart: Chart) -> bool:
    return not chart.labels or not any(any(v for v in values) for _name, values in chart.series)


def _nice_max(top: float) -> float:
    if top <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top <= step * 5:
            return float(step * 5)
    return float(top * 1.1)


def _axes(plot, chart: Chart, font: str, size: float) -> None:  # type: ignore[no-untyped-def]
    top = max((max(values) for _n, values in chart.series if values), default=0.0)
    ceiling = 100.0 if chart.unit == "%" else _nice_max(top)
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = ceiling
    plot.valueAxis.valueStep = ceiling / 5
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = size
    plot.valueAxis.labelTextFormat = "%d" if ceiling >= 5 else "%.1f"
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = size
    plot.categoryAxis.categoryNames = list(chart.labels)
    plot.data = [list(values) for _n, values in chart.series]


def chart_drawing(chart: Chart, font: str, width: float, height: float, empty: str | None = None) -> Drawing:
    """``chart`` as a Drawing ``width`` × ``height`` points: title on top, unit, legend when there are 2+ series;
    ``empty`` is said instead of axes when there is no data (default "no data this month")."""
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=8)
    drawing.add(String(4, height - 12, chart.title, fontName=font, fontSize=9.5))
    unit = i18n.t("monthly_pdf.chart.unit", unit=chart.unit)
    drawing.add(String(width - 4, height - 12, unit, fontName=font, fontSize=7, textAnchor="end"))
    if _empty(chart):
        drawing.add(
            String(width / 2, height / 2, empty or i18n.t("monthly_pdf.chart.empty"), fontName=font, fontSize=9,
                   textAnchor="middle", fillColor=colors.HexColor("#5f6368"))
        )  # fmt: skip
        return drawing
    many = len(chart.labels) > 12
    size = 6.5 if many else 7
    plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()
    plot.x, plot.y = 30, 30 if not many else 24
    plot.width, plot.height = width - 40, height - plot.y - 34
    _axes(plot, chart, font, size)
    if many:  # a month of days: label every other day so the labels do not run into each other
        plot.categoryAxis.categoryNames = [lab if i % 2 == 0 else "" for i, lab in enumerate(chart.labels)]
    if isinstance(plot, VerticalBarChart):
        plot.barSpacing = 1
        plot.groupSpacing = 6
        plot.barLabels.fontName = font
        plot.barLabels.fontSize = 6.5
        plot.barLabels.nudge = 6
        plot.barLabelFormat = "%g"
        plot.categoryAxis.labels.angle = 0 if len(chart.labels) <= 6 else 30
        plot.categoryAxis.labels.boxAnchor = "n" if len(chart.labels) <= 6 else "ne"
        for i in range(len(chart.series)):
            plot.bars[i].fillColor = PALETTE[i % len(PALETTE)]
            plot.bars[i].strokeColor = None
    else:
        for i in range(len(chart.series)):
            plot.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
            plot.lines[i].strokeWidth = 1.4
    drawing.add(plot)
    if len(chart.series) > 1:
        legend = Legend()
        legend.fontName = font
        legend.fontSize = 7
        legend.x, legend.y = 34, height - 20
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 70
        legend.dx = legend.dy = 6
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], name) for i, (name, _v) in enumerate(chart.series)
        ]
        drawing.add(legend)
    return drawing


__all__ = ["chart_drawing"]
