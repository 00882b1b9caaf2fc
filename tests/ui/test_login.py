"""Signing in: DESIGN §Users — a login dialog; five wrong passwords lock the account for 30 seconds."""

from core.domain.codes import Role
from tests.ui.conftest import OWNER_PASSWORD, OWNER_USERNAME


def _dialog(qtbot, tmp_db, tasks):
    from ui.dialogs.login import LoginDialog

    dialog = LoginDialog(tmp_db, tasks)
    qtbot.addWidget(dialog)
    return dialog


def _try(qtbot, dialog, username, password) -> bool:
    dialog.username.setText(username)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.attempted, timeout=10_000) as blocker:
        dialog.sign_in.click()
    return blocker.args[0]


def test_the_owner_signs_in_and_the_dialog_accepts(qtbot, tmp_db, owner, tasks):
    dialog = _dialog(qtbot, tmp_db, tasks)
    assert _try(qtbot, dialog, OWNER_USERNAME, OWNER_PASSWORD) is True
    assert dialog.actor is not None and dialog.actor.role == Role.OWNER
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_wrong_password_says_so_in_chinese_and_clears_the_field(qtbot, tmp_db, owner, tasks):
    dialog = _dialog(qtbot, tmp_db, tasks)
    assert _try(qtbot, dialog, OWNER_USERNAME, "wrong-password") is False
    assert dialog.message.text() == "用户名或密码不正确"
    assert dialog.password.text() == ""
    assert dialog.actor is None
    assert dialog.sign_in.isEnabled()


def test_empty_fields_are_asked_for_before_anything_is_checked(qtbot, tmp_db, owner, tasks):
    dialog = _dialog(qtbot, tmp_db, tasks)
    assert _try(qtbot, dialog, "", "") is False
    assert dialog.message.text() == "请输入用户名和密码。"


def test_five_wrong_passwords_lock_the_account_and_the_dialog_shows_the_seconds(qtbot, tmp_db, owner, tasks):
    """Issue #2 §5: five wrong passwords lock the account for 30 seconds (resources/rules/security.json)."""
    dialog = _dialog(qtbot, tmp_db, tasks)
    for _ in range(5):
        _try(qtbot, dialog, OWNER_USERNAME, "wrong-password")
        if not dialog.sign_in.isEnabled():
            break
    assert "锁定" in dialog.message.text()
    assert "30" in dialog.message.text()
    assert not dialog.sign_in.isEnabled()
    # Even the right password is refused while the lock lasts.
    dialog._seconds_left = 0
    dialog._on_countdown_timeout()
    assert _try(qtbot, dialog, OWNER_USERNAME, OWNER_PASSWORD) is False
    assert "锁定" in dialog.message.text()
