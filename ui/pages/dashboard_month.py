"""The 工作台's 上月概况 strip (issue 7 deliverable 4): the last ENDED month's headline KPIs against the month before
(coloured by each definition's ``better``) and two small charts, tickets per day and incidents by tier.

Same numbers, same code: the KPIs are :func:`core.services.kpis.month_kpis` with the rule's definitions (the change
as :func:`core.services.kpis.month_over_month`), the charts are the very ``Chart`` objects the monthly PDF draws
(:func:`core.services.monthly_report_charts.headline_charts`), drawn by the 服务评价 page's :class:`ChartView`.

Speed: a live month costs ~0.2–0.8 s on the three-year studio, over the dashboard's 150 ms budget, so the strip is
a SECOND task on the lane, started when the dashboard's facts arrive; it says "正在计算…" until then. While one is
running no other is queued, and a result younger than :data:`KEEP_SECONDS` is kept on page switches (the
dashboard's 刷新 button expires it). Clicking the strip opens the 服务评价 page on that month.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import PageContext
from ui.pages.evaluation_charts import ChartView
from ui.pages.evaluation_kpis import change_colour, format_change, format_value
from ui.qtcompat import emit

HEADLINE_KPIS = (
    "first_response_in_sla_rate",
    "tickets_past_15_days",
    "complaint_rate",
    "satisfaction_avg",
    "promise_fulfilment_rate",
    "checklist_completion_rate",
)
KEEP_SECONDS = 300.0


@dataclass(frozen=True)
class HeadlineKpi:
    key: str
    name: str
    unit: str
    better: str
    this: Any
    before: Any
    change: Any


@dataclass(frozen=True)
class MonthFacts:
    period: str  # the last ended month, "YYYY-MM"
    previous: str
    kpis: tuple[HeadlineKpi, ...]
    charts: dict[str, Any]  # core.services.monthly_report_charts.Chart by HEADLINE_CHART_KEYS


def collect_month(db: Any, **_lane: Any) -> MonthFacts:
    """On the lane: the last ended month's headline KPIs, the month before's, and the two headline charts."""
    from core import clock
    from core.services.evaluation_months import last_ended_month
    from core.services.kpis import definitions, month_kpis, previous_period
    from core.services.monthly_report_charts import headline_charts

    now = clock.now()
    with db.sessions() as session:
        period = last_ended_month(session, now)
        previous = previous_period(period)
        this = month_kpis(session, period, now=now)
        before = month_kpis(session, previous, now=now)
        known = definitions(session)
        charts = headline_charts(session, period, now=now, kpis=this)
    rows = []
    for key in HEADLINE_KPIS:
        if key not in known:
            continue
        value, old = this.values.get(key), before.values.get(key)
        change = None if value is None or old is None else round(value - old, 4)  # as month_over_month
        d = known[key]
        rows.append(HeadlineKpi(key, d.name, d.unit, d.better, value, old, change))
    return MonthFacts(period, previous, tuple(rows), dict(charts))


class MonthStrip(QPushButton):
    """A button over the strip; ``loaded`` follows each arrival (or failure) of :func:`collect_month`."""

    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.period = ""
        self.facts: MonthFacts | None = None
        self._running = False
        self._loaded_at: float | None = None
        self.setObjectName("monthStrip")
        self.setToolTip(self.tr("Open the Service evaluation page on this month"))
        self.setStyleSheet("QPushButton#monthStrip { text-align: left; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(4)
        self.caption = QLabel(self.tr("<b>Last month at a glance</b>"))
        self.caption.setObjectName("monthCaption")
        self.status = QLabel(self.tr("Calculating…"))
        self.status.setObjectName("monthStatus")
        self.status.setWordWrap(True)
        words.addWidget(self.caption)
        words.addWidget(self.status)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.cells: dict[str, QLabel] = {}
        for index, key in enumerate(HEADLINE_KPIS):
            cell = QLabel()
            cell.setObjectName(f"monthKpi_{key}")
            self.cells[key] = cell
            self.grid.addWidget(cell, index // 2, index % 2)
        words.addLayout(self.grid)
        words.addStretch(1)
        row.addLayout(words, 5)
        self.charts: dict[str, ChartView] = {}
        for key in ("tickets_per_day", "incidents_by_tier"):
            view = ChartView()
            view.setObjectName(f"monthChart_{key}")
            view.setMinimumSize(220, 150)
            view.setFixedHeight(160)
            self.charts[key] = view
            row.addWidget(view, 4)
        for widget in (self.caption, self.status, *self.cells.values(), *self.charts.values()):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMinimumHeight(176)

    def expire(self) -> None:
        """Forget the kept result: the next :meth:`load` reads again (the dashboard's 刷新 button)."""
        self._loaded_at = None

    def load(self) -> None:
        """Start :func:`collect_month` on the lane unless one is running or a fresh result is kept."""
        if self._running or (
            self._loaded_at is not None and time.monotonic() - self._loaded_at < KEEP_SECONDS
        ):
            return
        self._running = True
        if self.facts is None:
            self.status.setText(self.tr("Calculating…"))
        task = self.context.tasks.run(self.tr("Reading last month"), collect_month, self.context.db)
        task.bind(self)
        task.succeeded.connect(self._on_month)
        task.failed.connect(self._on_failed)

    def _on_month(self, facts: MonthFacts) -> None:
        self._running = False
        self._loaded_at = time.monotonic()
        self.show_month(facts)
        emit(self.loaded)

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        self.status.setText(self.tr("Could not calculate last month: %1").replace("%1", str(exc)))
        emit(self.loaded)

    def show_month(self, facts: MonthFacts) -> None:
        self.facts = facts
        self.period = facts.period
        self.caption.setText(self.tr("<b>Last month at a glance · %1</b>").replace("%1", facts.period))
        self.status.setText(
            self.tr("Against %1 · click for the full evaluation").replace("%1", facts.previous)
        )
        for kpi in facts.kpis:
            colour = change_colour(kpi.change, kpi.better)
            self.cells[kpi.key].setText(
                f"{kpi.name}<br><b>{format_value(kpi.this, kpi.unit)}</b> "
                f"<span style='color:{colour}'>{format_change(kpi.change, kpi.unit)}</span>"
            )
            self.cells[kpi.key].setToolTip(format_value(kpi.before, kpi.unit))
        for key, view in self.charts.items():
            view.set_chart(facts.charts.get(key))
        self.setAccessibleName(self.caption.text())


__all__ = ["HEADLINE_KPIS", "HeadlineKpi", "MonthFacts", "MonthStrip", "collect_month"]
