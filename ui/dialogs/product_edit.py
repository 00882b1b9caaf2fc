"""新增/编辑商品 Add or edit a product: SKU, name, category (from the documents rule), brand, supplier, list price
in yuan and 三包.

The category decides which papers the product needs, so the picker lists exactly the active rule's categories. Saving
runs core's ``add_product`` / ``update_product`` in one unit of work on the lane; an ``InvalidInput`` is shown next
to the field it names and the dialog stays open. The price is typed in yuan and handed to core in fen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from ui.context import PageContext
from ui.money import parse_yuan, yuan_text
from ui.qtcompat import emit
from ui.widgets import FieldForm, error_text


def save_product(db: Any, actor: Any, product_id: int | None, fields: dict[str, Any], **_lane: Any) -> Any:
    """On the lane: add the product (``product_id`` None) or change it; returns core's ProductInfo."""
    from core.services import catalog

    with db.unit_of_work(actor) as session:
        if product_id is None:
            return catalog.add_product(session, actor, **fields)
        return catalog.update_product(session, actor, product_id, **fields)


class ProductEditDialog(QDialog):
    """``saved`` holds core's ProductInfo after a successful save; ``attempted(ok)`` follows every try."""

    attempted = Signal(bool)

    def __init__(
        self, context: PageContext, choices: Any, product: Any | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.product = product
        self.saved: Any | None = None
        self.setWindowTitle(
            self.tr("New product")
            if product is None
            else self.tr("Edit product %1").replace("%1", product.sku)
        )
        self.setMinimumWidth(460)
        self.form = FieldForm()
        self.sku = self.form.add_field("sku", self.tr("SKU"), QLineEdit())
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.category = self.form.add_field("category", self.tr("Category"), QComboBox())
        for key, name in choices.categories:
            self.category.addItem(name, key)
        self.brand = self.form.add_field("brand", self.tr("Brand"), QLineEdit())
        self.brand.setPlaceholderText(
            self.tr("A brand adds the trademark certificate and brand authorisation")
        )
        self.supplier = self.form.add_field("supplier_id", self.tr("Supplier"), QComboBox())
        self.supplier.addItem(self.tr("(no supplier)"), None)
        for supplier in choices.suppliers:
            if supplier.active or (product is not None and supplier.id == product.supplier_id):
                self.supplier.addItem(supplier.name, supplier.id)
        self.price = self.form.add_field("list_price_fen", self.tr("List price (yuan)"), QLineEdit())
        self.price.setPlaceholderText(self.tr("e.g. 59.90"))
        self.three_guarantees = self.form.add_field(
            "three_guarantees",
            self.tr("Three guarantees"),
            QCheckBox(self.tr("Covered: repair, replacement, refund")),
        )
        self.active = self.form.add_field("active", self.tr("Status"), QCheckBox(self.tr("On sale")))
        self.active.setChecked(True)
        if product is None:
            self.form.form.setRowVisible(self.form.form.rowCount() - 1, False)
        else:
            self.sku.setText(product.sku)
            self.name.setText(product.name)
            self.category.setCurrentIndex(max(0, self.category.findData(product.category)))
            self.brand.setText(product.brand)
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(product.supplier_id)))
            self.price.setText(yuan_text(product.list_price_fen))
            self.three_guarantees.setChecked(product.three_guarantees)
            self.active.setChecked(product.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def fields(self) -> dict[str, Any] | None:
        """The typed values for core, or None after showing why the price cannot be read."""
        try:
            price = parse_yuan(self.price.text())
        except ValueError:
            self.form.show_error(
                "list_price_fen", self.tr("Type the price in yuan, e.g. 59.90 (up to two decimals).")
            )
            return None
        fields: dict[str, Any] = {
            "sku": self.sku.text().strip(),
            "name": self.name.text().strip(),
            "category": self.category.currentData(),
            "brand": self.brand.text().strip(),
            "supplier_id": self.supplier.currentData(),
            "list_price_fen": price,
            "three_guarantees": self.three_guarantees.isChecked(),
        }
        if self.product is not None:
            fields["active"] = self.active.isChecked()
        return fields

    def save(self) -> None:
        self.form.clear_errors()
        fields = self.fields()
        if fields is None:
            emit(self.attempted, False)
            return
        self.buttons.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Saving the product"),
            save_product,
            self.context.db,
            self.context.actor,
            self.product.id if self.product is not None else None,
            fields,
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_failed)

    def _on_saved(self, info: Any) -> None:
        self.saved = info
        self.buttons.setEnabled(True)
        emit(self.attempted, True)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, InvalidInput):
            self.form.show_error(exc.field, str(exc))
        else:
            text = error_text(exc)
            self.form.show_error("", text)
        emit(self.attempted, False)
