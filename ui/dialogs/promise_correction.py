"""Correct a logged promise from the live console: new wording (口误更正 / 更正记录) or a retraction reason (撤回).

Contract: the dialog saves through the ``save(text)`` it is given (one unit of work writing one new row). It closes
only when that succeeds; core's refusal (already corrected, another session, a retraction row, not live) is shown
inside the dialog, which stays open. Once saved, ``result_view`` holds the new row and another Enter does nothing,
so nothing is written twice. Enter saves, Shift+Enter starts a new line, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.errors import StudioDeskError
from ui.dialogs.reason import ReasonDialog
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message


def is_plain_enter(event: QEvent) -> bool:
    """Enter or Return without Shift (Shift+Enter is a new line)."""
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    )


class _EnterSaves(QObject):
    """Event filter on a text field: plain Enter calls ``save`` instead of adding a line."""

    def __init__(self, save: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_plain_enter(event):
            self.save()
            return True
        return False


class PromiseCorrectionDialog(QDialog):
    """New wording for promise #n, prefilled with the wording on record; ``saved`` fires with the new row."""

    saved = Signal(object)

    def __init__(
        self,
        title: str,
        subject: str,
        action: str,
        wording: str,
        save: Callable[[str], Any],
        *,
        note: str = "",
        terms_of: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promiseCorrectionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.save = save
        self.terms_of = terms_of
        self.result_view: Any = None
        heading = QLabel(title)
        heading.setObjectName("dialogHeading")
        self.subject = QLabel(subject)
        self.subject.setObjectName("correctionSubject")
        self.subject.setWordWrap(True)
        self.note = message_label("note")
        show_message(self.note, note)
        self.text = QPlainTextEdit()
        self.text.setObjectName("correctionText")
        self.text.setPlainText(wording)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(70)
        self.text.selectAll()
        self.text.installEventFilter(_EnterSaves(self.accept, self))
        self.terms = QLabel()
        self.terms.setObjectName("correctionTerms")
        self.terms.setWordWrap(True)
        self.text.textChanged.connect(self._show_terms)
        self.error = message_label()
        self.error.setObjectName("correctionError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.subject)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("Wording (Enter saves, Shift+Enter new line, Esc cancels)")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.terms)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_terms()
        self.text.setFocus()

    def wording(self) -> str:
        return self.text.toPlainText().strip()

    def _show_terms(self) -> None:
        self.terms.setVisible(self.terms_of is not None)
        if self.terms_of is not None:
            self.terms.setText(self.terms_of(self.wording()))

    def accept(self) -> None:
        """Save once; on a refusal say why here and stay open."""
        if self.result_view is not None:
            return
        if not self.wording():
            show_message(self.error, self.tr("Please write the wording as it should stand on the record."))
            self.text.setFocus()
            return
        try:
            view = self.save(self.wording())
        except StudioDeskError as exc:
            show_message(self.error, error_text(exc))
            self.text.setFocus()
            return
        self.result_view = view
        show_message(self.error, "")
        emit(self.saved, view)
        super().accept()


class RetractionDialog(ReasonDialog):
    """撤回: the required reason, saved through ``save(reason)``; refusals shown here, closes only on success."""

    saved = Signal(object)

    def __init__(
        self,
        title: str,
        subject: str,
        action: str,
        save: Callable[[str], Any],
        *,
        warning: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, subject, action, warning=warning, parent=parent)
        self.setObjectName("retractionDialog")
        self.save = save
        self.result_view: Any = None
        self.text.installEventFilter(_EnterSaves(self.accept, self))

    def accept(self) -> None:
        if self.result_view is not None:
            return
        if not self.reason():
            super().accept()  # says a reason is needed and stays open
            return
        try:
            view = self.save(self.reason())
        except StudioDeskError as exc:
            show_message(self.error, error_text(exc))
            self.text.setFocus()
            return
        self.result_view = view
        show_message(self.error, "")
        emit(self.saved, view)
        QDialog.accept(self)


__all__ = ["PromiseCorrectionDialog", "RetractionDialog", "is_plain_enter"]
