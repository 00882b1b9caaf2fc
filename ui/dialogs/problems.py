"""A database that cannot be opened: say what is wrong (core's sentence) and offer the latest backup.

DESIGN §Reliability: a corrupt or foreign file is never overwritten. The bad file is touched only after the
person confirms a restore, and restore itself first keeps the bad file as a "pre-restore" backup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.dialogs.confirm import confirm, describe_backup

# Restoring makes sense when the file is damaged or gone; never over a foreign file, a file from a newer
# StudioDesk (an update fixes that) or a file another window has open.
RESTORABLE_KINDS = frozenset({"corrupt", "missing"})


def ask_about_database_problem(problem: Any, backups: list, parent: QWidget | None = None) -> bool:
    """Show ``problem`` (a core DatabaseProblem); True when the person confirmed restoring ``backups[0]``."""
    box = QMessageBox(parent)
    box.setObjectName("databaseProblemBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("DatabaseProblemDialog", "The database cannot be opened"))
    box.setText(str(problem))
    restore = None
    if backups and getattr(problem, "kind", "") in RESTORABLE_KINDS:
        box.setInformativeText(
            QCoreApplication.translate("DatabaseProblemDialog", "The latest backup: %1").replace(
                "%1", describe_backup(backups[0])
            )
        )
        restore = box.addButton(
            QCoreApplication.translate("DatabaseProblemDialog", "Restore the latest backup…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    quit_button = box.addButton(
        QCoreApplication.translate("DatabaseProblemDialog", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(quit_button)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    return confirm(
        parent,
        QCoreApplication.translate("DatabaseProblemDialog", "Restore the latest backup?"),
        QCoreApplication.translate(
            "DatabaseProblemDialog",
            "The database file will be replaced by the backup. The current file is first kept as a "
            "pre-restore backup beside the others, so nothing is lost.",
        ),
        QCoreApplication.translate("DatabaseProblemDialog", "Restore"),
        describe_backup(backups[0]),
    )
