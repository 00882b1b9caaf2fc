"""导入商品 Import products from a spreadsheet: choose a file, see what it would do and every problem, then import.

The checking and writing are core's (:mod:`core.services.product_import`): the preview reads the file on the lane
and writes nothing; 导入 is enabled only when the preview found no problem and something to add or change, and
then core checks the file again and writes all rows or none in one unit of work. 保存模板 writes a blank template
(.xlsx or .csv) with the header row and one example row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import StudioDeskError
from ui.context import PageContext
from ui.qtcompat import emit
from ui.widgets import message_label, show_message

_LAST_FOLDER_KEY = "productImport/lastFolder"
_SHOWN_ROWS = (
    300  # more problems than this is a wrong file, not a few typos; the summary says how many in all
)


def _preview(db: Any, path: str, **_lane: Any) -> Any:
    from core.services.product_import import preview_product_import

    with db.sessions() as session:
        return preview_product_import(session, path)


def _import(db: Any, actor: Any, path: str, **_lane: Any) -> Any:
    from core.services.product_import import import_products

    with db.unit_of_work(actor) as session:
        return import_products(session, actor, path)


def _write_template(path: str, **_lane: Any) -> Path:
    from core.services.product_import import write_template

    return write_template(path)


def _table(headers: list[str]) -> QTableWidget:
    """A read-only table whose last column takes the room and wraps (long sentences stay readable)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    header.sectionResized.connect(lambda *_: table.resizeRowsToContents())  # rewrap when the width settles
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.hide()
    return table


def _last_folder() -> str:
    folder = QSettings().value(_LAST_FOLDER_KEY, "", str) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return folder or str(Path.home())


