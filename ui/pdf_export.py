"""Saving a printed sheet (开播单, 承诺单, …) as a PDF from a screen: ask where, build on the lane, say where it went.

Each sheet module supplies its own words (:class:`SheetWords`, translated in its own context so lupdate sees them)
and a lane function that builds the PDF and writes it with :func:`write_atomically`; this module does the rest the
same way for every sheet:

- :func:`default_path`: "<stem>-<session id>-<date>.pdf" in the folder used last time for that sheet, else the
  user's documents folder. :func:`ask_path` shows the save dialog and adds ".pdf" to a bare name.
- :func:`write_atomically` (from core.files): a temporary file beside the target, then a rename, so a failed
  export never leaves half a PDF under the chosen name.
- :func:`export_to`: runs the build on the lane and then shows a non-blocking box: where the file went (Open, Open
  folder, Close) or plainly why it was not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.errors import StudioDeskError
from core.files import write_atomically
from ui.context import PageContext


@dataclass(frozen=True)
class SheetWords:
    """One sheet's translated words and the names its message boxes carry (tests find them by name)."""

    folder_key: str  # QSettings key of the folder used last time
    stem: str  # file name stem, e.g. "开播单"
    save_title: str
    building: str
    saved_title: str
    saved_text: str
    failed_title: str
    failed_text: str  # "%1" is the chosen path
    box_name: str  # "<box_name>Exported" / "<box_name>ExportFailed"


def default_path(words: SheetWords, session_id: int, today: date | None = None) -> Path:
    folder = QSettings().value(words.folder_key, "", str) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return (
        Path(folder or Path.home()) / f"{words.stem}-{session_id}-{(today or date.today()).isoformat()}.pdf"
    )


def ask_path(words: SheetWords, session_id: int, parent: QWidget) -> Path | None:
    """The save dialog; None when cancelled. Remembers the folder for next time."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        words.save_title,
        str(default_path(words, session_id)),
        QCoreApplication.translate("PdfExport", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    QSettings().setValue(words.folder_key, str(out.parent))
    return out


def export_to(
    context: PageContext,
    words: SheetWords,
    write: Callable[..., Path],
    args: tuple,
    out: Path,
    parent: QWidget | None,
) -> Any:
    """Run ``write(*args, out)`` on the lane; then say where the file went or why it was not saved.

    Returns the lane's Task (``succeeded(path)`` / ``failed(exc)``); the message box does not block.
    """
    task = context.tasks.run(words.building, write, *args, out)
    if parent is not None:
        task.bind(parent)
    task.succeeded.connect(lambda path: _say_written(parent, words, Path(path)))
    task.failed.connect(lambda exc: _say_failed(parent, words, out, exc))
    return task


def _say_written(parent: QWidget | None, words: SheetWords, path: Path) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName(f"{words.box_name}Exported")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(words.saved_title)
    box.setText(words.saved_text)
    box.setInformativeText(str(path))
    open_button = box.addButton(
        QCoreApplication.translate("PdfExport", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    folder_button = box.addButton(
        QCoreApplication.translate("PdfExport", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.open()
    return box


def _say_failed(parent: QWidget | None, words: SheetWords, out: Path, exc: BaseException) -> QMessageBox:
    if isinstance(exc, StudioDeskError):
        reason = str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
    else:
        reason = f"{type(exc).__name__}: {exc}"
    box = QMessageBox(parent)
    box.setObjectName(f"{words.box_name}ExportFailed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(words.failed_title)
    box.setText(words.failed_text.replace("%1", str(out)))
    box.setInformativeText(reason)
    box.open()
    return box


__all__ = ["SheetWords", "ask_path", "default_path", "export_to", "write_atomically"]
