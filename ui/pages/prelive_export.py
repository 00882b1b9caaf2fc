"""导出开播单 Export a session's pre-live sheet (issue #3 deliverable 5): one A4 PDF the host reads before going on air.

The PDF is built on the background lane by the same core functions ``python main.py report prelive`` uses
(core.services.prelive.prelive_sheet_data + core.reports.prelive_sheet.build_prelive_sheet) and written atomically
(ui/pdf_export.py), so a failed export never leaves half a PDF under the chosen name.

:func:`write_prelive_sheet` is the dialog-free part (a plain lane function); :func:`export_prelive_sheet_to` runs it
and reports where the file went; :func:`export_prelive_sheet` first asks where to save.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import pdf_export
from ui.context import PageContext


def words() -> pdf_export.SheetWords:
    return pdf_export.SheetWords(
        folder_key="prelive/last_folder",
        stem=QCoreApplication.translate("PreliveExport", "pre-live-sheet"),
        save_title=QCoreApplication.translate("PreliveExport", "Save the pre-live sheet"),
        building=QCoreApplication.translate("PreliveExport", "Building the pre-live sheet"),
        saved_title=QCoreApplication.translate("PreliveExport", "Pre-live sheet saved"),
        saved_text=QCoreApplication.translate("PreliveExport", "The pre-live sheet was saved to:"),
        failed_title=QCoreApplication.translate("PreliveExport", "Pre-live sheet not saved"),
        failed_text=QCoreApplication.translate(
            "PreliveExport", "The pre-live sheet could not be saved to %1."
        ),
        box_name="prelive",
    )


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
    return pdf_export.write_atomically(build_prelive_sheet(data), out)


def default_path(session_id: int, today: date | None = None) -> Path:
    """开播单-<session id>-<date>.pdf in the folder used last time, else the user's documents folder."""
    return pdf_export.default_path(words(), session_id, today)


def export_prelive_sheet(context: PageContext, session_id: int, parent: QWidget) -> Any:
    """Ask where to save, then export (see :func:`export_prelive_sheet_to`). Cancelling does nothing (None)."""
    out = pdf_export.ask_path(words(), session_id, parent)
    return None if out is None else export_prelive_sheet_to(context, session_id, out, parent)


def export_prelive_sheet_to(context: PageContext, session_id: int, out: Path, parent: QWidget | None) -> Any:
    """Write the sheet to ``out`` on the lane, then say where it went (Open) or plainly why it failed; the Task."""
    args = (context.db, context.actor, session_id)
    return pdf_export.export_to(context, words(), write_prelive_sheet, args, out, parent)


__all__ = ["default_path", "export_prelive_sheet", "export_prelive_sheet_to", "write_prelive_sheet"]
