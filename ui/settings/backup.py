"""Backup and restore (备份与恢复).

Backup now copies the live file with SQLite's online backup API on the background lane, with progress and
Cancel, and says where the copy went. Restore replaces the data with a chosen copy: after a confirmation that
says the current data will be replaced and a pre-restore backup is made first, the page emits
``restore_chosen(path)``; the application closes the window, restores, reopens and asks for sign-in again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import StudioDeskError
from ui.context import PageContext
from ui.dialogs.confirm import confirm, describe_backup
from ui.qtcompat import emit
from ui.tasks import Task, TaskProgressDialog
from ui.widgets import message_label, show_message


def _back_up(actor: Any, db_path: Path, *, progress: Any, cancelled: Any) -> Path:
    from core.services.maintenance import back_up

    return back_up(actor, db_path, on_progress=progress, cancel=cancelled)


class BackupTab(QWidget):
    """``backup_ended`` follows each backup attempt (made, failed or cancelled)."""

    restore_chosen = Signal(object)
    backup_ended = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_backup: Path | None = None

        backup_box = QGroupBox(self.tr("Back up now"))
        explain = QLabel(
            self.tr(
                "A copy of the whole database is written to the backups folder beside it. StudioDesk also "
                "keeps a daily copy and one before every update and restore."
            )
        )
        explain.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.open_folder = QPushButton(self.tr("Open the backups folder"))
        self.open_folder.clicked.connect(self._on_open_folder_clicked)
        self.backup_message = message_label("ok")
        self.backup_message.setObjectName("backupMessage")
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.open_folder)
        row.addStretch(1)
        column = QVBoxLayout(backup_box)
        column.addWidget(explain)
        column.addLayout(row)
        column.addWidget(self.backup_message)
        if not context.actor.may("backup.create"):
            self.backup_button.setEnabled(False)
            show_message(self.backup_message, self.tr("Your role may not make backups."), "note")

        restore_box = QGroupBox(self.tr("Restore from a backup"))
        warn = QLabel(
            self.tr(
                "Restoring replaces all current data with the chosen copy. The current data is first saved as "
                "a pre-restore backup, and everyone signs in again afterwards."
            )
        )
        warn.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.restore_message = message_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        column = QVBoxLayout(restore_box)
        column.addWidget(warn)
        column.addWidget(self.backups, 1)
        column.addLayout(buttons)
        column.addWidget(self.restore_message)
        if not context.actor.may("backup.restore"):
            self.restore_button.setEnabled(False)
            self.choose_button.setEnabled(False)
            show_message(self.restore_message, self.tr("Only the owner can restore a backup."), "note")

        layout = QVBoxLayout(self)
        layout.addWidget(backup_box)
        layout.addWidget(restore_box, 1)
        self.reload()

    def reload(self) -> None:
        """List the copies in the backups folder, newest first."""
        from core.db.backup import list_backups

        self.backups.clear()
        for info in list_backups(self.context.db.path):
            item = QListWidgetItem(describe_backup(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        else:
            empty = QListWidgetItem(self.tr("No backups yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(empty)

    def back_up_now(self) -> Task | None:
        """Start a backup on the lane with a progress dialog; returns the task (None when not allowed)."""
        if not self.context.actor.may("backup.create"):
            show_message(self.backup_message, self.tr("Your role may not make backups."), "error")
            return None
        self.backup_button.setEnabled(False)
        show_message(self.backup_message, self.tr("Backing up…"), "note")
        task = self.context.tasks.run(
            self.tr("Backing up the database"), _back_up, self.context.actor, self.context.db.path
        )
        task.succeeded.connect(self._on_backup_succeeded)
        task.failed.connect(self._on_backup_failed)
        task.was_cancelled.connect(self._on_backup_cancelled)
        task.ended.connect(self._on_backup_ended)
        TaskProgressDialog(task, self)
        return task

    def _on_backup_succeeded(self, path: Path) -> None:
        self.last_backup = Path(path)
        show_message(self.backup_message, self.tr("Backup saved: %1").replace("%1", str(path)), "ok")
        self.reload()

    def _on_backup_failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, StudioDeskError) else f"{type(exc).__name__}: {exc}"
        show_message(self.backup_message, text, "error")

    def _on_backup_cancelled(self) -> None:
        show_message(
            self.backup_message, self.tr("Backup cancelled; no partial file was left behind."), "note"
        )

    def _on_backup_ended(self) -> None:
        self.backup_button.setEnabled(True)
        emit(self.backup_ended)

    def _on_open_folder_clicked(self) -> None:
        from core.paths import backups_dir_for

        folder = backups_dir_for(Path(self.context.db.path))
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_restore_clicked(self) -> None:
        item = self.backups.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not path:
            show_message(
                self.restore_message, self.tr("Select a backup in the list, or choose a file."), "error"
            )
            return
        self.ask_to_restore(Path(path))

    def _on_choose_clicked(self) -> None:
        from core.paths import backups_dir_for

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            str(backups_dir_for(Path(self.context.db.path))),
            self.tr("StudioDesk databases (*.db *.sample);;All files (*)"),
        )
        if name:
            self.ask_to_restore(Path(name))

    def ask_to_restore(self, backup: Path) -> bool:
        """Confirm, then emit ``restore_chosen``; True when the person confirmed."""
        if not confirm(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "All current data will be replaced by the backup “%1”. A pre-restore backup of the current "
                "data is made first. The window closes and everyone signs in again."
            ).replace("%1", backup.name),
            self.tr("Replace the current data"),
            str(backup),
        ):
            show_message(self.restore_message, self.tr("Nothing was restored."), "note")
            return False
        emit(self.restore_chosen, backup)
        return True
