"""舆情 page (issue 6, deliverable 1 and the early-warning proposals): the register by nearest clock, its filter and
search, 登记舆情… with screenshots in one unit of work, and 登记为舆情… from a proposal linking its tickets.

Basis: DOMAIN §6 — evidence first (snapshot text, screenshots, link, time first seen) and each tier's clocks; a refused
registration leaves nothing behind (电子商务法 Art 62: the record is what was saved, not half of it).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from core import clock
from core.db.models import Order, Product, Ticket
from core.services import incident_actions, incidents
from ui.context import PageContext

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio
WAIT = 20_000


@pytest.fixture
def fixed_now():
    with clock.fixed(NOW):
        yield


def register(db, actor, *, seen: timedelta, **fields) -> int:
    fields.setdefault("channel", "xiaohongshu")
    fields.setdefault("link", "https://www.xiaohongshu.com/explore/65a1b2c3")
    fields.setdefault("snapshot_text", "买的保温杯第二天就漏水，客服不理人")
    with db.unit_of_work(actor) as session:
        return incidents.open_incident(session, actor, first_seen_at=NOW - seen, **fields).id


@pytest.fixture
def register_rows(tmp_db, owner, fixed_now):
    """Fresh (first contact 35 min left), overdue (first contact missed 2 h ago, unmet), and a closed one."""
    fresh = register(tmp_db, owner, seen=timedelta(minutes=25), summary="保温杯漏水差评")
    late = register(
        tmp_db, owner, seen=timedelta(hours=3), channel="weibo", summary="微博吐槽发货慢", link="",
        snapshot_text="下单一周了还没发货，客服只会复制粘贴",
    )  # fmt: skip
    done = register(tmp_db, owner, seen=timedelta(days=2), channel="douyin", summary="直播间说错赠品")
    with tmp_db.unit_of_work(owner) as session:
        incident_actions.close_incident(session, owner, done, root_cause="主播口误，已更正话术")
    return {"fresh": fresh, "late": late, "done": done}


def make_page(qtbot, context):
    from ui.pages.incidents import IncidentsPage

    page = IncidentsPage(context)
    qtbot.addWidget(page)
    page.resize(1500, 850)
    first: list[int] = []
    page.register_loaded.connect(first.append)
    page.proposals_loaded.connect(first.append)
    qtbot.waitUntil(lambda: len(first) == 2, timeout=WAIT)  # the first reads are in before the test acts
    return page


@pytest.fixture
def page(qtbot, context, register_rows):
    return make_page(qtbot, context)


def listed(page) -> list[str]:
    return [row.summary for row in page.model.rows]


def reload_with(qtbot, page, change) -> None:
    with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
        change()


def counts(db) -> tuple[int, int]:
    with db.sessions() as session:
        conn = session.connection()
        return (
            conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar(),
            conn.exec_driver_sql("SELECT count(*) FROM incident_links").scalar(),
        )


def vault_files(db) -> list[Path]:
    return [p for p in Path(db.vault_dir).rglob("*") if p.is_file()]


def png(tmp_path: Path, name: str = "xhs_post.png") -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#e11d48"))
    path = tmp_path / name
    assert image.save(str(path), "PNG")
    return path


def ready_dialog(qtbot, page, proposal=None):
    dialog = page.register(proposal)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=WAIT)
    return dialog


def test_the_register_lists_open_incidents_missed_clock_first_with_the_nearest_clock_text(page):
    from ui.pages.incident_list import STATE_BACKGROUNDS, IncidentModel

    assert listed(page) == ["微博吐槽发货慢", "保温杯漏水差评"]  # the closed one is hidden
    late = page.model.index(0, IncidentModel.CLOCK)
    assert page.model.data(late) in (
        "首次联系 已超时 2 小时",
        "首次联系 2 h overdue",
    )  # until the lead merges zh
    assert page.model.data(late, 8).color().name() == STATE_BACKGROUNDS["missed"]  # BackgroundRole
    fresh = page.model.index(1, IncidentModel.CLOCK)
    assert page.model.data(fresh) in ("首次联系 剩 35 分钟", "首次联系 35 min left")
    assert page.model.data(page.model.index(1, IncidentModel.CHANNEL)) == "小红书"
    assert page.model.data(page.model.index(1, IncidentModel.SEEN)) == "11-20 11:35"  # studio time
    assert page.model.data(page.model.index(0, IncidentModel.CODE)).startswith("YQ-202611-")


def test_the_status_filter_shows_closed_ones_in_grey_and_all(qtbot, page):
    reload_with(qtbot, page, lambda: page.status.setCurrentIndex(page.status.findData("closed")))
    assert listed(page) == ["直播间说错赠品"]
    from ui.pages.incident_list import IncidentModel

    assert (
        page.model.states == ["closed"] and page.model.text(0, IncidentModel.CLOCK) == "—"
    )  # closed: no clock
    reload_with(qtbot, page, lambda: page.status.setCurrentIndex(page.status.findData("")))
    assert sorted(listed(page)) == sorted(["微博吐槽发货慢", "保温杯漏水差评", "直播间说错赠品"])


def test_search_matches_the_snapshot_text_and_the_code(qtbot, page):
    reload_with(qtbot, page, lambda: page.search.setText("漏水"))
    assert listed(page) == ["保温杯漏水差评"]
    code = page.model.rows[0].code
    reload_with(qtbot, page, lambda: page.search.setText("发货慢"))
    assert listed(page) == ["微博吐槽发货慢"]
    reload_with(qtbot, page, lambda: page.search.setText(code))
    assert [row.code for row in page.model.rows] == [code]


def test_open_incident_selects_it_even_when_the_filter_hides_it(qtbot, page, register_rows):
    with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
        page.open_incident(register_rows["done"])
    assert page.status_filter() == ""
    current = page.table.currentIndex()
    assert current.isValid() and page.model.incident_id(current.row()) == register_rows["done"]


def test_registering_with_a_real_png_lists_it_and_keeps_the_screenshot_in_the_vault(
    qtbot, context, tmp_db, fixed_now, tmp_path
):
    page = make_page(qtbot, context)
    dialog = ready_dialog(qtbot, page)
    assert "第二十一条" in dialog.guide.text()  # no "delete the post": the guide says why
    dialog.channel.setCurrentIndex(dialog.channel.findData("xiaohongshu"))
    dialog.link.setText("https://www.xiaohongshu.com/explore/77aa")
    dialog.summary.setText("耳机一边没声音")
    dialog.snapshot.setPlainText("买的耳机一边没声音，找客服三天没人回")
    dialog.reach.setText("3200")
    dialog.add_files([png(tmp_path)])
    with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
        dialog.ok_button.click()
    assert listed(page) == ["耳机一边没声音"]
    assert page.model.incident_id(page.table.currentIndex().row()) == page.model.rows[0].id
    assert "YQ-202611-001" in page.message.text()
    assert len(vault_files(tmp_db)) == 1 and counts(tmp_db) == (1, 0)


def test_a_file_that_is_not_an_image_is_named_and_nothing_is_saved(
    qtbot, context, tmp_db, fixed_now, tmp_path
):
    page = make_page(qtbot, context)
    dialog = ready_dialog(qtbot, page)
    dialog.snapshot.setPlainText("评论区说我们卖假货")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture", encoding="utf-8")
    dialog.add_files([png(tmp_path), notes])  # the PNG is stored first, then the refusal rolls it all back
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("file")), timeout=WAIT)
    assert "notes.txt" in dialog.form.error_text("file")
    assert counts(tmp_db) == (0, 0) and vault_files(tmp_db) == []
    assert dialog.isVisible()


def test_a_bad_link_is_shown_under_the_link_field(qtbot, context, tmp_db, fixed_now):
    page = make_page(qtbot, context)
    dialog = ready_dialog(qtbot, page)
    dialog.link.setText("小红书上那条")
    dialog.snapshot.setPlainText("保温杯漏水")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("link")), timeout=WAIT)
    assert "http" in dialog.form.error_text("link")
    assert counts(tmp_db) == (0, 0)
    dialog.link.selectAll()
    qtbot.keyClicks(
        dialog.link, "https://www.xiaohongshu.com/explore/1"
    )  # correcting it clears the complaint
    assert dialog.form.error_text("link") == ""


def test_a_time_first_seen_in_the_future_is_refused_beside_it(qtbot, context, tmp_db, fixed_now):
    page = make_page(qtbot, context)
    dialog = ready_dialog(qtbot, page)
    dialog.snapshot.setPlainText("保温杯漏水")
    dialog.seen.setDateTime(dialog.seen.dateTime().addSecs(3 * 3600))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("first_seen_at")), timeout=WAIT)
    assert counts(tmp_db) == (0, 0)


@pytest.fixture
def spike(tmp_db, owner, fixed_now):
    """Ten tickets on one product in one studio day: tier III's "≥10 similar a day" proposes an incident."""
    from sqlalchemy import insert

    with tmp_db.unit_of_work(owner) as s:
        s.execute(insert(Product), [{"id": 1, "sku": "CUP-01", "name": "保温杯", "category": "general"}])
        s.execute(
            insert(Order),
            [{"id": 1, "platform": "douyin", "platform_order_id": "6938475610", "product_id": 1}],
        )
        s.execute(
            insert(Ticket),
            [
                {"id": n, "code": f"SH-202611-{n:04d}", "kind": "return_refund", "reason": "no_reason",
                 "status": "new", "order_id": 1, "opened_at": NOW - timedelta(hours=2, minutes=n)}
                for n in range(1, 11)
            ],
        )  # fmt: skip
    return list(range(1, 11))


