"""售后提醒 The system-tray reminder (issue 5, deliverable 5): while the app runs and someone is signed in, a desktop
notification names the open tickets that newly came within the deadlines rule's warning window
(``warn_within_hours`` of resources/rules/deadlines.json, DOMAIN §4: the desk is warned before a line passes).

- Every :data:`CHECK_MS` (and shortly after sign-in) :func:`read_due_soon` runs on the lane
  (``core.services.dashboard.entering_warning``: open tickets due within the window, not yet past).
- :class:`DueWatch` keeps what was already announced, keyed by ticket and deadline, so a ticket is announced once
  per deadline (again only if its deadline moves and it comes within the window again).
- One notification names the new tickets (code, what is due, when); clicking it calls ``open_queue``.
- When the platform has no system tray (``QSystemTrayIcon.isSystemTrayAvailable()`` false, e.g. offscreen),
  :meth:`TicketTray.start` does nothing and says so by returning False.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ui.context import PageContext

CHECK_MS = (
    5 * 60 * 1000
)  # every five minutes: the window is hours wide, a few minutes late is still a warning
FIRST_CHECK_MS = 3_000  # after sign-in, once the dashboard's own reads are done
SHOWN = 5  # tickets named in one notification; the rest are counted


@dataclass(frozen=True)
class DueReading:
    items: tuple[Any, ...]  # core.services.dashboard.DueSoon
    zone: Any  # the studio's ZoneInfo


def read_due_soon(db: Any, **_lane: Any) -> DueReading:
    """On the lane: the open tickets due within the warning window now, and the studio's timezone."""
    from core import clock
    from core.services.dashboard import entering_warning
    from core.services.studio import studio_zone

    with db.sessions() as session:
        return DueReading(entering_warning(session, clock.now()), studio_zone(session))


class DueWatch:
    """Remembers which (ticket, deadline) pairs were announced; :meth:`check` returns only the new ones."""

    def __init__(self) -> None:
        self.announced: set[tuple[int, datetime]] = set()

    def check(self, items: Iterable[Any]) -> list[Any]:
        """The items not announced before (in their order); they count as announced from now on.

        Pairs that left the window (handled, or now past) are forgotten, so the memory stays the window's size.
        """
        current = list(items)
        keys = {(item.ticket_id, item.due_at) for item in current}
        fresh = [item for item in current if (item.ticket_id, item.due_at) not in self.announced]
        self.announced = keys
        return fresh


def notification_text(items: list[Any], zone: Any) -> tuple[str, str]:
    """(title, body) naming up to :data:`SHOWN` tickets: code · what is due · when (studio time)."""
    title = QCoreApplication.translate("TicketTray", "%1 tickets come due within the warning window").replace(
        "%1", str(len(items))
    )
    lines = []
    for item in items[:SHOWN]:
        due = item.due_at.astimezone(zone).strftime("%m-%d %H:%M")
        lines.append(
            QCoreApplication.translate("TicketTray", "%1 · %2 · due %3")
            .replace("%1", item.code)
            .replace("%2", item.what or "—")
            .replace("%3", due)
        )
    if len(items) > SHOWN:
        lines.append(
            QCoreApplication.translate("TicketTray", "and %1 more — click to open the queue").replace(
                "%1", str(len(items) - SHOWN)
            )
        )
    else:
        lines.append(QCoreApplication.translate("TicketTray", "Click to open the queue."))
    return title, "\n".join(lines)


class TicketTray(QObject):
    """Owns the tray icon and the check timer for one signed-in session (see the module docstring)."""

    def __init__(
        self, context: PageContext, open_queue: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.open_queue = open_queue
        self.watch = DueWatch()
        self.icon: QSystemTrayIcon | None = None
        self.last_message: tuple[str, str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> bool:
        """Show the tray icon and start checking; False (and nothing happens) when there is no system tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self.icon is None:
            self.icon = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.icon.setToolTip(self.tr("StudioDesk: after-sales reminders"))
            self.icon.messageClicked.connect(self.open_queue)
            self.icon.activated.connect(lambda _reason: self.open_queue())
        self.icon.show()
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self.check)
        return True

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()

    def check(self) -> None:
        """Read the window on the lane; announce what is new."""
        if self.icon is None or not self.timer.isActive():
            return
        task = self.context.tasks.run(self.tr("Checking ticket deadlines"), read_due_soon, self.context.db)
        task.bind(self)
        task.succeeded.connect(self.announce)

    def announce(self, reading: DueReading) -> list[Any]:
        """Show one notification for the tickets not announced before; returns them."""
        fresh = self.watch.check(reading.items)
        if fresh:
            self.last_message = notification_text(fresh, reading.zone)
            if self.icon is not None:
                title, body = self.last_message
                self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        return fresh
