"""Start-up paints the main window signed out, with the sign-in form inside it, while the file opens on the lane."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.db.lock import InstanceLock
from tests.ui.conftest import OWNER_PASSWORD, OWNER_USERNAME

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def fast_start(qtbot, tmp_db_path, owner, tasks):
    """The real fast start on a studio with an owner: lock taken, window shown signed out, open queued."""
    from ui.app import start_fast

    shell = start_fast(tmp_db_path, tasks)
    assert shell is not None
    shell.daily_backup = False
    qtbot.addWidget(shell.window)
    yield shell
    tasks.wait_for_done(10_000)
    shell.dispose()


def _sign_in(qtbot, form, username, password) -> bool:
    form.username.setText(username)
    form.password.setText(password)
    with qtbot.waitSignal(form.attempted, timeout=10_000) as blocker:
        form.sign_in.click()
    return blocker.args[0]


def test_the_window_opens_signed_out_with_the_sign_in_form_and_the_navigation_disabled(qtbot, fast_start):
    from ui.dialogs.login import LoginDialog

    window = fast_start.window
    with qtbot.waitSignal(window.first_painted, timeout=5_000):
        pass
    assert isinstance(window.sign_in_form, LoginDialog)
    assert window.sign_in_form.isVisible() and not window.sign_in_form.isWindow()
    assert not window.nav.isEnabled()
    assert window.nav.count() == 8
    assert window.who.text() == "尚未登录"
    assert window.database.text() == "数据库：studio.db"
    assert (
        window.sign_in_form.geometry().width() < window.stack.width() / 2
    )  # a form in the middle, not a page


def test_signing_in_through_the_form_shows_the_dashboard_and_who_is_signed_in(qtbot, fast_start):
    window = fast_start.window
    with qtbot.waitSignal(window.signed_in_painted, timeout=10_000):
        assert _sign_in(qtbot, window.sign_in_form, OWNER_USERNAME, OWNER_PASSWORD) is True
    assert window.sign_in_form is None
    assert window.nav.isEnabled() and window.nav.currentRow() == 0
    assert window.current_page().objectName() == "page_dashboard"
    assert window.who.text() == "当前登录：店主（店主）"
    assert fast_start.actor is not None and fast_start.db is window.db
    assert fast_start.db.lock is not None and fast_start.db.lock.held  # the lock taken before the paint
    qtbot.waitUntil(lambda: window.ledger.text().startswith("账本：") and "条" in window.ledger.text())


def test_a_wrong_password_is_reported_in_the_embedded_form(qtbot, fast_start):
    window = fast_start.window
    form = window.sign_in_form
    assert _sign_in(qtbot, form, OWNER_USERNAME, "wrong-password") is False
    assert form.message.text() == "用户名或密码不正确"
    assert form.password.text() == ""
    assert window.sign_in_form is form and not window.nav.isEnabled()
    assert window.who.text() == "尚未登录"


def test_escape_does_not_close_the_embedded_form(qtbot, fast_start):
    form = fast_start.window.sign_in_form
    fast_start.window.show()
    qtbot.keyClick(form.username, Qt.Key.Key_Escape)
    assert form.isVisible() and fast_start.window.isVisible()


def test_a_studio_without_an_owner_shows_the_owner_form_and_signs_the_new_owner_in(qtbot, tmp_db, tasks):
    from ui.dialogs.first_run import OwnerAccountDialog
    from ui.main_window import MainWindow

    window = MainWindow.signed_out(tmp_db, tasks)
    qtbot.addWidget(window)
    window.show()
    form = window.sign_in_form
    assert isinstance(form, OwnerAccountDialog)
    assert not window.nav.isEnabled()
    form.username.setText("laoban")
    form.display_name.setText("王店主")
    form.password.setText("studio-pass-1")
    form.repeat.setText("studio-pass-1")
    with qtbot.waitSignal(window.became_signed_in, timeout=10_000) as blocker:
        form.create_button.click()
    assert blocker.args[0].display_name == "王店主"
    assert window.who.text() == "当前登录：王店主（店主）"
    assert window.current_page().objectName() == "page_dashboard"


def test_a_file_held_by_another_window_is_left_to_the_careful_path(tmp_db_path, tasks):
    from ui.app import start_fast

    with InstanceLock(tmp_db_path):
        assert start_fast(tmp_db_path, tasks) is None
    assert start_fast(tmp_db_path.with_name("absent.db"), tasks) is None


def test_the_signed_out_window_paints_without_loading_sqlalchemy(tmp_db_path, owner, tmp_path):
    """DESIGN budget ≤ 1.5 s to a painted window: no SQLAlchemy, ORM or scrypt before the first paint."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])\n"
        "from ui.app import prepare_application\n"
        "from ui.main_window import MainWindow\n"
        "from ui.startup import OpeningDatabase\n"
        "from ui.tasks import TaskRunner\n"
        "from core.db.inspection import inspect_database\n"
        "from core.db.lock import InstanceLock\n"
        "app = prepare_application()\n"
        "path = Path(sys.argv[1])\n"
        "assert inspect_database(path).usable\n"
        "lock = InstanceLock(path).acquire()\n"
        "window = MainWindow.signed_out(OpeningDatabase(path, lock), TaskRunner())\n"
        "seen = []\n"
        "window.first_painted.connect(lambda: (seen.append(type(window.sign_in_form).__name__), app.quit()))\n"
        "QTimer.singleShot(10000, app.quit)\n"
        "window.show()\n"
        "app.exec()\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab')\n"
        "print(seen, sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}),\n"
        "      sorted(m for m in sys.modules if m.startswith(('core.services', 'core.db.models', 'core.ledger',\n"
        "             'core.db.engine', 'core.db.opening'))))\n"
        "lock.release()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_db_path), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['LoginDialog'] [] []"