def test_a_proposal_registers_an_incident_that_links_its_tickets(qtbot, context, tmp_db, spike):
    page = make_page(qtbot, context)
    assert page.proposals.isVisibleTo(page)
    [proposal] = page.proposals.proposals
    assert "保温杯" in proposal.sentence
    page.proposals.buttons[0].click()
    dialog = page.open_dialog
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=WAIT)
    assert (
        dialog.summary.text() == proposal.sentence[:200] and "SH-202611-0001" in dialog.snapshot.toPlainText()
    )
    assert dialog.link.text() == ""
    dialog.channel.setCurrentIndex(dialog.channel.findData("douyin"))
    with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
        dialog.ok_button.click()
    assert counts(tmp_db) == (1, 10)
    assert len(page.model.rows) == 1


def test_without_proposals_the_strip_is_hidden_and_the_owner_may_register(page):
    assert not page.proposals.isVisibleTo(page)
    assert page.new_button.isVisibleTo(page)


def test_a_host_sees_the_register_but_no_register_button(qtbot, tmp_db, tasks, host, register_rows):
    page = make_page(qtbot, PageContext(db=tmp_db, actor=host, tasks=tasks))
    assert not page.new_button.isVisibleTo(page)
    assert len(page.model.rows) == 2


def test_the_main_window_opens_an_incident_on_the_public_opinion_page(
    qtbot, tmp_db, owner, tasks, register_rows
):
    from ui.main_window import MainWindow

    window = MainWindow(tmp_db, owner, tasks)
    qtbot.addWidget(window)
    page = window.open_incident(register_rows["late"])
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.table.currentIndex().isValid(), timeout=WAIT)
    assert page.model.incident_id(page.table.currentIndex().row()) == register_rows["late"]