class ProductImportDialog(QDialog):
    """Choose a spreadsheet, preview it, import it. ``imported(count)`` = products added + updated.

    ``previewed`` follows every preview (good, with problems, or refused) and ``template_saved(path)`` every
    template written, so a caller or a test can wait for them.
    """

    imported = Signal(int)
    previewed = Signal()
    template_saved = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.importers.product_sheet import expected_columns

        self.context = context
        self.path: str = ""
        self.preview: Any = None
        self._generation = 0
        self._may_edit = context.actor.may("products.edit")
        self.setWindowTitle(self.tr("Import products"))
        self.setObjectName("productImportDialog")
        self.setMinimumWidth(760)

        heading = QLabel(self.tr("Import products from a spreadsheet"))
        heading.setObjectName("dialogHeading")
        intro = QLabel(
            self.tr(
                "A CSV or Excel (.xlsx) file: row 1 names the columns, then one product per row. A SKU already "
                "on file updates that product; a new SKU adds one. The whole file is imported or nothing is."
            )
        )
        intro.setWordWrap(True)
        columns = QLabel(self.tr("Columns: %1").replace("%1", expected_columns()))
        columns.setObjectName("importColumns")
        columns.setWordWrap(True)
        columns.setProperty("kind", "note")

        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.template_button = QPushButton(self.tr("Save a template…"))
        self.template_button.setToolTip(
            self.tr("A blank spreadsheet with the column names and one example row, to fill in")
        )
        self.template_button.clicked.connect(self.choose_template_path)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.template_button)

        self.template_message = message_label("ok")
        self.template_message.setObjectName("templateMessage")
        self.summary = message_label("note")
        self.summary.setObjectName("importSummary")
        self.errors_table = _table([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.errors_table.setObjectName("importErrors")
        self.updates_label = QLabel(self.tr("Products on file that this import will change:"))
        self.updates_label.hide()
        self.updates_table = _table([self.tr("Row"), self.tr("SKU"), self.tr("Product"), self.tr("Changes")])
        self.updates_table.setObjectName("importUpdates")
        self.permission_note = message_label("note")
        if not self._may_edit:
            show_message(
                self.permission_note,
                self.tr("Only the owner and operators may import products; you can check a file here."),
            )

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.permission_note, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(columns)
        layout.addLayout(file_row)
        layout.addWidget(self.template_message)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors_table, 1)
        layout.addWidget(self.updates_label)
        layout.addWidget(self.updates_table, 1)
        layout.addLayout(buttons)

    # ---- choosing and previewing ----------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a .csv or .xlsx file, then preview it. Cancelling changes nothing."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a product spreadsheet"),
            _last_folder(),
            self.tr("Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)"),
        )
        if chosen:
            QSettings().setValue(_LAST_FOLDER_KEY, str(Path(chosen).parent))
            self.load_file(chosen)

    def load_file(self, path: str | Path) -> Any:
        """Preview ``path`` on the lane (nothing is written); returns the lane's task."""
        self._generation += 1
        generation = self._generation
        self.path = str(path)
        self.preview = None
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(str(path))
        self.import_button.setEnabled(False)
        self._show_rows(None)
        show_message(self.summary, self.tr("Checking “%1”…").replace("%1", Path(path).name), "note")
        task = self.context.tasks.run(
            self.tr("Checking the spreadsheet"), _preview, self.context.db, self.path
        ).bind(self)
        task.succeeded.connect(lambda preview: self._on_previewed(generation, preview))
        task.failed.connect(lambda exc: self._on_preview_failed(generation, exc))
        return task

    def _on_previewed(self, generation: int, preview: Any) -> None:
        if generation != self._generation:  # a newer file was chosen meanwhile
            return
        self.preview = preview
        self._show_rows(preview)
        if preview.errors:
            text = (
                self.tr(
                    "%1 rows, %2 problem(s). Nothing is imported until every one is fixed: correct the "
                    "spreadsheet, save it and choose it again."
                )
                .replace("%1", str(preview.rows_total))
                .replace("%2", str(len(preview.errors)))
            )
            show_message(self.summary, text, "error")
        elif preview.new or preview.updated:
            text = (
                self.tr("%1 new products, %2 updates, %3 unchanged. Ready to import.")
                .replace("%1", str(preview.new))
                .replace("%2", str(preview.updated))
                .replace("%3", str(preview.unchanged))
            )
            show_message(self.summary, text, "ok")
        else:
            show_message(
                self.summary,
                self.tr(
                    "All %1 products in this file are already on file as they are: nothing to import."
                ).replace("%1", str(preview.unchanged)),
                "note",
            )
        self.import_button.setEnabled(self._may_edit and preview.ok and bool(preview.new or preview.updated))
        emit(self.previewed)

    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.preview = None
        self._show_rows(None)
        show_message(self.summary, self._sentence(exc), "error")
        emit(self.previewed)

    def _show_rows(self, preview: Any) -> None:
        """The problems when there are any, else the changes to products on file; the dialog fits what shows."""
        errors = list(preview.errors) if preview is not None else []
        updates = list(preview.updates) if preview is not None and not errors else []
        self._fill(self.errors_table, [(str(e.row), e.column, e.message) for e in errors])
        self._fill(
            self.updates_table,
            [(str(u.row), u.sku, u.name, self._changes_text(u.changes)) for u in updates],
        )
        self.updates_label.setVisible(bool(updates))
        if errors or updates:
            self.resize(self.width(), max(self.height(), 520))
        else:
            wanted = self.layout().totalHeightForWidth(self.width())  # wrapped labels need their width
            self.resize(self.width(), wanted if wanted > 0 else self.sizeHint().height())

    def _changes_text(self, changes: Any) -> str:
        one = self.tr("%1: %2 → %3")
        return self.tr("; ").join(
            one.replace("%1", c.column).replace("%2", c.before or "—").replace("%3", c.after or "—")
            for c in changes
        )

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        shown = rows[:_SHOWN_ROWS]
        table.setRowCount(len(shown) + (1 if len(rows) > len(shown) else 0))
        for index, cells in enumerate(shown):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == len(cells) - 1:
                    item.setToolTip(text)
                table.setItem(index, column, item)
        if len(rows) > len(shown):
            more = self.tr("… and %1 more").replace("%1", str(len(rows) - len(shown)))
            table.setItem(len(shown), table.columnCount() - 1, QTableWidgetItem(more))
        table.resizeRowsToContents()
        table.setVisible(bool(shown))

    def _sentence(self, exc: BaseException) -> str:
        if isinstance(exc, StudioDeskError):
            return str(exc)
        return self.tr("The file could not be checked: %1").replace("%1", str(exc) or type(exc).__name__)

    # ---- importing --------------------------------------------------------------------------------------

    def start_import(self) -> Any:
        """Import the previewed file in one unit of work on the lane; on success emit ``imported`` and close."""
        if not self.path or self.preview is None or not self.preview.ok:
            return None
        self._set_busy(True)
        show_message(self.summary, self.tr("Importing “%1”…").replace("%1", Path(self.path).name), "note")
        task = self.context.tasks.run(
            self.tr("Importing products"), _import, self.context.db, self.context.actor, self.path
        )
        task.succeeded.connect(self._on_imported)
        task.failed.connect(self._on_import_failed)
        return task

    def _on_imported(self, result: Any) -> None:
        self._set_busy(False)
        emit(self.imported, result.added + result.updated)
        self.accept()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.import_button.setEnabled(False)  # the file changed or was refused: check it again first
        show_message(self.summary, self._sentence(exc), "error")

    def _set_busy(self, busy: bool) -> None:
        for button in (self.choose_button, self.template_button, self.import_button, self.close_button):
            button.setEnabled(not busy)

    # ---- the template -----------------------------------------------------------------------------------

    def choose_template_path(self) -> None:
        """Ask where to save the template (.xlsx or .csv by the chosen name), then write it."""
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import template"),
            str(Path(_last_folder()) / (self.tr("product-import-template") + ".xlsx")),
            f"{xlsx};;{csv}",
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen_filter == csv else ".xlsx"))
        QSettings().setValue(_LAST_FOLDER_KEY, str(target.parent))
        self.save_template(target)

    def save_template(self, path: str | Path) -> Any:
        """Write the template at ``path`` on the lane and say where it went; returns the lane's task."""
        task = self.context.tasks.run(self.tr("Saving the template"), _write_template, str(path)).bind(self)
        task.succeeded.connect(self._on_template_saved)
        task.failed.connect(lambda exc: show_message(self.template_message, self._sentence(exc), "error"))
        return task

    def _on_template_saved(self, path: Any) -> None:
        show_message(self.template_message, self.tr("Template saved: %1").replace("%1", str(path)), "ok")
        emit(self.template_saved, str(path))
