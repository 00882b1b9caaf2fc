"""舆情 Public opinion: the incident register with tier clocks, early warnings and the selected incident (issue 6).

Top: 登记舆情… (only for those with ``incidents.work``; others see the page read-only), the status filter
(处理中 / 已结案 / 全部) and a search over code, summary and snapshot text. Above the register: the early-warning
strip (:class:`~ui.pages.incident_proposals.ProposalStrip`), each proposal with 登记为舆情…, which opens the register
dialog pre-filled and links the proposal's tickets in the same unit of work, and 关联到所选舆情, which links them to
the open incident selected in the register instead (one unit of work; tickets already linked are skipped). Left: the register
(:class:`~ui.pages.incident_list.IncidentModel`, nearest clock first, coloured missed red / running out orange /
closed grey). Right: ``IncidentDetail``; its ``changed`` reloads the register keeping the selection — and when the
write took the incident out of the filter (结案 under 处理中), the filter turns to 全部 so it stays shown and
selected (its summary can still be printed). Reads run on the lane; a stale read (the filter changed meanwhile) is
dropped.

Public: :meth:`IncidentsPage.open_incident` (the dashboard, through the main window, shows one incident),
:meth:`IncidentsPage.refresh`, ``register_loaded(count)`` after each read of the register.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.pages.base import page_frame
from ui.pages.incident_detail import IncidentDetail
from ui.pages.incident_list import STATE_BACKGROUNDS, STATE_COLOURS, IncidentModel, Register, load_register
from ui.pages.incident_list import state_name as clock_state_name
from ui.pages.incident_proposals import ProposalStrip, load_proposals
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message


class IncidentsPage(QWidget):
    """The register with its filter, search and early warnings, and the selected incident beside it."""

    register_loaded = Signal(int)
    proposals_loaded = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Public opinion")
        self.serial = 0
        self._select: int | None = None
        self._written: int | None = (
            None  # the incident a write just changed: kept shown even if the filter drops it
        )
        self.open_dialog: Any = None
        body = page_frame(
            self, self.title, self.tr("Negative posts about the studio, handled within their tier's clocks.")
        )
        self.may_work = context.actor.may("incidents.work")
        self.new_button = QPushButton(self.tr("Register incident…"))
        self.new_button.setObjectName("registerIncident")
        self.new_button.clicked.connect(lambda: self.register())
        self.new_button.setVisible(self.may_work)
        self.status = QComboBox()
        self.status.setObjectName("incidentStatus")
        self.status.addItem(self.tr("Being handled"), "open")
        self.status.addItem(self.tr("Closed"), "closed")
        self.status.addItem(self.tr("All"), "")
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit()
        self.search.setObjectName("incidentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search code, summary or post text"))
        self.search.setMinimumWidth(260)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self.reload)
        self.count = QLabel()
        self.count.setObjectName("incidentCount")
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(QLabel(self.tr("Show")))
        actions.addWidget(self.status)
        actions.addWidget(self.search)
        actions.addStretch(1)
        actions.addWidget(self.count)
        body.addLayout(actions)
        self.message = message_label()
        self.message.setObjectName("incidentMessage")
        body.addWidget(self.message)
        self.proposals = ProposalStrip(self.may_work, self)
        self.proposals.register_requested.connect(self.register)
        self.proposals.link_requested.connect(self.link_proposal)
        body.addWidget(self.proposals)

        self.model = IncidentModel(self)
        self.table = QTableView()
        self.table.setObjectName("incidentRegister")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((112, 84, 170, 96, 88, 140)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(IncidentModel.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(self._legend())

        self.detail = IncidentDetail(context)
        self.detail.changed.connect(self._after_write)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)  # the incident's page holds more (tier box and clocks side by side)
        splitter.setSizes([560, 920])
        body.addWidget(splitter, 1)
        self.refresh()

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        for state in ("missed", "warn", "closed"):
            chip = QLabel(clock_state_name(state))
            chip.setObjectName(f"legend_{state}")
            background = STATE_BACKGROUNDS.get(state, "transparent")
            chip.setStyleSheet(
                f"color: {STATE_COLOURS[state]}; background: {background}; border-radius: 4px; padding: 1px 6px;"
            )
            row.addWidget(chip)
        row.addStretch(1)
        return row

    # -- loading -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the register (keeping the selection) and the early warnings again."""
        self.reload()
        task = self.context.tasks.run(self.tr("Reading the early warnings"), load_proposals, self.context.db)
        task.bind(self)
        task.succeeded.connect(self._show_proposals)
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def _show_proposals(self, proposals: tuple[Any, ...]) -> None:
        self.proposals.show_proposals(proposals)
        emit(self.proposals_loaded, len(proposals))

    def status_filter(self) -> str:
        return str(self.status.currentData() or "")

    def reload(self, select: int | None = None) -> None:
        """Read the register of the current filter; keep (or move to) ``select`` when it is listed."""
        self._typing.stop()
        if select is not None:
            self._select = select
        elif self._select is None and self.table.currentIndex().isValid():
            self._select = self.model.incident_id(self.table.currentIndex().row())
        self.serial += 1
        serial = self.serial
        task = self.context.tasks.run(
            self.tr("Reading the incident register"),
            load_register,
            self.context.db,
            self.status_filter(),
            self.search.text().strip(),
        ).bind(self)
        task.succeeded.connect(lambda register: self._show(register, serial))
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))

    def _show(self, register: Register, serial: int) -> None:
        if serial != self.serial:
            return  # the filter changed while this was read; a newer read is on its way
        self.table.selectionModel().blockSignals(True)
        self.model.set_register(register)
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%1 incidents").replace("%1", str(len(register.rows))))
        wanted, self._select = self._select, None
        written, self._written = self._written, None
        if wanted is not None and wanted == written and self.model.row_of(wanted) is None:
            self.open_incident(
                wanted
            )  # the write took it out of this filter: show it among all, still selected
            return
        if wanted is None or not self.select_incident(wanted):
            self.table.selectionModel().clear()
            self.detail.show_incident(None)
        self._update_target()
        emit(self.register_loaded, len(register.rows))

    def select_incident(self, incident_id: int) -> bool:
        """Select the row of ``incident_id`` and show it on the right; False when it is not listed."""
        row = self.model.row_of(incident_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection = self.table.selectionModel()
        if selection.currentIndex().row() == row:
            self.detail.show_incident(incident_id)  # same row: currentRowChanged will not fire
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def open_incident(self, incident_id: int) -> None:
        """Show ``incident_id`` selected: in the current view when listed, else in the view of all incidents."""
        if self.select_incident(incident_id):
            return
        self._select = incident_id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData(""))
        self.status.blockSignals(False)
        self.reload(incident_id)

    def _current_changed(self, current: Any, _previous: Any) -> None:
        self.detail.show_incident(self.model.incident_id(current.row()) if current.isValid() else None)
        self._update_target()

    def _after_write(self) -> None:
        """The detail wrote to its incident: read the register again and keep that incident shown."""
        self._written = self.detail.incident_id
        self._select = self.detail.incident_id
        self.refresh()

    def selected_open_code(self) -> str:
        """The code of the open incident selected in the register ("" when none, or a closed one)."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return ""
        row = self.model.rows[index.row()]
        return str(row.code) if row.status != "closed" else ""

    def _update_target(self) -> None:
        self.proposals.set_target(self.selected_open_code())

    def link_proposal(self, proposal: Any) -> bool:
        """关联到所选舆情: link ``proposal``'s tickets to the open incident selected (one unit of work); the detail
        reads it again showing them. False (and a message) when no open incident is selected or it was refused."""
        code = self.selected_open_code()
        if not code or self.detail.incident_id != self.model.incident_id(self.table.currentIndex().row()):
            show_message(self.message, self.tr("Select an open incident in the list first."), "error")
            return False
        if not self.detail.link_tickets(tuple(proposal.ticket_ids)):
            return False
        show_message(
            self.message,
            self.tr("%1 tickets linked to %2.")
            .replace("%1", str(len(proposal.ticket_ids)))
            .replace("%2", code),
            "ok",
        )
        return True

    # -- registering ---------------------------------------------------------------------------------------------
    def register(self, proposal: Any = None) -> Any:
        """Open the register dialog (pre-filled from an early-warning ``proposal`` when given); returns it."""
        from ui.dialogs.incident_open import OpenIncidentDialog

        dialog = OpenIncidentDialog(self.context, self, proposal=proposal)
        dialog.opened.connect(self.incident_opened)
        dialog.open()
        self.open_dialog = dialog
        return dialog

    def incident_opened(self, incident_id: int, code: str) -> None:
        """Say so and show the new incident selected among the open ones."""
        show_message(self.message, self.tr("Incident %1 registered.").replace("%1", code), "ok")
        if self.status_filter() == "closed":
            self.status.blockSignals(True)
            self.status.setCurrentIndex(self.status.findData("open"))
            self.status.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._select = incident_id
        self.refresh()


__all__ = ["IncidentsPage"]
