"""商品与资质 Products & papers: every product with the state of its papers, and one product's detail.

The list is read on the lane with :func:`core.services.product_list.list_products` (two queries, readiness judged
in bulk) into a :class:`~ui.pages.product_table.ProductTableModel`; selecting a product reads its detail (fields,
each required paper with why and the basis, the papers on file) on the lane too. Changes go through dialogs that
call core in one unit of work; only roles with ``products.edit`` see those buttons enabled, and core checks again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from ui.context import PageContext
from ui.pages.base import page_frame
from ui.pages.product_panel import ProductDetailPanel
from ui.pages.product_table import ProductTableModel, state_name
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

SEARCH_DEBOUNCE_MS = 250
ATTENTION = ("expiring", "missing", "invalid", "unknown", "lapsed")


@dataclass(frozen=True)
class ProductsRead:
    today: date
    rows: list[Any]


def read_products(db: Any, filters: dict[str, Any], **_lane: Any) -> ProductsRead:
    """On the lane: today in the studio and the filtered list."""
    from core.services import product_list

    with db.sessions() as session:
        today = product_list.studio_today(session)
        return ProductsRead(today, product_list.list_products(session, today=today, **filters))


def read_choices(db: Any, **_lane: Any) -> Any:
    """On the lane: the categories, paper types and suppliers the filters and dialogs offer."""
    from core.services import product_detail

    with db.sessions() as session:
        return product_detail.catalog_choices(session)


def read_detail(db: Any, product_id: int, **_lane: Any) -> Any:
    from core.services import product_detail, product_list

    with db.sessions() as session:
        return product_detail.product_detail(session, product_id, today=product_list.studio_today(session))


class ProductsPage(QWidget):
    """The products list with filters, and the selected product's detail. ``loaded`` follows each list read,
    ``detail_shown`` each detail read (tests and the bench wait on them)."""

    loaded = Signal()
    detail_shown = Signal()
    paper_opened = Signal(str)  # the path of the reading copy handed to the system viewer

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Products & papers")
        self.may_edit = context.actor.may("products.edit")
        self.choices: Any | None = None
        self.today: date | None = None
        self._list_seq = 0
        self._detail_for: int | None = None
        self._keep_selection: int | None = None
        body = page_frame(
            self,
            self.title,
            self.tr("What the studio sells, who supplies it, and the papers that prove it may be sold."),
        )

        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText(self.tr("Search SKU, name, brand or supplier"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.refresh)
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        self.category.currentIndexChanged.connect(self.refresh)
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("All papers states"), None)
        self.state.addItem(self.tr("Needs attention"), ATTENTION)
        for key in ("ok", "expiring", "missing", "lapsed", "invalid"):
            self.state.addItem(state_name(key), key)
        self.state.currentIndexChanged.connect(self.refresh)
        self.inactive = QCheckBox(self.tr("Show inactive"))
        self.inactive.toggled.connect(self.refresh)
        self.new_button = QPushButton(self.tr("New product…"))
        self.new_button.setObjectName("newProduct")
        self.new_button.clicked.connect(self.new_product)
        self.import_button = QPushButton(self.tr("Import products…"))
        self.import_button.setObjectName("importProducts")
        self.import_button.clicked.connect(self.import_products)
        self.suppliers_button = QPushButton(self.tr("Suppliers…"))
        self.suppliers_button.setObjectName("suppliers")
        self.suppliers_button.clicked.connect(self.open_suppliers)
        for button in (self.new_button, self.import_button):
            button.setEnabled(self.may_edit)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 2)
        toolbar.addWidget(self.category)
        toolbar.addWidget(self.state)
        toolbar.addWidget(self.inactive)
        toolbar.addStretch(1)
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.suppliers_button)
        body.addLayout(toolbar)

        self.model = ProductTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("productTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((80, 220, 96, 56, 140, 80, 96, 90)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(ProductTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(ProductTableModel.STATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_product())

        self.panel = ProductDetailPanel(self.may_edit)
        self.panel.edit_requested.connect(self.edit_product)
        self.panel.add_paper_requested.connect(self.add_paper)
        self.panel.open_file_requested.connect(self.open_paper_file)
        self.open_url = QDesktopServices.openUrl  # the system viewer (a test puts a recorder here)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 520])
        body.addWidget(splitter, 1)

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("productSummary")
        self.message = message_label()
        self.message.setObjectName("productsMessage")
        body.addWidget(self.summary)
        body.addWidget(self.message)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {
            "search": self.search.text().strip(),
            "category": self.category.currentData(),
            "state": self.state.currentData(),
            "include_inactive": self.inactive.isChecked(),
        }

    def refresh(self, *_args: Any, with_choices: bool = False) -> None:
        """Read the list again with the current filters (a newer read makes an older one's answer moot); the
        pickers' choices are read after it, the first time and when suppliers or categories may have changed."""
        self._debounce.stop()
        self._list_seq += 1
        seq = self._list_seq
        task = self.context.tasks.run(
            self.tr("Reading products"), read_products, self.context.db, self.filters()
        ).bind(self)
        task.succeeded.connect(lambda result: self._on_list_read(seq, result))
        task.failed.connect(lambda exc: self._on_list_failed(seq, exc))
        if with_choices or self.choices is None:
            choices = self.context.tasks.run(self.tr("Reading categories"), read_choices, self.context.db)
            choices.succeeded.connect(self._set_choices)

    def _on_list_read(self, seq: int, result: ProductsRead) -> None:
        if seq != self._list_seq:
            return
        self.today = result.today
        selected = self._keep_selection if self._keep_selection is not None else self.selected_id()
        self._keep_selection = None
        self.model.set_rows(result.rows, result.today)
        attention = sum(1 for r in result.rows if r.state != "ok")
        self.summary.setText(
            self.tr("%1 products · %2 need attention · papers judged on %3")
            .replace("%1", f"{len(result.rows):,}")
            .replace("%2", f"{attention:,}")
            .replace("%3", result.today.isoformat())
        )
        row = self.model.row_of(selected) if selected is not None else -1
        self._detail_for = None
        if row >= 0:  # the detail is read again through currentRowChanged
            self.table.setCurrentIndex(self.model.index(row, 0))
        elif result.rows:
            self.panel.clear()
        elif any(self.filters().values()):
            self.panel.clear(self.tr("No product matches these filters."))
        else:
            self.panel.clear(self.tr("No products yet: add one, or import a spreadsheet of them."))
        emit(self.loaded)

    def _on_list_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._list_seq:
            return
        self.summary.setText("")
        show_message(self.message, self.tr("Could not read the products: %1").replace("%1", error_text(exc)))
        emit(self.loaded)

    def _set_choices(self, choices: Any) -> None:
        self.choices = choices
        current = self.category.currentData()
        self.category.blockSignals(True)
        while self.category.count() > 1:
            self.category.removeItem(1)
        for key, name in choices.categories:
            self.category.addItem(name, key)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def selected_id(self) -> int | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row is not None else None

    def select_product(self, product_id: int) -> bool:
        """Make ``product_id`` the current row (its detail is then read); False when it is not listed."""
        row = self.model.row_of(product_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.id != self._detail_for:
            self.load_detail(row.id)

    def load_detail(self, product_id: int) -> None:
        self._detail_for = product_id
        task = self.context.tasks.run(
            self.tr("Reading the product"), read_detail, self.context.db, product_id
        ).bind(self)
        task.succeeded.connect(lambda detail: self._on_detail_read(product_id, detail))
        task.failed.connect(lambda exc: self._on_detail_failed(product_id, exc))

    def _on_detail_read(self, product_id: int, detail: Any) -> None:
        if product_id != self._detail_for:
            return
        self.panel.show_detail(detail)
        emit(self.detail_shown)

    def _on_detail_failed(self, product_id: int, exc: BaseException) -> None:
        if product_id == self._detail_for:
            self.panel.clear(error_text(exc))
            emit(self.detail_shown)

    # -- changing (dialogs) ------------------------------------------------------------------------------------

    def _after_change(self, product_id: int | None, text: str, *, with_choices: bool = False) -> None:
        show_message(self.message, text, "ok")
        self._keep_selection = product_id
        self.refresh(with_choices=with_choices)

    def new_product(self) -> None:
        from ui.dialogs.product_edit import ProductEditDialog

        if self.choices is None:
            return
        dialog = ProductEditDialog(self.context, self.choices, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._after_change(dialog.saved.id, self.tr("Product %1 added.").replace("%1", dialog.saved.sku))

    def edit_product(self) -> None:
        from ui.dialogs.product_edit import ProductEditDialog

        detail = self.panel.detail
        if detail is None or not self.may_edit or self.choices is None:
            return
        dialog = ProductEditDialog(self.context, self.choices, detail.product, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._after_change(dialog.saved.id, self.tr("Product %1 saved.").replace("%1", dialog.saved.sku))

    def open_paper_file(self, sha: str, name: str) -> None:
        """Open a paper's scan with the system's viewer: a checked copy under its own name (off the GUI thread)."""
        from ui.vault_files import open_vault_file

        task = open_vault_file(self.context, self, sha, name)
        task.succeeded.connect(lambda path: emit(self.paper_opened, path))
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def add_paper(self) -> None:
        from ui.dialogs.document_add import DocumentAddDialog

        detail = self.panel.detail
        if detail is None or not self.may_edit or self.choices is None:
            return
        dialog = DocumentAddDialog(self.context, self.choices, detail, self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(detail.product.id, self.tr("Paper added."))

    def import_products(self) -> None:
        from ui.dialogs.product_import import ProductImportDialog

        dialog = ProductImportDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(self.selected_id(), self.tr("Products imported."), with_choices=True)

    def open_suppliers(self) -> None:
        from ui.dialogs.suppliers import SuppliersDialog

        dialog = SuppliersDialog(self.context, self)
        dialog.exec()
        if dialog.changed:
            self._after_change(self.selected_id(), "", with_choices=True)
