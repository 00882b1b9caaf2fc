"""导出开播单 Export a session's pre-live sheet (issue #3 deliverable 5): one A4 PDF the host reads before going on air.

The PDF is built on the background lane by the same core functions ``python main.py report prelive`` uses
(core.services.prelive.prelive_sheet_data + core.reports.prelive_sheet.build_prelive_sheet) and written atomically
(temporary file, then rename), so a failed export never leaves half a PDF under the chosen name.

:func:`write_prelive_sheet` is the dialog-free part (a plain lane function); :func:`export_prelive_sheet_to` runs it
and reports where the file went; :func:`export_prelive_sheet` first asks where to save.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.errors import StudioDeskError
from ui.context import PageContext

_LAST_FOLDER_KEY = "prelive/last_folder"


def write_prelive_sheet(db: Any, actor: Any, session_id: int, out: Path, **_lane: Any) -> Path:
    """Build ``session_id``'s pre-live sheet and write it to ``out`` ('reports.print'); returns the path written."""
    from core import clock
    from core.reports.prelive_sheet import build_prelive_sheet
    from core.services.auth import require
    from core.services.prelive import prelive_sheet_data
    from core.services.studio import studio_today

    require(actor, "reports.print")
    with db.sessions() as session:
        now = clock.now()
        today = studio_today(session, now)
        data = prelive_sheet_data(session, session_id, today=today, now=now)
    pdf = build_prelive_sheet(data)
    target = Path(out).resolve()
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def default_path(session_id: int, today: date | None = None) -> Path:
    """开播单-<session id>-<date>.pdf in the folder used last time, else the user's documents folder."""
    folder = QSettings().value(_LAST_FOLDER_KEY, "", str) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    name = (
        QCoreApplication.translate("PreliveExport", "pre-live-sheet")
        + f"-{session_id}-{(today or date.today()).isoformat()}.pdf"
    )
    return Path(folder or Path.home()) / name


def export_prelive_sheet(context: PageContext, session_id: int, parent: QWidget) -> None:
    """Ask where to save, then export (see :func:`export_prelive_sheet_to`). Cancelling does nothing."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PreliveExport", "Save the pre-live sheet"),
        str(default_path(session_id)),
        QCoreApplication.translate("PreliveExport", "PDF files (*.pdf)"),
    )
    if not chosen:
        return
    out = Path(chosen)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    QSettings().setValue(_LAST_FOLDER_KEY, str(out.parent))
    export_prelive_sheet_to(context, session_id, out, parent)


def export_prelive_sheet_to(context: PageContext, session_id: int, out: Path, parent: QWidget | None) -> Any:
    """Write the sheet to ``out`` on the lane; then say where it went (with Open) or plainly why it failed.

    Returns the lane's Task (its ``succeeded(path)`` / ``failed(exc)`` follow); the message box is non-blocking.
    """
    task = context.tasks.run(
        QCoreApplication.translate("PreliveExport", "Building the pre-live sheet"),
        write_prelive_sheet,
        context.db,
        context.actor,
        session_id,
        out,
    )
    if parent is not None:
        task.bind(parent)
    task.succeeded.connect(lambda path: _say_written(parent, Path(path)))
    task.failed.connect(lambda exc: _say_failed(parent, out, exc))
    return task


def _say_written(parent: QWidget | None, path: Path) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("preliveExported")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("PreliveExport", "Pre-live sheet saved"))
    box.setText(QCoreApplication.translate("PreliveExport", "The pre-live sheet was saved to:"))
    box.setInformativeText(str(path))
    open_button = box.addButton(
        QCoreApplication.translate("PreliveExport", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    box.open()
    return box


def _say_failed(parent: QWidget | None, out: Path, exc: BaseException) -> QMessageBox:
    if isinstance(exc, StudioDeskError):
        reason = str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
    else:
        reason = f"{type(exc).__name__}: {exc}"
    box = QMessageBox(parent)
    box.setObjectName("preliveExportFailed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PreliveExport", "Pre-live sheet not saved"))
    box.setText(
        QCoreApplication.translate("PreliveExport", "The pre-live sheet could not be saved to %1.").replace(
            "%1", str(out)
        )
    )
    box.setInformativeText(reason)
    box.open()
    return box
