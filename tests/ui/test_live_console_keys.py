"""The live console's session commands work from the keyboard alone (issue 4 deliverable 1: "works entirely from
the keyboard"): Ctrl+L goes live, Ctrl+D ends only after a yes, Ctrl+T toggles the compact window, Ctrl+J opens
the session picker — from the page and from inside the promise field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.db.models import LiveSession
from tests.ui.test_live_console import open_console, session_id  # noqa: F401
from ui.dialogs import confirm as confirm_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def status(tmp_db, live_id: int) -> str:
    with tmp_db.sessions() as s:
        return s.get(LiveSession, live_id).status


def test_ctrl_l_goes_live_from_the_promise_field(qtbot, context, tmp_db, session_id):  # noqa: F811
    page = open_console(qtbot, context)
    page.entry.editor.setFocus()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.keyClick(page.entry.editor, Qt.Key.Key_L, CTRL)
    assert status(tmp_db, session_id) == "live" and page.state.live
    assert page.entry.wording() == ""  # the key did not type an "l"


def test_ctrl_d_ends_the_stream_only_after_a_yes(qtbot, context, tmp_db, session_id, monkeypatch):  # noqa: F811
    page = open_console(qtbot, context)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.keyClick(page, Qt.Key.Key_L, CTRL)
    asked = []

    def answer(reply):
        def ask(parent, title, text, action, details=""):
            asked.append(text)
            return reply

        return ask

    monkeypatch.setattr(confirm_dialog, "confirm", answer(False))
    qtbot.keyClick(page, Qt.Key.Key_D, CTRL)
    assert status(tmp_db, session_id) == "live"  # "Cancel" (the default) ends nothing
    assert page.state.title in asked[0]
    monkeypatch.setattr(confirm_dialog, "confirm", answer(True))
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.keyClick(page, Qt.Key.Key_D, CTRL)
    assert status(tmp_db, session_id) == "ended" and not page.state.live


def test_ctrl_t_toggles_the_compact_window_and_ctrl_j_opens_the_session_picker(
    qtbot,
    context,
    session_id,  # noqa: F811
):
    page = open_console(qtbot, context)
    page.show()
    qtbot.keyClick(page, Qt.Key.Key_T, CTRL)
    assert page.compact is not None and page.compact.isVisible()
    qtbot.keyClick(page.compact, Qt.Key.Key_T, CTRL)  # and back, from the compact window itself
    assert page.compact is None and not page.compact_button.isChecked()
    # the keyboard comes back with the field: the next key is not lost (found in the ten-minute run)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.editor, timeout=2000)
    assert QApplication.activeWindow() is page.window()
    qtbot.keyClick(page, Qt.Key.Key_J, CTRL)
    assert page.sessions.view().isVisible()
    page.sessions.hidePopup()
