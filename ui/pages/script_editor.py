"""话术检查 Script checker: the host's wording linted as they type, with reasons, citations and exemptions.

Lint is pure and fast (20,000 characters ≈ 11 ms), so it runs on the GUI thread 150 ms after the last keystroke.
Findings come from :func:`core.domain.lint.lint`; exemptions (SAMR 2023 guide's grounds) are recorded through
:mod:`core.services.scripts` in one unit of work, saving the script first so the exemption points at saved text.
An exemption matches a finding by term and position; editing text before it brings the finding back on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.lint import Finding, Lexicon, lint
from core.errors import InvalidInput, StudioDeskError
from ui.context import PageContext
from ui.dialogs.lint_exemption import ExemptionDialog
from ui.qtcompat import emit
from ui.widgets import message_label, show_message

COLOURS = {"error": "#d03030", "warning": "#d97a00", "info": "#2a6fdb", "exempted": "#9a9a9a"}
DEBOUNCE_MS = 150


@dataclass(frozen=True)
class Shown:
    """A finding as the editor shows it: its span in the document (UTF-16 units) and whether it is exempted."""

    finding: Finding
    qt_start: int
    qt_end: int
    exempted: bool


def load_studio_lexicon(db, **_lane) -> Lexicon:
    """On the lane: the studio's lexicon (bundled + the owner's changes), its matcher compiled before it is used."""
    from core.services.rules_lexicon import studio_lexicon

    with db.sessions() as session:
        lexicon = studio_lexicon(session)
    _ = lexicon.matcher
    return lexicon


def utf16_offsets(text: str) -> list[int]:
    """Python index -> Qt document position (characters outside the BMP, e.g. emoji, take two units in Qt)."""
    offsets, pos = [], 0
    for char in text:
        offsets.append(pos)
        pos += 2 if ord(char) > 0xFFFF else 1
    offsets.append(pos)
    return offsets


def severity_name(severity: str) -> str:
    names = {
        "error": QCoreApplication.translate("ScriptChecker", "Error"),
        "warning": QCoreApplication.translate("ScriptChecker", "Warning"),
        "info": QCoreApplication.translate("ScriptChecker", "Note"),
        "exempted": QCoreApplication.translate("ScriptChecker", "Exempted"),
    }
    return names.get(severity, severity)


class FindingHighlighter(QSyntaxHighlighter):
    """Wavy underline and colour per severity; exempted findings grey with a dotted underline."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.shown: list[Shown] = []
        self.formats = {}
        for key, colour in COLOURS.items():
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            fmt.setUnderlineColor(QColor(colour))
            style = QTextCharFormat.UnderlineStyle
            fmt.setUnderlineStyle(style.DotLine if key == "exempted" else style.WaveUnderline)
            self.formats[key] = fmt

    def set_findings(self, shown: list[Shown]) -> None:
        self.shown = shown
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block_start = self.currentBlock().position()
        block_end = block_start + self.currentBlock().length()
        for item in self.shown:
            if item.qt_end <= block_start or item.qt_start >= block_end:
                continue
            start = max(item.qt_start, block_start) - block_start
            end = min(item.qt_end, block_end) - block_start
            key = "exempted" if item.exempted else item.finding.severity
            self.setFormat(start, end - start, self.formats.get(key, self.formats["info"]))


