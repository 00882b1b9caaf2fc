"""售后工单 After-sales tickets: the queue sorted by the nearest binding deadline, and the selected ticket (issue #5).

Left: the queue (core ``ticket_queue.queue_page``, 100 rows a page, 加载更多 appends the next), coloured by each
row's state — past a legal line red, overdue orange, due within the deadlines rule's warning window amber, done grey —
under the filter bar (:class:`~ui.pages.ticket_queue_filters.QueueFilterBar`) with saved views. 新建工单… opens
:class:`~ui.dialogs.ticket_new.NewTicketDialog`; 批量指派 and 批量改状态 act on the selected rows, one unit of work
per ticket, and say how many succeeded and why the others were refused. Right: ``TicketDetail`` (its ``changed``
reloads the queue). Reads run on the lane; a stale read (the filter changed meanwhile) is dropped.

Public: :meth:`TicketsPage.show_filter` (the dashboard opens a matching queue), ``queue_loaded(total)`` after each
load, ``bulk_done(text)`` after a bulk action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.services.ticket_queue import QueueFilter
from ui.context import PageContext
from ui.pages.base import page_frame
from ui.pages.ticket_queue_bulk import OwnerPicker, StatusPicker, bulk_assign, bulk_status, outcome_text
from ui.pages.ticket_queue_filters import QueueFilterBar
from ui.pages.ticket_queue_model import STATE_BACKGROUNDS, STATE_COLOURS, QueueModel, state_name
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

PAGE_SIZE = 100


@dataclass(frozen=True)
class QueueData:
    page: Any  # core QueuePage
    states: tuple[str, ...]
    now: datetime
    zone: ZoneInfo


@dataclass(frozen=True)
class DeskChoices:
    choices: Any  # core QueueChoices
    statuses: tuple[str, ...]
    needs_reason: frozenset[str]


def load_queue(db: Any, flt: QueueFilter, offset: int, **_lane: Any) -> QueueData:
    from core import clock
    from core.services.deadline_rules import deadline_context
    from core.services.ticket_deadlines import legal_keys
    from core.services.ticket_queue import queue_page, queue_state

    with db.sessions() as session:
        context = deadline_context(session)
        legal = legal_keys(context)
        warn = float(context.rules["data"].get("warn_within_hours", 24))
        page = queue_page(session, flt, zone=context.zone, offset=offset, limit=PAGE_SIZE)
    now = clock.now()
    states = tuple(queue_state(row, now, legal_rules=legal, warn_hours=warn) for row in page.rows)
    return QueueData(page, states, now, context.zone)


def load_choices(db: Any, **_lane: Any) -> DeskChoices:
    from core.services.ticket_orders import queue_choices
    from core.services.tickets import ticket_flow

    with db.sessions() as session:
        flow = ticket_flow(session)
        return DeskChoices(queue_choices(session), flow.statuses, flow.needs_reason)


def _detail_widget(context: PageContext) -> QWidget:
    """The ticket-detail pane, or a plain note while that module is not in this build."""
    try:
        from ui.pages.ticket_detail import TicketDetail
    except ImportError:
        note = QLabel(QCoreApplication.translate("TicketsPage", "Select a ticket to see it here."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.show_ticket = lambda _id: None  # type: ignore[attr-defined]
        return note
    return TicketDetail(context)


class TicketsPage(QWidget):
    """The queue with its filters and bulk actions, and the selected ticket beside it."""

    queue_loaded = Signal(int)
    bulk_done = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("After-sales tickets")
        self.desk = DeskChoices(None, (), frozenset())
        self.serial = 0
        self.total = 0
        self._select: int | None = None
        self._created: tuple[int, str] | None = None
        self.new_dialog: Any = None
        self.import_dialog: Any = None
        body = page_frame(self, self.title, self.tr("Work the queue sorted by the nearest binding deadline."))

        may_work = context.actor.may("tickets.work")
        self.new_button = QPushButton(self.tr("New ticket…"))
        self.new_button.setObjectName("newTicket")
        self.new_button.clicked.connect(self.new_ticket)
        self.assign_button = QPushButton(self.tr("Assign selected…"))
        self.assign_button.setObjectName("bulkAssign")
        self.assign_button.clicked.connect(self.ask_assign)
        self.status_button = QPushButton(self.tr("Change status of selected…"))
        self.status_button.setObjectName("bulkStatus")
        self.status_button.clicked.connect(self.ask_status)
        for button in (self.new_button, self.assign_button, self.status_button):
            button.setEnabled(may_work)
        self.import_button = QPushButton(self.tr("Import orders…"))
        self.import_button.setObjectName("importOrders")
        self.import_button.setEnabled(context.actor.may("orders.import"))
        self.import_button.clicked.connect(self.import_orders)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))  # issue 7: the filtered queue as .xlsx
        self.excel_button.setObjectName("exportExcel")
        self.excel_button.setEnabled(context.actor.may("reports.print"))
        self.excel_button.clicked.connect(self.export_excel)
        self.count = QLabel()
        self.count.setObjectName("queueCount")
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.excel_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.status_button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        body.addLayout(actions)

        self.filters = QueueFilterBar(context, self)
        self.filters.changed.connect(self.reload)
        self.filters.view_message.connect(lambda text, kind: show_message(self.message, text, kind))
        body.addWidget(self.filters)
        self.message = message_label()
        self.message.setObjectName("queueMessage")
        body.addWidget(self.message)

        self.model = QueueModel(self)
        self.table = QTableView()
        self.table.setObjectName("ticketQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((118, 98, 76, 180, 70, 150, 56, 86, 176)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QueueModel.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.setObjectName("loadMore")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(self._legend())
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        column.addLayout(bottom)

        self.detail = _detail_widget(context)
        if hasattr(self.detail, "changed"):
            self.detail.changed.connect(self._ticket_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 700])  # the ticket panel needs room for its clocks and their basis
        body.addWidget(splitter, 1)
        self._update_buttons()
        self.refresh_choices()
        self.filters.set_filter(QueueFilter(open_only=True))

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        for state in ("breached", "overdue", "due_soon", "done"):
            chip = QLabel(state_name(state))
            chip.setObjectName(f"legend_{state}")
            background = STATE_BACKGROUNDS.get(state, "transparent")
            chip.setStyleSheet(
                f"color: {STATE_COLOURS[state]}; background: {background}; border-radius: 4px; padding: 1px 6px;"
            )
            row.addWidget(chip)
        return row

    # -- loading -------------------------------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        task = self.context.tasks.run(self.tr("Reading staff and sessions"), load_choices, self.context.db)
        task.bind(self)
        task.succeeded.connect(self._show_choices)
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def _show_choices(self, desk: DeskChoices) -> None:
        self.desk = desk
        self.filters.set_choices(desk.choices, desk.statuses)

    def show_filter(self, flt: QueueFilter) -> None:
        """Show the queue narrowed to ``flt`` (the dashboard's due-today / overdue / breached counts call this)."""
        self.filters.set_filter(flt)

    def current_filter(self) -> QueueFilter:
        return self.filters.filter()

    def reload(self, select: int | None = None) -> None:
        """Read the first page of the current filter again; keep (or move to) ``select`` when it is listed."""
        if select is not None:
            self._select = select
        elif self._select is None and self.model.rows and self.table.currentIndex().isValid():
            self._select = self.model.ticket_id(self.table.currentIndex().row())
        self._load(0)

    def load_more(self) -> None:
        self._load(len(self.model.rows))

    def _load(self, offset: int) -> None:
        self.serial += 1
        serial = self.serial
        task = self.context.tasks.run(
            self.tr("Reading the queue"), load_queue, self.context.db, self.current_filter(), offset
        ).bind(self)
        task.succeeded.connect(lambda data: self._show(data, serial, offset))
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def _show(self, data: QueueData, serial: int, offset: int) -> None:
        if serial != self.serial:
            return  # the filter changed while this was read; a newer read is on its way
        page = data.page
        self.model.set_rows(page.rows, data.states, data.now, data.zone, append=offset > 0)
        self.total = page.total
        self.count.setText(self.tr("%1 tickets").replace("%1", str(page.total)))
        shown = len(self.model.rows)
        self.more_button.setVisible(shown < page.total)
        self.more_button.setText(
            self.tr("Load more (%1 of %2 shown)").replace("%1", str(shown)).replace("%2", str(page.total))
        )
        if offset == 0:
            self._restore_selection()
        self._update_buttons()
        emit(self.queue_loaded, page.total)

    def _restore_selection(self) -> None:
        wanted, self._select = self._select, None
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None:
            self.table.selectionModel().clear()
            self.detail.show_ticket(None)
            return
        self.select_ticket(wanted)

    def select_ticket(self, ticket_id: int) -> bool:
        """Select the row of ``ticket_id`` (and show it on the right); False when it is not in the loaded rows."""
        row = self.model.row_of(ticket_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.ticket_id(row) for row in rows]

    def _selected(self) -> list[tuple[int, str]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [(self.model.ticket_id(row), self.model.rows[row].code) for row in rows]

    def _current_changed(self, current: Any, _previous: Any) -> None:
        self.detail.show_ticket(self.model.ticket_id(current.row()) if current.isValid() else None)

    def _ticket_changed(self, ticket_id: int) -> None:
        self.reload(ticket_id)

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        may_work = self.context.actor.may("tickets.work")
        self.assign_button.setEnabled(may_work and chosen)
        self.status_button.setEnabled(may_work and chosen)

    # -- actions -------------------------------------------------------------------------------------------------
    def new_ticket(self) -> None:
        from ui.dialogs.ticket_new import NewTicketDialog

        dialog = NewTicketDialog(self.context, self)
        dialog.created.connect(self.ticket_created)
        dialog.open()
        self.new_dialog = dialog

    def import_orders(self) -> None:
        """The order import wizard; the queue reloads after an import (tickets show their orders)."""
        from ui.dialogs.order_import import OrderImportDialog

        dialog = OrderImportDialog(self.context, self)
        dialog.imported.connect(lambda _result: self.reload())
        dialog.open()
        self.import_dialog = dialog

    def export_excel(self) -> Any:
        """Every ticket under the current filter to an .xlsx the user picks (ui/pages/xlsx_export.py)."""
        from ui.pages.xlsx_export import export_tickets

        return export_tickets(self.context, self.current_filter(), self)

    def ticket_created(self, ticket_id: int, code: str) -> None:
        """Show the new ticket selected: in the current view when it belongs there, else in a view of just it."""
        show_message(self.message, self.tr("Ticket %1 opened.").replace("%1", code), "ok")
        self.queue_loaded.connect(self._select_created)
        self._created = (ticket_id, code)
        self.reload(ticket_id)

    def _select_created(self, _total: int) -> None:
        self.queue_loaded.disconnect(self._select_created)
        if self._created is None:
            return
        (ticket_id, code), self._created = self._created, None
        if self.model.row_of(ticket_id) is None:
            self._select = ticket_id
            self.filters.set_filter(QueueFilter(text=code))

    def ask_assign(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        workers = self.desk.choices.workers if self.desk.choices else ()
        picker = OwnerPicker(workers, len(chosen), self)
        if picker.exec():
            self.assign(picker.owner_id(), chosen)

    def ask_status(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        picker = StatusPicker(self.desk.statuses, self.desk.needs_reason, len(chosen), self)
        if picker.exec():
            self.change_status(*picker.choice(), tickets=chosen)

    def assign(self, owner_id: int | None, tickets: list[tuple[int, str]] | None = None) -> None:
        """批量指派: give the selected tickets (or ``tickets``) to ``owner_id``."""
        chosen = tickets if tickets is not None else self._selected()
        self._bulk(self.tr("Assigning tickets"), bulk_assign, chosen, owner_id, assign=True)

    def change_status(
        self, status: str, reason: str = "", *, tickets: list[tuple[int, str]] | None = None
    ) -> None:
        """批量改状态: move the selected tickets (or ``tickets``) to ``status``; refusals are listed."""
        chosen = tickets if tickets is not None else self._selected()
        self._bulk(self.tr("Changing ticket statuses"), bulk_status, chosen, status, reason, assign=False)

    def _bulk(self, label: str, fn: Any, chosen: list[tuple[int, str]], *args: Any, assign: bool) -> None:
        if not chosen:
            return
        task = self.context.tasks.run(label, fn, self.context.db, self.context.actor, chosen, *args).bind(
            self
        )
        task.succeeded.connect(lambda outcome: self._bulk_finished(outcome, assign))
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def _bulk_finished(self, outcome: Any, assign: bool) -> None:
        text = outcome_text(outcome, assign=assign)
        show_message(self.message, text, "error" if outcome.refused else "ok")
        self.reload()
        emit(self.bulk_done, text)


__all__ = ["TicketsPage", "load_choices", "load_queue"]
