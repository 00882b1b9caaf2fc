"""The console's promise field: template picked by F1–F8, wording linted and parsed as it is typed, Enter saves.

The templates (kind, names, shortcut, example) are the ``promises`` rule's data, so the studio changes them in
rules, not here. The moment typing starts is kept as the promise's "said at" (the operator types while the host
speaks); it travels with the draft so a restored draft keeps it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core import clock
from core.domain.lint import lint
from core.domain.promise_terms import parse_terms
from core.domain.promise_words import terms_in_words
from ui.pages.script_editor import FindingHighlighter, Shown, utf16_offsets
from ui.qtcompat import emit
from ui.translation import current_language
from ui.widgets import message_label, show_message

DRAFT_DEBOUNCE_MS = 500
FUNCTION_KEYS = {getattr(Qt.Key, f"Key_F{n}"): f"F{n}" for n in range(1, 13)}
COMMAND_KEYS = {  # Ctrl+key: the console's commands on the current promise and the product on air
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_K: "on_air",  # 口误更正
    Qt.Key.Key_E: "amend",  # 更正记录
    Qt.Key.Key_R: "retract",  # 撤回
    Qt.Key.Key_P: "price",  # 改价
    Qt.Key.Key_L: "go_live",  # 开播
    Qt.Key.Key_D: "end",  # 下播 (asks first)
    Qt.Key.Key_T: "compact",  # 精简置顶窗 on/off
    Qt.Key.Key_J: "pick_session",  # 选择场次
}
SESSION_COMMANDS = ("go_live", "end", "compact", "pick_session")  # the rest act on promises and the price


def command_for(event: QKeyEvent) -> str | None:
    """The console command of a Ctrl+key press (see :data:`COMMAND_KEYS`), or None."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.ControlModifier:
        return None
    return COMMAND_KEYS.get(Qt.Key(event.key()))


def terms_text(terms: dict[str, Any], kind: str = "other") -> str:
    """The terms in the same words as the printed promise sheet ("48 小时内发货；假一赔十"); "" for none."""
    return terms_in_words(kind, terms) if terms else ""


def template_name(template: dict[str, Any]) -> str:
    return str(template.get("en" if current_language().startswith("en") else "zh", template["kind"]))


class WordingEdit(QPlainTextEdit):
    """A short text field: Enter saves (Shift+Enter is a new line), Esc leaves, F-keys pick the template, the
    console's Ctrl+key commands (:data:`COMMAND_KEYS`) go to the console even while typing."""

    submitted = Signal()
    escaped = Signal()
    function_key = Signal(str)
    command = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        found = command_for(event)
        if found is not None:
            emit(self.command, found)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            emit(self.submitted)
            return
        if key == Qt.Key.Key_Escape:
            emit(self.escaped)
            return
        if key in FUNCTION_KEYS:
            emit(self.function_key, FUNCTION_KEYS[key])
            return
        super().keyPressEvent(event)


