"""关联: link the incident to a ticket (by its code, e.g. SH-202611-0042), a live session, a product (by SKU) or a
host, so the closure review and the similar-complaint count see what it is about (DOMAIN §6)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QComboBox, QLineEdit, QStackedWidget, QWidget

from ui.dialogs.incident_form import IncidentFormDialog, Submit

TYPES = ("ticket", "session", "product", "host")


class IncidentLinkDialog(IncidentFormDialog):
    """``submit(target_type, identifier)``: a code/SKU as typed (str) or the chosen session's / host's id (int)."""

    def __init__(
        self,
        code: str,
        *,
        sessions: tuple[tuple[int, str, datetime], ...],
        hosts: tuple[tuple[int, str], ...],
        zone: ZoneInfo | None,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Link"),
            self.tr("Link incident %1 to…").replace("%1", code),
            self.tr("Link"),
            submit,
            parent,
        )
        self.setObjectName("incidentLinkDialog")
        names = {
            "ticket": self.tr("Ticket"),
            "session": self.tr("Live session"),
            "product": self.tr("Product"),
            "host": self.tr("Host"),
        }
        self.type_box = QComboBox()
        self.type_box.setObjectName("linkType")
        for kind in TYPES:
            self.type_box.addItem(names[kind], kind)
        self.form.add_field("target_type", self.tr("Type"), self.type_box)
        self.ticket_code = QLineEdit()
        self.ticket_code.setObjectName("linkTicketCode")
        self.ticket_code.setPlaceholderText(self.tr("Ticket code, e.g. SH-202611-0042"))
        self.session_box = QComboBox()
        self.session_box.setObjectName("linkSession")
        for sid, title, start in sessions:
            when = (start.astimezone(zone) if zone else start).strftime("%Y-%m-%d %H:%M")
            self.session_box.addItem(f"#{sid} {when} {title}", sid)
        self.sku = QLineEdit()
        self.sku.setObjectName("linkSku")
        self.sku.setPlaceholderText(self.tr("Product SKU, e.g. HM-001"))
        self.host_box = QComboBox()
        self.host_box.setObjectName("linkHost")
        for uid, name in hosts:
            self.host_box.addItem(name, uid)
        self.which = QStackedWidget()
        for widget in (self.ticket_code, self.session_box, self.sku, self.host_box):
            self.which.addWidget(widget)
        self.which.setFixedHeight(self.ticket_code.sizeHint().height() + 4)
        self.form.add_field("target_id", self.tr("Which"), self.which)
        self.type_box.currentIndexChanged.connect(self.which.setCurrentIndex)

    def choose(self, kind: str) -> None:
        self.type_box.setCurrentIndex(TYPES.index(kind))

    def values(self) -> tuple[Any, ...] | None:
        kind = self.type_box.currentData()
        if kind == "ticket":
            return (kind, self.ticket_code.text().strip())
        if kind == "product":
            return (kind, self.sku.text().strip())
        box = self.session_box if kind == "session" else self.host_box
        if box.currentData() is None:
            self.form.show_error("target_id", self.tr("Nothing to choose from."))
            return None
        return (kind, int(box.currentData()))


__all__ = ["IncidentLinkDialog"]
