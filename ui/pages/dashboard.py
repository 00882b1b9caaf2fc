"""工作台 Dashboard: what needs attention (after-sales tickets due today / overdue / past a legal line, papers about
to lapse, sessions to prepare) and the studio's facts.

The three ticket counts are buttons: clicking one emits ``queue_requested(QueueFilter(due=...))``, which the main
window answers by opening the 售后工单 page narrowed to exactly the tickets counted. The 舆情时限 panel (issue 6)
lists open incidents whose clock is running out or missed and the early-warning proposals: clicking an incident
emits ``incident_requested(incident_id)`` (the main window opens the 舆情 page with it selected), clicking a
proposal emits ``proposals_requested()`` (the 舆情 page, where proposals are registered).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.codes import Role
from core.i18n import in_language
from ui.context import PageContext
from ui.dialogs.confirm import when
from ui.labels import role_name
from ui.pages.base import page_frame
from ui.qtcompat import emit


@dataclass(frozen=True)
class DashboardFacts:
    ledger_count: int
    ledger_hash: str
    staff_by_role: dict[str, int]
    active_staff: int
    last_backup_at: datetime | None
    last_backup_name: str
    attention: Any  # core.services.dashboard.Attention
    timezone: str
    tickets: Any = None  # core.services.dashboard.TicketCounts
    incidents: tuple[Any, ...] = ()  # core.services.dashboard.IncidentClock
    proposals: tuple[Any, ...] = ()  # core.services.early_warning.Proposal
    score: Any = None  # ui.pages.dashboard_score.ScoreFacts


def collect_facts(db: Any, **_lane: Any) -> DashboardFacts:
    """Read the facts on the background lane (one short transaction, a folder listing)."""
    from core import clock, ledger
    from core.db.backup import list_backups
    from core.services import auth, dashboard, early_warning
    from core.services.studio import get_profile, studio_today
    from ui.pages.dashboard_score import collect_score

    with db.sessions() as session:
        head = ledger.head(session)
        staff = auth.list_staff(session)
        timezone = get_profile(session).timezone
        today = studio_today(session)
        attention = dashboard.attention(session, today=today)
        now = clock.now()
        tickets = dashboard.ticket_counts(session, now, ZoneInfo(timezone))
        incidents = dashboard.incident_clocks(session, now)
        proposals = early_warning.proposals(session, now=now)
        score = collect_score(session, now)
    backups = list_backups(db.path)
    active = [member for member in staff if member.active]
    return DashboardFacts(
        ledger_count=head.count,
        ledger_hash=head.hash,
        staff_by_role=dict(Counter(str(member.role) for member in active)),
        active_staff=len(active),
        last_backup_at=backups[0].created_at if backups else None,
        last_backup_name=backups[0].path.name if backups else "",
        attention=attention,
        timezone=timezone,
        tickets=tickets,
        incidents=incidents,
        proposals=proposals,
        score=score,
    )


class DashboardPage(QWidget):
    """Shows real facts only. ``refreshed`` follows each completed refresh; ``queue_requested(QueueFilter)`` asks
    for the ticket queue narrowed to a clicked count; ``incident_requested(int)`` for the 舆情 page with a clicked
    incident selected; ``proposals_requested()`` for the 舆情 page (a clicked early-warning proposal)."""

    refreshed = Signal()
    queue_requested = Signal(object)
    incident_requested = Signal(int)
    proposals_requested = Signal()
    evaluation_requested = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Dashboard")
        body = page_frame(
            self,
            self.title,
            self.tr("Signed in as %1. What needs attention today will gather here.").replace(
                "%1", context.actor.display_name
            ),
        )
        facts = QFrame()
        facts.setObjectName("factsPanel")
        form = QFormLayout(facts)
        self.ledger_label = QLabel(self.tr("Loading…"))
        self.ledger_label.setObjectName("ledgerFact")
        self.staff_label = QLabel(self.tr("Loading…"))
        self.staff_label.setObjectName("staffFact")
        self.backup_label = QLabel(self.tr("Loading…"))
        self.backup_label.setObjectName("backupFact")
        self.backup_label.setWordWrap(True)
        database = QLabel(str(context.db.path))
        database.setWordWrap(True)
        form.addRow(self.tr("Evidence ledger"), self.ledger_label)
        form.addRow(self.tr("Active staff"), self.staff_label)
        form.addRow(self.tr("Last backup"), self.backup_label)
        form.addRow(self.tr("Database file"), database)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(refresh)
        refresh_row.addStretch(1)
        form.addRow("", refresh_row)
        body.addLayout(self._ticket_tiles())
        attention = QHBoxLayout()
        self.incidents_list = self._attention_panel(attention, self.tr("Incident clocks"), "incidentClocks")
        self.incidents_list.setToolTip(self.tr("Click an incident to open it on the Incidents page"))
        self.incidents_list.itemClicked.connect(self._incident_clicked)
        self.sessions_list = self._attention_panel(
            attention, self.tr("Sessions to prepare"), "sessionsToPrepare"
        )
        self.papers_list = self._attention_panel(
            attention, self.tr("Papers expiring or lapsed"), "papersAlert"
        )
        body.addLayout(attention, 1)
        body.addWidget(facts)
        from ui.pages.dashboard_score import ScoreTile

        self.score_tile = ScoreTile()
        self.score_tile.clicked.connect(lambda: emit(self.evaluation_requested, self.score_tile.period))
        body.addWidget(self.score_tile)
        from ui.pages.dashboard_month import MonthStrip

        self.month_strip = MonthStrip(context)  # a second lane task, after the facts (150 ms budget kept)
        self.month_strip.clicked.connect(lambda: emit(self.evaluation_requested, self.month_strip.period))
        refresh.clicked.connect(self.month_strip.expire)
        body.addWidget(self.month_strip)
        self.refresh()

    def _ticket_tiles(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.ticket_tiles: dict[str, QPushButton] = {}
        for due, name, hint in (
            ("today", self.tr("Tickets due today"), self.tr("due before midnight, overdue ones included")),
            ("overdue", self.tr("Overdue tickets"), self.tr("past their nearest deadline")),
            (
                "breached",
                self.tr("Past a legal deadline"),
                self.tr("past a legal line: handle and record now"),
            ),
        ):
            tile = QPushButton()
            tile.setObjectName(f"ticketTile_{due}")
            tile.setMinimumHeight(72)
            tile.setToolTip(self.tr("Open the after-sales queue with these tickets"))
            tile.clicked.connect(lambda _checked=False, d=due: self.open_queue(d))
            inner = QHBoxLayout(tile)
            inner.setContentsMargins(16, 8, 16, 8)
            number = QLabel("…")
            number.setObjectName("tileCount")
            words = QLabel(f"<b>{name}</b><br><span style='color:#5f6368'>{hint}</span>")
            for label in (number, words):
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                inner.addWidget(label)
            inner.addStretch(1)
            tile.setProperty("caption", name)
            self.ticket_tiles[due] = tile
            self._paint_tile(tile, None)
            row.addWidget(tile, 1)
        return row

    def _paint_tile(self, tile: QPushButton, count: int | None) -> None:
        colours = {"today": "#8a5a00", "overdue": "#c2410c", "breached": "#b3261e"}
        due = tile.objectName().removeprefix("ticketTile_")
        colour = colours[due] if count else "#3c4043"
        number = tile.findChild(QLabel, "tileCount")
        number.setText("…" if count is None else str(count))
        number.setStyleSheet(f"color: {colour}; font-size: 28px; font-weight: bold; padding-right: 8px;")
        tile.setAccessibleName(f"{number.text()} {tile.property('caption')}")
        tile.setStyleSheet(f"QPushButton#{tile.objectName()} {{ text-align: left; }}")

    def open_queue(self, due: str) -> None:
        """Ask for the ticket queue showing the open tickets the ``due`` tile counted."""
        from core.services.ticket_queue import QueueFilter

        emit(self.queue_requested, QueueFilter(open_only=True, due=due))

    def _show_tickets(self, facts: DashboardFacts) -> None:
        counts = facts.tickets
        for due, tile in self.ticket_tiles.items():
            self._paint_tile(tile, getattr(counts, "due_today" if due == "today" else due, 0))

    def _attention_panel(self, row: QHBoxLayout, heading: str, name: str) -> QListWidget:
        panel = QFrame()
        panel.setObjectName("factsPanel")
        column = QVBoxLayout(panel)
        title = QLabel(heading)
        title.setObjectName("dialogHeading")
        column.addWidget(title)
        listing = QListWidget()
        listing.setObjectName(name)
        listing.setWordWrap(True)
        listing.addItem(self.tr("Loading…"))
        column.addWidget(listing, 1)
        row.addWidget(panel, 1)
        return listing

    def _show_sessions(self, facts: DashboardFacts) -> None:
        from zoneinfo import ZoneInfo

        from ui.labels import platform_names

        zone = ZoneInfo(facts.timezone)
        platforms = platform_names()
        self.sessions_list.clear()
        for item in facts.attention.sessions:
            start = item.planned_start.astimezone(zone).strftime("%m-%d %H:%M")
            if item.overridden:
                state, colour = self.tr("owner overrode the checklist"), "#8a5a00"
            elif not item.checklist_started:
                state, colour = self.tr("checklist not started"), "#b3261e"
            elif item.open_required:
                state = self.tr("%1 required checks open").replace("%1", str(item.open_required))
                colour = "#b3261e"
            else:
                state, colour = self.tr("checklist complete, ready to go live"), "#1e7a3c"
            text = self.tr("%1 · %2 · %3 · %4 products · %5").replace("%1", start)
            text = text.replace("%2", item.title).replace("%3", platforms.get(item.platform, item.platform))
            entry = QListWidgetItem(text.replace("%4", str(item.lineup_count)).replace("%5", state))
            entry.setForeground(QBrush(QColor(colour)))
            self.sessions_list.addItem(entry)
        if not facts.attention.sessions:
            self.sessions_list.addItem(self.tr("No session is planned. Plan one on the Live sessions page."))

    def _show_papers(self, facts: DashboardFacts) -> None:
        self.papers_list.clear()
        for paper in facts.attention.papers:
            if paper.state == "lapsed":
                when_text = self.tr("lapsed %1 days ago").replace("%1", str(-paper.days_left))
                colour = "#b3261e"
            else:
                when_text = self.tr("expires in %1 days").replace("%1", str(paper.days_left))
                colour = "#8a5a00"
            text = self.tr("%1 · %2 (%3) · %4 · %5").replace("%1", paper.holder_name)
            text = text.replace("%2", paper.name).replace("%3", paper.number or "—")
            entry = QListWidgetItem(text.replace("%4", paper.expires_on.isoformat()).replace("%5", when_text))
            entry.setForeground(QBrush(QColor(colour)))
            entry.setToolTip("\n".join(in_language(b) for b in paper.basis))
            self.papers_list.addItem(entry)
        if not facts.attention.papers:
            self.papers_list.addItem(self.tr("Every paper is valid beyond the warning window."))

    def _span(self, minutes: int) -> str:
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes < 48 * 60:
            hours, rest = divmod(minutes, 60)
            if rest:
                return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))
            return self.tr("%1 h").replace("%1", str(hours))
        return self.tr("%1 days").replace("%1", str(minutes // (24 * 60)))

    def _show_incidents(self, facts: DashboardFacts) -> None:
        """One line per incident (its most urgent clock; missed red, running amber), then each proposal."""
        self.incidents_list.clear()
        for line in facts.incidents:
            words = {
                "missed": self.tr("%1 %2 · %3 overdue by %4"),
                "running": self.tr("%1 %2 · %3 %4 left"),
                "late": self.tr("%1 %2 · %3 done %4 late"),
            }[line.state]
            text = (
                words.replace("%1", line.code).replace("%2", line.channel_name).replace("%3", line.clock_name)
            )
            entry = QListWidgetItem(text.replace("%4", self._span(line.minutes)))
            entry.setForeground(QBrush(QColor("#8a5a00" if line.state == "running" else "#b3261e")))
            entry.setData(Qt.ItemDataRole.UserRole, ("incident", line.incident_id))
            entry.setToolTip(f"{line.tier_name} · {line.summary}")
            self.incidents_list.addItem(entry)
        for proposal in facts.proposals:
            entry = QListWidgetItem(self.tr("Early warning: %1").replace("%1", proposal.sentence))
            entry.setForeground(QBrush(QColor("#5b3a8e")))
            entry.setData(Qt.ItemDataRole.UserRole, ("proposal", 0))
            entry.setToolTip(self.tr("Open the Incidents page to register it as an incident"))
            self.incidents_list.addItem(entry)
        if not facts.incidents and not facts.proposals:
            self.incidents_list.addItem(self.tr("No incident clock is running out and no early warning."))

    def _incident_clicked(self, item: QListWidgetItem) -> None:
        what = item.data(Qt.ItemDataRole.UserRole)
        if not what:
            return
        if what[0] == "incident":
            emit(self.incident_requested, int(what[1]))
        else:
            emit(self.proposals_requested)

    def refresh(self) -> None:
        task = self.context.tasks.run(self.tr("Reading the dashboard"), collect_facts, self.context.db)
        task.succeeded.connect(self._on_facts_succeeded)
        task.failed.connect(self._on_facts_failed)

    def _on_facts_succeeded(self, facts: DashboardFacts) -> None:
        self.ledger_label.setText(
            self.tr("%1 entries · head %2")
            .replace("%1", str(facts.ledger_count))
            .replace("%2", facts.ledger_hash[:12])
        )
        self.ledger_label.setToolTip(facts.ledger_hash)
        order = [str(role) for role in Role]
        roles = sorted(
            facts.staff_by_role.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
        )
        parts = " · ".join(f"{role_name(role)} {count}" for role, count in roles)
        self.staff_label.setText(
            self.tr("%1 (%2)").replace("%1", str(facts.active_staff)).replace("%2", parts)
            if parts
            else str(facts.active_staff)
        )
        if facts.last_backup_at is None:
            self.backup_label.setText(self.tr("No backup yet — make one in Settings › Backup."))
        else:
            self.backup_label.setText(f"{when(facts.last_backup_at)} · {facts.last_backup_name}")
        self._show_sessions(facts)
        self._show_papers(facts)
        self._show_tickets(facts)
        self._show_incidents(facts)
        self.score_tile.show_facts(facts.score)
        self.month_strip.load()
        emit(self.refreshed)

    def _on_facts_failed(self, exc: BaseException) -> None:
        message = self.tr("Could not read: %1").replace("%1", str(exc))
        for label in (self.ledger_label, self.staff_label, self.backup_label):
            label.setText(message)
        for listing in (self.incidents_list, self.sessions_list, self.papers_list):
            listing.clear()
            listing.addItem(message)
        emit(self.refreshed)
