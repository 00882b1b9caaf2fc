"""售后工单详情 The ticket detail panel (issue 5, items 2, 3 and 6): header, deadlines, actions, timeline, links.

Why: the desk works one ticket at a time against the clocks of consumer law (消费者权益保护法 Arts 24–25; 侵害消费者
权益行为处罚办法 Arts 8–9; 民法典 Art 203 for the holiday rule), and in a dispute the seller produces original records
(电子商务法 Art 62). So the panel leads with the nearest binding deadline and why, and every action is one unit of
work whose timeline event carries a ledger entry.

Contracts: ``TicketDetail(context, parent=None)``; :meth:`TicketDetail.show_ticket` (None shows the empty state)
reads on the lane through :func:`~ui.pages.ticket_detail_data.load_ticket_record` and emits ``loaded(ticket_id)``
when shown. Each write (:meth:`apply_status`, :meth:`assign`, :meth:`add_note`, :meth:`send_reply`,
:meth:`attach`, :meth:`link_promise`, :meth:`unlink_promise`, :meth:`record_follow_up`) is one unit of work;
afterwards it emits ``changed(ticket_id)`` (the queue reloads) and reads the ticket again. A refusal from core is
shown beside the actions (``action_message``) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.pages.ticket_detail_asks import TicketAsks
from ui.pages.ticket_detail_data import TicketRecord, load_ticket_record
from ui.pages.ticket_detail_views import (
    RED,
    DeadlinesBox,
    TicketHeader,
    fill_attachments,
    fill_promises,
    fill_timeline,
    tree,
    wrapped,
)
from ui.qtcompat import emit
from ui.tasks import NewestRead
from ui.widgets import error_text, message_label, show_message


class TicketDetail(TicketAsks, QWidget):
    """One ticket: what it is, its clocks, what can be done next and everything done so far."""

    changed = Signal(int)
    loaded = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ticket_id: int | None = None
        self.record: TicketRecord | None = None
        self.reads = NewestRead(self, context.tasks)
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        empty = QWidget()
        empty.setObjectName("ticketDetailEmpty")
        empty_body = QVBoxLayout(empty)
        empty_body.setContentsMargins(24, 40, 24, 24)
        self.empty = wrapped(
            "ticketDetailEmptyHeadline", "font-size: 13pt; font-weight: 600; color: #52606d;"
        )
        self.empty.setText(self.tr("No ticket selected"))
        hint = wrapped("ticketDetailEmptyText", "color: #7b8794;")
        hint.setText(
            self.tr("Choose a ticket in the queue to see its deadlines, timeline and what to do next.")
        )
        for label in (self.empty, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            empty_body.addWidget(label)
        empty_body.addStretch(1)
        self.stack.addWidget(empty)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("ticketDetailContent")
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 8, 12, 8)
        body.setSpacing(8)

        self.load_message = message_label()
        self.header = TicketHeader()
        self.warnings = wrapped("overPromiseWarnings", RED)
        self.warnings.hide()
        self.deadlines = DeadlinesBox()
        deadline_group = QGroupBox(self.tr("Deadlines"))
        QVBoxLayout(deadline_group).addWidget(self.deadlines)
        body.addWidget(self.load_message)
        body.addWidget(self.header)
        body.addWidget(self.warnings)
        body.addWidget(deadline_group)
        body.addWidget(self._actions())

        self.timeline = tree(
            "ticketTimeline",
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"), self.tr("Entry")],
            3,
        )
        self.timeline.setMinimumHeight(200)
        timeline_group = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_group).addWidget(self.timeline)
        body.addWidget(timeline_group, 1)
        links = QHBoxLayout()
        links.addWidget(self._promises_box(), 1)
        links.addWidget(self._attachments_box(), 1)
        body.addLayout(links)
        self.show_ticket(None)

    # -- layout ---------------------------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _actions(self) -> QGroupBox:
        group = QGroupBox(self.tr("Actions"))
        column = QVBoxLayout(group)
        self.steps_row = QHBoxLayout()
        self.steps_row.setSpacing(6)
        column.addLayout(self.steps_row)
        self.step_buttons: dict[str, QPushButton] = {}
        tools = QHBoxLayout()
        self.owner_choice = QComboBox()
        self.owner_choice.setObjectName("ticketOwnerChoice")
        self.owner_choice.setMinimumWidth(120)
        tools.addWidget(self.owner_choice)
        self.tool_buttons = [
            self._button(
                "assignButton", self.tr("Assign"), lambda: self.assign(self.owner_choice.currentData())
            ),
            self._button("noteButton", self.tr("Add note…"), self._ask_note),
            self._button("replyButton", self.tr("Reply from template…"), self._ask_reply),
            self._button("attachButton", self.tr("Attach file…"), self._ask_attach),
            self._button("linkPromiseButton", self.tr("Link promise…"), self._ask_link),
            self._button("followUpButton", self.tr("Follow-up call…"), self._ask_follow_up),
        ]
        for button in self.tool_buttons:
            tools.addWidget(button)
        tools.addStretch(1)
        self.evidence_button = self._button("evidenceButton", self.tr("Evidence pack…"), self.export_evidence)
        tools.addWidget(self.evidence_button)  # printing is for every role (reports.print)
        column.addLayout(tools)
        self.action_message = message_label()
        self.action_message.setObjectName("ticketActionMessage")
        column.addWidget(self.action_message)
        if not self.context.actor.may("tickets.work"):
            for button in self.tool_buttons:
                button.setEnabled(False)
                button.setToolTip(self.tr("Your role cannot work on tickets"))
            self.owner_choice.setEnabled(False)
        return group

    def _promises_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Linked promises"))
        column = QVBoxLayout(group)
        self.promises = tree(
            "ticketPromises", ["#", self.tr("Said at"), self.tr("Wording"), self.tr("Entry")], 2
        )
        self.promises.setMinimumHeight(90)
        self.promises.setMaximumHeight(160)
        self.unlink_button = self._button("unlinkPromiseButton", self.tr("Unlink"), self._unlink_selected)
        column.addWidget(self.promises)
        column.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignRight)
        return group

    def _attachments_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Attachments"))
        column = QVBoxLayout(group)
        self.attachments = tree(
            "ticketAttachments", [self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("SHA-256")], 0
        )
        self.attachments.setMinimumHeight(90)
        self.attachments.setMaximumHeight(160)
        self.attachments.itemDoubleClicked.connect(lambda _item, _col: self.open_selected_attachment())
        self.open_button = self._button(
            "openAttachmentButton", self.tr("Open"), self.open_selected_attachment
        )
        column.addWidget(self.attachments)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        return group

    # -- reading ----------------------------------------------------------------------------------------------

    def show_ticket(self, ticket_id: int | None) -> None:
        """Show ``ticket_id`` (read on the lane), or the empty state for None."""
        if ticket_id != self.ticket_id:
            show_message(self.action_message, "")
        self.ticket_id = ticket_id
        if ticket_id is None:
            self.reads.drop()
            self.record = None
            self.stack.setCurrentIndex(0)
            return
        self.reads.run(
            self.tr("Reading the ticket"),
            load_ticket_record,
            self.context.db,
            ticket_id,
            on_result=self._show,
            on_error=self._failed,
        )

    def reload(self) -> None:
        self.show_ticket(self.ticket_id)

    def _failed(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(1)
        show_message(self.load_message, error_text(exc))

    def _show(self, record: TicketRecord) -> None:
        self.record = record
        view = record.view
        show_message(self.load_message, "")
        self.header.show_record(record)
        self.warnings.setText("\n".join("⚠ " + w.message for w in view.warnings))
        self.warnings.setVisible(bool(view.warnings))
        self.deadlines.show_record(record)
        self._fill_steps(record)
        self.owner_choice.clear()
        self.owner_choice.addItem(self.tr("Nobody"), None)
        for user_id, name in record.staff:
            self.owner_choice.addItem(name, user_id)
        self.owner_choice.setCurrentIndex(max(0, self.owner_choice.findData(view.owner_id)))
        fill_timeline(self.timeline, record)
        fill_promises(self.promises, record)
        fill_attachments(self.attachments, record)
        self.unlink_button.setEnabled(bool(view.promises) and self.context.actor.may("tickets.work"))
        self.open_button.setEnabled(bool(view.attachments))
        self.stack.setCurrentIndex(1)
        emit(self.loaded, view.id)

    def _fill_steps(self, record: TicketRecord) -> None:
        while self.steps_row.count():
            item = self.steps_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.step_buttons = {}
        may = self.context.actor.may("tickets.work")
        for step in record.view.next_steps:
            button = QPushButton(self._step_words(step))
            button.setObjectName(f"step_{step.target}")
            if step.note:
                button.setToolTip(step.note)
            button.setEnabled(may)
            button.clicked.connect(lambda _checked=False, target=step.target: self._step_clicked(target))
            self.steps_row.addWidget(button)
            self.step_buttons[step.target] = button
        self.steps_row.addStretch(1)

    @staticmethod
    def _step_words(step: Any) -> str:
        from core import i18n

        return step.en if i18n.language() == "en" else step.zh

    # -- writing ----------------------------------------------------------------------------------------------

    def _write(self, work: Callable[[Any], Any]) -> bool:
        """Run ``work(session)`` in one unit of work; a refusal is shown beside the actions and nothing written."""
        if self.ticket_id is None:
            return False
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                work(session)
        except Exception as exc:
            show_message(self.action_message, error_text(exc), "error")
            return False
        show_message(self.action_message, "")
        emit(self.changed, self.ticket_id)
        self.reload()
        return True

    def export_evidence(self) -> Any:
        """证据包: the PDF a studio sends with a platform appeal or a 12315 mediation (ui/pages/evidence_export.py)."""
        from ui.pages.evidence_export import export_evidence_pack

        if self.record is None:
            return None
        view = self.record.view
        return export_evidence_pack(self.context, view.id, self, code=view.code)

    def apply_status(self, status: str, reason: str = "", note: str = "") -> bool:
        from core.services import tickets

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(
            lambda s: tickets.change_status(s, actor, ticket_id, status, reason=reason, note=note)
        )

    def assign(self, owner_id: int | None) -> bool:
        from core.services import tickets

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(lambda s: tickets.assign_owner(s, actor, ticket_id, owner_id))

    def add_note(self, text: str) -> bool:
        from core.services import tickets

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(lambda s: tickets.add_note(s, actor, ticket_id, text))

    def send_reply(self, template_id: int | None, body: str) -> bool:
        from core.services import tickets

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(lambda s: tickets.reply(s, actor, ticket_id, template_id=template_id, body=body))

    def attach(self, path: str | Path, caption: str = "") -> bool:
        from core.services import ticket_links

        ticket_id, actor, vault_dir = self.ticket_id, self.context.actor, self.context.db.vault_dir
        return self._write(
            lambda s: ticket_links.attach_file(s, actor, vault_dir, ticket_id, Path(path), caption=caption)
        )

    def link_promise(self, promise_id: int) -> bool:
        from core.services import ticket_links

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(lambda s: ticket_links.link_promise(s, actor, ticket_id, promise_id))

    def unlink_promise(self, promise_id: int, note: str = "") -> bool:
        from core.services import ticket_links

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(lambda s: ticket_links.unlink_promise(s, actor, ticket_id, promise_id, note=note))

    def record_follow_up(self, reached: bool, satisfaction: int | None, comment: str = "") -> bool:
        from core.services import ticket_links

        ticket_id, actor = self.ticket_id, self.context.actor
        return self._write(
            lambda s: ticket_links.record_follow_up(
                s, actor, ticket_id, satisfaction=satisfaction, comment=comment, reached=reached
            )
        )


__all__ = ["TicketDetail"]
