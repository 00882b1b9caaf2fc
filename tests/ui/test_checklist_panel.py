"""开播检查 panel (issue #3 deliverable 3): the gate refuses to go live while a required item is open, says which,
and lets the session go live once each is closed or the owner overrides with a reason that stays on record.

Basis: 《直播电商监督管理办法》(2026) — verify before each stream and keep the record; 电子商务法 Art 62 — every
sign-off is a ledger entry. The panel is driven through its buttons and the real reason dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.db.models import LiveSession
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import checklist
from tests.builders import add_staff, planned_session

WAIT = 10_000


@pytest.fixture
def live_id(tmp_db, owner) -> int:
    return planned_session(tmp_db, owner)


def staff(tmp_db, owner, role: Role) -> Actor:
    return add_staff(
        tmp_db, owner, role, f"{role.value}1", display_name="李明" if role == Role.OPERATOR else None
    )


@pytest.fixture
def panel_for(qtbot, tmp_db, tasks, live_id):
    from ui.context import PageContext
    from ui.pages.checklist_panel import ChecklistPanel

    def make(actor: Actor) -> ChecklistPanel:
        panel = ChecklistPanel(PageContext(db=tmp_db, actor=actor, tasks=tasks))
        qtbot.addWidget(panel)
        panel.resize(1100, 720)
        with qtbot.waitSignal(panel.loaded, timeout=WAIT):
            panel.show_session(live_id)
        return panel

    yield make
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT)  # no task outlives its test's lane


@pytest.fixture
def panel(panel_for, owner):
    return panel_for(owner)


def run_of(tmp_db, live_id) -> checklist.ChecklistView:
    with tmp_db.sessions() as session:
        return checklist.get_run(session, live_id)


def status_of(tmp_db, live_id) -> str:
    with tmp_db.sessions() as session:
        return session.get(LiveSession, live_id).status


def ledger_kinds(tmp_db) -> list[str]:
    with tmp_db.sessions() as session:
        sql = "SELECT kind FROM ledger_entries ORDER BY seq"
        return [row[0] for row in session.connection().exec_driver_sql(sql).all()]


def row_of(panel, code: str):
    item = next(i for i in panel.screen.view.items if i.code == code)
    return next(row for row in panel.tree.rows() if row.data(0, 256) == item.id)


def select(panel, code: str) -> None:
    panel.tree.setCurrentItem(row_of(panel, code))


def click_and_reload(qtbot, panel, button) -> None:
    assert button.isEnabled()
    with qtbot.waitSignals([panel.changed, panel.loaded], timeout=WAIT):
        button.click()


def answer_modal(qtbot, act, seen: list | None = None) -> None:
    """When the next modal dialog is up, call ``act(dialog)`` (it fills in and clicks)."""

    def respond():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, respond)
            return
        if seen is not None:
            seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, respond)


def give_reason(text: str):
    def act(dialog):
        dialog.text.setPlainText(text)
        dialog.ok_button.click()

    return act


def confirm_go(box: QMessageBox) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()


def test_the_panel_lists_every_template_item_under_the_standards_chapters(panel, tmp_db, live_id):
    template = checklist.bundled_template()
    rows = panel.tree.rows()
    assert [row.text(0) for row in rows] == [item["title"] for item in template["items"]]
    chapters = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert [c.split(" · ")[0] for c in chapters] == ["基本要求", "直播前准备"]
    assert "双十二宠粉夜" in panel.heading.text()
    assert run_of(tmp_db, live_id) is not None  # first show started the run
    first = rows[0]
    assert template["items"][0]["basis"] in first.toolTip(0)
    panel.tree.setCurrentItem(first)
    assert template["items"][0]["basis"] in panel.detail.text()


def test_go_live_is_refused_naming_the_open_required_items_zhibo_dianshang_banfa(
    qtbot, panel, tmp_db, live_id
):
    required = [item for item in panel.screen.view.items if item.required]
    assert panel.gate.property("gate") == "closed"
    assert str(len(required)) in panel.gate.text()
    with qtbot.waitSignal(panel.refused, timeout=WAIT) as refused:
        panel.go_live_button.click()
    message = refused.args[0]
    assert "推荐商品的主播已实际使用过样品" in message and "上播主播已实名认证且年满 16 周岁" in message
    assert panel.message.text() == message and panel.message.isVisibleTo(panel)
    assert status_of(tmp_db, live_id) == "planned"


def test_closing_each_required_item_lets_the_session_go_live_and_each_sign_off_is_in_the_ledger(
    qtbot, panel, tmp_db, live_id
):
    signed_before = ledger_kinds(tmp_db).count("checklist.signed")
    required = [item for item in panel.screen.view.items if item.required]
    for item in required:
        select(panel, item.code)
        click_and_reload(qtbot, panel, panel.done_button)
        assert row_of(panel, item.code).text(3) == "店主"  # who signed, shown in the row
        assert row_of(panel, item.code).text(4)  # and when
    assert ledger_kinds(tmp_db).count("checklist.signed") == signed_before + len(required)
    assert panel.gate.property("gate") == "open"
    assert not panel.override_button.isEnabled()  # nothing left to override
    asked: list = []
    answer_modal(qtbot, confirm_go, asked)
    click_and_reload(qtbot, panel, panel.go_live_button)
    assert asked and "双十二宠粉夜" in asked[0].text()
    assert status_of(tmp_db, live_id) == "live"
    # the live session's checklist is read-only now
    select(panel, "comment_policy_briefed")
    for button in (panel.done_button, panel.na_button, panel.go_live_button, panel.evidence_button):
        assert not button.isEnabled()
    assert panel.note.isVisibleTo(panel) and panel.note.text()


def test_not_applicable_without_a_reason_is_refused_then_recorded_with_one(qtbot, panel, tmp_db, live_id):
    select(panel, "special_cosmetics_registered")
    states: list = []

    def act(dialog):
        dialog.text.setPlainText("   ")
        dialog.ok_button.click()
        states.append((dialog.isVisible(), dialog.error.text()))
        dialog.text.setPlainText("本场只卖零食，没有化妆品")
        dialog.ok_button.click()

    answer_modal(qtbot, act)
    click_and_reload(qtbot, panel, panel.na_button)
    assert states and states[0][0] is True and states[0][1]  # stayed open and said a reason is needed
    row = row_of(panel, "special_cosmetics_registered")
    assert row.text(5) == "本场只卖零食，没有化妆品" and row.text(3) == "店主"
    item = next(i for i in run_of(tmp_db, live_id).items if i.code == "special_cosmetics_registered")
    assert (item.state, item.reason) == ("na", "本场只卖零食，没有化妆品")


def test_a_blank_reason_given_directly_is_refused_by_core_with_its_message(qtbot, panel):
    select(panel, "gift_stock_confirmed")
    with qtbot.waitSignal(panel.refused, timeout=WAIT) as refused:
        panel.mark_not_applicable("  ")
    assert "赠品与奖品库存已确认" in refused.args[0] and "理由" in refused.args[0]
    assert panel.message.text() == refused.args[0]


def test_an_operator_signs_but_gets_no_waive_or_override(qtbot, panel_for, tmp_db, owner, live_id):
    operator = staff(tmp_db, owner, Role.OPERATOR)
    panel = panel_for(operator)
    assert not panel.waive_button.isVisibleTo(panel)
    assert not panel.override_button.isVisibleTo(panel)
    select(panel, "seller_identity")
    click_and_reload(qtbot, panel, panel.done_button)
    assert row_of(panel, "seller_identity").text(3) == "李明"


def test_a_host_may_read_the_checklist_but_not_sign(qtbot, panel_for, tmp_db, owner, host, live_id):
    panel = panel_for(host)
    assert panel.screen.view is None and run_of(tmp_db, live_id) is None  # a host does not start the run
    assert panel.gate.property("gate") == "closed" and not panel.go_live_button.isEnabled()
    with tmp_db.unit_of_work(owner) as session:
        checklist.start_run(session, owner, live_id)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.reload()
    assert len(panel.tree.rows()) == len(checklist.bundled_template()["items"])
    select(panel, "seller_identity")
    for button in (panel.done_button, panel.na_button, panel.go_live_button):
        assert not button.isEnabled()
    assert panel.note.isVisibleTo(panel) and panel.note.text()


def test_the_owners_override_is_recorded_and_the_gate_line_says_so(qtbot, panel, tmp_db, live_id):
    seen: list = []
    reason = "平台临时改期，资料开播后补签"
    answer_modal(qtbot, give_reason(reason), seen)
    click_and_reload(qtbot, panel, panel.override_button)
    warning = seen[0].warning.text()
    assert warning and seen[0].warning.isVisibleTo(seen[0])
    open_titles = [item.title for item in panel.screen.view.items if item.required]
    assert open_titles[0] in seen[0].subject.text()  # the dialog lists what is still open
    assert str(len(open_titles)) in seen[0].subject.text()
    run = run_of(tmp_db, live_id)
    assert run.override_reason == reason and run.overridden and run.open_required
    assert status_of(tmp_db, live_id) == "live"
    assert panel.gate.property("gate") == "overridden" and reason in panel.gate.text()
    assert "checklist.override" in ledger_kinds(tmp_db)


def test_done_with_an_evidence_file_keeps_the_file_in_the_vault(qtbot, panel, tmp_db, live_id, tmp_path):
    from core import vault

    photo = tmp_path / "录像设置.png"
    photo.write_bytes(b"\x89PNG recording on, saved to D:/luxiang")
    select(panel, "recording_set_up")
    with qtbot.waitSignals([panel.changed, panel.loaded], timeout=WAIT):
        panel.mark_done(photo)
    item = next(i for i in run_of(tmp_db, live_id).items if i.code == "recording_set_up")
    assert item.state == "done" and vault.file_matches(tmp_db.vault_dir, item.evidence_sha256)
    assert item.evidence_sha256[:12] in panel.detail.text()
    opened = []
    panel.open_url = opened.append
    link = f"evidence:{item.evidence_sha256}"
    assert f"href='{link}'" in panel.detail.text()
    with qtbot.waitSignal(panel.open_link(link).succeeded, timeout=WAIT) as blocker:
        pass
    copy = Path(blocker.args[0])
    assert copy.name == photo.name and copy.read_bytes() == photo.read_bytes()  # opened under its own name
    assert opened[0].toLocalFile() == str(copy)


def test_embedded_in_the_sessions_page_it_leaves_the_title_and_print_button_to_the_page(panel):
    assert "双十二宠粉夜" in panel.heading.text() and panel.export_button.isVisibleTo(panel)
    panel.set_embedded()
    assert "双十二宠粉夜" not in panel.heading.text() and panel.heading.text()
    assert not panel.export_button.isVisibleTo(panel)
