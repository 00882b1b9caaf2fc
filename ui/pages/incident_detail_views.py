"""The read-only parts of the incident detail panel: header (evidence first), tier box, clocks, log, links, 整改.

Why this order: DOMAIN §6 — preserve the evidence (link, snapshot, screenshots, when and by whom it was found) before
anything else, then the tier a person confirmed and the clocks it sets; each clock shows the time left in words and
turns orange inside the rule's warning window and red once missed. The handling log is oldest first (电子商务法 Art 62:
the record in a dispute is the sequence of what was done).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.incident_detail_data import (
    MISSED_RED,
    NO_VALUE,
    THUMB,
    WARN_ORANGE,
    IncidentRecord,
    clock_colour,
    clock_state,
    studio_time,
    time_left_text,
)
from ui.pages.panel_widgets import tree, wrapped

MUTED = "color: #52606d;"


def fit_rows(widget: QTreeWidget, rows: int, most: int = 8) -> None:
    """Height for ``rows`` rows (at least one, at most ``most``) so short lists take little room."""
    row = widget.fontMetrics().height() + 8
    widget.setFixedHeight(widget.header().sizeHint().height() + row * max(1, min(rows, most)) + 8)


def group(title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setObjectName(name)
    column = QVBoxLayout(box)
    column.setSpacing(6)
    return box, column


class IncidentHeader(QWidget):
    """Code, channel, tier and owner, status; the link (opened in the browser); first seen and by whom; reach;
    the summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = wrapped("incidentTitle", "font-size: 18px; font-weight: 600;")
        self.link = QLabel()
        self.link.setObjectName("incidentLink")
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.seen = wrapped("incidentSeen")
        self.summary = wrapped("incidentSummary", "color: #1f2933;")
        for widget in (self.title, self.link, self.seen, self.summary):
            layout.addWidget(widget)

    def show_record(self, record: IncidentRecord) -> None:
        view = record.view
        chip = f"<span style='background:#e5edff; color:#1d3f8f;'>&nbsp;{view.status_name}&nbsp;</span>"
        owner = f"（{view.tier_owner}）" if view.tier_owner else ""
        self.title.setText(
            f"{view.code}&nbsp;&nbsp;{view.channel_name} · {view.tier_name}{owner}&nbsp;&nbsp;{chip}"
        )
        if view.link:
            safe = view.link.replace("&", "&amp;").replace("'", "%27").replace("<", "&lt;")
            label = QCoreApplication.translate("IncidentDetail", "Link:")
            self.link.setText(f"{label} <a href='{safe}'>{safe}</a>")
        else:
            self.link.setText(
                QCoreApplication.translate(
                    "IncidentDetail", "No public link (a direct message or an early warning)"
                )
            )
        reach = NO_VALUE if view.reach is None else f"{view.reach:,}"
        self.seen.setText(
            QCoreApplication.translate("IncidentDetail", "First seen %1 by %2    Reach %3")
            .replace("%1", studio_time(view.first_seen_at, record.zone))
            .replace("%2", view.seen_by_name or NO_VALUE)
            .replace("%3", reach)
        )
        self.summary.setText(view.summary)
        self.summary.setVisible(bool(view.summary))


class EvidenceBox(QWidget):
    """The snapshot text as saved (read-only) beside the screenshots' thumbnails (the sha256 as item data; a
    thumbnail that cannot be read from the vault shows its name in red)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        right = QVBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self.snapshot_label = QLabel(
            QCoreApplication.translate("IncidentDetail", "Snapshot of the post (as saved)")
        )
        self.snapshot_label.setStyleSheet(MUTED)
        self.snapshot = QPlainTextEdit()
        self.snapshot.setObjectName("incidentSnapshot")
        self.snapshot.setReadOnly(True)
        self.snapshot.setFixedHeight(THUMB + 40)
        left.addWidget(self.snapshot_label)
        left.addWidget(self.snapshot)
        self.shots_label = QLabel(QCoreApplication.translate("IncidentDetail", "Screenshots (click to open)"))
        self.shots_label.setStyleSheet(MUTED)
        self.shots = QListWidget()
        self.shots.setObjectName("incidentScreenshots")
        self.shots.setViewMode(QListWidget.ViewMode.IconMode)
        self.shots.setIconSize(QSize(THUMB, THUMB))
        self.shots.setGridSize(QSize(THUMB + 40, THUMB + 30))
        self.shots.setFlow(QListWidget.Flow.LeftToRight)
        self.shots.setWrapping(False)
        self.shots.setMovement(QListWidget.Movement.Static)
        self.shots.setFixedHeight(THUMB + 40)
        self.no_shots = wrapped("incidentNoScreenshots", MUTED)
        self.no_shots.setText(
            QCoreApplication.translate(
                "IncidentDetail", "No screenshot yet — add one before the post can change."
            )
        )
        right.addWidget(self.shots_label)
        right.addWidget(self.no_shots)
        right.addWidget(self.shots)
        right.addStretch(1)

    def show_record(self, record: IncidentRecord) -> None:
        view = record.view
        self.snapshot.setPlainText(view.snapshot_text)
        self.shots.clear()
        for shot in view.screenshots:
            item = QListWidgetItem(shot.name or shot.sha256[:12])
            image = record.thumbs.get(shot.sha256)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            else:
                item.setForeground(QBrush(QColor(MISSED_RED)))
            item.setData(Qt.ItemDataRole.UserRole, shot.sha256)
            item.setToolTip(f"{shot.name}\n{studio_time(shot.at, record.zone)}\nSHA-256 {shot.sha256}")
            self.shots.addItem(item)
        self.shots.setVisible(bool(view.screenshots))
        self.no_shots.setVisible(not view.screenshots)


class TierBox(QWidget):
    """The tier (confirmed, or 待确认), the app's suggestion with its reasons and the similar complaints today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.current = wrapped("incidentTier", "font-size: 15px; font-weight: 600;")
        self.trigger = wrapped("incidentTierTrigger", MUTED)
        self.suggestion = wrapped("incidentSuggestion")
        for widget in (self.current, self.trigger, self.suggestion):
            layout.addWidget(widget)

    def show_record(self, record: IncidentRecord) -> None:
        view = record.view
        state = (
            QCoreApplication.translate("IncidentDetail", "confirmed")
            if view.tier_confirmed
            else QCoreApplication.translate("IncidentDetail", "to be confirmed")
        )
        owner_label = QCoreApplication.translate("IncidentDetail", "Owner:")
        owner = f" · {owner_label} {view.tier_owner}" if view.tier_owner else ""
        self.current.setText(f"{view.tier_name}（{state}）{owner}")
        self.current.setStyleSheet(
            "font-size: 15px; font-weight: 600;" + ("" if view.tier_confirmed else f" color: {WARN_ORANGE};")
        )
        self.trigger.setText(view.tier_trigger or "")
        self.trigger.setVisible(bool(view.tier_trigger))
        suggestion = view.suggestion
        names = {choice.code: choice.name for choice in record.tier_choices}
        lines = [
            QCoreApplication.translate("IncidentDetail", "Suggested: %1").replace(
                "%1", names.get(suggestion.tier, suggestion.tier)
            ),
            *(f"· {reason}" for reason in suggestion.reasons),
            QCoreApplication.translate("IncidentDetail", "Similar complaints today: %1").replace(
                "%1", str(view.similar_today)
            ),
        ]
        self.suggestion.setText("\n".join(lines))


