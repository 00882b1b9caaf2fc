"""The 导入订单 wizard's preview step: the preset read, the columns used, the dry run's counts or the first bad row,
and the first rows as they would be stored. Display only (core's :class:`~core.services.order_preview.OrderPreview`
is shown as given); the strings keep the wizard's translation context ``OrderImportDialog``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.money import yuan
from ui.widgets import message_label, show_message


def table(headers: list[str]) -> QTableWidget:
    """Read-only; columns fit their text and the last visible one takes the rest of the width."""
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return widget


def fill(widget: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    widget.setRowCount(len(rows))
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            widget.setItem(index, column, item)
    widget.resizeRowsToContents()


def cells(row: Any) -> tuple[str, ...]:
    amount = "" if row.amount_fen is None else yuan(row.amount_fen)
    return (
        str(row.row), row.order_id, row.sub_order_id, row.product_title, row.quantity, amount, row.paid_at,
        row.status, row.after_sales_status, row.buyer, row.phone, row.region, row.problem,
    )  # fmt: skip


class PreviewPage(QWidget):
    """Step 2 of the wizard; :meth:`show_preview` fills it from an OrderPreview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset_label = QLabel()
        self.preset_label.setObjectName("presetLabel")
        self.preset_label.setWordWrap(True)
        self.columns_label = QLabel()
        self.columns_label.setObjectName("importColumns")
        self.columns_label.setWordWrap(True)
        self.columns_label.setProperty("kind", "note")
        self.summary = message_label("note")
        self.summary.setObjectName("importSummary")
        self.problem_table = table(
            [
                QCoreApplication.translate("OrderImportDialog", "Row"),
                QCoreApplication.translate("OrderImportDialog", "Column"),
                QCoreApplication.translate("OrderImportDialog", "Problem"),
            ]
        )
        self.problem_table.setObjectName("importProblems")
        self.problem_table.setWordWrap(True)
        self.problem_table.hide()
        self.rows_label = QLabel()
        headers = [
            QCoreApplication.translate("OrderImportDialog", "Row"), QCoreApplication.translate("OrderImportDialog", "Order no."), QCoreApplication.translate("OrderImportDialog", "Sub-order no."), QCoreApplication.translate("OrderImportDialog", "Product"), QCoreApplication.translate("OrderImportDialog", "Qty"), QCoreApplication.translate("OrderImportDialog", "Amount"),
            QCoreApplication.translate("OrderImportDialog", "Paid at"), QCoreApplication.translate("OrderImportDialog", "Status"), QCoreApplication.translate("OrderImportDialog", "After-sales"), QCoreApplication.translate("OrderImportDialog", "Buyer"), QCoreApplication.translate("OrderImportDialog", "Phone"), QCoreApplication.translate("OrderImportDialog", "Region"),
            QCoreApplication.translate("OrderImportDialog", "Problem"),
        ]  # fmt: skip
        self.rows_table = table(headers)
        self.rows_table.setObjectName("previewRows")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset_label)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_table)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.rows_table, 1)

    def show_preview(self, preview: Any) -> None:
        """The preset and columns, the counts (or the refusal with its row, column and reason), the first rows."""
        how = (
            QCoreApplication.translate("OrderImportDialog", "Recognised as a %1 order export.")
            if preview.detected
            else QCoreApplication.translate("OrderImportDialog", "Read as a %1 export.")
        )
        self.preset_label.setText(f"{preview.file_name} — " + how.replace("%1", preview.preset_name))
        pairs = "、".join(f"{label} ← {header}" for label, header in preview.columns)
        self.columns_label.setText(
            QCoreApplication.translate(
                "OrderImportDialog", "Columns read: %1. Other columns are not imported."
            ).replace("%1", pairs)
        )
        if preview.refused is not None:
            bad = preview.refused
            show_message(self.summary, bad.message, "error")
            fill(self.problem_table, [(str(bad.row or ""), bad.column, bad.reason)])
            self.problem_table.setFixedHeight(
                self.problem_table.horizontalHeader().height() + self.problem_table.rowHeight(0) + 4
            )
            self.problem_table.show()
        else:
            counts = preview.counts
            text = (
                QCoreApplication.translate("OrderImportDialog", "%1 new orders, %2 updated, %3 unchanged.")
                .replace("%1", str(counts.added))
                .replace("%2", str(counts.updated))
                .replace("%3", str(counts.unchanged))
            )
            if counts.added or counts.updated:
                show_message(
                    self.summary,
                    text + " " + QCoreApplication.translate("OrderImportDialog", "Ready to import."),
                    "ok",
                )
            else:
                show_message(
                    self.summary,
                    text
                    + " "
                    + QCoreApplication.translate("OrderImportDialog", "Everything is already imported."),
                    "note",
                )
            self.problem_table.hide()
        self.rows_label.setText(
            QCoreApplication.translate(
                "OrderImportDialog", "The first %1 rows as they will be stored:"
            ).replace("%1", str(len(preview.rows)))
        )
        fill(self.rows_table, [cells(row) for row in preview.rows])
        self.rows_table.setColumnHidden(
            self.rows_table.columnCount() - 1, not any(r.problem for r in preview.rows)
        )
