"""导出承诺单 Export a session's promise sheet (issue 4, item 5): the PDF the host and the operator sign after the stream.

The PDF is built on the background lane by the same core functions ``python main.py report session`` uses
(core.services.session_report.session_report_data + core.reports.session_report.build_session_report: the promise
sheet, then the session's after-sales pages, then the signatures) and written
atomically (ui/pdf_export.py), so a failed export never leaves half a PDF under the chosen name. A session that never
went live gets a sheet that says so (未开播, no promises) rather than no sheet.

:func:`write_promise_sheet` is the dialog-free part (a plain lane function, 'reports.print');
:func:`export_promise_sheet_to` runs it and reports where the file went; :func:`export_promise_sheet` first asks
where to save.
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
        folder_key="promise_sheet/last_folder",
        stem=QCoreApplication.translate("PromiseSheetExport", "promise-sheet"),
        save_title=QCoreApplication.translate("PromiseSheetExport", "Save the promise sheet"),
        building=QCoreApplication.translate("PromiseSheetExport", "Building the promise sheet"),
        saved_title=QCoreApplication.translate("PromiseSheetExport", "Promise sheet saved"),
        saved_text=QCoreApplication.translate("PromiseSheetExport", "The promise sheet was saved to:"),
        failed_title=QCoreApplication.translate("PromiseSheetExport", "Promise sheet not saved"),
        failed_text=QCoreApplication.translate(
            "PromiseSheetExport", "The promise sheet could not be saved to %1."
        ),
        box_name="promiseSheet",
    )


def write_promise_sheet(db: Any, actor: Any, session_id: int, out: Path, **_lane: Any) -> Path:
    """Build ``session_id``'s promise sheet and write it to ``out`` ('reports.print'); returns the path written."""
    from core import clock
    from core.reports.session_report import build_session_report
    from core.services.auth import require
    from core.services.session_report import session_report_data

    require(actor, "reports.print")
    with db.sessions() as session:
        data = session_report_data(session, session_id, now=clock.now())
    return pdf_export.write_atomically(build_session_report(data), out)


def default_path(session_id: int, today: date | None = None) -> Path:
    """承诺单-<session id>-<date>.pdf in the folder used last time, else the user's documents folder."""
    return pdf_export.default_path(words(), session_id, today)


def export_promise_sheet(context: PageContext, session_id: int, parent: QWidget) -> Any:
    """Ask where to save, then export (see :func:`export_promise_sheet_to`). Cancelling does nothing (None)."""
    out = pdf_export.ask_path(words(), session_id, parent)
    return None if out is None else export_promise_sheet_to(context, session_id, out, parent)


def export_promise_sheet_to(context: PageContext, session_id: int, out: Path, parent: QWidget | None) -> Any:
    """Write the sheet to ``out`` on the lane, then say where it went (Open) or plainly why it failed; the Task."""
    args = (context.db, context.actor, session_id)
    return pdf_export.export_to(context, words(), write_promise_sheet, args, out, parent)


__all__ = ["default_path", "export_promise_sheet", "export_promise_sheet_to", "write_promise_sheet"]