class PromiseEntry(QWidget):
    """Template name, wording with lint marks, the terms read from it, and the refusal or "已记录 #n" beside it."""

    submitted = Signal()
    draft_due = Signal()  # a pause in typing: the page saves the draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates: tuple[dict[str, Any], ...] = ()
        self.kind = "other"
        self.started_at: datetime | None = None
        self._last_text = ""
        self.kind_label = QLabel()
        self.kind_label.setObjectName("consoleKind")
        self.kind_label.setStyleSheet("font-weight: bold; padding: 2px 6px;")
        self.keys_label = QLabel()
        self.keys_label.setWordWrap(True)
        self.keys_label.setStyleSheet("color: #666;")
        self.editor = WordingEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(64)
        self.highlighter = FindingHighlighter(self.editor.document())
        self.terms = QLabel()
        self.terms.setObjectName("consoleTerms")
        self.terms.setWordWrap(True)
        self.message = message_label()
        self.message.setObjectName("consoleEntryMessage")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(QCoreApplication.translate("PromiseEntry", "Promise")))
        top.addWidget(self.kind_label)
        top.addWidget(self.keys_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addWidget(self.terms)
        layout.addWidget(self.message)

        self.lint_timer = QTimer(self)
        self.lint_timer.setSingleShot(True)
        self.lint_timer.setInterval(150)
        self.lint_timer.timeout.connect(self.relint)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self.draft_timer.timeout.connect(lambda: emit(self.draft_due))
        self.editor.textChanged.connect(self._changed)
        self.editor.submitted.connect(lambda: emit(self.submitted))
        self.editor.function_key.connect(self.pick_shortcut)

    # -- templates -------------------------------------------------------------------------------------------
    def set_templates(self, templates: tuple[dict[str, Any], ...]) -> None:
        self.templates = templates
        keys = [f"{t.get('shortcut', '')} {template_name(t)}" for t in templates if t.get("shortcut")]
        self.keys_label.setText("  ".join(keys))
        self.pick_kind(self.kind)

    def template(self, kind: str) -> dict[str, Any] | None:
        return next((t for t in self.templates if t["kind"] == kind), None)

    def pick_shortcut(self, shortcut: str) -> bool:
        """F1–F8: pick that template (True) — unknown keys do nothing (False)."""
        found = next((t for t in self.templates if t.get("shortcut") == shortcut), None)
        if found is None:
            return False
        self.pick_kind(found["kind"])
        self.editor.setFocus()
        return True

    def pick_kind(self, kind: str) -> None:
        self.kind = kind
        found = self.template(kind)
        name = template_name(found) if found else kind
        key = found.get("shortcut", "") if found else ""
        self.kind_label.setText(f"{key} {name}".strip())
        example = str(found.get("example", "")) if found else ""
        self.editor.setPlaceholderText(
            QCoreApplication.translate("PromiseEntry", "Type what the host said, e.g. %1").replace(
                "%1", example
            )
        )
        self.relint()

    # -- typing ----------------------------------------------------------------------------------------------
    def wording(self) -> str:
        return self.editor.toPlainText()

    def _changed(self) -> None:
        text = self.wording()
        if text == self._last_text:  # re-highlighting also signals textChanged; only real edits count
            return
        self._last_text = text
        if text.strip() and self.started_at is None:
            self.started_at = clock.now()
        if not text.strip():
            self.started_at = None
        self.lint_timer.start()
        self.draft_timer.start()

    def relint(self) -> None:
        """Lint marks and the terms read from the wording, now."""
        self.lint_timer.stop()
        text = self.wording()
        offsets = utf16_offsets(text)
        shown = [Shown(f, offsets[f.start], offsets[f.end], False) for f in lint(text)]
        self.highlighter.set_findings(shown)
        found = parse_terms(self.kind, text) if text.strip() else {}
        self.terms.setText(
            QCoreApplication.translate("PromiseEntry", "Terms read: %1").replace(
                "%1", terms_text(found, self.kind)
            )
            if found
            else QCoreApplication.translate("PromiseEntry", "Terms read: none yet")
        )

    def draft(self) -> dict[str, Any]:
        """What is being typed, as a console draft (kind, wording, said_at as ISO text)."""
        data: dict[str, Any] = {"kind": self.kind, "wording": self.wording()}
        if self.started_at is not None:
            data["said_at"] = self.started_at.isoformat()
        return data

    def restore(self, draft: dict[str, Any]) -> None:
        """Put a saved draft back (after a crash or on reopening the console); keeps its "said at"."""
        self.pick_kind(str(draft.get("kind") or "other"))
        self.editor.blockSignals(True)
        self.editor.setPlainText(str(draft.get("wording") or ""))
        self.editor.blockSignals(False)
        self._last_text = self.wording()
        said = draft.get("said_at")
        self.started_at = datetime.fromisoformat(said) if said else None
        self.relint()
        show_message(self.message, QCoreApplication.translate("PromiseEntry", "Draft restored"), "note")

    def clear(self) -> None:
        self.draft_timer.stop()
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self._last_text = ""
        self.started_at = None
        self.relint()

    def show_result(self, text: str, kind: str) -> None:
        show_message(self.message, text, kind)


__all__ = [
    "COMMAND_KEYS",
    "DRAFT_DEBOUNCE_MS",
    "SESSION_COMMANDS",
    "PromiseEntry",
    "WordingEdit",
    "command_for",
    "template_name",
    "terms_text",
]
