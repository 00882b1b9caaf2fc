"""Correct a logged promise from the live console: new wording (口误更正 / 更正记录) or a retraction reason (撤回).

Contract: the dialog saves through the ``save(text)`` it is given (one unit of work writing one new row). It closes
only when that succeeds; core's refusal (already corrected, another session, a retraction row, not live) is shown
inside the dialog, which stays open. Once saved, ``result_view`` holds the new row and another Enter does nothing,
so nothing is written twice. Enter saves, Shift+Enter starts a new line, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from core.errors import StudioDeskError
from ui.dialogs.reason import ReasonDialog
from ui.qtcompat import emit
from ui.widgets import error_text, show_message


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


def save_once(dialog: Any, text: str, empty_message: str) -> None:
    """The dialogs' accept: refuse empty text, save through ``dialog.save`` once, show core's refusal and stay open,
    close (emitting ``saved``) only on success; after that another Enter does nothing."""
    if dialog.result_view is not None:
        return
    if not text:
        show_message(dialog.error, empty_message)
        dialog.text.setFocus()
        return
    try:
        view = dialog.save(text)
    except StudioDeskError as exc:
        show_message(dialog.error, error_text(exc))
        dialog.text.setFocus()
        return
    dialog.result_view = view
    show_message(dialog.error, "")
    emit(dialog.saved, view)
    QDialog.accept(dialog)


class PromiseCorrectionDialog(ReasonDialog):
    """New wording for promise #n, prefilled with the wording on record and the terms read from it as it is edited;
    ``saved`` fires with the new row."""

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
        label = QCoreApplication.translate(
            "PromiseCorrectionDialog", "Wording (Enter saves, Shift+Enter new line, Esc cancels)"
        )
        super().__init__(title, subject, action, warning=note, label=label, parent=parent)
        self.setObjectName("promiseCorrectionDialog")
        self.setMinimumWidth(480)
        self.save = save
        self.terms_of = terms_of
        self.result_view: Any = None
        self.text.setObjectName("correctionText")
        self.text.setPlaceholderText("")
        self.text.setPlainText(wording)
        self.text.setMinimumHeight(70)
        self.text.selectAll()
        self.text.installEventFilter(_EnterSaves(self.accept, self))
        self.terms = QLabel()
        self.terms.setObjectName("correctionTerms")
        self.terms.setWordWrap(True)
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.text) + 1, self.terms)
        self.text.textChanged.connect(self._show_terms)
        self._show_terms()

    def wording(self) -> str:
        return self.reason()

    def _show_terms(self) -> None:
        self.terms.setVisible(self.terms_of is not None)
        if self.terms_of is not None:
            self.terms.setText(self.terms_of(self.wording()))

    def accept(self) -> None:
        """Save once; on a refusal say why here and stay open."""
        empty = QCoreApplication.translate(
            "PromiseCorrectionDialog", "Please write the wording as it should stand on the record."
        )
        save_once(self, self.wording(), empty)


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
        empty = QCoreApplication.translate(
            "ReasonDialog", "Please write the reason; it is kept on the record."
        )
        save_once(self, self.reason(), empty)


__all__ = ["PromiseCorrectionDialog", "RetractionDialog", "is_plain_enter"]
