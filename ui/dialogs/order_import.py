"""导入订单 A wizard for a platform's order export: choose the file, see what it would import, import, see the counts.

The reading and checking are core's: :func:`core.services.order_preview.preview_orders` (on the lane, writes
nothing) shows the detected preset, the first rows as they would be stored (order numbers as text, phones masked)
and a dry run's counts, or the first bad row, its column and why. 导入 is enabled only when the whole file would
import and something would be added or changed; core then reads the file again and writes every row or none in
one unit of work (:func:`core.services.order_import.import_orders`). The last step shows added / updated /
unchanged. A file no preset recognises is refused on step 1 with the reason; choosing its platform there reads it
with that platform's columns. (Mapping an unrecognised file's own headers is not offered yet.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.money import yuan
from ui.context import PageContext
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

_LAST_FOLDER_KEY = "orderImport/lastFolder"
_PREVIEW_ROWS = 20
_PLATFORMS = ("douyin", "kuaishou", "taobao", "wechat", "generic")


def _preview(db: Any, actor: Any, path: str, platform: str | None, **_lane: Any) -> Any:
    from core.services.order_preview import preview_orders

    with db.sessions() as session:
        return preview_orders(session, actor, path, platform=platform, limit=_PREVIEW_ROWS)


def _import(db: Any, actor: Any, path: str, platform: str, **_lane: Any) -> Any:
    from core.services.order_import import import_orders

    with db.unit_of_work(actor) as session:
        return import_orders(session, actor, path, platform=platform)


def _preset_names() -> dict[str, str]:
    from core.importers.order_sheet import presets

    return {code: preset.name for code, preset in presets().items()}


def _table(headers: list[str]) -> QTableWidget:
    """Read-only; columns fit their text and the last visible one takes the rest of the width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(index, column, item)
    table.resizeRowsToContents()


