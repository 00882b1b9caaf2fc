"""The dashboard gathers what needs attention before the next streams: sessions to prepare and papers to renew."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from build_sample import SAMPLE_NOW

from core import clock


@pytest.fixture
def demo_page(qtbot, tasks):
    from core.db.opening import open_database
    from core.demo import prepare_demo_copy
    from core.domain.codes import Role
    from core.domain.roles import Actor
    from ui.context import PageContext
    from ui.pages.dashboard import DashboardPage

    db = open_database(prepare_demo_copy())
    with clock.fixed(SAMPLE_NOW):  # the sample's own "today", whatever the date of the test run
        page = DashboardPage(PageContext(db, Actor(2, "李明", Role.OPERATOR), tasks))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.refreshed, timeout=10_000):
            pass
    yield page
    tasks.wait_for_done(10_000)
    db.dispose()


def _lines(listing) -> list[str]:
    return [listing.item(i).text() for i in range(listing.count())]


def test_sessions_to_prepare_show_how_many_required_checks_are_still_open(demo_page):
    lines = _lines(demo_page.sessions_list)
    assert len(lines) == 2  # the sample's two planned sessions, soonest first
    assert "11月30日" in lines[0] and "项必做检查未完成" in lines[0]
    assert "12月02日" in lines[1]


def test_lapsed_and_expiring_papers_are_listed_with_their_holder_and_days(demo_page):
    """直播电商监督管理办法: papers checked before each stream; DOMAIN §2: warn 30 days before expiry."""
    lines = _lines(demo_page.papers_list)
    assert len(lines) == 2
    assert lines[0].startswith("声科 65W 氮化镓充电器 · 3C证书") and "已过期 13 天" in lines[0]
    assert lines[1].startswith("澜颜清透防晒乳 SPF50+ · 特殊化妆品注册证") and "18 天后到期" in lines[1]
    assert demo_page.papers_list.item(0).toolTip().strip()  # the requirement's basis, on hover
