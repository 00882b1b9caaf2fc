"""违规词库 tab: search the studio's lexicon, add a term, disable a bundled term with a reason, see and undo changes.

Each change is saved at once as a new version of the owner's changes (as of today); the script checker and the
pre-live sheet then lint with the studio's lexicon. Reads and writes run on the background lane.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.lexicon_edits import search
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.dialogs.reason import ReasonDialog
from ui.pages.script_editor import severity_name
from ui.qtcompat import emit
from ui.settings.rules_common import version_line
from ui.settings.rules_term_dialog import AddTermDialog
from ui.widgets import error_text, message_label, show_message


@dataclass(frozen=True)
class LexiconScreen:
    changes: Any  # core.services.rules_lexicon.LexiconChanges
    entries: tuple
    categories: dict[str, str]
    product_categories: dict[str, str]


def load_lexicon(db: Any, **_lane: Any) -> LexiconScreen:
    from core import i18n
    from core.lexicon import default_lexicon
    from core.services import rules_lexicon

    with db.sessions() as session:
        changes = rules_lexicon.lexicon_changes(session)
        entries = rules_lexicon.lexicon_entries(session)
    base = default_lexicon()
    lang = "name_en" if i18n.language() == "en" else "name_zh"
    categories = {code: str(body.get(lang, code)) for code, body in base.categories.items()}
    return LexiconScreen(changes, entries, categories, dict(base.product_categories))


def change_lexicon(db: Any, actor: Any, operation: str, kwargs: dict, **_lane: Any) -> Any:
    """Run one of rules_lexicon's changes (add_term, disable_term, withdraw_change, reset_lexicon)."""
    from core.services import rules_lexicon

    with db.unit_of_work(actor) as session:
        return getattr(rules_lexicon, operation)(session, actor, **kwargs)


