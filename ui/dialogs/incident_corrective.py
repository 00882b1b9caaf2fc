"""添加整改: a corrective action of the incident — what is to be corrected, who owns it, by when (not before today in
the studio's timezone; core refuses naming 'due_on' and the message shows under the date)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from ui.dialogs.incident_form import IncidentFormDialog, Submit


class IncidentCorrectiveDialog(IncidentFormDialog):
    """``submit(title, owner_id, due_on)``; the due date starts a week from ``today``."""

    def __init__(
        self,
        code: str,
        staff: tuple[tuple[int, str], ...],
        *,
        today: date,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Add a corrective action"), self.tr("Corrective action for %1").replace("%1", code),
            self.tr("Add"), submit, parent,
        )  # fmt: skip
        self.setObjectName("incidentCorrectiveDialog")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("correctiveTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. Re-check the cup seals with the supplier"))
        self.form.add_field("title", self.tr("What"), self.title_edit)
        self.owner_box = QComboBox()
        self.owner_box.setObjectName("correctiveOwner")
        for uid, name in staff:
            self.owner_box.addItem(name, uid)
        self.form.add_field("owner_id", self.tr("Owner"), self.owner_box)
        self.due = QDateEdit()
        self.due.setObjectName("correctiveDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate(today.year, today.month, today.day).addDays(7))
        self.form.add_field("due_on", self.tr("Due"), self.due)

    def set_due(self, value: date) -> None:
        self.due.setDate(QDate(value.year, value.month, value.day))

    def values(self) -> tuple[Any, ...] | None:
        if self.owner_box.currentData() is None:
            self.form.show_error("owner_id", self.tr("Choose who owns it."))
            return None
        chosen = self.due.date()
        due_on = date(chosen.year(), chosen.month(), chosen.day())
        return (self.title_edit.text().strip(), int(self.owner_box.currentData()), due_on)


__all__ = ["IncidentCorrectiveDialog"]
