"""Pieces of the live console: the big clock text, the lists (timeline, promises) and the compact on-top window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.money import yuan
from ui.pages.live_console_entry import template_name, terms_text
from ui.qtcompat import emit

CLOCK_STYLE = "font-size: 44px; font-weight: bold; font-family: monospace;"
ON_AIR_STYLE = "font-size: 24px; font-weight: bold; color: #b3261e;"


def clock_text(seconds: int) -> str:
    """Elapsed time as the big clock shows it: 01:02:03."""
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def offset_text(seconds: int | None) -> str:
    return "—" if seconds is None else "+" + clock_text(seconds)


def local_time(value: datetime | None, zone) -> str:
    if value is None:
        return ""
    return (value.astimezone(zone) if zone is not None else value).strftime("%H:%M:%S")


def tree(headers: list[str], stretch: int) -> QTreeWidget:
    widget = QTreeWidget()
    widget.setHeaderLabels(headers)
    widget.setRootIsDecorated(False)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # number keys stay with the console
    header = widget.header()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return widget


def timeline_tree() -> QTreeWidget:
    return tree(
        [
            QCoreApplication.translate("LiveConsolePage", "Started"),
            QCoreApplication.translate("LiveConsolePage", "Offset"),
            QCoreApplication.translate("LiveConsolePage", "Product"),
            QCoreApplication.translate("LiveConsolePage", "Price"),
            QCoreApplication.translate("LiveConsolePage", "Until"),
        ],
        2,
    )


def promise_tree() -> QTreeWidget:
    return tree(
        [
            QCoreApplication.translate("LiveConsolePage", "#"),
            QCoreApplication.translate("LiveConsolePage", "Offset"),
            QCoreApplication.translate("LiveConsolePage", "Type"),
            QCoreApplication.translate("LiveConsolePage", "Wording"),
            QCoreApplication.translate("LiveConsolePage", "Terms"),
            QCoreApplication.translate("LiveConsolePage", "State"),
        ],
        3,
    )


def fill_timeline(widget: QTreeWidget, rows: tuple, zone) -> None:
    widget.clear()
    for row in rows:
        until = (
            QCoreApplication.translate("LiveConsolePage", "on air")
            if row.ended_at is None
            else local_time(row.ended_at, zone)
        )
        item = QTreeWidgetItem(
            [
                local_time(row.started_at, zone),
                offset_text(row.offset_seconds),
                row.product_name,
                yuan(row.price_fen),
                until,
            ]
        )
        widget.addTopLevelItem(item)
    if rows:
        widget.scrollToItem(widget.topLevelItem(widget.topLevelItemCount() - 1))


def status_name(status: str) -> str:
    names = {
        "planned": QCoreApplication.translate("LiveConsolePage", "planned"),
        "ready": QCoreApplication.translate("LiveConsolePage", "ready"),
        "live": QCoreApplication.translate("LiveConsolePage", "LIVE"),
        "ended": QCoreApplication.translate("LiveConsolePage", "ended"),
        "reviewed": QCoreApplication.translate("LiveConsolePage", "reviewed"),
    }
    return names.get(status, status)


def state_name(view) -> str:
    names = {
        "active": QCoreApplication.translate("LiveConsolePage", "in force"),
        "amended": QCoreApplication.translate("LiveConsolePage", "amended by #%1"),
        "retracted": QCoreApplication.translate("LiveConsolePage", "retracted by #%1"),
        "retraction": QCoreApplication.translate("LiveConsolePage", "retraction of #%1"),
    }
    text = names.get(view.state, view.state)
    number = view.corrects_id if view.state == "retraction" else view.superseded_by
    return text.replace("%1", str(number or ""))


def fill_promises(widget: QTreeWidget, rows: tuple, templates: tuple) -> None:
    widget.clear()
    names = {t["kind"]: template_name(t) for t in templates}
    for view in rows:
        item = QTreeWidgetItem(
            [
                f"#{view.id}",
                offset_text(view.offset_seconds),
                names.get(view.kind, view.kind),
                view.wording,
                terms_text(view.terms, view.kind),
                state_name(view),
            ]
        )
        item.setToolTip(3, view.wording)
        item.setData(0, Qt.ItemDataRole.UserRole, view.id)
        if view.state != "active":  # superseded or a retraction: greyed, the row in force stands out
            for column in range(widget.columnCount()):
                item.setForeground(column, QColor("#8a8a8a"))
        widget.addTopLevelItem(item)
    if rows:
        widget.scrollToItem(widget.topLevelItem(widget.topLevelItemCount() - 1))


def help_text() -> str:
    """The console's help line: every key."""
    return QCoreApplication.translate(
        "LiveConsolePage",
        "Keys: 1–9 product on air · F1–F8 promise type · Enter saves · Esc leaves the field · "
        "Ctrl+↑/↓ pick a promise · Ctrl+K on-air correction · Ctrl+E fix the record · Ctrl+R retract · "
        "Ctrl+P change price · Ctrl+J pick session · Ctrl+L go live · Ctrl+D end · Ctrl+T compact window",
    )


