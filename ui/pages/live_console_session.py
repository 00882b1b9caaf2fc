"""The console's session commands from the keyboard (issue 4: "works entirely from the keyboard").

Ctrl+L 开播 (through the checklist gate), Ctrl+D 下播 (asks first; Cancel is the default, so a slip of the finger
ends nothing), Ctrl+T the compact always-on-top window on and off, Ctrl+J opens the session picker (arrows and Enter
pick). They work from the page, the promise field and the compact window alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.dialogs import confirm as confirm_dialog
from ui.pages.live_console_views import CompactConsole, clock_text


def run(page: Any, name: str) -> bool:
    """Do session command ``name`` (see ``SESSION_COMMANDS``) on the console ``page``; True when it acted."""
    if name == "go_live":
        return page.go_live()
    if name == "end":
        return ask_and_end(page)
    if name == "compact":
        page.compact_button.toggle()
        return True
    if name == "pick_session":
        page.activateWindow()
        page.sessions.setFocus()
        page.sessions.showPopup()
        return True
    return False


def ask_and_end(page: Any) -> bool:
    """下播 after a yes: the question names the session and how long it has been live."""
    state = page.state
    if state is None or not state.live:
        return page.end_stream()  # the refusal (not live) is shown beside the buttons
    title = QCoreApplication.translate("LiveConsoleSession", "End the stream?")
    text = (
        QCoreApplication.translate(
            "LiveConsoleSession", "End “%1” now, after %2 live? This cannot be undone."
        )
        .replace("%1", state.title)
        .replace("%2", page.clock.text() or clock_text(0))
    )
    action = QCoreApplication.translate("LiveConsoleSession", "End stream")
    if not confirm_dialog.confirm(page, title, text, action):
        return False
    return page.end_stream()


def set_compact(page: Any, on: bool) -> None:
    """Move the clock's copy, the product on air and the promise field into a small always-on-top window (on) or
    back (off). The keyboard goes with the field each way: the window left behind is activated, so the next key
    press is not lost (found in the ten-minute run: after Ctrl+T off, keys went nowhere until a click)."""
    if on and page.compact is None:
        page.compact = CompactConsole(page.handle_key)
        page.compact.body.addWidget(page.entry)
        page.compact.closed.connect(lambda: page.compact_button.setChecked(False))
        page._show_on_air(page.state)
        page.tick()
        area = page.screen().availableGeometry()  # top right of the screen the console is on, fully visible
        page.compact.move(area.right() - page.compact.width() - 24, area.top() + 24)
        page.compact.show()
        page.compact.activateWindow()
        page.entry.editor.setFocus()
    elif not on and page.compact is not None:
        compact, page.compact = page.compact, None
        page.entry_holder.addWidget(page.entry)
        compact.closed.disconnect()
        compact.close()
        compact.deleteLater()
        page.window().activateWindow()
        page.entry.editor.setFocus()


__all__ = ["ask_and_end", "run", "set_compact"]
