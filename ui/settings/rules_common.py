"""Pieces the three rule tabs share: the version line, the save bar (as-of date, note, save, reset), errors.

Permission is the service's ('rules.edit', owner only); the disabled controls for everyone else are a courtesy.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.errors import InvalidInput
from ui.dialogs.confirm import when
from ui.widgets import FieldForm, error_text, message_label, show_message


def origin_name(origin: str) -> str:
    """Where a version came from, in words."""
    names = {
        "bundled": QCoreApplication.translate("RulesCommon", "bundled with StudioDesk"),
        "owner": QCoreApplication.translate("RulesCommon", "changed by the owner"),
    }
    return names.get(origin, origin)


def version_line(version: int, as_of: date, origin: str, changed_by: str = "", created_at: Any = None) -> str:
    """ "Version 3 · checked 2026-11-28 · changed by the owner (王芳, 2026-11-29 10:02)"."""
    text = (
        QCoreApplication.translate("RulesCommon", "Version %1 · checked against its sources on %2 · %3")
        .replace("%1", str(version))
        .replace("%2", as_of.isoformat())
        .replace("%3", origin_name(origin))
    )
    who = " ".join(part for part in (changed_by, when(created_at)) if part)
    return (
        QCoreApplication.translate("RulesCommon", "%1 (%2)").replace("%1", text).replace("%2", who)
        if who and origin == "owner"
        else text
    )


class SaveBar(QWidget):
    """The as-of date, the note saying what changed and why, and the save / reset buttons.

    ``save_requested`` and ``reset_requested`` are emitted by the buttons; :meth:`show_error` puts a refusal next
    to the date or the note when core names one of them, else in the message line under the bar.
    """

    save_requested = Signal()
    reset_requested = Signal()

    def __init__(self, save_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = FieldForm()
        self.as_of = QDateEdit()
        self.as_of.setObjectName("rulesAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(QDate.currentDate())
        self.as_of.setMaximumDate(QDate.currentDate())
        self.as_of.setMaximumWidth(160)
        self.as_of.setToolTip(
            QCoreApplication.translate(
                "RulesCommon", "The day you checked this version against its legal sources"
            )
        )
        self.note = QLineEdit()
        self.note.setObjectName("rulesNote")
        self.note.setPlaceholderText(
            QCoreApplication.translate(
                "RulesCommon", "What changed and why, e.g. 供应商换证慢，提醒提前到 60 天"
            )
        )
        self.form.add_field("as_of", QCoreApplication.translate("RulesCommon", "Checked on"), self.as_of)
        self.form.add_field(
            "note", QCoreApplication.translate("RulesCommon", "What changed and why"), self.note
        )
        self.save_button = QPushButton(save_text)
        self.save_button.setObjectName("rulesSave")
        self.save_button.clicked.connect(self.save_requested)
        self.reset_button = QPushButton(
            QCoreApplication.translate("RulesCommon", "Back to the bundled version…")
        )
        self.reset_button.setObjectName("rulesReset")
        self.reset_button.clicked.connect(self.reset_requested)
        self.message = message_label()
        self.message.setObjectName("rulesMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def values(self) -> tuple[date, str]:
        """The as-of date and the note as typed."""
        day = self.as_of.date()
        return date(day.year(), day.month(), day.day()), self.note.text().strip()

    def set_editable(self, editable: bool) -> None:
        for widget in (self.as_of, self.note, self.save_button, self.reset_button):
            widget.setEnabled(editable)

    def clear(self) -> None:
        self.form.clear_errors()
        show_message(self.message, "")

    def saved(self, text: str) -> None:
        self.form.clear_errors()
        self.note.clear()
        show_message(self.message, text, "ok")

    def show_error(self, exc: BaseException) -> None:
        """Next to the date or note when core names it; otherwise under the bar."""
        field = exc.field if isinstance(exc, InvalidInput) else ""
        if field in ("as_of", "note"):
            self.form.show_error(field, error_text(exc))
        else:
            show_message(self.message, error_text(exc), "error")


def read_only_label() -> QLabel:
    """The note a person without 'rules.edit' sees at the top of the rules section."""
    label = message_label("note")
    label.setObjectName("rulesReadOnly")
    show_message(
        label,
        QCoreApplication.translate("RulesCommon", "Only the owner may change rules; you can read them here."),
    )
    return label