class OrderImportDialog(QDialog):
    """Three steps: 选择文件 → 预览 → 完成. ``imported(result)`` follows a successful import (an
    OrderImportResult); ``previewed`` follows every preview, good or refused, so callers and tests can wait."""

    imported = Signal(object)
    previewed = Signal()

    CHOOSE, PREVIEW, DONE = range(3)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = ""
        self.preview: Any = None
        self.result_counts: Any = None
        self._generation = 0
        self._may_import = context.actor.may("orders.import")
        self.setWindowTitle(self.tr("Import orders"))
        self.setObjectName("orderImportDialog")
        self.setMinimumSize(980, 560)

        self.steps = QLabel()
        self.steps.setObjectName("wizardSteps")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choose_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self._go(self.CHOOSE))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.import_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._go(self.CHOOSE)

    # ---- the pages --------------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Import a platform's order export"))
        heading.setObjectName("dialogHeading")
        intro = QLabel(
            self.tr(
                "Export the orders from the shop's back office (抖店, 快手, 淘宝 or 视频号) as CSV or Excel and "
                "choose the file. The platform is recognised from its column names; orders already imported "
                "are updated, never added twice. The whole file is imported or nothing is. Only the masked "
                "phone, the nickname and province + city are kept."
            )
        )
        intro.setWordWrap(True)
        self.platform_box = QComboBox()
        self.platform_box.setObjectName("orderPlatform")
        self.platform_box.addItem(self.tr("Recognise automatically"), None)
        for code, name in _preset_names().items():
            self.platform_box.addItem(name, code)
        self.platform_box.currentIndexChanged.connect(self._platform_changed)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Platform:")))
        row.addWidget(self.platform_box)
        row.addSpacing(12)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        self.open_message = message_label("error")
        self.open_message.setObjectName("openMessage")
        self.permission_note = message_label("note")
        if not self._may_import:
            show_message(
                self.permission_note, self.tr("Only the owner and customer service may import orders.")
            )
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.open_message)
        layout.addWidget(self.permission_note)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preset_label = QLabel()
        self.preset_label.setObjectName("presetLabel")
        self.preset_label.setWordWrap(True)
        self.columns_label = QLabel()
        self.columns_label.setObjectName("importColumns")
        self.columns_label.setWordWrap(True)
        self.columns_label.setProperty("kind", "note")
        self.summary = message_label("note")
        self.summary.setObjectName("importSummary")
        self.problem_table = _table([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.problem_table.setObjectName("importProblems")
        self.problem_table.setWordWrap(True)
        self.problem_table.hide()
        self.rows_label = QLabel()
        headers = [
            self.tr("Row"), self.tr("Order no."), self.tr("Sub-order no."), self.tr("Product"), self.tr("Qty"),
            self.tr("Amount"), self.tr("Paid at"), self.tr("Status"), self.tr("After-sales"), self.tr("Buyer"),
            self.tr("Phone"), self.tr("Region"), self.tr("Problem"),
        ]  # fmt: skip
        self.rows_table = _table(headers)
        self.rows_table.setObjectName("previewRows")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset_label)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_table)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.rows_table, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = message_label("ok")
        self.done_label.setObjectName("importDone")
        self.done_note = QLabel(
            self.tr(
                "Orders are matched to the session they were paid in and to the product by its SKU. "
                "Importing the same file again adds nothing."
            )
        )
        self.done_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        return page

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [self.tr("1 Choose the file"), self.tr("2 Preview"), self.tr("3 Done")]
        shown = [f"<b>{name}</b>" if i == step else name for i, name in enumerate(names)]
        self.steps.setText("  →  ".join(shown))
        self.back_button.setVisible(step == self.PREVIEW)
        self.import_button.setVisible(step == self.PREVIEW)
        self.import_button.setEnabled(
            step == self.PREVIEW
            and self._may_import
            and self.preview is not None
            and self.preview.ok
            and bool(self.preview.counts.added or self.preview.counts.updated)
        )
        self.close_button.setText(self.tr("Close") if step == self.DONE else self.tr("Cancel"))

    # ---- choosing and previewing --------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a .csv or .xlsx export, then preview it. Cancelling changes nothing."""
        folder = QSettings().value(_LAST_FOLDER_KEY, "", str) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an order export"),
            folder or str(Path.home()),
            self.tr("Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)"),
        )
        if chosen:
            QSettings().setValue(_LAST_FOLDER_KEY, str(Path(chosen).parent))
            self.load_file(chosen)

    def _platform_changed(self, _index: int) -> None:
        if self.path:
            self.load_file(self.path)

    def load_file(self, path: str | Path) -> Any:
        """Preview ``path`` on the lane with the chosen platform (nothing written); returns the lane's task."""
        self._generation += 1
        generation = self._generation
        self.path = str(path)
        self.preview = None
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(str(path))
        self.choose_button.setEnabled(False)
        show_message(self.open_message, self.tr("Checking “%1”…").replace("%1", Path(path).name), "note")
        task = self.context.tasks.run(
            self.tr("Checking the order export"),
            _preview,
            self.context.db,
            self.context.actor,
            self.path,
            self.platform_box.currentData(),
        ).bind(self)
        task.succeeded.connect(lambda preview: self._on_previewed(generation, preview))
        task.failed.connect(lambda exc: self._on_preview_failed(generation, exc))
        return task

    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.choose_button.setEnabled(True)
        text = error_text(exc)
        if self.platform_box.currentData() is None:
            text += "\n" + self.tr("If you know the platform, choose it above and the file is read again.")
        show_message(self.open_message, text, "error")
        self._go(self.CHOOSE)
        emit(self.previewed)

    def _on_previewed(self, generation: int, preview: Any) -> None:
        if generation != self._generation:
            return
        self.choose_button.setEnabled(True)
        self.preview = preview
        show_message(self.open_message, "", "note")
        how = (
            self.tr("Recognised as a %1 order export.")
            if preview.detected
            else self.tr("Read as a %1 export.")
        )
        self.preset_label.setText(f"{preview.file_name} — " + how.replace("%1", preview.preset_name))
        pairs = "、".join(f"{label} ← {header}" for label, header in preview.columns)
        self.columns_label.setText(
            self.tr("Columns read: %1. Other columns are not imported.").replace("%1", pairs)
        )
        if preview.refused is not None:
            bad = preview.refused
            show_message(self.summary, bad.message, "error")
            _fill(self.problem_table, [(str(bad.row or ""), bad.column, bad.reason)])
            self.problem_table.setFixedHeight(
                self.problem_table.horizontalHeader().height() + self.problem_table.rowHeight(0) + 4
            )
            self.problem_table.show()
        else:
            counts = preview.counts
            text = (
                self.tr("%1 new orders, %2 updated, %3 unchanged.")
                .replace("%1", str(counts.added))
                .replace("%2", str(counts.updated))
                .replace("%3", str(counts.unchanged))
            )
            if counts.added or counts.updated:
                show_message(self.summary, text + " " + self.tr("Ready to import."), "ok")
            else:
                show_message(self.summary, text + " " + self.tr("Everything is already imported."), "note")
            self.problem_table.hide()
        self.rows_label.setText(
            self.tr("The first %1 rows as they will be stored:").replace("%1", str(len(preview.rows)))
        )
        _fill(self.rows_table, [self._cells(row) for row in preview.rows])
        self.rows_table.setColumnHidden(
            self.rows_table.columnCount() - 1, not any(r.problem for r in preview.rows)
        )
        self._go(self.PREVIEW)
        emit(self.previewed)

    def _cells(self, row: Any) -> tuple[str, ...]:
        amount = "" if row.amount_fen is None else yuan(row.amount_fen)
        return (
            str(row.row), row.order_id, row.sub_order_id, row.product_title, row.quantity, amount, row.paid_at,
            row.status, row.after_sales_status, row.buyer, row.phone, row.region, row.problem,
        )  # fmt: skip

    # ---- importing ------------------------------------------------------------------------------------------

    def start_import(self) -> Any:
        """Import the previewed file in one unit of work on the lane; then show the counts (step 3)."""
        if self.preview is None or not self.preview.ok or not self._may_import:
            return None
        self._set_busy(True)
        show_message(self.summary, self.tr("Importing “%1”…").replace("%1", self.preview.file_name), "note")
        task = self.context.tasks.run(
            self.tr("Importing orders"),
            _import,
            self.context.db,
            self.context.actor,
            self.path,
            self.preview.platform,
        )
        task.succeeded.connect(self._on_imported)
        task.failed.connect(self._on_import_failed)
        return task

    def _on_imported(self, result: Any) -> None:
        self._set_busy(False)
        self.result_counts = result
        text = (
            self.tr("“%1” imported: %2 new orders, %3 updated, %4 unchanged.")
            .replace("%1", result.file_name)
            .replace("%2", str(result.added))
            .replace("%3", str(result.updated))
            .replace("%4", str(result.unchanged))
        )
        show_message(self.done_label, text, "ok")
        self._go(self.DONE)
        emit(self.imported, result)

    def _on_import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.import_button.setEnabled(False)  # the file changed or was refused: check it again first
        show_message(self.summary, error_text(exc), "error")

    def _set_busy(self, busy: bool) -> None:
        for button in (self.back_button, self.import_button, self.close_button):
            button.setEnabled(not busy)
