"""直播中控台 Live console (issue 4): the operator beside the host runs the stream and logs promises from the keyboard.

Keys: see :func:`~ui.pages.live_console_views.help_text` (number keys, F-keys, Enter, Esc here; promise
corrections and the price in :mod:`ui.pages.live_console_corrections`; session commands in
:mod:`ui.pages.live_console_session`). Pressed while no session is live, number and F-keys say so beside the field.

Going live goes through the pre-live checklist gate (:func:`core.services.checklist.go_live`) and its refusal is
shown beside the button. Reads happen on the background lane; each write is one short unit of work. What is being
typed is saved as a draft after each pause (500 ms) and restored when the console is opened again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import clock
from core.errors import StudioDeskError
from core.services.live_timeline import elapsed_seconds
from ui.context import PageContext
from ui.pages import live_console_data as data
from ui.pages import live_console_session
from ui.pages.base import page_frame
from ui.pages.live_console_corrections import PromiseCorrections, not_live_text
from ui.pages.live_console_entry import FUNCTION_KEYS, SESSION_COMMANDS, PromiseEntry, command_for
from ui.pages.live_console_views import (
    CLOCK_STYLE,
    ON_AIR_STYLE,
    CompactConsole,
    clock_text,
    fill_lineup,
    fill_promises,
    fill_timeline,
    help_text,
    on_air_text,
    promise_tree,
    segment_text,
    status_name,
    timeline_tree,
)
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class LiveConsolePage(QWidget):
    """The live console page; ``state`` is the last :class:`~ui.pages.live_console_data.ConsoleState` read."""

    refreshed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Live console")
        self.state: data.ConsoleState | None = None
        self.wanted: int | None = None
        self.restored_for: int | None = None
        self.compact: CompactConsole | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        body = page_frame(self, self.title, "")

        self.sessions = QComboBox()
        self.sessions.setMinimumWidth(260)
        self.sessions.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.sessions.activated.connect(self._session_picked)
        self.status = QLabel()
        self.go_live_button = QPushButton(self.tr("Go live (Ctrl+L)"))
        self.go_live_button.clicked.connect(self.go_live)
        self.end_button = QPushButton(self.tr("End stream (Ctrl+D)"))
        self.end_button.clicked.connect(lambda: live_console_session.ask_and_end(self))
        self.compact_button = QPushButton(self.tr("Compact window (Ctrl+T)"))
        self.compact_button.setCheckable(True)
        self.compact_button.toggled.connect(self.set_compact)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Session (Ctrl+J)")), self.sessions, self.status):
            top.addWidget(widget)
        top.addStretch(1)
        for button in (self.go_live_button, self.end_button, self.compact_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            top.addWidget(button)
        body.addLayout(top)
        self.gate_message = message_label()
        self.gate_message.setObjectName("consoleGateMessage")
        body.addWidget(self.gate_message)

        self.clock = QLabel("00:00:00")
        self.clock.setObjectName("consoleClock")
        self.clock.setStyleSheet(CLOCK_STYLE)
        self.on_air = QLabel()
        self.on_air.setObjectName("consoleOnAir")
        self.on_air.setStyleSheet(ON_AIR_STYLE)
        self.on_air.setWordWrap(True)
        self.lineup = QListWidget()
        self.lineup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lineup.setMaximumHeight(120)
        self.lineup.setFlow(QListWidget.Flow.LeftToRight)
        self.lineup.setWrapping(True)
        self.lineup.setSpacing(4)
        self.lineup.itemClicked.connect(lambda item: self.switch_to(item.data(Qt.ItemDataRole.UserRole)))
        left = QVBoxLayout()
        left.addWidget(self.clock)
        self.timeline = timeline_tree()
        self.promises = promise_tree()
        self.fixes = PromiseCorrections(self)
        on_air_row = QHBoxLayout()
        on_air_row.addWidget(self.on_air, 1)
        on_air_row.addWidget(self.fixes.price_button, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(on_air_row)
        self.counters = QLabel()
        self.counters.setObjectName("consoleCounters")
        self.counters.setWordWrap(True)
        left.addWidget(self.counters)
        middle = QHBoxLayout()
        middle.addLayout(left, 2)
        middle.addWidget(self.lineup, 3)
        body.addLayout(middle)

        self.entry_holder = QVBoxLayout()
        self.entry = PromiseEntry()
        self.entry.submitted.connect(self.save_promise)
        self.entry.draft_due.connect(self.save_draft)
        self.entry.editor.escaped.connect(self.leave_field)
        self.entry.editor.command.connect(self.command)
        self.entry.editor.function_key.connect(lambda _key: self.warn_not_live())
        self.entry.editor.textChanged.connect(lambda: self.entry.wording().strip() and self.warn_not_live())
        self.entry_holder.addWidget(self.entry)
        body.addLayout(self.entry_holder)

        lists = QSplitter(Qt.Orientation.Horizontal)
        for caption, widgets in (
            (self.tr("Timeline"), (self.timeline,)),
            (self.tr("Promises"), (self.promises, self.fixes)),
        ):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(caption))
            for widget in widgets:
                column.addWidget(widget)
            lists.addWidget(holder)
        lists.setStretchFactor(0, 2)
        lists.setStretchFactor(1, 3)
        body.addWidget(lists, 1)
        self.help = QLabel(help_text())
        self.help.setObjectName("consoleHelp")
        self.help.setWordWrap(True)
        body.addWidget(self.help)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the console's state on the lane; :attr:`refreshed` fires once it is shown."""
        task = self.context.tasks.run(
            self.tr("Reading the live console"),
            data.read_console,
            self.context.db,
            self.wanted,
            self.context.actor.user_id,
        )
        task.bind(self)
        task.succeeded.connect(self._apply)
        task.failed.connect(lambda exc: show_message(self.gate_message, error_text(exc), "error"))

    def _apply(self, state: data.ConsoleState) -> None:
        self.state = state
        self.wanted = state.session_id
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for choice in state.choices:
            status = status_name(choice.status)
            self.sessions.addItem(f"{choice.title} · {status}", choice.id)
        self.sessions.setCurrentIndex(max(0, self.sessions.findData(state.session_id)))
        self.sessions.blockSignals(False)
        if state.session_id is None:
            self.status.setText(self.tr("No session is planned, ready or live"))
        else:
            self.status.setText(status_name(state.status))
        self.go_live_button.setEnabled(state.status in ("planned", "ready"))
        self.end_button.setEnabled(state.live)
        self.entry.set_templates(state.templates)
        fill_lineup(self.lineup, state)
        self._show_on_air(state)
        fill_timeline(self.timeline, state.timeline, state.zone)
        fill_promises(self.promises, state.promises, state.templates)
        self.fixes.show_state()
        self.counters.setText(
            "  ".join(
                self.tr("#%1 %2: %3 paid of %4")
                .replace("%1", str(c.promise_id))
                .replace("%2", c.gift or c.wording[:12])
                .replace("%3", str(c.given))
                .replace("%4", str(c.limit))
                for c in state.counters
            )
        )
        over = any(c.given > c.limit for c in state.counters)  # more paid orders than the promise covers
        self.counters.setStyleSheet("color: #b3261e; font-weight: bold;" if over else "")
        if state.session_id is not None and state.session_id != self.restored_for:
            self.restored_for = state.session_id
            if state.draft and not self.entry.wording().strip():
                self.entry.restore(state.draft)
        self.tick()
        emit(self.refreshed)

    def _show_on_air(self, state: data.ConsoleState | None) -> None:
        text = on_air_text(state)
        self.on_air.setText(text)
        if self.compact is not None:
            self.compact.on_air.setText(text)

    def tick(self) -> None:
        """The big clock: seconds since the session went live (frozen at its end)."""
        state = self.state
        seconds = 0 if state is None else elapsed_seconds(state, clock.now())
        self.clock.setText(clock_text(seconds))
        if self.compact is not None:
            self.compact.clock.setText(clock_text(seconds))

    def _session_picked(self, _index: int) -> None:
        self.wanted = self.sessions.currentData()
        self.restored_for = None
        self.fixes.current_id = None
        self.entry.clear()
        self.refresh()

    # -- keys ------------------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.focusWidget() is None:
            self.setFocus()  # number keys work as soon as the console is shown

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Number keys: product; F-keys: template; Esc leaves the field; Ctrl+keys correct. True if handled."""
        key = event.key()
        command = command_for(event)
        if command is not None:
            self.command(command)
            return True
        if key in NUMBER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.switch_to(NUMBER_KEYS[key])
            return True
        if key in FUNCTION_KEYS:
            picked = self.entry.pick_shortcut(FUNCTION_KEYS[key])
            if picked:
                self.warn_not_live()
            return picked
        if key == Qt.Key.Key_Escape:
            self.leave_field()
            return True
        return False

    def command(self, name: str) -> bool:
        """A Ctrl+key command: the session's (live_console_session) or the promises' and price's (fixes)."""
        if name in SESSION_COMMANDS:
            return live_console_session.run(self, name)
        return self.fixes.command(name)

    def leave_field(self) -> None:
        (self.compact if self.compact is not None else self).setFocus()

    def warn_not_live(self) -> bool:
        """Say beside the field why nothing is logged now (not live yet, ended, no session); True if said."""
        text = not_live_text(self.state)
        if text:
            self.entry.show_result(text, "error")
        return bool(text)

    # -- writing ---------------------------------------------------------------------------------------------
    def _session_or_refuse(self, label) -> int | None:
        if self.state is None or self.state.session_id is None:
            show_message(label, self.tr("No session to work on: plan one on the Sessions page"), "error")
            return None
        return self.state.session_id

    def switch_to(self, number: int) -> bool:
        """Put lineup product ``number`` (1–9) on air; the refusal (not live, no such number) is shown."""
        session_id = self._session_or_refuse(self.entry.message)
        if session_id is None or self.warn_not_live():
            return False
        product = next((p for p in self.state.lineup if p.number == number), None)
        if product is None:
            show_message(
                self.entry.message,
                self.tr("No product on key %1 in this lineup").replace("%1", str(number)),
                "error",
            )
            return False
        try:
            segment = data.put_on_air(self.context.db, self.context.actor, session_id, product.product_id)
        except StudioDeskError as exc:
            show_message(self.entry.message, error_text(exc), "error")
            return False
        self.on_air.setText(segment_text(segment, number))
        self.refresh()
        return True

    def go_live(self) -> bool:
        """开播 through the checklist gate; its refusal (open items named) is shown beside the button."""
        session_id = self._session_or_refuse(self.gate_message)
        if session_id is None:
            return False
        try:
            data.go_live(self.context.db, self.context.actor, session_id)
        except StudioDeskError as exc:
            show_message(self.gate_message, error_text(exc), "error")
            return False
        show_message(self.gate_message, "")
        self.refresh()
        return True

    def end_stream(self) -> bool:
        """下播: the session ends now and the open stretch on air is closed."""
        session_id = self._session_or_refuse(self.gate_message)
        if session_id is None:
            return False
        try:
            data.end_session(self.context.db, self.context.actor, session_id)
        except StudioDeskError as exc:
            show_message(self.gate_message, error_text(exc), "error")
            return False
        show_message(
            self.gate_message,
            self.tr("Stream ended. Its promise sheet prints from Live sessions › Promises."),
            "ok",
        )
        self.refresh()
        return True

    def save_promise(self) -> bool:
        """Enter: log the promise said when typing began; "已记录 #n" or the named refusal beside the field."""
        session_id = self._session_or_refuse(self.entry.message)
        if session_id is None:
            return False
        state = self.state
        said_at = self.entry.started_at
        if said_at is not None and state.actual_start is not None and said_at < state.actual_start:
            said_at = state.actual_start  # typed before going live: said at the start at the earliest
        try:
            view = data.log_promise(
                self.context.db,
                self.context.actor,
                session_id,
                kind=self.entry.kind,
                wording=self.entry.wording(),
                said_at=said_at,
                product_id=state.on_air.product_id if state.on_air is not None else None,
            )
        except StudioDeskError as exc:
            self.entry.show_result(error_text(exc), "error")
            self.entry.editor.setFocus()
            return False
        self.entry.clear()
        self.entry.show_result(self.tr("Saved #%1").replace("%1", str(view.id)), "ok")
        self.refresh()
        return True

    def save_draft(self) -> None:
        """After a pause in typing: the draft is committed, so a crash or power cut loses nothing."""
        if self.state is None or self.state.session_id is None:
            return
        try:
            data.save_draft(self.context.db, self.context.actor, self.state.session_id, self.entry.draft())
        except StudioDeskError as exc:
            self.entry.show_result(error_text(exc), "error")

    # -- compact mode ----------------------------------------------------------------------------------------
    def set_compact(self, on: bool) -> None:
        """The small always-on-top window on or off (:func:`ui.pages.live_console_session.set_compact`)."""
        live_console_session.set_compact(self, on)

    def closeEvent(self, event) -> None:
        self.set_compact(False)
        super().closeEvent(event)
