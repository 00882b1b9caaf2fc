"""DESIGN §Storage: opening the main window makes the day's automatic backup, once a day, off the GUI thread."""

from core.db.backup import list_backups


def test_opening_the_window_makes_todays_daily_backup_once(qtbot, tmp_db, owner, tasks):
    from ui.app import Shell

    shell = Shell(tmp_db, tasks)
    window = shell.show_main_window(owner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    dailies = [b for b in list_backups(tmp_db.path) if b.reason == "daily"]
    assert len(dailies) == 1
    shell.show_main_window(owner)  # a second start the same day adds nothing
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert [b for b in list_backups(tmp_db.path) if b.reason == "daily"] == dailies


def test_the_dashboard_shows_the_daily_backup_once_it_is_made(qtbot, tmp_db, owner, tasks):
    from ui.app import Shell

    shell = Shell(tmp_db, tasks)
    window = shell.show_main_window(owner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: "daily" in dashboard.backup_label.text(), timeout=10_000)
    assert "还没有备份" not in dashboard.backup_label.text()