def due_text(value: datetime, zone: ZoneInfo, now: datetime) -> str:
    """A clock's due time in studio time, without the year when it falls in the current one: ``11-30 12:02``."""
    local = value.astimezone(zone)
    if local.year == now.astimezone(zone).year:
        return f"{local:%m-%d %H:%M}"
    return studio_time(value, zone)


class ClocksBox(QWidget):
    """Each clock of every tier period (an earlier tier's prefixed "IV · ", grey once superseded): name (hours), time
    left or met/missed, due time (year only when not this one);
    coloured. The name column takes the room left after the other two are sized to their text, and the table asks
    for at least the width its three columns need, so nothing is cut short. :meth:`refresh` rewords the time left
    from ``now`` without reading again (the panel calls it every 30 s)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = tree(
            "incidentClocks",
            [
                QCoreApplication.translate("IncidentDetail", "Clock"),
                QCoreApplication.translate("IncidentDetail", "Time left"),
                QCoreApplication.translate("IncidentDetail", "Due"),
            ],
            0,
        )
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.none = wrapped("incidentNoClocks", MUTED)
        self.none.setText(QCoreApplication.translate("IncidentDetail", "This tier sets no clock."))
        layout.addWidget(self.tree)
        layout.addWidget(self.none)
        self.record: IncidentRecord | None = None

    def show_record(self, record: IncidentRecord, now: datetime) -> None:
        self.record = record
        self.tree.clear()
        for clock_view in record.view.clocks:
            hours = f"{clock_view.hours:g}"
            name = (
                QCoreApplication.translate("IncidentDetail", "%1 (%2 h)")
                .replace("%1", clock_view.name)
                .replace("%2", hours)
            )
            if not getattr(clock_view, "current", True):
                name = f"{clock_view.tier} · {name}"  # an earlier tier's clock: "IV · 首次联系 (1 小时)"
            item = QTreeWidgetItem([name, "", due_text(clock_view.due, record.zone, now)])
            item.setData(0, Qt.ItemDataRole.UserRole, clock_view.kind)
            item.setToolTip(2, studio_time(clock_view.due, record.zone))
            self.tree.addTopLevelItem(item)
        fit_rows(self.tree, len(record.view.clocks), 6)
        self.tree.setVisible(bool(record.view.clocks))
        self.none.setVisible(not record.view.clocks)
        self.refresh(now)

    def refresh(self, now: datetime) -> None:
        record = self.record
        if record is None:
            return
        for row, clock_view in enumerate(record.view.clocks):
            item = self.tree.topLevelItem(row)
            colour = clock_colour(clock_view, now, record.warning)
            item.setText(1, time_left_text(clock_view, now, record.zone))
            item.setData(1, Qt.ItemDataRole.UserRole, clock_state(clock_view, now))
            brush = QBrush(QColor(colour)) if colour else QBrush()
            for column in (0, 1):
                item.setForeground(column, brush)
        self._fit_width()

    def _fit_width(self) -> None:
        """Ask for the width the three columns' text needs (the name column included), plus the frame."""
        header = self.tree.header()
        needed = sum(
            max(header.sectionSizeHint(c), self.tree.sizeHintForColumn(c))
            for c in range(self.tree.columnCount())
        )
        self.tree.setMinimumWidth(needed + 2 * self.tree.frameWidth() + 4)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.tree.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(self.tree.topLevelItemCount())
        ]


__all__ = [
    "ClocksBox",
    "EvidenceBox",
    "IncidentHeader",
    "TierBox",
    "due_text",
    "fit_rows",
    "group",
    "tree",
    "wrapped",
]
