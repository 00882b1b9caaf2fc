"""资质要求 tab: which papers each product category needs and why, the warning days, saved as a new version.

Edits are made to a working copy with the pure helpers of :mod:`core.domain.documents_table`; nothing is written
until "Save as a new version", which sends the whole table to core in one unit of work (checked whole, all or
nothing). Reads and writes run on the background lane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.documents_table import (
    WARN_DAYS_RANGE,
    add_required,
    category_requirements,
    document_types,
    remove_required,
    set_warn_days,
)
from core.errors import InvalidInput
from core.i18n import in_language
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.qtcompat import emit
from ui.settings.rules_common import SaveBar, version_line
from ui.widgets import FieldForm, error_text, message_label, show_message

ROLE_CODE = Qt.ItemDataRole.UserRole


def load_rule(db: Any, **_lane: Any) -> Any:
    from core.services import rules_documents

    with db.sessions() as session:
        return rules_documents.documents_rule_version(session)


def save_rule(db: Any, actor: Any, data: dict, as_of: Any, note: str, **_lane: Any) -> Any:
    from core.services import rules_documents

    with db.unit_of_work(actor) as session:
        return rules_documents.save_documents_rule(session, actor, data, as_of=as_of, note=note)


def reset_rule(db: Any, actor: Any, **_lane: Any) -> Any:
    from core.services import rules_documents

    with db.unit_of_work(actor) as session:
        return rules_documents.reset_documents_rule(session, actor)


class AddPaperDialog(QDialog):
    """Pick a category and a paper it does not require yet, and write why (the basis is required)."""

    def __init__(self, data: dict, category: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Require another paper"))
        self.setMinimumWidth(520)
        self.data = data
        self.form = FieldForm()
        self.category = self.form.add_field("category", self.tr("Product category"), QComboBox())
        for group in category_requirements(data):
            self.category.addItem(group.name, group.code)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        self.doc_type = self.form.add_field("doc_type", self.tr("Paper"), QComboBox())
        self.basis = self.form.add_field("basis", self.tr("Why it is required (basis)"), QPlainTextEdit())
        self.basis.setPlaceholderText(
            self.tr("The law, platform rule or studio policy, e.g. 平台要求该类目提供检测报告")
        )
        self.basis.setMaximumHeight(90)
        self.basis.setTabChangesFocus(True)
        self.category.currentIndexChanged.connect(lambda _i: self._fill_papers())
        self._fill_papers()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            self.tr("Add to the table"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def _fill_papers(self) -> None:
        required = self.data["categories"][self.category.currentData()]["requires"]
        self.doc_type.clear()
        for code, name in document_types(self.data).items():
            if code not in required:
                self.doc_type.addItem(name, code)

    def values(self) -> tuple[str, str, str]:
        return self.category.currentData(), self.doc_type.currentData(), self.basis.toPlainText().strip()

    def accept(self) -> None:
        """Apply to the working copy; a problem core names stays in the dialog next to its field."""
        self.form.clear_errors()
        category, doc_type, basis = self.values()
        try:
            self.result_data = add_required(self.data, category, doc_type or "", basis=basis)
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            return
        super().accept()


class DocumentsRuleTab(QWidget):
    """The requirement table. ``loaded`` follows each read; ``saved(ok)`` each save or reset attempt."""

    loaded = Signal()
    saved = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.actor.may("rules.edit")
        self.version: Any = None
        self.data: dict | None = None
        self.pending: list[str] = []

        self.header = QLabel(self.tr("Loading…"))
        self.header.setObjectName("documentsRuleVersion")
        self.header.setWordWrap(True)
        self.warn_days = QSpinBox()
        self.warn_days.setObjectName("warnDays")
        self.warn_days.setRange(*WARN_DAYS_RANGE)
        self.warn_days.setSuffix(self.tr(" days"))
        self.warn_basis = QLineEdit()
        self.warn_basis.setObjectName("warnBasis")
        self.warn_basis.setPlaceholderText(self.tr("Why this many days"))
        warn = QHBoxLayout()
        warn.addWidget(QLabel(self.tr("Warn before a paper expires")))
        warn.addWidget(self.warn_days)
        warn.addWidget(QLabel(self.tr("Basis")))
        warn.addWidget(self.warn_basis, 1)

        self.tree = QTreeWidget()
        self.tree.setObjectName("requirementTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Category / paper"),
                self.tr("Held by"),
                self.tr("Expires"),
                self.tr("Why it is required"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_a: self._selection_changed())

        self.add_button = QPushButton(self.tr("Require another paper…"))
        self.add_button.clicked.connect(self.open_add_paper)
        self.remove_button = QPushButton(self.tr("No longer require the selected paper"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.changes_label = QLabel()
        self.changes_label.setObjectName("pendingChanges")
        self.edit_message = message_label()
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.changes_label)

        self.save_bar = SaveBar(self.tr("Save as a new version"))
        self.save_bar.save_requested.connect(self.save)
        self.save_bar.reset_requested.connect(self.reset)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(warn)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.edit_message)
        layout.addWidget(self.save_bar)
        for widget in (self.warn_days, self.warn_basis, self.add_button, self.remove_button):
            widget.setEnabled(self.may_edit)
        self.save_bar.set_editable(self.may_edit)
        self.remove_button.setEnabled(False)
        self.reload()

    # -- reading -------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        task = self.context.tasks.run(
            self.tr("Reading the document requirements"), load_rule, self.context.db
        ).bind(self)
        task.succeeded.connect(self.show_version)
        task.failed.connect(lambda exc: show_message(self.edit_message, error_text(exc), "error"))

    def show_version(self, version: Any) -> None:
        self.version = version
        self.data = dict(version.data)
        self.pending = []
        self.header.setText(
            version_line(
                version.version, version.as_of, version.origin, version.changed_by, version.created_at
            )
            + (f"\n{version.note}" if version.note else "")
        )
        self.warn_days.setValue(int(self.data["warn_days_before_expiry"]))
        self.warn_basis.setText(str(self.data.get("warn_days_basis", "")))
        self.warn_basis.setCursorPosition(0)
        self._fill_tree()
        emit(self.loaded)

    def _fill_tree(self, select: tuple[str, str] | None = None) -> None:
        assert self.data is not None
        self.tree.clear()
        holders = {"supplier": self.tr("Supplier"), "product": self.tr("Product")}
        chosen = None
        for group in category_requirements(self.data):
            top = QTreeWidgetItem(
                [group.name, "", "", self.tr("%1 papers").replace("%1", str(len(group.papers)))]
            )
            top.setData(0, ROLE_CODE, (group.code, ""))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for paper in group.papers:
                own = [self.tr("Studio: %1").replace("%1", b) for b in paper.owner_basis]
                basis = [*own, *(in_language(b) for b in paper.basis)]
                child = QTreeWidgetItem(
                    [
                        paper.name,
                        holders.get(paper.holder, paper.holder),
                        self.tr("Yes") if paper.expires else self.tr("No"),
                        basis[0] if basis else "",
                    ]
                )
                child.setData(0, ROLE_CODE, (group.code, paper.code))
                child.setToolTip(3, "\n\n".join(basis))
                top.addChild(child)
                if select == (group.code, paper.code):
                    chosen = child
            self.tree.addTopLevelItem(top)
            if select == (group.code, ""):
                chosen = top
        self.tree.expandAll()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.changes_label.setText(
            self.tr("%1 unsaved changes").replace("%1", str(len(self.pending))) if self.pending else ""
        )

    def selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, ROLE_CODE)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.remove_button.setEnabled(bool(self.may_edit and chosen and chosen[1]))

    # -- editing the working copy --------------------------------------------------------------------------------
    def open_add_paper(self) -> AddPaperDialog | None:
        """Open the dialog (window-modal, returns at once); on OK the working copy gains the paper."""
        if self.data is None:
            return None
        chosen = self.selected()
        dialog = AddPaperDialog(self.data, chosen[0] if chosen else None, self)
        dialog.accepted.connect(lambda: self._paper_added(dialog))
        dialog.open()
        return dialog

    def _paper_added(self, dialog: AddPaperDialog) -> None:
        category, doc_type, _basis = dialog.values()
        self.data = dialog.result_data
        self.pending.append(f"+{category}:{doc_type}")
        self._fill_tree(select=(category, doc_type))

    def remove_selected(self) -> None:
        chosen = self.selected()
        if self.data is None or not chosen or not chosen[1]:
            return
        try:
            self.data = remove_required(self.data, *chosen)
        except InvalidInput as exc:
            show_message(self.edit_message, str(exc), "error")
            return
        show_message(self.edit_message, "")
        self.pending.append(f"-{chosen[0]}:{chosen[1]}")
        self._fill_tree(select=(chosen[0], ""))

    # -- saving --------------------------------------------------------------------------------------------------
    def save(self) -> None:
        """Send the whole working copy (with the warning days as typed) to core as a new version."""
        if self.data is None:
            return
        self.save_bar.clear()
        show_message(self.edit_message, "")
        try:
            data = set_warn_days(self.data, self.warn_days.value(), basis=self.warn_basis.text())
        except InvalidInput as exc:
            show_message(self.edit_message, str(exc), "error")
            emit(self.saved, False)
            return
        as_of, note = self.save_bar.values()
        task = self.context.tasks.run(
            self.tr("Saving the document requirements"),
            save_rule,
            self.context.db,
            self.context.actor,
            data,
            as_of,
            note,
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_failed)

    def reset(self) -> None:
        if not confirm(
            self,
            self.tr("Back to the bundled table"),
            self.tr("Use the requirement table bundled with StudioDesk again?"),
            self.tr("Use the bundled table"),
            self.tr("Your versions stay in the history; the bundled table becomes a new version."),
        ):
            return
        task = self.context.tasks.run(
            self.tr("Restoring the bundled table"), reset_rule, self.context.db, self.context.actor
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_failed)

    def _on_saved(self, version: Any) -> None:
        self.show_version(version)
        self.save_bar.saved(self.tr("Saved as version %1.").replace("%1", str(version.version)))
        emit(self.saved, True)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and exc.field.startswith("warn_days"):
            show_message(self.edit_message, str(exc), "error")
        else:
            self.save_bar.show_error(exc)
        emit(self.saved, False)
