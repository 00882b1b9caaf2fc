"""上传资质 Add a paper for a product or its supplier: type (from the documents rule), number, issue and expiry dates
and the scanned file, stored in the evidence vault.

The paper types offered are the rule's, for the holder chosen (a supplier paper such as 营业执照 is held once by
the supplier and counts for all its products); the ones this product still needs come first. Saving calls
``core.services.catalog_documents.add_document`` on the lane in one unit of work: the row, the vault file and the
ledger entry are written together or not at all, and an ``InvalidInput`` is shown next to the field it names
(an expiry before issue next to the expiry date, an unreadable or oversize file next to the file).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from ui.context import PageContext
from ui.qtcompat import emit
from ui.widgets import FieldForm, error_text

FIELDS = ("holder", "doc_type", "number", "issued_on", "expires_on", "file")


def save_document(db: Any, actor: Any, fields: dict[str, Any], **_lane: Any) -> Any:
    """On the lane: add the paper and its file in one unit of work; returns core's DocumentInfo."""
    from core.services.catalog_documents import add_document

    with db.unit_of_work(actor) as session:
        return add_document(session, actor, db.vault_dir, **fields)


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class DocumentAddDialog(QDialog):
    """``saved`` holds core's DocumentInfo after a successful save; ``attempted(ok)`` follows every try."""

    attempted = Signal(bool)

    def __init__(
        self,
        context: PageContext,
        choices: Any,
        detail: Any,
        parent: QWidget | None = None,
        *,
        holder: str | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.choices = choices
        self.detail = detail
        self.saved: Any | None = None
        product = detail.product
        self.setWindowTitle(self.tr("Add a paper for %1").replace("%1", product.name))
        self.setMinimumWidth(520)
        readiness = detail.readiness.readiness if detail.readiness is not None else None
        requirements = readiness.requirements if readiness is not None else ()
        self.needed = [r.code for r in requirements if r.state != "ok"]
        self.required = {r.code for r in requirements}

        self.form = FieldForm()
        self.holder = self.form.add_field("holder", self.tr("Held by"), QComboBox())
        self.holder.addItem(self.tr("Product: %1").replace("%1", product.name), "product")
        if detail.supplier is not None:
            self.holder.addItem(self.tr("Supplier: %1").replace("%1", detail.supplier.name), "supplier")
        self.doc_type = self.form.add_field("doc_type", self.tr("Paper"), QComboBox())
        self.number = self.form.add_field("number", self.tr("Number"), QLineEdit())
        self.number.setPlaceholderText(self.tr("The number printed on the paper"))
        today = QDate(today.year, today.month, today.day) if today is not None else QDate.currentDate()
        self.issued = self.form.add_field("issued_on", self.tr("Issued on"), _date_edit(today))
        expiry_row = QWidget()
        row = QHBoxLayout(expiry_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.expires = _date_edit(today.addYears(1))
        self.no_expiry = QCheckBox(self.tr("No expiry (长期)"))
        self.no_expiry.toggled.connect(lambda checked: self.expires.setEnabled(not checked))
        row.addWidget(self.expires, 1)
        row.addWidget(self.no_expiry)
        self.form.add_field("expires_on", self.tr("Valid until"), expiry_row)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("Scan or photo (PDF, JPG, PNG)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_file)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.form.add_field("file", self.tr("File"), file_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("kind", "note")

        self.holder.currentIndexChanged.connect(self._fill_types)
        self.doc_type.currentIndexChanged.connect(self._on_type_changed)
        if holder is not None:
            self.holder.setCurrentIndex(max(0, self.holder.findData(holder)))
        self._fill_types()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def _fill_types(self) -> None:
        """The rule's paper types for the chosen holder: the ones this product still needs first."""
        holder = self.holder.currentData()
        types = [t for t in self.choices.doc_types if t.holder == holder]
        types.sort(key=lambda t: (t.code not in self.needed, t.code not in self.required))
        self.doc_type.blockSignals(True)
        self.doc_type.clear()
        for choice in types:
            label = choice.name
            if choice.code in self.needed:
                label = self.tr("%1 (needed)").replace("%1", choice.name)
            elif choice.code in self.required:
                label = self.tr("%1 (required, on file)").replace("%1", choice.name)
            self.doc_type.addItem(label, choice.code)
        self.doc_type.blockSignals(False)
        self.doc_type.setCurrentIndex(0)
        self._on_type_changed()

    def _on_type_changed(self) -> None:
        """Expect an expiry date only where the rule does, and say why this product needs the paper."""
        code = self.doc_type.currentData()
        choice = next((t for t in self.choices.doc_types if t.code == code), None)
        if choice is not None:
            self.no_expiry.setChecked(not choice.expires)
        lines = []
        if code in self.detail.why:
            lines.append(self.tr("Why: %1").replace("%1", self.detail.why[code]))
        if self.holder.currentData() == "supplier" and self.detail.supplier is not None:
            lines.append(
                self.tr("A supplier's paper counts for every product of %1.").replace(
                    "%1", self.detail.supplier.name
                )
            )
        self.hint.setText("\n".join(lines))
        self.hint.setVisible(bool(lines))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the scanned paper"),
            str(Path(self.file.text()).parent) if self.file.text() else "",
            self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path:
            self.file.setText(path)

    def fields(self) -> dict[str, Any]:
        holder = self.holder.currentData()
        product = self.detail.product
        file_text = self.file.text().strip()
        return {
            "holder": holder,
            "holder_id": product.id if holder == "product" else self.detail.supplier.id,
            "doc_type": self.doc_type.currentData(),
            "number": self.number.text().strip(),
            "issued_on": self.issued.date().toPython(),
            "expires_on": None if self.no_expiry.isChecked() else self.expires.date().toPython(),
            "file": Path(file_text) if file_text else None,
        }

    def save(self) -> None:
        self.form.clear_errors()
        self.buttons.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Saving the paper"), save_document, self.context.db, self.context.actor, self.fields()
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
        if isinstance(exc, InvalidInput) and exc.field in FIELDS:
            self.form.show_error(exc.field, str(exc))
        else:
            text = error_text(exc)
            self.form.show_error("", text)
        emit(self.attempted, False)
