"""预览并打印 Preview and print the monthly report (issue 7: "a button with a preview and direct printing").

The PDF is built on the background lane by the same core functions as 打印月报… and ``report monthly``
(:func:`ui.pages.monthly_export.write_monthly_report`'s ``monthly_report_data`` + ``build_monthly_report``; ui never
imports ReportLab), then Qt's own print preview shows it: :class:`PdfPages` renders each page of those bytes with
QtPdf (``QPdfDocument``, part of the PySide6 wheels) into the printer's page, so what is previewed and printed is
page for page the PDF the owner would save.

Public: :func:`preview_monthly_report` ``(context, period, parent)`` → the lane's Task (the page's button);
:func:`report_bytes` (lane function, ``reports.print``); :class:`PdfPages` (``paint(printer)`` is the preview's
``paintRequested`` slot; tests call it with a PDF-writing QPrinter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.context import PageContext
from ui.widgets import error_text

RENDER_DPI = 200
"""Pages are rendered at most this sharp (a 1200 dpi printer would otherwise need a 14 000-pixel-high image)."""


def report_bytes(db: Any, actor: Any, period: str, **_lane: Any) -> bytes:
    """The monthly report of ``period`` ("YYYY-MM") as PDF bytes ('reports.print'); nothing is written."""
    from core import clock
    from core.reports.monthly_report import build_monthly_report
    from core.services.auth import require
    from core.services.monthly_report import monthly_report_data

    require(actor, "reports.print")
    with db.sessions() as session:
        data = monthly_report_data(session, period, now=clock.now())
    return bytes(build_monthly_report(data))


class PdfPages:
    """PDF bytes opened with QtPdf; :meth:`paint` draws every page, scaled to fit, onto a printer's pages."""

    def __init__(self, pdf: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument

        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(f"QtPdf could not open the report: {self.document.error()}")

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def paint(self, printer: QPrinter) -> int:
        """Draw each page on its own printer page, centred and scaled to the printable area; returns the pages."""
        painter = QPainter(printer)
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            dpi = min(printer.resolution(), RENDER_DPI)
            for page in range(self.page_count):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                width, height = points.width() * scale, points.height() * scale
                target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                painter.drawImage(target, self.document.render(page, size))
        finally:
            painter.end()
        return self.page_count


def preview_dialog(pages: PdfPages, parent: QWidget | None) -> QPrintPreviewDialog:
    """Qt's print preview of ``pages`` on an A4 portrait printer (the dialog's 打印 button prints them)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("monthlyPrintPreview")
    dialog.setWindowTitle(QCoreApplication.translate("MonthlyPrint", "Monthly report — preview and print"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(pages.paint)
    dialog.pages = pages  # type: ignore[attr-defined]  (kept alive as long as the dialog)
    dialog.printer = printer  # type: ignore[attr-defined]
    return dialog


def preview_monthly_report(context: PageContext, period: str, parent: QWidget) -> Any:
    """Build the report on the lane, then open the preview (non-blocking); a failure is said in a box."""
    task = context.tasks.run(
        QCoreApplication.translate("MonthlyPrint", "Building the monthly report"),
        report_bytes,
        context.db,
        context.actor,
        period,
    )
    task.succeeded.connect(lambda pdf: show_preview(pdf, parent))
    task.failed.connect(lambda exc: _failed(error_text(exc), parent))
    return task


def show_preview(pdf: bytes, parent: QWidget) -> QPrintPreviewDialog | None:
    """Open the preview of ``pdf`` (None and a box when QtPdf is missing or cannot read it)."""
    try:
        pages = PdfPages(pdf)
    except (ImportError, ValueError) as exc:
        _failed(str(exc), parent)
        return None
    dialog = preview_dialog(pages, parent)
    dialog.resize(900, 1000)
    dialog.open()
    return dialog


def _failed(text: str, parent: QWidget) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("MonthlyPrint", "Monthly report not printed"),
        QCoreApplication.translate("MonthlyPrint", "The monthly report could not be previewed: %1").replace(
            "%1", text
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("monthlyPrintFailed")
    box.open()


__all__ = ["PdfPages", "preview_dialog", "preview_monthly_report", "report_bytes", "show_preview"]
