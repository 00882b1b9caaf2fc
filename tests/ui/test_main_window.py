"""The main window: eight pages in Chinese by default, honest empty states, status bar, English on request."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget

CHINESE_PAGES = ["工作台", "直播场次", "直播中控台", "售后工单", "舆情", "商品与资质", "服务评价", "设置"]
ENGLISH_PAGES = [
    "Dashboard",
    "Live sessions",
    "Live console",
    "After-sales tickets",
    "Public opinion",
    "Products & papers",
    "Service evaluation",
    "Settings",
]

LANDED = {1, 2, 3, 4, 5, 6}  # real content: 直播场次, 中控台, 售后工单, 舆情, 商品与资质, 服务评价 (#7)


@pytest.fixture
def window(qtbot, tmp_db, owner, tasks):
    from ui.main_window import MainWindow

    main = MainWindow(tmp_db, owner, tasks)
    qtbot.addWidget(main)
    return main


def _nav(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def _title(page) -> str:
    return page.findChild(QLabel, "pageTitle").text()


def test_the_navigation_lists_the_eight_pages_in_chinese_in_design_order(window):
    assert _nav(window) == CHINESE_PAGES


def test_every_page_shows_its_chinese_title_and_says_what_it_will_hold(qtbot, window):
    for index, expected in enumerate(CHINESE_PAGES):
        page = window.show_page(index)
        assert window.current_page() is page
        assert _title(page) == expected
        assert window.nav.currentRow() == index
        if 0 < index < 7 and index not in LANDED:
            headline = page.findChild(QLabel, "emptyStateHeadline").text()
            assert "上线" in headline and "#" in headline, headline
    tickets = window.page("tickets")
    assert tickets.findChild(QWidget, "ticketQueue") is not None  # the queue landed with issue #5


def test_clicking_the_navigation_switches_the_page(window):
    window.nav.setCurrentRow(3)
    assert _title(window.current_page()) == "售后工单"


def test_ctrl_and_a_digit_switch_pages(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert _title(window.current_page()) == "直播中控台"
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert _title(window.current_page()) == "设置"


def test_first_painted_fires_once_the_window_is_on_screen(qtbot, window):
    with qtbot.waitSignal(window.first_painted, timeout=5_000):
        window.show()


def test_the_status_bar_names_who_is_signed_in_the_file_and_the_ledger_head(qtbot, window, tmp_db):
    assert window.who.text() == "当前登录：店主（店主）"
    assert tmp_db.path.name in window.database.text()
    qtbot.waitUntil(lambda: window.ledger.text().startswith("账本：") and "条" in window.ledger.text())


def test_the_ledger_head_in_the_status_bar_follows_new_entries_without_a_page_switch(
    qtbot, window, tmp_db, owner
):
    """Found in the ten-minute console run: promises were logged but the status bar kept the sign-in count."""
    from core import ledger

    qtbot.waitUntil(lambda: "条" in window.ledger.text())
    before = window.ledger.text()
    with tmp_db.unit_of_work(owner) as s:
        ledger.append(s, owner, "test.entry", data={"n": 1})
    window.ledger_timer.setInterval(50)  # the app reads it every 10 s
    qtbot.waitUntil(lambda: window.ledger.text() != before, timeout=3000)
    with tmp_db.sessions() as s:
        assert str(ledger.head(s).count) in window.ledger.text()


def test_the_dashboard_shows_real_facts_only(qtbot, window):
    page = window.show_page(0)
    qtbot.waitUntil(lambda: page.staff_label.text() not in ("", "正在读取…"))
    assert page.staff_label.text().startswith("1")
    assert "店主" in page.staff_label.text()
    assert "还没有备份" in page.backup_label.text()
    assert "条" in page.ledger_label.text()


def test_switching_to_english_relabels_everything_at_once_and_is_remembered(qtbot, window):
    settings = window.page("settings")
    settings.select_tab("language")
    settings.language_tab.english.setChecked(True)
    qtbot.waitUntil(lambda: _nav(window) == ENGLISH_PAGES)
    page = window.current_page()
    assert _title(page) == "Settings"
    assert page.current_tab() == "language"
    assert page.tabs.tabText(0) == "Studio profile"
    assert window.who.text() == "Signed in: 店主 (Owner)"
    assert QSettings().value("ui/language") == "en"
    assert _title(window.show_page(3)) == "After-sales tickets"

    window.page("settings").language_tab.chinese.setChecked(True)
    qtbot.waitUntil(lambda: _nav(window) == CHINESE_PAGES)
    assert QSettings().value("ui/language") == "zh_CN"
