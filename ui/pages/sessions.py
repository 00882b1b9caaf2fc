"""直播场次 Live sessions: plan each stream, its lineup and hosts, its pre-live checklist and its script (issue #3).

Left: the sessions (upcoming first) with their status and how many required checklist items are still open; right:
the selected session's header and tabs — 商品排期 lineup, 主播 hosts, 开播检查 checklist (``ChecklistPanel``, imported
when the tab is built), 话术 script (the ``ScriptChecker``, bound to the session) and 承诺记录 promises
(``SessionPromisesTab``, with 打印承诺单…). Reads run on the background lane; every write is one unit of work in a
dialog or a tab. ``sessions_loaded`` follows each list load and ``session_shown(id)`` each detail load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.dialogs.session_plan import SessionPlanDialog
from ui.labels import platform_names
from ui.pages.base import page_frame
from ui.pages.script_editor import ScriptChecker
from ui.pages.session_cards import SessionCard, checklist_text, set_chip, when_text
from ui.pages.session_hosts_tab import HostsTab
from ui.pages.session_lineup_tab import LineupTab
from ui.pages.session_promises_tab import SessionPromisesTab
from ui.qtcompat import emit
from ui.widgets import message_label, show_message


@dataclass(frozen=True)
class SessionList:
    rows: list[Any]
    zone: ZoneInfo
    shops: tuple[dict[str, str], ...]
    candidates: list[Any]


@dataclass(frozen=True)
class SessionDetail:
    row: Any
    lineup: tuple[Any, ...]
    hosts: tuple[tuple[int, str, Any], ...]
    people: dict[int, Any]
    day: date


def load_list(db: Any, **_lane: Any) -> SessionList:
    from core.services import sessions, studio

    with db.sessions() as session:
        return SessionList(
            rows=sessions.list_sessions(session),
            zone=sessions.studio_zone(session),
            shops=studio.get_profile(session).shops,
            candidates=sessions.host_candidates(session),
        )


def load_people(db: Any, **_lane: Any) -> list[Any]:
    """Who may go on camera, read fresh each time the plan dialog opens (staff change in Settings)."""
    from core.services import sessions

    with db.sessions() as session:
        return sessions.host_candidates(session)


def load_detail(db: Any, session_id: int, **_lane: Any) -> SessionDetail:
    from core.services import lineup, sessions

    with db.sessions() as session:
        zone = sessions.studio_zone(session)
        row = sessions.get_session(session, session_id)
        day = row.planned_start.astimezone(zone).date()
        return SessionDetail(
            row=row,
            lineup=lineup.session_lineup(session, session_id, today=sessions.studio_today(session)),
            hosts=sessions.host_checks(session, session_id, on=day),
            people=sessions.host_people(session, session_id),
            day=day,
        )


class SessionsPage(QWidget):
    """The session list and the selected session's tabs."""

    sessions_loaded = Signal()
    session_shown = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Live sessions")
        self.listing = SessionList([], ZoneInfo("Asia/Shanghai"), (), [])
        self.current: SessionDetail | None = None
        self.current_id: int | None = None
        self.plan_dialog: SessionPlanDialog | None = None
        body = page_frame(
            self, self.title, self.tr("Plan each stream and make sure it is ready before going live.")
        )

        self.new_button = QPushButton(self.tr("New session…"))
        self.new_button.setObjectName("newSession")
        self.new_button.clicked.connect(self.new_session)
        self.new_button.setEnabled(context.actor.may("sessions.plan"))
        self.session_list = QListWidget()
        self.session_list.setObjectName("sessionList")
        self.session_list.setStyleSheet(
            "QListWidget#sessionList::item { border-bottom: 1px solid #e4e7eb; }"
            "QListWidget#sessionList::item:selected { background: #fde7d9; border-left: 3px solid #c2410c; }"
        )
        self.session_list.currentRowChanged.connect(self._on_session_list_current_row_changed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.new_button)
        column.addWidget(self.session_list, 1)

        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.chip = QLabel()
        self.chip.setObjectName("statusChip")
        self.facts = QLabel()
        self.facts.setObjectName("sessionFacts")
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit session…"))
        self.edit_button.clicked.connect(self.edit_session)
        self.print_button = QPushButton(self.tr("Print pre-live sheet…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.message = message_label()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        actions.addWidget(self.facts, 1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.print_button)
        header = QFrame()
        header.setObjectName("factsPanel")
        header_layout = QVBoxLayout(header)
        header_layout.addLayout(top)
        header_layout.addLayout(actions)
        header_layout.addWidget(self.message)

        self.lineup_tab = LineupTab(context)
        self.lineup_tab.changed.connect(self.reload)
        self.hosts_tab = HostsTab(context)
        self.hosts_tab.changed.connect(self.reload)
        self.script_checker = ScriptChecker(context)
        self.promises_tab = SessionPromisesTab(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionTabs")
        self.tabs.addTab(self.lineup_tab, self.tr("Lineup"))
        self.tabs.addTab(self.hosts_tab, self.tr("Hosts"))
        self.tabs.addTab(self._build_checklist_tab(), self.tr("Pre-live checklist"))
        self.tabs.addTab(self.script_checker, self.tr("Script"))
        self.tabs.addTab(self.promises_tab, self.tr("Promises"))
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(header)
        right_column.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([300, 900])
        body.addWidget(splitter, 1)
        self._show_header(None)
        self.refresh()

    def _build_checklist_tab(self) -> QWidget:
        """The checklist panel, embedded: this page's header already shows the title and the sheet button."""
        from ui.pages.checklist_panel import ChecklistPanel

        self.checklist_panel = ChecklistPanel(self.context, self)
        self.checklist_panel.set_embedded(True)
        self.checklist_panel.changed.connect(self.reload)
        return self.checklist_panel

    # -- loading -------------------------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Reload the list on the lane, then show ``select`` (or the session already shown, or the first)."""
        task = self.context.tasks.run(self.tr("Reading sessions"), load_list, self.context.db).bind(self)
        task.succeeded.connect(lambda listing: self._on_list_loaded(listing, select))
        task.failed.connect(self._on_load_failed)

    def reload(self) -> None:
        """After a change: the list (counts, status), the shown session and its checklist (a host or lineup change
        may have reopened sign-offs)."""
        self.refresh(self.current_id)
        if self.current_id is not None and self.sender() is not self.checklist_panel:
            self.checklist_panel.reload()

    def _on_list_loaded(self, listing: SessionList, select: int | None) -> None:
        self.listing = listing
        wanted = select if select is not None else self.current_id
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for row in listing.rows:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            card = SessionCard(row, self.listing.zone)
            item.setSizeHint(card.sizeHint())
            item.setToolTip(f"{row.title}\n{self._when(row)}")
            self.session_list.addItem(item)
            self.session_list.setItemWidget(item, card)
        ids = [row.id for row in listing.rows]
        index = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        self.session_list.setCurrentRow(index)
        self.session_list.blockSignals(False)
        emit(self.sessions_loaded)
        if index >= 0:
            self.show_session(ids[index])
        else:
            self.current_id, self.current = None, None
            self._show_header(None)
            self.promises_tab.show_session(None)
            self.tabs.setCurrentWidget(self.script_checker)

    def _on_session_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.listing.rows):
            self.show_session(self.listing.rows[row].id)

    def show_session(self, session_id: int) -> None:
        """Load one session's lineup and hosts on the lane and show them."""
        self.current_id = session_id
        task = self.context.tasks.run(
            self.tr("Reading the session"), load_detail, self.context.db, session_id
        )
        task.succeeded.connect(self._on_detail_loaded)
        task.failed.connect(self._on_load_failed)

    def _on_detail_loaded(self, detail: SessionDetail) -> None:
        if detail.row.id != self.current_id:
            return  # the person already picked another session
        changed = self.current is None or self.current.row.id != detail.row.id
        self.current = detail
        self._show_header(detail.row)
        others = [r for r in self.listing.rows if r.id != detail.row.id]
        self.lineup_tab.show_lineup(
            detail.row.id,
            list(detail.lineup),
            editable=detail.row.editable,
            sources=others,
            zone=self.listing.zone,
        )
        self.hosts_tab.show_hosts(list(detail.hosts), detail.people, detail.day)
        if changed:
            if self.checklist_panel is not None:
                self.checklist_panel.show_session(detail.row.id)
            self.script_checker.bind_session(detail.row.id)
            self.promises_tab.show_session(detail.row.id)
        emit(self.session_shown, detail.row.id)

    def _on_load_failed(self, exc: BaseException) -> None:
        show_message(self.message, self.tr("Could not read: %1").replace("%1", str(exc)), "error")

    # -- showing -------------------------------------------------------------------------------------------------
    def _when(self, row: Any) -> str:
        return when_text(row, self.listing.zone)

    def _show_header(self, row: Any | None) -> None:
        may_plan = self.context.actor.may("sessions.plan")
        self.edit_button.setEnabled(row is not None and row.editable and may_plan)
        self.print_button.setEnabled(row is not None)
        self.chip.setVisible(row is not None)
        if row is None:
            self.heading.setText(self.tr("No session yet"))
            self.facts.setText(
                self.tr(
                    "Press “New session…” to plan the first stream. The script check in the Script tab works already."
                )
            )
            return
        self.heading.setText(row.title)
        set_chip(self.chip, row.status)
        parts = [self._when(row), platform_names().get(row.platform, row.platform)]
        if row.shop:
            parts.append(row.shop)
        hosts = "、".join(row.host_names) or self.tr("none yet")
        parts.append(self.tr("Hosts: %1").replace("%1", hosts))
        text, _colour = checklist_text(row)
        parts.append(text)
        self.facts.setText(" · ".join(parts))

    # -- actions -------------------------------------------------------------------------------------------------
    def _plan_dialog(self, existing: Any | None) -> SessionPlanDialog:
        dialog = SessionPlanDialog(
            shops=self.listing.shops,
            candidates=self.listing.candidates,
            zone=self.listing.zone,
            save=self._save_plan if existing is None else lambda values: self._save_edit(existing.id, values),
            existing=existing,
            parent=self,
        )
        dialog.accepted.connect(lambda: self.refresh(dialog.saved_id))
        self.plan_dialog = dialog
        dialog.open()
        task = self.context.tasks.run(self.tr("Reading staff"), load_people, self.context.db)
        task.succeeded.connect(dialog.set_candidates)
        return dialog

    def new_session(self) -> SessionPlanDialog:
        """Open 新建场次 (window-modal); the list reloads with the new session selected when it is saved."""
        return self._plan_dialog(None)

    def edit_session(self) -> SessionPlanDialog | None:
        if self.current is None:
            return None
        return self._plan_dialog(self.current.row)

    def _save_plan(self, values: dict[str, Any]) -> int:
        from core.services import sessions

        with self.context.db.unit_of_work(self.context.actor) as session:
            return sessions.plan_session(session, self.context.actor, **values)

    def _save_edit(self, session_id: int, values: dict[str, Any]) -> int:
        from core.services import sessions

        hosts = values.pop("host_ids")
        actor = self.context.actor
        with self.context.db.unit_of_work(actor) as session:
            sessions.update_session(session, actor, session_id, **values)
            sessions.set_hosts(session, actor, session_id, hosts)
        return session_id

    def print_sheet(self) -> None:
        """The one-page pre-live sheet (PDF) for the shown session."""
        from ui.pages.prelive_export import export_prelive_sheet

        if self.current_id is not None:
            export_prelive_sheet(self.context, self.current_id, self)
