"""The main window: left navigation over the eight pages, a status bar naming who, which file, and the ledger head.

Pages are imported and built on first visit (start-up stays light: nothing heavy is imported before the window
paints). ``first_painted`` fires once after the first paint; the start-up benchmark waits on it.
Switching language rebuilds the navigation and every page in the new language, keeping the current page.

Start-up paints the window signed out first (:meth:`MainWindow.signed_out`): the navigation disabled and the
sign-in form — or the owner-account form when the studio has none — in the content area, while the database
still opens on the lane. A successful sign-in switches it to the normal state (:meth:`MainWindow.signed_in`).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from core import about, clock, demo
from core.domain.roles import Actor
from ui import translation
from ui.context import PageContext
from ui.labels import role_name
from ui.pages import PAGES, nav_titles
from ui.qtcompat import emit
from ui.startup import opened_database
from ui.tasks import TaskRunner


def _ledger_head(db: Any, **_lane: Any) -> Any:
    from core import ledger

    with db.sessions() as session:
        return ledger.head(session)


LEDGER_REFRESH_MS = 10_000  # a cheap read (the head is one row); new entries show within this


class MainWindow(QMainWindow):
    """``MainWindow(db, actor)`` signed in, or ``MainWindow.signed_out(db_or_opening, tasks)`` showing the sign-in.

    ``restore_requested(path)`` and ``closed()`` are for the application; ``became_signed_in(actor)`` follows a
    sign-in through the embedded form. ``first_painted`` fires after the first paint (in either state) and
    ``signed_in_painted`` after the first paint in the signed-in state.
    """

    first_painted = Signal()
    signed_in_painted = Signal()
    became_signed_in = Signal(object)
    page_shown = Signal(str)
    restore_requested = Signal(object)
    closed = Signal()

    def __init__(
        self,
        db: Any,
        actor: Actor | None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        has_owner: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.tasks = tasks or TaskRunner(self)
        self.database_path = Path(db.path)
        self.db: Any = db if actor is not None else None
        self.context: PageContext | None = None
        if actor is not None:
            self.context = PageContext(db=db, actor=actor, tasks=self.tasks)
        self._source = db
        self.sign_in_form: QDialog | None = None
        self._sign_in_panel: QWidget | None = None
        self._painted = False
        self._signed_in_paint_pending = actor is not None
        self._pages: dict[int, QWidget] = {}
        self.resize(QSize(1180, 740))
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(176)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.who = QLabel()
        self.who.setObjectName("statusWho")
        self.database = QLabel()
        self.database.setObjectName("statusDatabase")
        self.ledger = QLabel()
        self.ledger.setObjectName("statusLedger")
        for label in (self.who, self.database, self.ledger):
            self.statusBar().addPermanentWidget(label)

        for number in range(1, len(PAGES) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda index=number - 1: self.show_page(index))
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.ledger_timer = QTimer(self)  # the status bar's ledger head follows the work done on any page
        self.ledger_timer.setInterval(LEDGER_REFRESH_MS)
        self.ledger_timer.timeout.connect(self.refresh_ledger_head)
        self.ledger_timer.start()
        self._fill_texts()
        if actor is None:
            self._show_sign_in_form(has_owner)
            return
        self.show_page(0)
        QTimer.singleShot(0, self.refresh_ledger_head)
        self._start_ticket_tray()

    @classmethod
    def signed_out(
        cls, db: Any, tasks: TaskRunner, *, has_owner: bool | None = None, parent: QWidget | None = None
    ) -> MainWindow:
        """The window before anyone signed in: navigation disabled, the sign-in form in the content area.

        ``db`` is a core ``Database`` or a ``ui.startup.OpeningDatabase`` the lane is still opening.
        ``has_owner`` None asks the file (read-only ``sqlite3``); False shows the owner-account form.
        """
        return cls(db, None, tasks, parent, has_owner=has_owner)

    # -- signing in ----------------------------------------------------------------------------------------
    def _show_sign_in_form(self, has_owner: bool | None) -> None:
        from ui.dialogs.first_run import OwnerAccountDialog
        from ui.dialogs.login import LoginDialog

        if has_owner is None:
            from core.db.inspection import has_active_owner

            has_owner = has_active_owner(self.database_path)
        self.nav.setEnabled(False)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)  # no page is open yet
        self.nav.blockSignals(False)
        panel = QWidget()
        panel.setObjectName("signInPanel")
        grid = QGridLayout(panel)
        form_class = LoginDialog if has_owner else OwnerAccountDialog
        form = form_class(self._source, self.tasks, panel)
        form.setWindowFlags(Qt.WindowType.Widget)  # a form inside the window, not a window of its own
        form.setObjectName("signInForm")
        form.setMaximumWidth(form.minimumWidth() + 80)
        form.layout().setContentsMargins(24, 20, 24, 20)
        form.accepted.connect(self._on_sign_in_form_accepted)
        form.rejected.connect(self.close)
        form.installEventFilter(self)
        grid.addWidget(form, 1, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(2, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.sign_in_form = form
        self._sign_in_panel = panel
        self.stack.addWidget(panel)
        self.stack.setCurrentWidget(panel)
        form.username.setFocus()

    def _on_sign_in_form_accepted(self) -> None:
        form = self.sign_in_form
        if form is None or form.actor is None:
            return
        self.signed_in(opened_database(self._source), form.actor)

    def signed_in(self, db: Any, actor: Actor) -> None:
        """Switch from the sign-in form to the normal state for ``actor`` on ``db``, exactly as if constructed so."""
        self.db = db
        self._source = db
        self.actor = actor
        self.database_path = Path(db.path)
        self.context = PageContext(db=db, actor=actor, tasks=self.tasks)
        panel, self._sign_in_panel = self._sign_in_panel, None
        self.sign_in_form = None
        if panel is not None:
            self.stack.removeWidget(panel)
            panel.deleteLater()
        self.nav.setEnabled(True)
        self._fill_texts()
        self.show_page(0)
        self.nav.setFocus()
        self._signed_in_paint_pending = True
        self.update()
        QTimer.singleShot(0, self.refresh_ledger_head)
        self._start_ticket_tray()
        emit(self.became_signed_in, actor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape would reject (close) the embedded form and leave an empty window: it means nothing here.
        if (
            watched is self.sign_in_form
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            return True
        return super().eventFilter(watched, event)

    # -- texts ---------------------------------------------------------------------------------------------
    def _fill_texts(self) -> None:
        name = about.APP_NAME_ZH if translation.current_language() == "zh_CN" else about.APP_NAME_EN
        self.setWindowTitle(f"{name} {about.VERSION}")
        current = max(0, self.nav.currentRow())
        self.nav.blockSignals(True)
        self.nav.clear()
        for number, title in enumerate(nav_titles(), start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            item.setSizeHint(QSize(160, 40))
            self.nav.addItem(item)
        self.nav.setCurrentRow(current)
        self.nav.blockSignals(False)
        if self.actor is None:
            self.who.setText(self.tr("Not signed in"))
        else:
            self.who.setText(
                self.tr("Signed in: %1 (%2)")
                .replace("%1", self.actor.display_name)
                .replace("%2", role_name(self.actor.role))
            )
        text = self.tr("Database: %1").replace("%1", self.database_path.name)
        if clock.offset():  # the demo runs on the sample's calendar (core.demo.start_demo_clock)
            today = clock.now().astimezone(demo.SAMPLE_NOW.tzinfo).date().isoformat()
            text += " · " + self.tr("demo date %1").replace("%1", today)
        self.database.setText(text)
        self.database.setToolTip(str(self.database_path))

    def refresh_ledger_head(self) -> None:
        """Read the ledger head on the lane and show its count and short hash (nothing while signed out)."""
        if self.db is None:
            return
        if not self.ledger.text():
            self.ledger.setText(self.tr("Ledger: reading…"))
        task = self.tasks.run(self.tr("Reading the ledger head"), _ledger_head, self.db)
        task.succeeded.connect(self._on_ledger_head_succeeded)
        task.failed.connect(self._on_ledger_head_failed)

    def _on_ledger_head_succeeded(self, head: Any) -> None:
        self._ledger_head = head
        self.ledger.setText(
            self.tr("Ledger: %1 entries · %2").replace("%1", str(head.count)).replace("%2", head.hash[:8])
        )
        self.ledger.setToolTip(head.hash)

    def _on_ledger_head_failed(self, exc: BaseException) -> None:
        self.ledger.setText(self.tr("Ledger: unreadable (%1)").replace("%1", str(exc)))

    # -- pages ---------------------------------------------------------------------------------------------
    def show_page(self, index: int) -> QWidget:
        """Show page ``index`` (0–7), building it on first visit; returns the page widget.

        While signed out nothing else can be shown: returns the sign-in panel.
        """
        if self.context is None:
            return self.stack.currentWidget()
        index = max(0, min(index, len(PAGES) - 1))
        page = self._pages.get(index)
        if page is None:
            page = self._build_page(index)
        self.stack.setCurrentWidget(page)
        if self.nav.currentRow() != index:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(index)
            self.nav.blockSignals(False)
        emit(self.page_shown, PAGES[index].key)
        return page

    def refresh_facts(self) -> None:
        """Re-read what the dashboard (if built) and the status bar show, e.g. after a background backup."""
        for index, page in self._pages.items():
            if PAGES[index].key == "dashboard" and hasattr(page, "refresh"):
                page.refresh()
        self.refresh_ledger_head()

    def page(self, key: str) -> QWidget:
        """The page with ``key`` (see ui.pages.PAGES), shown."""
        return self.show_page([spec.key for spec in PAGES].index(key))

    def open_queue(self, flt: Any = None) -> QWidget:
        """Show the 售后工单 page narrowed to ``flt`` (a core QueueFilter; None: the open tickets, nearest first)."""
        from core.services.ticket_queue import QueueFilter

        page = self.page("tickets")
        page.show_filter(flt if flt is not None else QueueFilter(open_only=True))
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        return page

    def open_incident(self, incident_id: int) -> QWidget:
        """Show the 舆情 page with ``incident_id`` selected (the dashboard's clocks-running-out list calls this)."""
        page = self.page("incidents")
        page.open_incident(int(incident_id))
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        return page

    def _start_ticket_tray(self) -> None:
        """The tray reminder of tickets coming due (ui.ticket_tray), for those who work tickets (owner, service);
        silently nothing without a system tray."""
        from ui.ticket_tray import TicketTray

        if self.context is None or not self.context.actor.may("tickets.work"):
            return
        if getattr(self, "ticket_tray", None) is None:
            self.ticket_tray = TicketTray(self.context, self.open_queue, self)
            self.ticket_tray.start()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def _build_page(self, index: int) -> QWidget:
        spec = PAGES[index]
        page_class = getattr(importlib.import_module(spec.module), spec.class_name)
        page = page_class(self.context)
        page.setObjectName(f"page_{spec.key}")
        if hasattr(page, "language_chosen"):
            page.language_chosen.connect(self._on_page_language_chosen)
        if hasattr(page, "restore_chosen"):
            page.restore_chosen.connect(self.restore_requested)
        if hasattr(page, "queue_requested"):
            page.queue_requested.connect(self.open_queue)
        if hasattr(page, "incident_requested"):
            page.incident_requested.connect(self.open_incident)
        if hasattr(page, "evaluation_requested"):
            page.evaluation_requested.connect(lambda period: self.page("evaluation").show_period(period))
        if hasattr(page, "proposals_requested"):
            page.proposals_requested.connect(lambda: self.page("incidents"))
        self._pages[index] = page
        self.stack.addWidget(page)
        return page

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(row)

    # -- language ------------------------------------------------------------------------------------------
    def _on_page_language_chosen(self, language: str) -> None:
        # The request comes from inside a page that is about to be replaced; rebuild after its slot returns.
        QTimer.singleShot(0, lambda: self.switch_language(language))

    def switch_language(self, language: str) -> None:
        """Apply and remember ``language``, then rebuild every text and page in it, staying on the same page."""
        translation.switch_language(language)
        if self.context is None:
            self._fill_texts()
            return
        current = self.stack.currentIndex()
        current_index = next((i for i, page in self._pages.items() if self.stack.indexOf(page) == current), 0)
        settings_tab = None
        for page in self._pages.values():
            if hasattr(page, "current_tab"):
                settings_tab = page.current_tab()
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._fill_texts()
        page = self.show_page(current_index)
        if settings_tab and hasattr(page, "select_tab"):
            page.select_tab(settings_tab)
        self.refresh_ledger_head()

    # -- events --------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, lambda: emit(self.first_painted))
        if self._signed_in_paint_pending and self.actor is not None:
            self._signed_in_paint_pending = False
            QTimer.singleShot(0, lambda: emit(self.signed_in_painted))

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "ticket_tray", None) is not None:
            self.ticket_tray.stop()
        super().closeEvent(event)
        emit(self.closed)
