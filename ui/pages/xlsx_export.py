"""导出 Excel Export the month's KPIs or the ticket list as .xlsx (issue 7, item 4) for owners who live in Excel/WPS.

The workbook is built on the background lane by core (:mod:`core.services.xlsx_export`, openpyxl stays out of ui)
and written atomically, so a failed export never leaves half a file under the chosen name; then the same box as a
PDF export says where it went (Open, Open folder) or plainly why not (:func:`ui.pdf_export.export_to`).

Public: :func:`export_kpis` ``(context, period, parent, *, by=None)`` (the evaluation page calls it),
:func:`export_tickets` ``(context, flt, parent)`` (the tickets page's 导出 Excel…); each asks where to save first
and returns the lane's Task, or None when cancelled. ``write_kpis`` / ``write_tickets`` are the dialog-free lane
functions (``reports.print``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import pdf_export
from ui.context import PageContext

FOLDER_KEY = "xlsx_export/last_folder"


def _words(stem: str) -> pdf_export.SheetWords:
    return pdf_export.SheetWords(
        folder_key=FOLDER_KEY,
        stem=stem,
        save_title=QCoreApplication.translate("XlsxExport", "Export to Excel"),
        building=QCoreApplication.translate("XlsxExport", "Building the Excel file"),
        saved_title=QCoreApplication.translate("XlsxExport", "Excel file saved"),
        saved_text=QCoreApplication.translate("XlsxExport", "The Excel file was saved to:"),
        failed_title=QCoreApplication.translate("XlsxExport", "Excel file not saved"),
        failed_text=QCoreApplication.translate("XlsxExport", "The Excel file could not be saved to %1."),
        box_name="xlsx",
    )


def kpi_words() -> pdf_export.SheetWords:
    return _words(QCoreApplication.translate("XlsxExport", "service-kpis"))


def ticket_words() -> pdf_export.SheetWords:
    return _words(QCoreApplication.translate("XlsxExport", "tickets"))


def default_path(words: pdf_export.SheetWords, label: str, today: date | None = None) -> Path:
    """ "<stem>-<label>-<date>.xlsx" (no label: "<stem>-<date>.xlsx") in the folder used last time, else the user's documents folder."""
    folder = QSettings().value(FOLDER_KEY, "", str) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    parts = [words.stem, label, (today or date.today()).isoformat()]
    return Path(folder or Path.home()) / ("-".join(p for p in parts if p) + ".xlsx")


def ask_path(words: pdf_export.SheetWords, label: str, parent: QWidget) -> Path | None:
    """The save dialog (Excel files); None when cancelled; adds ".xlsx" to a bare name, remembers the folder."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        words.save_title,
        str(default_path(words, label)),
        QCoreApplication.translate("XlsxExport", "Excel workbooks (*.xlsx)"),
    )
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    QSettings().setValue(FOLDER_KEY, str(out.parent))
    return out


def write_kpis(db: Any, actor: Any, period: str, by: str | None, out: Path, **_lane: Any) -> Path:
    """The month ``period``'s KPIs (and the ``by`` breakdown) to ``out`` ('reports.print'); returns the path."""
    from core import clock
    from core.services.auth import require
    from core.services.xlsx_export import export_kpis_xlsx

    require(actor, "reports.print")
    with db.sessions() as session:
        return export_kpis_xlsx(session, period, out, now=clock.now(), by=by)


def write_tickets(db: Any, actor: Any, flt: Any, out: Path, **_lane: Any) -> Path:
    """Every ticket of the queue under ``flt`` to ``out`` ('reports.print'); returns the path."""
    from core import clock
    from core.services.auth import require
    from core.services.xlsx_export import export_tickets_xlsx

    require(actor, "reports.print")
    with db.sessions() as session:
        return export_tickets_xlsx(session, flt, out, now=clock.now())


def export_kpis(context: PageContext, period: str, parent: QWidget, *, by: str | None = None) -> Any:
    """Ask where to save ``period``'s KPIs, then export on the lane; the Task, or None when cancelled."""
    words = kpi_words()
    out = ask_path(words, period, parent)
    if out is None:
        return None
    return pdf_export.export_to(
        context, words, write_kpis, (context.db, context.actor, period, by), out, parent
    )


def export_tickets(context: PageContext, flt: Any, parent: QWidget) -> Any:
    """Ask where to save the tickets the queue shows under ``flt``, then export on the lane (None: cancelled)."""
    words = ticket_words()
    out = ask_path(words, "", parent)
    if out is None:
        return None
    return pdf_export.export_to(context, words, write_tickets, (context.db, context.actor, flt), out, parent)


__all__ = ["ask_path", "default_path", "export_kpis", "export_tickets", "write_kpis", "write_tickets"]
