"""导出月度服务评价报告 Export the monthly service-evaluation report (issue 7 deliverable 3).

The PDF is built on the background lane by the same core functions ``python main.py report monthly`` uses
(core.services.monthly_report.monthly_report_data + core.reports.monthly_report.build_monthly_report) and written
atomically (ui/pdf_export.py): a failed export never leaves half a PDF under the chosen name.

Printing: 预览并打印… (:mod:`ui.pages.monthly_print`) shows the same PDF's pages in Qt's print preview (rendered
with QtPdf) and prints them directly; :func:`print_monthly_report` remains the save-then-open path.
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
        folder_key="monthly_report/last_folder",
        stem=QCoreApplication.translate("MonthlyExport", "monthly-report"),
        save_title=QCoreApplication.translate("MonthlyExport", "Save the monthly report"),
        building=QCoreApplication.translate("MonthlyExport", "Building the monthly report"),
        saved_title=QCoreApplication.translate("MonthlyExport", "Monthly report saved"),
        saved_text=QCoreApplication.translate(
            "MonthlyExport", "The monthly report was saved to (open it to print):"
        ),
        failed_title=QCoreApplication.translate("MonthlyExport", "Monthly report not saved"),
        failed_text=QCoreApplication.translate(
            "MonthlyExport", "The monthly report could not be saved to %1."
        ),
        box_name="monthlyReport",
    )


def write_monthly_report(db: Any, actor: Any, period: str, out: Path, **_lane: Any) -> Path:
    """Build the report of ``period`` ("YYYY-MM") and write it to ``out`` ('reports.print'); returns the path."""
    from core import clock
    from core.reports.monthly_report import build_monthly_report
    from core.services.auth import require
    from core.services.monthly_report import monthly_report_data

    require(actor, "reports.print")
    with db.sessions() as session:
        data = monthly_report_data(session, period, now=clock.now())
    return pdf_export.write_atomically(build_monthly_report(data), out)


def default_path(period: str, today: date | None = None) -> Path:
    """月度报告-<period>-<date>.pdf in the folder used last time, else the user's documents folder."""
    return pdf_export.default_path(words(), period, today)  # type: ignore[arg-type]


def export_monthly_report(context: PageContext, period: str, parent: QWidget) -> Any:
    """Ask where to save, then export (see :func:`export_monthly_report_to`). Cancelling does nothing (None)."""
    out = pdf_export.ask_path(words(), period, parent)  # type: ignore[arg-type]
    return None if out is None else export_monthly_report_to(context, period, out, parent)


def export_monthly_report_to(context: PageContext, period: str, out: Path, parent: QWidget | None) -> Any:
    """Write the report to ``out`` on the lane, then say where it went (Open / Open folder) or why it failed."""
    args = (context.db, context.actor, period)
    return pdf_export.export_to(context, words(), write_monthly_report, args, out, parent)


def print_monthly_report(context: PageContext, period: str, parent: QWidget) -> Any:
    """Printing goes through the PDF: save it, then "Open" it in the system's PDF viewer and print from there."""
    return export_monthly_report(context, period, parent)


__all__ = [
    "default_path",
    "export_monthly_report",
    "export_monthly_report_to",
    "print_monthly_report",
    "write_monthly_report",
]