class LexiconRuleTab(QWidget):
    """``loaded`` after each read; ``saved(ok)`` after each change the owner asks for."""

    loaded = Signal()
    saved = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.actor.may("rules.edit")
        self.screen: LexiconScreen | None = None
        self.shown: tuple = ()
        self.dialog: QDialog | None = None

        self.header = QLabel(self.tr("Loading…"))
        self.header.setObjectName("lexiconRuleVersion")
        self.header.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("lexiconSearch")
        self.query.setPlaceholderText(self.tr("Search terms, kinds of risk, reasons or basis, e.g. 最低价"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _t: self._fill_table())
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.count)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("lexiconTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Term"), self.tr("Kind of risk"), self.tr("Severity"), self.tr("Source"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.changes = QTreeWidget()
        self.changes.setObjectName("lexiconChanges")
        self.changes.setHeaderLabels([self.tr("Your change"), self.tr("Term"), self.tr("Reason and basis")])
        self.changes.setRootIsDecorated(False)
        self.changes.header().setMinimumSectionSize(80)
        self.changes.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.changes.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.changes.itemSelectionChanged.connect(self._selection_changed)
        changes_box = QWidget()
        column = QVBoxLayout(changes_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("The studio's changes to the bundled lexicon")))
        column.addWidget(self.changes, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(changes_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.add_button = QPushButton(self.tr("Add a term…"))
        self.add_button.clicked.connect(self.open_add_term)
        self.disable_button = QPushButton(self.tr("Disable the selected term…"))
        self.disable_button.clicked.connect(self.open_disable)
        self.withdraw_button = QPushButton(self.tr("Undo the studio's change"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.reset_button = QPushButton(self.tr("Back to the bundled lexicon…"))
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        self.message = message_label()
        self.message.setObjectName("lexiconMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        for button in (self.add_button, self.reset_button):
            button.setEnabled(self.may_edit)
        self.disable_button.setEnabled(False)
        self.withdraw_button.setEnabled(False)
        self.reload()

    # -- reading -------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        task = self.context.tasks.run(self.tr("Reading the lexicon"), load_lexicon, self.context.db).bind(
            self
        )
        task.succeeded.connect(self.show_screen)
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def show_screen(self, screen: LexiconScreen) -> None:
        self.screen = screen
        c = screen.changes
        if c.version:
            line = version_line(c.version, c.as_of, c.origin, c.changed_by)
        else:
            line = self.tr("The bundled lexicon, checked against its sources on %1").replace(
                "%1", c.as_of.isoformat()
            )
        summary = (
            self.tr("%1 terms; the studio added %2 and disabled %3.")
            .replace("%1", str(len(screen.entries)))
            .replace("%2", str(len(c.added)))
            .replace("%3", str(len(c.disabled)))
        )
        self.header.setText(f"{line}\n{summary}")
        self._fill_table()
        self._fill_changes()
        emit(self.loaded)

    def _severity_text(self, severity: dict) -> str:
        assert self.screen is not None
        text = severity_name(severity.get("default", ""))
        others = [
            f"{self.screen.product_categories.get(k, k)}：{severity_name(v)}"
            for k, v in severity.items()
            if k != "default"
        ]
        return text + (f"（{'，'.join(others)}）" if others else "")

    def _status_text(self, entry: Any) -> str:
        names = {
            "bundled": self.tr("Bundled"),
            "added": self.tr("Added by the studio"),
            "replaced": self.tr("Bundled, re-defined by the studio"),
            "disabled": self.tr("Disabled by the studio"),
        }
        return names.get(entry.status, entry.status)

    def _fill_table(self) -> None:
        if self.screen is None:
            return
        self.shown = search(self.screen.entries, self.query.text())
        self.table.setRowCount(len(self.shown))
        grey = Qt.GlobalColor.gray
        basis_text = self.tr("Basis: %1")
        for row, entry in enumerate(self.shown):
            cells = (
                entry.term,
                entry.category_name,
                self._severity_text(dict(entry.severity)),
                self._status_text(entry),
                entry.disabled_reason or entry.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{entry.reason}\n{basis_text.replace('%1', entry.basis)}")
                if entry.status == "disabled":
                    item.setForeground(grey)
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("%1 shown").replace("%1", str(len(self.shown))))
        self._selection_changed()

    def _fill_changes(self) -> None:
        assert self.screen is not None
        self.changes.clear()
        for added in self.screen.changes.added:
            kind = self.tr("Re-defined") if added.replaces_bundled else self.tr("Added")
            item = QTreeWidgetItem([kind, added.term, f"{added.reason} · {added.basis}"])
            item.setData(0, Qt.ItemDataRole.UserRole, added.term)
            self.changes.addTopLevelItem(item)
        for disabled in self.screen.changes.disabled:
            item = QTreeWidgetItem([self.tr("Disabled"), disabled.term, disabled.reason])
            item.setData(0, Qt.ItemDataRole.UserRole, disabled.term)
            self.changes.addTopLevelItem(item)
        if not self.screen.changes.added and not self.screen.changes.disabled:
            placeholder = QTreeWidgetItem(
                ["", "", self.tr("None yet: the bundled lexicon is used as it is.")]
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.changes.addTopLevelItem(placeholder)

    def selected_entry(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows and rows[0].row() < len(self.shown) else None

    def selected_change(self) -> str | None:
        """The term of the selected change (in the changes list, or a changed term in the table)."""
        item = self.changes.currentItem()
        if item is not None and item.isSelected() and item.data(0, Qt.ItemDataRole.UserRole):
            return item.data(0, Qt.ItemDataRole.UserRole)
        entry = self.selected_entry()
        return entry.term if entry is not None and entry.status != "bundled" else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.disable_button.setEnabled(
            bool(self.may_edit and entry is not None and entry.status == "bundled")
        )
        self.withdraw_button.setEnabled(bool(self.may_edit and self.selected_change()))

    # -- changing ------------------------------------------------------------------------------------------------
    def _run(self, label: str, operation: str, **kwargs: Any) -> Any:
        show_message(self.message, "")
        task = self.context.tasks.run(
            label, change_lexicon, self.context.db, self.context.actor, operation, kwargs
        )
        task.succeeded.connect(self._on_changed)
        task.failed.connect(self._on_failed)
        return task

    def open_add_term(self) -> AddTermDialog | None:
        """Open the add-term dialog (window-modal, returns at once); it closes once core saved the term."""
        if self.screen is None:
            return None

        def submit(values: dict) -> Any:
            return self._run(self.tr("Adding a term"), "add_term", **values)

        dialog = AddTermDialog(self.screen.categories, self.screen.product_categories, submit, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_disable(self) -> ReasonDialog | None:
        """Ask why the selected bundled term should no longer be flagged; disable it once a reason is given."""
        entry = self.selected_entry()
        if entry is None or entry.status != "bundled":
            return None
        dialog = ReasonDialog(
            self.tr("Disable a term"),
            self.tr("“%1” will no longer be flagged in scripts.").replace("%1", entry.term),
            self.tr("Disable the term"),
            warning=self.tr("The reason is kept with the rule version; the bundled basis was: %1").replace(
                "%1", entry.basis
            ),
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self._run(
                self.tr("Disabling a term"), "disable_term", term=entry.term, reason=dialog.reason()
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def withdraw_selected(self) -> None:
        term = self.selected_change()
        if term:
            self._run(self.tr("Undoing a change"), "withdraw_change", term=term)

    def reset(self) -> None:
        if confirm(
            self,
            self.tr("Back to the bundled lexicon"),
            self.tr("Drop every term the studio added and flag every disabled term again?"),
            self.tr("Use the bundled lexicon"),
            self.tr("Earlier versions stay in the history."),
        ):
            self._run(self.tr("Restoring the bundled lexicon"), "reset_lexicon")

    def _on_changed(self, changes: Any) -> None:
        show_message(
            self.message,
            self.tr("Saved as version %1 of the studio's lexicon.").replace("%1", str(changes.version)),
            "ok",
        )
        emit(self.saved, True)
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        if not (isinstance(self.dialog, AddTermDialog) and self.dialog.isVisible()):
            show_message(self.message, error_text(exc), "error")
        emit(self.saved, False)
