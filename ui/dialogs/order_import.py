"""导入订单 A wizard for a platform's order export: choose the file, see what it would import, import, see the counts.

The reading and checking are core's: :func:`core.services.order_preview.preview_orders` (on the lane, writes
nothing) shows the detected preset, the first rows as they would be stored (order numbers as text, phones masked)
and a dry run's counts, or the first bad row, its column and why. 导入 is enabled only when the whole file would
import and something would be added or changed; core then reads the file again and writes every row or none in
one unit of work (:func:`core.services.order_import.import_orders`). The last step shows added / updated /
unchanged. A file no preset recognises is refused on step 1 with the reason; choosing its platform there reads it
with that platform's columns, or 手动对应列… opens the mapping step (:mod:`ui.dialogs.order_mapping`): each field
matched to one of the file's headers, the platform, an optional name to save the mapping under; 预览 then
previews with that mapping. Saved mappings are offered in the platform list as 已保存：<name>.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.dialogs.order_import_views import PreviewPage
from ui.dialogs.order_mapping import OrderMappingPage, file_headers, saved_names
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

_LAST_FOLDER_KEY = "orderImport/lastFolder"
_PREVIEW_ROWS = 20
_SAVED = "saved:"  # the platform list's data for a saved mapping: "saved:<name>"


def _preview(db: Any, actor: Any, path: str, how: dict[str, Any], save: str = "", **_lane: Any) -> Any:
    """Preview with ``how`` (platform / mapping / mapping_name); ``save`` first saves the mapping under that name."""
    from core.services.order_mappings import save_mapping
    from core.services.order_preview import preview_orders

    if save:
        with db.unit_of_work(actor) as session:
            save_mapping(session, actor, save, how["platform"], how["mapping"], path=path)
        how = {"mapping_name": save}
    with db.sessions() as session:
        return preview_orders(session, actor, path, limit=_PREVIEW_ROWS, **how), how


def _import(db: Any, actor: Any, path: str, how: dict[str, Any], **_lane: Any) -> Any:
    from core.services.order_import import import_orders

    with db.unit_of_work(actor) as session:
        return import_orders(session, actor, path, **how)


def _preset_names() -> dict[str, str]:
    from core.importers.order_sheet import presets

    return {code: preset.name for code, preset in presets().items()}


class OrderImportDialog(QDialog):
    """Three steps: 选择文件 → 预览 → 完成. ``imported(result)`` follows a successful import (an
    OrderImportResult); ``previewed`` follows every preview, good or refused, so callers and tests can wait."""

    imported = Signal(object)
    previewed = Signal()

    CHOOSE, PREVIEW, DONE, MAP = range(4)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = ""
        self.preview: Any = None
        self.result_counts: Any = None
        self.how: dict[str, Any] = {}  # how the previewed file is read: platform / mapping / mapping_name
        self.mapping_mode = False
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
        self.mapping_page = OrderMappingPage()
        self.mapping_page.preview_button.clicked.connect(self.preview_mapping)
        self.stack.addWidget(self.mapping_page)

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self._back)
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
        self.context.tasks.run(self.tr("Reading the saved column mappings"), saved_names, context.db).bind(
            self
        ).succeeded.connect(self._list_saved)

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
        self.map_button = QPushButton(self.tr("Match the columns manually…"))
        self.map_button.setObjectName("mapColumns")
        self.map_button.clicked.connect(self.open_mapping)
        self.map_button.hide()
        map_row = QHBoxLayout()
        map_row.addWidget(self.map_button)
        map_row.addStretch(1)
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
        layout.addLayout(map_row)
        layout.addWidget(self.permission_note)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = self.preview_page = PreviewPage()
        self.preset_label, self.columns_label, self.summary = (
            page.preset_label,
            page.columns_label,
            page.summary,
        )
        self.problem_table, self.rows_label, self.rows_table = (
            page.problem_table,
            page.rows_label,
            page.rows_table,
        )
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
        names = [self.tr("Choose the file"), self.tr("Preview"), self.tr("Done")]
        order = [self.CHOOSE, self.PREVIEW, self.DONE]
        if self.mapping_mode:
            names.insert(1, self.tr("Match the columns"))
            order.insert(1, self.MAP)
        shown = [
            f"<b>{n + 1} {name}</b>" if order[n] == step else f"{n + 1} {name}"
            for n, name in enumerate(names)
        ]
        self.steps.setText("  →  ".join(shown))
        self.back_button.setVisible(step in (self.PREVIEW, self.MAP))
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

    def _list_saved(self, names: list[str]) -> None:
        """Offer each saved mapping in the platform list as 已保存：<name>."""
        for name in names:
            if self.platform_box.findData(_SAVED + name) < 0:
                self.platform_box.addItem(self.tr("Saved: %1").replace("%1", name), _SAVED + name)

    def _chosen_how(self) -> dict[str, Any]:
        data = self.platform_box.currentData()
        if isinstance(data, str) and data.startswith(_SAVED):
            return {"mapping_name": data[len(_SAVED) :]}
        return {"platform": data}

    def load_file(self, path: str | Path) -> Any:
        """Preview ``path`` on the lane with the chosen platform (nothing written); returns the lane's task."""
        self.path = str(path)
        self.mapping_mode = False
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(str(path))
        self.map_button.hide()
        show_message(self.open_message, self.tr("Checking “%1”…").replace("%1", Path(path).name), "note")
        return self._run_preview(self._chosen_how())

    def _run_preview(self, how: dict[str, Any], save: str = "") -> Any:
        self._generation += 1
        generation = self._generation
        self.preview = None
        self.choose_button.setEnabled(False)
        self.mapping_page.preview_button.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Checking the order export"),
            _preview,
            self.context.db,
            self.context.actor,
            self.path,
            how,
            save,
        ).bind(self)
        task.succeeded.connect(lambda done: self._on_previewed(generation, *done))
        task.failed.connect(lambda exc: self._on_preview_failed(generation, exc))
        return task

    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.choose_button.setEnabled(True)
        self.mapping_page.preview_button.setEnabled(True)
        if self.mapping_mode:
            self.mapping_page.show_error(getattr(exc, "field", None), error_text(exc))
            emit(self.previewed)
            return
        text = error_text(exc)
        if self.platform_box.currentData() is None:
            text += "\n" + self.tr("If you know the platform, choose it above and the file is read again.")
        show_message(self.open_message, text, "error")
        self.map_button.setVisible(self._may_import and getattr(exc, "field", None) is not None)
        self._go(self.CHOOSE)
        emit(self.previewed)

    def _on_previewed(self, generation: int, preview: Any, how: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.choose_button.setEnabled(True)
        self.mapping_page.preview_button.setEnabled(True)
        self.preview, self.how = preview, how
        if "mapping_name" in how:
            self._list_saved([how["mapping_name"]])
        show_message(self.open_message, "", "note")
        self.preview_page.show_preview(preview)
        self._go(self.PREVIEW)
        emit(self.previewed)

    # ---- mapping an unrecognised file's columns -----------------------------------------------------------

    def open_mapping(self) -> Any:
        """Read the file's headers on the lane, then show the mapping step; returns the lane's task."""
        task = self.context.tasks.run(self.tr("Reading the column names"), file_headers, self.path).bind(self)
        task.succeeded.connect(self._show_mapping)
        task.failed.connect(lambda exc: show_message(self.open_message, error_text(exc), "error"))
        return task

    def _show_mapping(self, found: tuple[list[str], dict[str, str]]) -> None:
        headers, guessed = found
        self.mapping_mode = True
        self.mapping_page.set_headers(Path(self.path).name, headers, guessed)
        self._go(self.MAP)

    def preview_mapping(self) -> Any:
        """Preview with the mapping on screen (saving it first when it has a name); errors beside their field."""
        page = self.mapping_page
        page.clear_errors()
        how = {"platform": page.platform(), "mapping": page.mapping()}
        return self._run_preview(how, page.name())

    def _back(self) -> None:
        on_preview = self.stack.currentIndex() == self.PREVIEW
        self._go(self.MAP if on_preview and self.mapping_mode else self.CHOOSE)

    # ---- importing ------------------------------------------------------------------------------------------

    def start_import(self) -> Any:
        """Import the previewed file in one unit of work on the lane; then show the counts (step 3)."""
        if self.preview is None or not self.preview.ok or not self._may_import:
            return None
        self._set_busy(True)
        show_message(self.summary, self.tr("Importing “%1”…").replace("%1", self.preview.file_name), "note")
        how = dict(self.how)
        if self.preview.detected:
            how = {}  # recognised again as it was (a preset or a saved mapping)
        elif "mapping" not in how and "mapping_name" not in how:
            how = {"platform": self.preview.platform}
        task = self.context.tasks.run(
            self.tr("Importing orders"), _import, self.context.db, self.context.actor, self.path, how
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