def fill_lineup(widget: QListWidget, state) -> None:
    """The numbered lineup (``state``: a ConsoleState) at each product's price now, the one on air bold on yellow."""
    widget.clear()
    current = state.on_air.product_id if state.on_air is not None else None
    price_now = {
        row.product_id: row.price_fen for row in state.timeline
    }  # latest stretch wins: a cut stays cut
    for product in state.lineup:
        price = price_now.get(product.product_id, product.price_fen)
        item = QListWidgetItem(f"{product.number}  {product.name}  {yuan(price)}")
        item.setData(Qt.ItemDataRole.UserRole, product.number)
        if product.product_id == current:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setBackground(Qt.GlobalColor.yellow)
        widget.addItem(item)


def on_air_text(state) -> str:
    """The big on-air label: "在播：2 · 保温杯  ¥29.90" (``state``: a ConsoleState or None)."""
    if state is None or state.session_id is None:
        return ""
    if state.on_air is None:
        if state.live:
            return QCoreApplication.translate("LiveConsolePage", "Nothing on air — press 1–9")
        return QCoreApplication.translate("LiveConsolePage", "Not live")
    number = next((p.number for p in state.lineup if p.product_id == state.on_air.product_id), None)
    return segment_text(state.on_air, number)


def segment_text(segment, number: int | None) -> str:
    """One stretch on air as the big label shows it (``number``: its number key, if any)."""
    return (
        QCoreApplication.translate("LiveConsolePage", "On air: %1%2  %3")
        .replace("%1", f"{number} · " if number else "")
        .replace("%2", segment.product_name)
        .replace("%3", yuan(segment.price_fen))
    )


class CompactConsole(QWidget):
    """A small always-on-top window for a second screen: the clock, the product on air and the promise field.

    Number keys and F-keys pressed here go to the console (``handle_key``); closing it puts the field back.
    """

    closed = Signal()

    def __init__(self, handle_key: Callable[[QKeyEvent], bool]) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(QCoreApplication.translate("LiveConsolePage", "Live console (compact)"))
        self.handle_key = handle_key
        self.clock = QLabel("00:00:00")
        self.clock.setObjectName("compactClock")
        self.clock.setStyleSheet(CLOCK_STYLE)
        self.on_air = QLabel()
        self.on_air.setObjectName("compactOnAir")
        self.on_air.setStyleSheet(ON_AIR_STYLE)
        self.on_air.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 8, 12, 8)
        self.body.addWidget(self.clock)
        self.body.addWidget(self.on_air)
        self.resize(460, 300)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        emit(self.closed)
        super().closeEvent(event)


__all__ = [
    "CompactConsole",
    "clock_text",
    "fill_lineup",
    "fill_promises",
    "fill_timeline",
    "help_text",
    "offset_text",
    "on_air_text",
    "promise_tree",
    "segment_text",
    "state_name",
    "status_name",
    "timeline_tree",
]
