"""Settings: studio profile, staff accounts (roles enforced by the service), backup now, restore with confirmation."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.domain.codes import Role
from tests.ui.conftest import backups_of


@pytest.fixture
def settings_for(qtbot, tmp_db, tasks):
    from ui.context import PageContext
    from ui.pages.settings import SettingsPage

    pages = []  # qtbot holds widgets weakly; keep each page alive for the whole test

    def make(actor):
        page = SettingsPage(PageContext(db=tmp_db, actor=actor, tasks=tasks))
        qtbot.addWidget(page)
        pages.append(page)
        return page

    return make


# -- staff ----------------------------------------------------------------------------------------------------
def test_the_owner_adds_an_operator_who_can_then_sign_in(qtbot, tmp_db, owner, tasks, settings_for):
    from ui.dialogs.login import LoginDialog

    staff = settings_for(owner).staff_tab
    assert staff.add_button.isEnabled()
    staff.new_username.setText("changkong")
    staff.new_display_name.setText("场控小王")
    staff.new_role.setCurrentIndex(staff.new_role.findData(str(Role.OPERATOR)))
    staff.new_password.setText("operator-pass-1")
    with qtbot.waitSignal(staff.attempted, timeout=10_000) as blocker:
        staff.add_button.click()
    assert blocker.args == [True]
    assert staff.message.text() == "账号已添加。"
    rows = [
        (staff.table.item(r, 0).text(), staff.table.item(r, 2).text()) for r in range(staff.table.rowCount())
    ]
    assert ("changkong", "场控") in rows

    login = LoginDialog(tmp_db, tasks)
    qtbot.addWidget(login)
    login.username.setText("changkong")
    login.password.setText("operator-pass-1")
    with qtbot.waitSignal(login.attempted, timeout=10_000) as blocker:
        login.sign_in.click()
    assert blocker.args == [True]
    assert login.actor.role == Role.OPERATOR and login.actor.display_name == "场控小王"


def test_a_bad_username_is_shown_beside_the_username_field(qtbot, owner, settings_for):
    staff = settings_for(owner).staff_tab
    staff.new_username.setText("x")
    staff.new_display_name.setText("小x")
    staff.new_password.setText("operator-pass-1")
    with qtbot.waitSignal(staff.attempted, timeout=10_000) as blocker:
        staff.add_staff()
    assert blocker.args == [False]
    assert staff.form.error_text("username").startswith("用户名需为")


def test_a_host_sees_the_staff_list_read_only_and_the_service_refuses_an_add(
    qtbot, host, settings_for, tmp_db
):
    from core.services import auth

    staff = settings_for(host).staff_tab
    assert not staff.add_button.isEnabled()
    assert "只有店主可以管理员工账号" in staff.note.text()
    assert staff.table.rowCount() == 2
    staff.new_username.setText("sneaky")
    staff.new_display_name.setText("偷偷加的")
    staff.new_password.setText("sneaky-pass-1")
    with qtbot.waitSignal(staff.attempted, timeout=10_000) as blocker:
        staff.add_staff()
    assert blocker.args == [False]
    assert "没有权限" in staff.message.text()
    with tmp_db.sessions() as session:
        assert "sneaky" not in [m.username for m in auth.list_staff(session)]


# -- profile --------------------------------------------------------------------------------------------------
def test_a_wrong_credit_code_is_named_beside_its_field_and_nothing_is_saved(
    qtbot, owner, settings_for, tmp_db
):
    """GB 32100-2015: the 18th character of the 统一社会信用代码 is a check character."""
    from core.services import studio

    profile = settings_for(owner).profile_tab
    profile.display_name.setText("小林直播间")
    profile.credit_code.setText("91350100M000100Y44")
    with qtbot.waitSignal(profile.saved) as blocker:
        profile.save_button.click()
    assert blocker.args == [False]
    assert "统一社会信用代码" in profile.form.error_text("credit_code")
    assert profile.form.error_text("display_name") == ""
    with tmp_db.sessions() as session:
        assert studio.get_profile(session).display_name != "小林直播间"


def test_a_valid_profile_is_saved_with_its_shops(qtbot, owner, settings_for, tmp_db):
    from core.services import studio

    page = settings_for(owner)
    profile = page.profile_tab
    profile.display_name.setText("小林直播间")
    profile.credit_code.setText("91350100M000100Y43")
    profile.shops.add_shop("kuaishou", "小林好物")
    with qtbot.waitSignal(profile.saved) as blocker:
        profile.save_button.click()
    assert blocker.args == [True]
    assert profile.result.text() == "已保存。"
    with tmp_db.sessions() as session:
        saved = studio.get_profile(session)
    assert saved.display_name == "小林直播间"
    assert saved.credit_code == "91350100M000100Y43"
    assert {"platform": "kuaishou", "shop": "小林好物"} in list(saved.shops)


def test_a_host_cannot_change_the_profile(qtbot, host, settings_for):
    profile = settings_for(host).profile_tab
    assert "只有店主可以修改" in profile.note.text()
    profile.display_name.setText("改个名")
    with qtbot.waitSignal(profile.saved) as blocker:
        profile.save()
    assert blocker.args == [False]
    assert "没有权限" in profile.form.general_error.text()


# -- backup and restore ---------------------------------------------------------------------------------------
def test_backup_now_writes_a_copy_and_says_where(qtbot, owner, settings_for, tmp_db):
    backup = settings_for(owner).backup_tab
    assert backups_of(tmp_db) == []
    task = backup.back_up_now()
    with qtbot.waitSignal(task.succeeded, timeout=20_000) as blocker:
        pass
    made = Path(blocker.args[0])
    assert made.is_file() and made in backups_of(tmp_db)
    assert str(made) in backup.backup_message.text()
    assert backup.backup_message.text().startswith("备份已保存")
    assert backup.backups.count() == 1 and made.name in backup.backups.item(0).text()


def _answer_next_question(qtbot, answer: str, seen: list) -> None:
    def respond():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, respond)
            return
        seen.append((box.text(), box.informativeText()))
        if answer == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            next(
                b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
            ).click()

    QTimer.singleShot(0, respond)


def test_restore_asks_first_and_does_nothing_when_cancelled(qtbot, owner, settings_for, tmp_db):
    from core.db.backup import backup_database

    copy = backup_database(tmp_db.path)
    backup = settings_for(owner).backup_tab
    backup.reload()
    chosen = []
    backup.restore_chosen.connect(chosen.append)
    seen: list = []
    _answer_next_question(qtbot, "cancel", seen)
    backup.restore_button.click()
    assert len(seen) == 1
    question, details = seen[0]
    assert "当前全部数据将被备份" in question and "恢复前备份" in question
    assert str(copy) == details
    assert chosen == []
    assert backup.restore_message.text() == "未恢复任何数据。"


def test_restore_goes_ahead_only_after_confirmation(qtbot, owner, settings_for, tmp_db):
    from core.db.backup import backup_database

    copy = backup_database(tmp_db.path)
    backup = settings_for(owner).backup_tab
    backup.reload()
    seen: list = []
    _answer_next_question(qtbot, "restore", seen)
    with qtbot.waitSignal(backup.restore_chosen) as blocker:
        backup.restore_button.click()
    assert blocker.args == [copy]
    assert len(seen) == 1


def test_only_the_owner_may_restore(host, settings_for):
    backup = settings_for(host).backup_tab
    assert not backup.restore_button.isEnabled()
    assert backup.restore_message.text() == "只有店主可以恢复备份。"
