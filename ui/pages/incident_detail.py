"""舆情详情 The incident detail panel (issue 6, deliverables 2, 3 and 5): evidence, tier, clocks, log, links, 整改.

Why: DOMAIN §6 — evidence first (link, snapshot, screenshots, when found and by whom), then a person confirms the
tier the app suggests, and the tier's clocks (first contact, public statement, fix plan) run from the time found or
from the tier change. There is no "delete the post" action (网络直播营销管理办法 Art 21); the handling guide says so
in the 记录处理 dialog. Every write is one unit of work whose action is a ledger entry (电子商务法 Art 62).

Contracts: ``IncidentDetail(context, parent=None)``; :meth:`IncidentDetail.show_incident` (None shows the empty
state) reads on the lane through :func:`~ui.pages.incident_detail_data.load_incident_record` and emits
``loaded(incident_id)`` when shown. Each write (:meth:`set_tier`, :meth:`update_reach`, :meth:`attach_screenshot`,
:meth:`record_action`, :meth:`link`, :meth:`add_corrective`, :meth:`mark_done`, :meth:`close_incident`) is one unit of
work; afterwards it emits ``changed()`` and reads the incident again. A refusal is shown beside the buttons
(``action_message``); the dialogs instead show it under the field core names and stay open. The clocks' time left
is reworded every 30 s from the app clock without reading again. Without ``incidents.work`` the panel is read-only;
a closed incident shows its root cause and no write buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.pages.incident_detail_asks import IncidentAsks
from ui.pages.incident_detail_data import IncidentRecord, load_incident_record
from ui.pages.incident_detail_lists import closure_text, fill_actions, fill_corrective, fill_links
from ui.pages.incident_detail_views import (
    ClocksBox,
    EvidenceBox,
    IncidentHeader,
    TierBox,
    group,
    tree,
    wrapped,
)
from ui.qtcompat import emit
from ui.tasks import NewestRead
from ui.widgets import error_text, message_label, show_message

REFRESH_MS = 30_000


class IncidentDetail(IncidentAsks, QWidget):
    """One incident: its evidence, tier and clocks, what was done, what it is linked to and its closure review."""

    changed = Signal()
    loaded = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.incident_id: int | None = None
        self.record: IncidentRecord | None = None
        self.write_buttons: list[QPushButton] = []
        self.reads = NewestRead(self, context.tasks)
        self.may_work = context.actor.may("incidents.work")
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        empty = QWidget()
        empty_body = QVBoxLayout(empty)
        empty_body.setContentsMargins(24, 40, 24, 24)
        self.empty = wrapped("incidentDetailEmpty", "font-size: 13pt; font-weight: 600; color: #52606d;")
        self.empty.setText(self.tr("No incident selected"))
        hint = wrapped("incidentDetailEmptyText", "color: #7b8794;")
        hint.setText(self.tr("Choose an incident in the list to see its evidence, clocks and handling log."))
        for label in (self.empty, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            empty_body.addWidget(label)
        empty_body.addStretch(1)
        self.stack.addWidget(empty)

        self.scroll = scroll = QScrollArea()
        scroll.setObjectName("incidentDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("incidentDetailContent")
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        self._shown: int | None = None  # the incident the panel last showed (its scroll position is kept)
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 8, 12, 8)
        body.setSpacing(8)
        self.load_message = message_label()
        self.header = IncidentHeader()
        self.evidence = EvidenceBox()
        body.addWidget(self.load_message)
        body.addWidget(self.header)
        self.action_message = message_label()
        self.action_message.setObjectName("incidentActionMessage")
        row = QHBoxLayout()
        row.addWidget(self._tier_group(), 1)
        row.addWidget(self._clocks_group(), 1)
        body.addLayout(row)
        body.addWidget(self._evidence_group())
        body.addWidget(self.action_message)
        body.addWidget(self._log_group())
        row = QHBoxLayout()
        row.addWidget(self._links_group(), 2)
        row.addWidget(self._corrective_group(), 3)
        body.addLayout(row)
        body.addWidget(self._closure_group())
        body.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh_clocks)
        self.show_incident(None)

    # -- layout ---------------------------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot: Callable[[], Any], *, writes: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if writes:
            self.write_buttons.append(button)
            if not self.may_work:
                button.setEnabled(False)
                button.setToolTip(self.tr("Your role cannot handle incidents"))
        return button

    def _evidence_group(self) -> QWidget:
        box, column = group(self.tr("Evidence"), "incidentEvidenceGroup")
        column.addWidget(self.evidence)
        row = QHBoxLayout()
        row.addWidget(self._button("incidentReachButton", self.tr("Update reach…"), self._ask_reach))
        row.addWidget(self._button("incidentShotButton", self.tr("Add screenshot…"), self._ask_screenshot))
        row.addStretch(1)
        self.print_button = self._button(
            "incidentPrintButton", self.tr("Print report…"), self.print_report, writes=False
        )
        row.addWidget(self.print_button)
        column.addLayout(row)
        self.evidence.shots.itemClicked.connect(self._screenshot_clicked)
        self.header.link.linkActivated.connect(self.open_link)
        return box

    def _tier_group(self) -> QWidget:
        box, column = group(self.tr("Tier"), "incidentTierGroup")
        self.tier_box = TierBox()
        column.addWidget(self.tier_box)
        self.tier_button = self._button("incidentTierButton", self.tr("Confirm tier…"), self._ask_tier)
        column.addWidget(self.tier_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return box

    def _clocks_group(self) -> QWidget:
        box, column = group(self.tr("Clocks"), "incidentClocksGroup")
        self.clocks = ClocksBox()
        column.addWidget(self.clocks)
        column.addStretch(1)
        return box

    def _log_group(self) -> QWidget:
        box, column = group(self.tr("Handling log"), "incidentLogGroup")
        self.log = tree("incidentLog", [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Text")], 3)
        self.log.setMinimumHeight(160)
        self.log.setMaximumHeight(420)
        self.log.itemDoubleClicked.connect(self.show_log_text)
        self.log.setToolTip(self.tr("Double-click a line to read its whole text"))
        column.addWidget(self.log)
        self.action_button = self._button("incidentActionButton", self.tr("Record action…"), self._ask_action)
        column.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _links_group(self) -> QWidget:
        box, column = group(self.tr("Linked to"), "incidentLinksGroup")
        self.links = tree("incidentLinks", [self.tr("Which")], 0)
        self.links.itemDoubleClicked.connect(self.open_linked)
        self.links.setToolTip(self.tr("Double-click a ticket to open it on the tickets page"))
        column.addWidget(self.links)
        self.link_button = self._button("incidentLinkButton", self.tr("Link…"), self._ask_link)
        column.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return box

    def _corrective_group(self) -> QWidget:
        box, column = group(self.tr("Corrective actions"), "incidentCorrectiveGroup")
        self.corrective = tree(
            "incidentCorrective", [self.tr("What"), self.tr("Owner"), self.tr("Due"), self.tr("State")], 0
        )
        column.addWidget(self.corrective)
        row = QHBoxLayout()
        self.corrective_button = self._button(
            "incidentCorrectiveButton", self.tr("Add corrective action…"), self._ask_corrective
        )
        self.done_button = self._button("incidentDoneButton", self.tr("Mark done"), self._mark_selected_done)
        row.addWidget(self.corrective_button)
        row.addWidget(self.done_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        return box

    def _closure_group(self) -> QWidget:
        box, column = group(self.tr("Closure review"), "incidentClosureGroup")
        self.closure = wrapped("incidentClosure")
        column.addWidget(self.closure)
        self.close_button = self._button("incidentCloseButton", self.tr("Close incident…"), self._ask_close)
        column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # -- reading ----------------------------------------------------------------------------------------------

    def show_incident(self, incident_id: int | None) -> None:
        """Show ``incident_id`` (read on the lane), or the empty state for None."""
        if incident_id != self.incident_id:
            show_message(self.action_message, "")
        self.incident_id = incident_id
        if incident_id is None:
            self.reads.drop()
            self.record = None
            self._shown = None
            self.timer.stop()
            self.stack.setCurrentIndex(0)
            return
        self.reads.run(
            self.tr("Reading the incident"),
            load_incident_record,
            self.context.db,
            incident_id,
            on_result=self._show,
            on_error=self._failed,
        )

    def reload(self) -> None:
        self.show_incident(self.incident_id)

    def _failed(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(1)
        show_message(self.load_message, error_text(exc))

    def _show(self, record: IncidentRecord) -> None:
        self.record = record
        view = record.view
        bar = self.scroll.verticalScrollBar()
        keep = bar.value() if view.id == self._shown and self.stack.currentIndex() == 1 else 0
        self._shown = view.id
        show_message(self.load_message, "")
        self.header.show_record(record)
        self.evidence.show_record(record)
        self.tier_box.show_record(record)
        self.clocks.show_record(record, record.now)
        fill_actions(self.log, record)
        fill_links(self.links, record)
        fill_corrective(self.corrective, record)
        closed = view.status == "closed"
        self.closure.setText(
            closure_text(record)
            if closed
            else self.tr("Close once the root cause is known and the corrective actions are done.")
        )
        self.tier_button.setText(self.tr("Change tier…") if view.tier_confirmed else self.tr("Confirm tier…"))
        for button in self.write_buttons:
            button.setVisible(not closed)
        self.done_button.setEnabled(self.may_work and any(c.done_at is None for c in view.corrective))
        self.stack.setCurrentIndex(1)
        self.keep_scroll(keep)
        self.timer.start()
        emit(self.loaded, view.id)

    def keep_scroll(self, value: int) -> None:
        """Scroll to ``value`` now and again once the refilled content's layout has settled (the range may only
        grow back then): a write re-reads the same incident without moving the panel; another incident starts at
        the top."""
        bar = self.scroll.verticalScrollBar()
        self.scroll.widget().layout().activate()
        bar.setValue(value)
        asked = self.reads.asked
        QTimer.singleShot(0, self, lambda: asked == self.reads.asked and bar.setValue(value))

    def refresh_clocks(self) -> None:
        """Reword each clock's time left from the app clock (no read); called by the 30-second timer."""
        from core import clock

        self.clocks.refresh(clock.now())

    # -- writing ----------------------------------------------------------------------------------------------

    def attempt(self, work: Callable[[Any], Any]) -> BaseException | None:
        """Run ``work(session)`` in one unit of work; the refusal (nothing written), or None after ``changed``."""
        if self.incident_id is None:
            return None
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                work(session)
        except Exception as exc:
            return exc
        show_message(self.action_message, "")
        emit(self.changed)
        self.reload()
        return None

    def _write(self, work: Callable[[Any], Any]) -> bool:
        exc = self.attempt(work)
        if exc is not None:
            show_message(self.action_message, error_text(exc), "error")
        return exc is None

    def set_tier(self, tier: str, reason: str = "") -> bool:
        return self._write(self.tier_work(tier, reason))

    def update_reach(self, reach: int) -> bool:
        return self._write(self.reach_work(reach))

    def attach_screenshot(self, path: str) -> bool:
        return self._write(self.screenshot_work(path))

    def record_action(self, kind: str, body: str = "") -> bool:
        return self._write(self.action_work(kind, body))

    def link(self, target_type: str, identifier: str | int) -> bool:
        return self._write(self.link_work(target_type, identifier))

    def add_corrective(self, title: str, owner_id: int, due_on: Any) -> bool:
        return self._write(self.corrective_work(title, owner_id, due_on))

    def mark_done(self, corrective_id: int) -> bool:
        return self._write(self.done_work(corrective_id))

    def close_incident(self, root_cause: str, override_reason: str = "") -> bool:
        return self._write(self.close_work(root_cause, override_reason))

    def link_tickets(self, ticket_ids: tuple[int, ...] | list[int]) -> bool:
        """关联到所选舆情: link each of ``ticket_ids`` (an early-warning proposal's) to the shown incident in one
        unit of work; a ticket already linked is skipped, so nothing is logged twice."""
        from core import clock
        from core.services import incidents
        from core.services.incident_view import incident_view

        actor, iid = self._ids()

        def work(session: Any) -> None:
            linked = {
                (link.target_type, link.target_id)
                for link in incident_view(session, iid, now=clock.now()).links
            }
            for ticket_id in ticket_ids:
                if ("ticket", ticket_id) not in linked:
                    incidents.link_to(session, actor, iid, "ticket", ticket_id)

        return self._write(work)

    def show_log_text(self, item: Any, _column: int = 0) -> Any:
        """A double-clicked handling-log line in full, in a small read-only dialog (selectable, for copying)."""
        from ui.dialogs.incident_text import IncidentTextDialog
        from ui.pages.incident_detail_lists import log_line_text

        title = self.tr("Handling log · %1").replace("%1", self._code())
        dialog = IncidentTextDialog(title, log_line_text(item), self)
        self.open_dialog(dialog)
        return dialog

    def print_report(self) -> Any:
        """打印报告: the incident summary PDF (ui/pages/incident_summary_export.py); every role may print."""
        from ui.pages.incident_summary_export import export_incident_summary

        if self.record is None:
            return None
        view = self.record.view
        return export_incident_summary(self.context, view.id, self, code=view.code)


__all__ = ["IncidentDetail"]
