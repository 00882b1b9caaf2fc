"""供应商 Suppliers: the list, and adding or editing one (name, 统一社会信用代码, contact, note, active).

The 统一社会信用代码 is checked by core (GB 32100-2015 check character) and a refusal is shown next to the field.
Reads and writes run on the lane; writes in one unit of work. Roles without ``products.edit`` only read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from ui.context import PageContext
from ui.qtcompat import emit
from ui.widgets import FieldForm, error_text, message_label, show_message


def read_suppliers(db: Any, **_lane: Any) -> list[Any]:
    from core.services.product_detail import list_suppliers

    with db.sessions() as session:
        return list_suppliers(session)


def save_supplier(db: Any, actor: Any, supplier_id: int | None, fields: dict[str, Any], **_lane: Any) -> Any:
    """On the lane: add the supplier (``supplier_id`` None) or change it; returns core's SupplierInfo."""
    from core.services import catalog

    with db.unit_of_work(actor) as session:
        if supplier_id is None:
            fields = {k: v for k, v in fields.items() if k != "active"}
            return catalog.add_supplier(session, actor, **fields)
        return catalog.update_supplier(session, actor, supplier_id, **fields)


class SuppliersDialog(QDialog):
    """``changed`` is true once a supplier was added or saved; ``attempted(ok)`` follows every save,
    ``loaded`` every read of the list."""

    attempted = Signal(bool)
    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False
        self.suppliers: list[Any] = []
        self.editing: int | None = None
        may_edit = context.actor.may("products.edit")
        self.setWindowTitle(self.tr("Suppliers"))
        self.resize(760, 560)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("supplierTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Unified social credit code"), self.tr("Contact"), self.tr("Active")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self._edit_row(row))

        self.box = QGroupBox(self.tr("New supplier"))
        self.form = FieldForm()
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.credit_code = self.form.add_field(
            "credit_code", self.tr("Unified social credit code"), QLineEdit()
        )
        self.credit_code.setPlaceholderText(self.tr("18 characters, as on the business licence"))
        self.credit_code.setMaxLength(18)
        self.contact = self.form.add_field("contact", self.tr("Contact"), QLineEdit())
        self.contact.setPlaceholderText(self.tr("A name and a masked phone, e.g. 王经理 138****1234"))
        self.note = self.form.add_field("note", self.tr("Note"), QLineEdit())
        self.active = self.form.add_field("active", self.tr("Active"), QCheckBox(self.tr("We buy from them")))
        self.active.setChecked(True)
        self.new_button = QPushButton(self.tr("Add another instead"))
        self.new_button.clicked.connect(self.start_new)
        self.new_button.hide()  # shown while a listed supplier is being edited
        self.save_button = QPushButton(self.tr("Add supplier"))
        self.save_button.setObjectName("saveSupplier")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        box_layout = QVBoxLayout(self.box)
        box_layout.addWidget(self.form)
        box_layout.addLayout(row)
        self.box.setEnabled(may_edit)

        self.message = message_label()
        if not may_edit:
            show_message(self.message, self.tr("Only the owner and operators change suppliers."), "note")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.box)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        task = self.context.tasks.run(self.tr("Reading suppliers"), read_suppliers, self.context.db)
        task.succeeded.connect(self._on_read)
        task.failed.connect(self._on_failed)

    def _on_read(self, suppliers: list[Any]) -> None:
        self.suppliers = list(suppliers)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.suppliers))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, s in enumerate(self.suppliers):
            for column, text in enumerate((s.name, s.credit_code, s.contact, yes if s.active else no)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        emit(self.loaded)

    def _edit_row(self, row: int) -> None:
        if not 0 <= row < len(self.suppliers):
            return
        s = self.suppliers[row]
        self.form.clear_errors()
        self.editing = s.id
        self.box.setTitle(self.tr("Edit %1").replace("%1", s.name))
        self.save_button.setText(self.tr("Save changes"))
        self.new_button.show()
        self.name.setText(s.name)
        self.credit_code.setText(s.credit_code)
        self.contact.setText(s.contact)
        self.note.setText(s.note)
        self.active.setChecked(s.active)

    def start_new(self) -> None:
        self.form.clear_errors()
        self.editing = None
        self.table.clearSelection()
        self.box.setTitle(self.tr("New supplier"))
        self.save_button.setText(self.tr("Add supplier"))
        self.new_button.hide()
        for field in (self.name, self.credit_code, self.contact, self.note):
            field.clear()
        self.active.setChecked(True)

    def save(self) -> None:
        self.form.clear_errors()
        show_message(self.message, "")
        fields = {
            "name": self.name.text().strip(),
            "credit_code": self.credit_code.text().strip().upper(),
            "contact": self.contact.text().strip(),
            "note": self.note.text().strip(),
            "active": self.active.isChecked(),
        }
        self.save_button.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Saving the supplier"),
            save_supplier,
            self.context.db,
            self.context.actor,
            self.editing,
            fields,
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_save_failed)

    def _on_saved(self, info: Any) -> None:
        self.save_button.setEnabled(True)
        self.changed = True
        show_message(self.message, self.tr("Supplier %1 saved.").replace("%1", info.name), "ok")
        self.start_new()
        self.reload()
        emit(self.attempted, True)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InvalidInput) and exc.field in self.form.errors:
            self.form.show_error(exc.field, str(exc))
        else:
            self._on_failed(exc)
        emit(self.attempted, False)

    def _on_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        show_message(self.message, text, "error")
