"""One session as a card in the Sessions page's list: title, status chip, time and platform, checklist progress."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.labels import platform_names

CHIP_COLOURS = {
    "planned": ("#1d4ed8", "#dbeafe"),
    "ready": ("#166534", "#dcfce7"),
    "live": ("#ffffff", "#dc2626"),
    "ended": ("#3e4c59", "#e4e7eb"),
    "reviewed": ("#3e4c59", "#e4e7eb"),
}


def status_name(status: str) -> str:
    """计划中 / 已就绪 / 直播中 / 已结束 / 已复盘."""
    names = {
        "planned": QCoreApplication.translate("SessionCard", "Planned"),
        "ready": QCoreApplication.translate("SessionCard", "Ready"),
        "live": QCoreApplication.translate("SessionCard", "Live"),
        "ended": QCoreApplication.translate("SessionCard", "Ended"),
        "reviewed": QCoreApplication.translate("SessionCard", "Reviewed"),
    }
    return names.get(status, status)


def checklist_text(row: Any) -> tuple[str, str]:
    """(text, colour) of a core ``SessionRow``'s checklist progress: 还差 N 项 while required items are open."""
    if row.overridden:
        return QCoreApplication.translate("SessionCard", "Gate overridden by the owner"), "#b45309"
    if row.checklist_open_required is None:
        return QCoreApplication.translate("SessionCard", "Checklist not started"), "#52606d"
    if row.checklist_open_required:
        text = QCoreApplication.translate("SessionCard", "%1 items to go")
        return text.replace("%1", str(row.checklist_open_required)), "#c2410c"
    return QCoreApplication.translate("SessionCard", "Checklist complete"), "#166534"


def when_text(row: Any, zone: ZoneInfo) -> str:
    """Planned start (and end) in the studio's timezone: "2026-12-02 19:30–22:30"."""
    text = row.planned_start.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    if row.planned_end is not None:
        text += "–" + row.planned_end.astimezone(zone).strftime("%H:%M")
    return text


def set_chip(label: QLabel, status: str) -> None:
    """Make ``label`` the coloured status chip of ``status``."""
    fg, bg = CHIP_COLOURS.get(status, CHIP_COLOURS["ended"])
    label.setText(status_name(status))
    label.setStyleSheet(f"color:{fg}; background:{bg}; border-radius:8px; padding:1px 8px; font-size:9pt;")


class SessionCard(QWidget):
    """The list entry of one session (labels named for tests: sessionTitle, statusChip, sessionChecklist)."""

    def __init__(self, row: Any, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionCard")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(2)
        first = QHBoxLayout()
        self.title = QLabel(row.title)
        self.title.setObjectName("sessionTitle")
        self.title.setStyleSheet("font-weight:bold;")
        self.chip = QLabel()
        self.chip.setObjectName("statusChip")
        set_chip(self.chip, row.status)
        first.addWidget(self.title, 1)
        first.addWidget(self.chip)
        platform = platform_names().get(row.platform, row.platform)
        self.when = QLabel(f"{when_text(row, zone)} · {platform}")
        self.when.setObjectName("sessionWhen")
        self.when.setStyleSheet("color:#52606d;")
        text, colour = checklist_text(row)
        self.checklist = QLabel(text)
        self.checklist.setObjectName("sessionChecklist")
        self.checklist.setStyleSheet(f"color:{colour};")
        column.addLayout(first)
        column.addWidget(self.when)
        column.addWidget(self.checklist)
