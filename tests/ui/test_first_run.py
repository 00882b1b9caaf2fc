"""First run: the owner account is created (core validates, messages beside the field) and is signed in."""

from core.domain.codes import Role


def _owner_dialog(qtbot, tmp_db, tasks):
    from ui.dialogs.first_run import OwnerAccountDialog

    dialog = OwnerAccountDialog(tmp_db, tasks)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog, username, name, password, repeat=None):
    dialog.username.setText(username)
    dialog.display_name.setText(name)
    dialog.password.setText(password)
    dialog.repeat.setText(password if repeat is None else repeat)


def test_different_passwords_are_caught_beside_the_repeat_field(qtbot, tmp_db, tasks):
    dialog = _owner_dialog(qtbot, tmp_db, tasks)
    _fill(dialog, "laoban", "王店主", "studio-pass-1", "studio-pass-2")
    with qtbot.waitSignal(dialog.attempted) as blocker:
        dialog.create_button.click()
    assert blocker.args == [False]
    assert dialog.form.error_text("repeat") == "两次输入的密码不一致。"


def test_a_short_password_shows_cores_message_beside_the_password(qtbot, tmp_db, tasks):
    dialog = _owner_dialog(qtbot, tmp_db, tasks)
    _fill(dialog, "laoban", "王店主", "short")
    with qtbot.waitSignal(dialog.attempted, timeout=10_000) as blocker:
        dialog.create_button.click()
    assert blocker.args == [False]
    assert "密码至少需要 8 个字符" in dialog.form.error_text("password")
    assert dialog.form.error_text("username") == ""


def test_the_owner_is_created_signed_in_and_can_sign_in_again(qtbot, tmp_db, tasks):
    from core.services import auth
    from ui.dialogs.login import LoginDialog

    dialog = _owner_dialog(qtbot, tmp_db, tasks)
    _fill(dialog, "laoban", "王店主", "studio-pass-1")
    with qtbot.waitSignal(dialog.attempted, timeout=10_000) as blocker:
        dialog.create_button.click()
    assert blocker.args == [True]
    assert dialog.actor.role == Role.OWNER and dialog.actor.display_name == "王店主"
    with tmp_db.sessions() as session:
        assert auth.has_owner(session)

    login = LoginDialog(tmp_db, tasks)
    qtbot.addWidget(login)
    login.username.setText("laoban")
    login.password.setText("studio-pass-1")
    with qtbot.waitSignal(login.attempted, timeout=10_000) as blocker:
        login.sign_in.click()
    assert blocker.args == [True]


def test_the_first_run_choice_offers_demo_and_empty(qtbot, tmp_path):
    from ui.dialogs.first_run import FirstRunChoiceDialog

    dialog = FirstRunChoiceDialog(tmp_path / "studio.db")
    qtbot.addWidget(dialog)
    assert dialog.demo_button.text() == "演示数据"
    assert dialog.empty_button.text() == "空白直播间"
    dialog.demo_button.click()
    assert dialog.choice == "demo"
