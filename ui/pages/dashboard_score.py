"""The 工作台's monthly-score tile: the last signed evaluation's score and grade and the 3 KPIs that moved most.

Speed: computing a month's KPIs takes ~0.2 s on the three-year studio (bench), over the dashboard's 150 ms budget,
so the tile reads only SIGNED evaluations' frozen figures: the newest signed of the last three ended months, and
the month before it if that one is signed too (for the movers). An unsigned last month is said so; clicking the tile
opens the 服务评价 page on that month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.pages.evaluation_kpis import change_colour, format_change, format_value


@dataclass(frozen=True)
class ScoreFacts:
    last_month: str  # the last ended month
    period: str  # the month shown ("" while nothing is signed)
    version: int
    total_tenths: int | None
    grade_name: str
    movers: tuple[tuple[str, str, str], ...]  # (KPI name, change text, colour)


def collect_score(session: Any, now: Any) -> ScoreFacts:
    """Inside the dashboard's read transaction: the newest signed evaluation and its movers (see module doc)."""
    from core.services import evaluation, kpis
    from core.services.evaluation_months import last_ended_month, months_with_data

    last = last_ended_month(session, now)
    months = [m for m in months_with_data(session, now) if m <= last][:3]
    newest = None
    for month in months:
        history = evaluation.evaluation_history(session, month)
        signed = [v for v in history if v.signed]
        if signed:
            newest = signed[-1]
            break
    if newest is None:
        return ScoreFacts(last, "", 0, None, "", ())
    before = [
        v for v in evaluation.evaluation_history(session, kpis.previous_period(newest.period)) if v.signed
    ]
    movers: list[tuple[float, str, str, str]] = []
    if before:
        this, old = newest.kpis.get("values", {}), before[-1].kpis.get("values", {})
        definitions = kpis.definitions(session)
        for key, d in definitions.items():
            a, b = this.get(key), old.get(key)
            if a is None or b is None or a == b:
                continue
            change = round(a - b, 4)
            weight = abs(change) if d.unit == "ratio" else abs(change) / max(abs(a), abs(b), 1)
            movers.append((weight, d.name, format_change(change, d.unit), change_colour(change, d.better)))
    movers.sort(key=lambda m: -m[0])
    grade = str((newest.scores or {}).get("grade_name", newest.grade))
    return ScoreFacts(
        last, newest.period, newest.version, newest.total_tenths, grade, tuple(m[1:] for m in movers[:3])
    )


class ScoreTile(QPushButton):
    """A button showing :class:`ScoreFacts`; the dashboard connects ``clicked`` to open the evaluation page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreTile")
        self.setMinimumHeight(84)
        self.setToolTip(self.tr("Open the Service evaluation page"))
        self.setStyleSheet("QPushButton#scoreTile { text-align: left; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        self.score = QLabel("…")
        self.score.setObjectName("tileScore")
        self.score.setStyleSheet("font-size: 28px; font-weight: bold; padding-right: 8px;")
        words = QVBoxLayout()
        self.caption = QLabel(self.tr("Monthly service score"))
        self.caption.setObjectName("scoreCaption")
        self.detail = QLabel()
        self.detail.setObjectName("scoreMovers")
        self.detail.setWordWrap(True)
        words.addWidget(self.caption)
        words.addWidget(self.detail)
        for label in (self.score, self.caption, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.score)
        row.addLayout(words, 1)
        self.period = ""

    def show_facts(self, facts: ScoreFacts | None) -> None:
        if facts is None:
            return
        self.period = facts.period or facts.last_month
        if facts.total_tenths is None:
            self.score.setText("—")
            self.caption.setText(self.tr("Monthly service score: nothing signed yet"))
            self.detail.setText(self.tr("Click to evaluate %1.").replace("%1", facts.last_month))
            return
        self.score.setText(f"{facts.total_tenths / 10:.1f}")
        caption = self.tr("<b>%1 service score</b> · %2 · signed v%3").replace("%1", facts.period)
        caption = caption.replace("%2", facts.grade_name).replace("%3", str(facts.version))
        if facts.period != facts.last_month:
            caption += " · " + self.tr("%1 not signed yet").replace("%1", facts.last_month)
        self.caption.setText(caption)
        moved = [
            f"{name} <span style='color:{colour}'>{change}</span>" for name, change, colour in facts.movers
        ]
        self.detail.setText(
            self.tr("Moved most: %1").replace("%1", " · ".join(moved))
            if moved
            else self.tr("Signed figures only (the month before is not signed to compare).")
        )
        self.setAccessibleName(f"{self.score.text()} {facts.grade_name}")


__all__ = ["ScoreFacts", "ScoreTile", "collect_score", "format_value"]
