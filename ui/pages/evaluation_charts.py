"""A small QPainter chart that draws the monthly report's ``Chart`` objects (the same ones the PDF draws).

A chart is duck-typed as the contract of ``core.services.monthly_report``: ``title``, ``kind`` ("bar" | "line"),
``labels``, ``series`` ((name, values), ...) and ``unit``. Bars are grouped by label, one colour per series; lines
share the axes. The value axis starts at 0 and ends at a round number above the largest value.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1a73e8", "#e8710a", "#188038", "#a142f4", "#d93025", "#5f6368")


def nice_top(largest: float) -> float:
    """The smallest 1/2/5 × 10^n at or above ``largest`` (1 for nothing to show)."""
    if largest <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(largest))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= largest)


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


class ChartView(QWidget):
    """Draws one chart; ``set_chart(None)`` shows nothing but the frame."""

    def __init__(self, chart: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(380, 220)

    def set_chart(self, chart: Any) -> None:
        self.chart = chart
        self.setAccessibleName(getattr(chart, "title", ""))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#dadce0"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        chart = self.chart
        if chart is None:
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(QColor("#202124"))
        title = f"{chart.title}（{chart.unit}）" if chart.unit else chart.title
        painter.drawText(QRectF(8, 4, self.width() - 16, line + 2), Qt.AlignmentFlag.AlignLeft, title)
        legend_y = self._legend(painter, chart, 8 + line, metrics)
        values = [v for _name, series in chart.series for v in series if v is not None]
        top = nice_top(max(values, default=0.0))
        ticks = 5 if f"{top:e}".startswith("5") else 4
        if top <= 5 and all(float(v).is_integer() for v in values):
            ticks = int(top)  # counts: no 0.25 of a ticket on the axis
        axis_w = max(metrics.horizontalAdvance(_number(top * t / ticks)) for t in range(ticks + 1)) + 10
        plot = QRectF(
            8 + axis_w, legend_y + 6, self.width() - 20 - axis_w, self.height() - legend_y - 14 - line
        )
        self._axes(painter, plot, top, metrics, ticks)
        if not values:
            painter.setPen(QColor("#5f6368"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No data this month"))
        if not chart.labels or plot.width() <= 0 or plot.height() <= 0:
            return
        slot = plot.width() / len(chart.labels)
        if chart.kind == "line":
            self._lines(painter, chart, plot, top, slot)
        else:
            self._bars(painter, chart, plot, top, slot)
        painter.setPen(QColor("#5f6368"))
        step = max(1, math.ceil(len(chart.labels) * metrics.horizontalAdvance("0000") / max(plot.width(), 1)))
        for index, label in enumerate(chart.labels):
            if index % step:
                continue
            text = metrics.elidedText(str(label), Qt.TextElideMode.ElideRight, int(slot * step) - 2)
            box = QRectF(
                plot.left() + index * slot - slot * (step - 1) / 2, plot.bottom() + 2, slot * step, line
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)

    def _legend(self, painter: QPainter, chart: Any, y: float, metrics: QFontMetrics) -> float:
        if len(chart.series) < 2 and not (chart.series and chart.series[0][0]):
            return y
        x = 8.0
        for index, (name, _values) in enumerate(chart.series):
            width = metrics.horizontalAdvance(name) + 22
            if x + width > self.width() - 8 and x > 8:
                x, y = 8.0, y + metrics.height()
            painter.fillRect(QRectF(x, y + 4, 10, 10), QColor(PALETTE[index % len(PALETTE)]))
            painter.setPen(QColor("#3c4043"))
            painter.drawText(QPointF(x + 14, y + metrics.ascent() + 1), name)
            x += width
        return y + metrics.height()

    def _axes(self, painter: QPainter, plot: QRectF, top: float, metrics: QFontMetrics, ticks: int) -> None:
        for tick in range(ticks + 1):
            value = top * tick / ticks
            y = plot.bottom() - plot.height() * tick / ticks
            painter.setPen(QPen(QColor("#eeeeee" if tick else "#9aa0a6"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5f6368"))
            text = _number(value)
            painter.drawText(
                QPointF(plot.left() - 4 - metrics.horizontalAdvance(text), y + metrics.ascent() / 2 - 1), text
            )

    def _bars(self, painter: QPainter, chart: Any, plot: QRectF, top: float, slot: float) -> None:
        count = max(1, len(chart.series))
        width = max(1.0, slot * 0.8 / count)
        for s, (_name, values) in enumerate(chart.series):
            colour = QColor(PALETTE[s % len(PALETTE)])
            for index, value in enumerate(values):
                if value is None:
                    continue
                height = plot.height() * float(value) / top
                x = plot.left() + index * slot + slot * 0.1 + s * width
                painter.fillRect(QRectF(x, plot.bottom() - height, width - 1, height), colour)

    def _lines(self, painter: QPainter, chart: Any, plot: QRectF, top: float, slot: float) -> None:
        for s, (_name, values) in enumerate(chart.series):
            painter.setPen(QPen(QColor(PALETTE[s % len(PALETTE)]), 2))
            path = QPainterPath()
            started = False
            for index, value in enumerate(values):
                if value is None:
                    started = False
                    continue
                point = QPointF(
                    plot.left() + (index + 0.5) * slot, plot.bottom() - plot.height() * float(value) / top
                )
                path.lineTo(point) if started else path.moveTo(point)
                started = True
                painter.drawEllipse(point, 2, 2)
            painter.drawPath(path)