class ScriptTextEdit(QPlainTextEdit):
    """The script text; hovering a highlighted term shows why it was flagged and the legal basis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: list[Shown] = []

    def shown_at(self, position: int) -> Shown | None:
        return next((s for s in self.shown if s.qt_start <= position < s.qt_end), None)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item = self.shown_at(self.cursorForPosition(event.pos()).position())
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip_text(item), self.viewport())
            return True
        return super().viewportEvent(event)


def tooltip_text(item: Shown) -> str:
    """Rich text: the term and its severity, the reason, and the basis cited."""
    f = item.finding
    label = severity_name("exempted" if item.exempted else f.severity)
    return (
        f"<b>{f.term}</b> · {label}<br>{f.reason}<br><i>"
        + QCoreApplication.translate("ScriptChecker", "Basis: %1").replace("%1", f.basis)
        + "</i>"
    )


class ScriptChecker(QWidget):
    """Editor, category picker, findings list and exemptions. ``checked(count)`` follows every lint run."""

    checked = Signal(int)
    saved = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.script_id: int | None = None
        self.session_id: int | None = None  # bind_session(): scripts listed and saved for this live session
        self.exemptions: tuple = ()
        self.shown: list[Shown] = []
        self.exemption_dialog = ExemptionDialog  # swapped by tests
        self.lexicon: Lexicon | None = None  # the studio's lexicon once loaded; until then lint's bundled one

        self.scripts = QComboBox()
        self.scripts.setMinimumWidth(180)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Script title, e.g. 面膜开场"))
        self.category = QComboBox()
        self.save_button = QPushButton(self.tr("Save script"))
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Script")))
        top.addWidget(self.scripts)
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Product category")))
        top.addWidget(self.category)
        top.addWidget(self.save_button)

        self.editor = ScriptTextEdit()
        self.editor.setPlaceholderText(
            self.tr("Paste or type the host's wording here; risky terms are marked as you type.")
        )
        self.highlighter = FindingHighlighter(self.editor.document())
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels([self.tr("Term"), self.tr("Severity"), self.tr("Reason")])
        self.findings.setRootIsDecorated(False)
        header = self.findings.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.currentItemChanged.connect(self._selected)
        self.summary = QLabel()
        self.summary.setObjectName("lintSummary")
        self.exempt_button = QPushButton(self.tr("Record exemption"))
        self.exempt_button.setEnabled(False)
        self.exempt_button.clicked.connect(self.exempt_selected)
        self.result = message_label("ok")
        self.detail = QLabel()
        self.detail.setObjectName("lintDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.findings, 1)
        column.addWidget(self.detail)
        row = QHBoxLayout()
        row.addWidget(self.exempt_button)
        row.addStretch(1)
        column.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.result)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.relint)
        self.editor.textChanged.connect(self.timer.start)
        self.category.currentIndexChanged.connect(lambda _i: self.relint())
        self._load_choices()
        self.scripts.currentIndexChanged.connect(lambda _i: self.open_script(self.scripts.currentData()))
        if not context.actor.may("scripts.edit"):
            self.save_button.setEnabled(False)
            show_message(
                self.result,
                self.tr("You may read scripts here; changing them needs the scripts right."),
                "note",
            )
        self.relint()
        task = context.tasks.run(self.tr("Loading the studio's lexicon"), load_studio_lexicon, context.db)
        task.succeeded.connect(self._lexicon_loaded)

    def _lexicon_loaded(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.relint()

    # -- loading -------------------------------------------------------------------------------------------
    def _load_choices(self, select: int | None = None) -> None:
        from core.services import scripts

        with self.context.db.unit_of_work(self.context.actor) as session:
            categories = scripts.product_categories(session)
            saved = scripts.list_scripts(session, session_id=self.session_id)
        if self.category.count() == 0:
            self.category.addItem(self.tr("General goods"), None)
            for code, name in categories.items():
                if code != "general":
                    self.category.addItem(name, code)
        self.scripts.blockSignals(True)
        self.scripts.clear()
        self.scripts.addItem(self.tr("New script"), None)
        for view in saved:
            self.scripts.addItem(view.title or self.tr("Untitled (#%1)").replace("%1", str(view.id)), view.id)
        self.scripts.setCurrentIndex(max(0, self.scripts.findData(select)) if select else 0)
        self.scripts.blockSignals(False)

    def bind_session(self, session_id: int | None) -> None:
        """Work on one live session's scripts: list only those, save new ones to it, open its latest (or a blank)."""
        self.session_id = session_id
        self._load_choices()
        latest = self.scripts.itemData(1) if session_id is not None and self.scripts.count() > 1 else None
        self.scripts.blockSignals(True)
        self.scripts.setCurrentIndex(max(0, self.scripts.findData(latest)) if latest else 0)
        self.scripts.blockSignals(False)
        self.open_script(latest)

    def open_script(self, script_id: int | None) -> None:
        """Show a saved script (None: a blank new one) with its exemptions."""
        from core.services import scripts

        self.script_id = script_id
        if script_id is None:
            self.exemptions = ()
            self.title.clear()
            self.editor.setPlainText("")
        else:
            with self.context.db.unit_of_work(self.context.actor) as session:
                view = scripts.get_script(session, script_id)
                self.exemptions = scripts.exemptions_of(session, script_id)
            self.title.setText(view.title)
            self.editor.setPlainText(view.body)
        self.relint()

    # -- linting -------------------------------------------------------------------------------------------
    def relint(self) -> None:
        """Lint the text now (the debounce timer calls this); refresh highlights, list and summary."""
        from core.services.scripts import is_exempted, lint_category

        self.timer.stop()
        text = self.editor.toPlainText()
        found = lint(text, lint_category(self.category.currentData()), lexicon=self.lexicon)
        offsets = utf16_offsets(text)
        self.shown = [
            Shown(f, offsets[f.start], offsets[f.end], is_exempted(f, self.exemptions)) for f in found
        ]
        self.editor.shown = self.shown
        self.highlighter.set_findings(self.shown)
        self._fill_list()
        emit(self.checked, sum(1 for s in self.shown if not s.exempted))

    def _fill_list(self) -> None:
        self.findings.clear()
        counts = {"error": 0, "warning": 0, "info": 0, "exempted": 0}
        for index, item in enumerate(self.shown):
            key = "exempted" if item.exempted else item.finding.severity
            counts[key] = counts.get(key, 0) + 1
            row = QTreeWidgetItem([item.finding.term, severity_name(key), item.finding.reason])
            row.setData(0, Qt.ItemDataRole.UserRole, index)
            row.setToolTip(2, tooltip_text(item))
            for column in range(3):
                row.setForeground(column, QColor(COLOURS["exempted"]) if item.exempted else QColor("#222"))
            row.setForeground(1, QColor(COLOURS.get(key, COLOURS["info"])))
            self.findings.addTopLevelItem(row)
        if not self.shown:
            self.summary.setText(self.tr("No risky wording found."))
        else:
            self.summary.setText(
                self.tr("%1 errors, %2 warnings, %3 notes, %4 exempted")
                .replace("%1", str(counts["error"]))
                .replace("%2", str(counts["warning"]))
                .replace("%3", str(counts["info"]))
                .replace("%4", str(counts["exempted"]))
            )
        self.exempt_button.setEnabled(False)
        self.detail.setText("")

    def selected(self) -> Shown | None:
        row = self.findings.currentItem()
        return None if row is None else self.shown[row.data(0, Qt.ItemDataRole.UserRole)]

    def _selected(self, *_args) -> None:
        item = self.selected()
        may = self.context.actor.may("scripts.edit")
        self.exempt_button.setEnabled(bool(item and not item.exempted and may))
        self.detail.setText("" if item is None else tooltip_text(item))
        if item is not None:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(item.qt_start)
            cursor.setPosition(item.qt_end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)

    # -- saving --------------------------------------------------------------------------------------------
    def _save_in(self, session) -> int:
        from core.services import scripts

        view = scripts.save_script(
            session,
            self.context.actor,
            script_id=self.script_id,
            session_id=self.session_id,
            title=self.title.text(),
            body=self.editor.toPlainText(),
        )
        return view.id

    def save(self) -> bool:
        """Save the script in one unit of work; a refusal is shown under the editor."""
        show_message(self.result, "")
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                self.script_id = self._save_in(session)
        except StudioDeskError as exc:
            show_message(self.result, str(exc), "error")
            return False
        self._load_choices(select=self.script_id)
        show_message(self.result, self.tr("Saved."), "ok")
        emit(self.saved, self.script_id)
        return True

    def exempt_selected(self) -> bool:
        """Ask for the guide's ground, then save the script and record the exemption together."""
        from core.services import scripts

        item = self.selected()
        if item is None or item.exempted:
            return False
        with self.context.db.unit_of_work(self.context.actor) as session:
            reasons = scripts.exemption_reasons(session)
        dialog = self.exemption_dialog(item.finding, reasons, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        code, note = dialog.choice()
        f = item.finding
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                self.script_id = self._save_in(session)
                scripts.record_exemption(
                    session,
                    self.context.actor,
                    self.script_id,
                    term=f.term,
                    start=f.start,
                    end=f.end,
                    reason_code=code,
                    note=note,
                )
                self.exemptions = scripts.exemptions_of(session, self.script_id)
        except (InvalidInput, StudioDeskError) as exc:
            show_message(self.result, str(exc), "error")
            return False
        self._load_choices(select=self.script_id)
        self.relint()
        show_message(self.result, self.tr("Exemption recorded in the ledger."), "ok")
        return True
