"""开播检查模板 tab: the pre-live checklist's items — add, edit in place, remove, reorder — saved as a new version.

Sessions whose checklist already started keep the version they started with; only new runs use the new one.
Reads and writes run on the background lane; a refused item is selected and the reason shown under the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.qtcompat import emit
from ui.settings.rules_common import SaveBar, version_line
from ui.widgets import error_text, message_label, show_message

COLUMNS = ("code", "title", "chapter", "required", "basis")
REQUIRED = COLUMNS.index("required")


def load_template(db: Any, actor: Any, **_lane: Any) -> Any:
    from core.services import rules_checklist

    # a unit of work: the bundled template is copied in the first time it is read
    with db.unit_of_work(actor) as session:
        return rules_checklist.active_checklist_template(session)


def save_template(db: Any, actor: Any, items: list[dict], as_of: Any, note: str, **_lane: Any) -> Any:
    from core.services import rules_checklist

    with db.unit_of_work(actor) as session:
        return rules_checklist.save_checklist_template(session, actor, items, as_of=as_of, note=note)


def reset_template(db: Any, actor: Any, **_lane: Any) -> Any:
    from core.services import rules_checklist

    with db.unit_of_work(actor) as session:
        return rules_checklist.reset_checklist_template(session, actor)


class ChecklistRuleTab(QWidget):
    """The template's items as an editable table. ``loaded`` after each read, ``saved(ok)`` after each save."""

    loaded = Signal()
    saved = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.actor.may("rules.edit")
        self.template: Any = None

        self.header = QLabel(self.tr("Loading…"))
        self.header.setObjectName("checklistRuleVersion")
        self.header.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("templateTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("What to check"),
                self.tr("Chapter"),
                self.tr("Required"),
                self.tr("Basis"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((180, 330, 90, 60)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        if not self.may_edit:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.add_button = QPushButton(self.tr("Add an item"))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("Remove the item"))
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        hint = QLabel(self.tr("Double-click a cell to change it. Required items need their basis."))
        hint.setObjectName("templateHint")
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
            button.setEnabled(self.may_edit)
        row.addStretch(1)
        row.addWidget(hint)
        hint.setVisible(self.may_edit)
        self.edit_message = message_label()
        self.edit_message.setObjectName("templateMessage")

        self.save_bar = SaveBar(self.tr("Save as a new version"))
        self.save_bar.save_requested.connect(self.save)
        self.save_bar.reset_requested.connect(self.reset)
        self.save_bar.set_editable(self.may_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.edit_message)
        layout.addWidget(self.save_bar)
        self.reload()

    # -- reading -------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        task = self.context.tasks.run(
            self.tr("Reading the checklist template"), load_template, self.context.db, self.context.actor
        ).bind(self)
        task.succeeded.connect(self.show_template)
        task.failed.connect(lambda exc: show_message(self.edit_message, error_text(exc), "error"))

    def show_template(self, template: Any) -> None:
        self.template = template
        line = version_line(template.version, template.as_of, template.origin, template.changed_by)
        runs = self.tr("%1 sessions' checklists use this version.").replace("%1", str(template.runs))
        self.header.setText(f"{line} · {runs}" + (f"\n{template.note}" if template.note else ""))
        self.table.setRowCount(0)
        for item in template.items:
            self._insert_row(self.table.rowCount(), item.as_dict())
        emit(self.loaded)

    def _insert_row(self, row: int, values: dict) -> None:
        self.table.insertRow(row)
        for column, key in enumerate(COLUMNS):
            cell = QTableWidgetItem()
            if key == "required":
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if self.may_edit:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                cell.setFlags(flags)
                cell.setCheckState(
                    Qt.CheckState.Checked if values.get("required") else Qt.CheckState.Unchecked
                )
            else:
                text = str(values.get(key) or "")
                cell.setText(text)
                cell.setToolTip(text)
            self.table.setItem(row, column, cell)

    def items(self) -> list[dict]:
        """The table as item dicts, in order (what would be saved)."""
        found = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for column, key in enumerate(COLUMNS):
                cell = self.table.item(row, column)
                if key == "required":
                    values[key] = cell is not None and cell.checkState() == Qt.CheckState.Checked
                else:
                    values[key] = cell.text().strip() if cell is not None else ""
            found.append(values)
        return found

    # -- editing -------------------------------------------------------------------------------------------------
    def add_item(self) -> None:
        """A new required item under the selected one (or at the end), its code cell ready for typing."""
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        chapter = self.items()[row - 1]["chapter"] if row > 0 else ""
        self._insert_row(row, {"code": "", "title": "", "chapter": chapter, "required": True, "basis": ""})
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_item(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = self.items()[row]
        self.table.removeRow(row)
        self._insert_row(target, values)
        self.table.setCurrentCell(target, 1)

    # -- saving --------------------------------------------------------------------------------------------------
    def save(self) -> None:
        self.save_bar.clear()
        show_message(self.edit_message, "")
        as_of, note = self.save_bar.values()
        task = self.context.tasks.run(
            self.tr("Saving the checklist template"),
            save_template,
            self.context.db,
            self.context.actor,
            self.items(),
            as_of,
            note,
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_failed)

    def reset(self) -> None:
        if not confirm(
            self,
            self.tr("Back to the bundled checklist"),
            self.tr("Use the checklist template bundled with StudioDesk for new sessions again?"),
            self.tr("Use the bundled checklist"),
            self.tr("Checklists already started keep their version."),
        ):
            return
        task = self.context.tasks.run(
            self.tr("Restoring the bundled checklist"), reset_template, self.context.db, self.context.actor
        )
        task.succeeded.connect(self._on_saved)
        task.failed.connect(self._on_failed)

    def _on_saved(self, template: Any) -> None:
        self.show_template(template)
        self.save_bar.saved(
            self.tr("Saved as version %1; new sessions' checklists use it.").replace(
                "%1", str(template.version)
            )
        )
        emit(self.saved, True)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and exc.row:
            column = COLUMNS.index(exc.field) if exc.field in COLUMNS else 1
            self.table.setCurrentCell(exc.row - 1, column)
            show_message(self.edit_message, str(exc), "error")
        elif isinstance(exc, InvalidInput) and exc.field == "items":
            show_message(self.edit_message, str(exc), "error")
        else:
            self.save_bar.show_error(exc)
        emit(self.saved, False)
