"""Questions that guard destructive actions. The safe answer is the default button."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str, details: str = "") -> bool:
    """Ask before doing ``action``; True only when the person clicked the action button."""
    box = QMessageBox(parent)
    box.setObjectName("confirmBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is go


def when(moment: datetime | None) -> str:
    """A stored time as the person's local wall-clock time, minutes precision."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def describe_backup(info: Any) -> str:
    """One line for a core BackupInfo: time, reason and file name."""
    reasons = {
        "manual": QCoreApplication.translate("Backups", "made by hand"),
        "daily": QCoreApplication.translate("Backups", "daily"),
        "pre-migration": QCoreApplication.translate("Backups", "before an update"),
        "pre-restore": QCoreApplication.translate("Backups", "before a restore"),
    }
    reason = reasons.get(str(info.reason), str(info.reason))
    size_mb = f"{info.size / 1_048_576:.1f} MB"
    return f"{when(info.created_at)} · {reason} · {size_mb} · {info.path.name}"
