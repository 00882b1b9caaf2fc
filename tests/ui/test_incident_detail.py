"""舆情详情 The incident detail panel (issue 6, deliverables 2, 3, 5): clocks in words and colour, tier changes with
their reason, the handling log, corrective actions, closure, screenshots.

Basis: DOMAIN §6 — a tier's clocks run from the time first seen (tier IV: first contact 1 h, fix plan 24 h; tier
III: public statement 4 h), a change after the first confirmation needs a reason, closing needs the root cause and
done corrective actions unless the owner says why; evidence (screenshots) must be images. Every write is a ledger
entry (电子商务法 Art 62), so a refused write leaves nothing behind.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core import clock
from core.domain.codes import Role
from core.services import incident_actions, incidents
from core.services.incident_view import incident_view
from tests.builders import add_staff

SEEN = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in the studio (Asia/Shanghai)
WAIT = 20_000


def ui_text(text: str, context: str = "IncidentDetail") -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def new_incident(db, actor, *, tier: str | None = "IV", **fields) -> int:
    """An incident seen at SEEN on 小红书, its tier first confirmed five minutes later (None: not confirmed)."""
    fields.setdefault("channel", "xiaohongshu")
    fields.setdefault("link", "https://www.xiaohongshu.com/explore/65a1b2c3")
    fields.setdefault("snapshot_text", "买的保温杯第二天就漏水，客服不理人")
    with clock.fixed(SEEN + timedelta(minutes=1)), db.unit_of_work(actor) as session:
        iid = incidents.open_incident(session, actor, first_seen_at=SEEN, **fields).id
    if tier is not None:
        with clock.fixed(SEEN + timedelta(minutes=5)), db.unit_of_work(actor) as session:
            incidents.set_tier(session, actor, iid, tier)
    return iid


def view_of(db, iid: int):
    with db.sessions() as session:
        return incident_view(session, iid, now=SEEN + timedelta(hours=1))


def make_panel(qtbot, context, iid: int, at: datetime):
    from ui.pages.incident_detail import IncidentDetail

    panel = IncidentDetail(context)
    qtbot.addWidget(panel)
    panel.resize(1100, 900)
    with clock.fixed(at), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.show_incident(iid)
    return panel


def ask(panel, opener) -> object:
    """Open one of the panel's dialogs without showing it modally; return the dialog."""
    opened = []
    panel.open_dialog = lambda dialog: opened.append(dialog) or 0
    opener()
    return opened[0]


def accept_and_wait(qtbot, panel, dialog, at: datetime) -> None:
    with clock.fixed(at), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        dialog.accept()


def log_rows(panel) -> list[tuple[str, ...]]:
    tree = panel.log
    return [tuple(tree.topLevelItem(i).text(c) for c in range(4)) for i in range(tree.topLevelItemCount())]


def test_nothing_selected_shows_the_empty_state(qtbot, context):
    from ui.pages.incident_detail import IncidentDetail

    panel = IncidentDetail(context)
    qtbot.addWidget(panel)
    assert panel.stack.currentIndex() == 0
    assert panel.empty.text() == ui_text("No incident selected")


def test_tier_iv_clocks_show_time_left_then_missed_without_reading_again(qtbot, context, tmp_db, owner):
    """DOMAIN §6 tier IV: first contact within 1 h, fix plan within 24 h, from the time first seen."""
    from ui.pages.incident_detail_data import MISSED_RED, WARN_ORANGE

    iid = new_incident(tmp_db, owner)
    panel = make_panel(qtbot, context, iid, SEEN + timedelta(minutes=25))
    rows = panel.clocks.rows()
    minutes = ui_text("%1 minutes").replace("%1", "35")
    assert rows[0][1] == ui_text("%1 left").replace("%1", minutes)
    hours = ui_text("%1 h %2 min").replace("%1", "23").replace("%2", "35")
    assert rows[1][1] == ui_text("%1 left").replace("%1", hours)
    assert rows[0][2] == "11-20 11:00"  # due, in the studio's time, without this year
    first = panel.clocks.tree.topLevelItem(0)
    assert first.foreground(1).color().name() == WARN_ORANGE  # inside the rule's 2-hour warning window

    with clock.fixed(SEEN + timedelta(minutes=80)):
        panel.refresh_clocks()  # what the 30-second timer does: no read, just the words
    first = panel.clocks.tree.topLevelItem(0)
    assert first.text(1) == ui_text("Missed by %1").replace("%1", ui_text("%1 minutes").replace("%1", "20"))
    assert first.foreground(1).color().name() == MISSED_RED


def test_a_tier_change_without_reason_is_refused_in_the_dialog_then_escalates_with_one(
    qtbot, context, tmp_db, owner
):
    """A change after the first confirmation needs a reason (DOMAIN §6); the log then reads 升级."""
    from PySide6.QtWidgets import QDialog

    iid = new_incident(tmp_db, owner)
    at = SEEN + timedelta(minutes=30)
    panel = make_panel(qtbot, context, iid, at)
    dialog = ask(panel, panel._ask_tier)
    dialog.choose("III")
    with clock.fixed(at):
        dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "需要说明理由" in dialog.form.error_text("reason")
    assert view_of(tmp_db, iid).tier == "IV"

    dialog.reason_box.setPlainText("当日同款投诉已达 10 条")
    accept_and_wait(qtbot, panel, dialog, at)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert view_of(tmp_db, iid).tier == "III"
    last = log_rows(panel)[-1]
    assert last[2] == ui_text("Escalated") and "IV → III" in last[3] and "10 条" in last[3]
    assert panel.tier_button.text() == ui_text("Change tier…")


def test_a_statement_needs_its_text_and_then_meets_the_public_statement_clock(qtbot, context, tmp_db, owner):
    """Tier III: a public statement within 4 h (DOMAIN §6); a statement is recorded word for word."""
    iid = new_incident(tmp_db, owner, tier="III")
    at = SEEN + timedelta(hours=1)
    panel = make_panel(qtbot, context, iid, at)
    dialog = ask(panel, panel._ask_action)
    assert "删除" in dialog.guide.text()  # why there is no "delete the post"
    assert "delete_post" not in [dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())]
    dialog.choose("statement")
    before = len(view_of(tmp_db, iid).actions)
    with clock.fixed(at):
        dialog.accept()
    assert "需要填写内容" in dialog.form.error_text("body")
    assert len(view_of(tmp_db, iid).actions) == before

    dialog.body.setPlainText("关于保温杯漏水的说明：已联系顾客退换，正在排查批次。")
    accept_and_wait(qtbot, panel, dialog, at)
    last = log_rows(panel)[-1]
    assert last[0] == "2026-11-20 11:00" and last[2] == "发布声明" and last[3].startswith("关于保温杯漏水")
    statement = panel.clocks.tree.topLevelItem(0)
    assert statement.data(1, 0x0100) == "met"  # Qt.UserRole
    assert statement.text(1) == ui_text("Met at %1").replace("%1", "2026-11-20 11:00")


def test_a_corrective_action_due_in_the_past_is_refused_under_the_date(qtbot, context, tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    at = SEEN + timedelta(hours=1)
    panel = make_panel(qtbot, context, iid, at)
    dialog = ask(panel, panel._ask_corrective)
    dialog.title_edit.setText("复查保温杯密封圈批次")
    dialog.set_due(date(2026, 11, 19))
    with clock.fixed(at):
        dialog.accept()
    assert "早于今天" in dialog.form.error_text("due_on")
    assert view_of(tmp_db, iid).corrective == ()

    dialog.set_due(date(2026, 11, 27))
    accept_and_wait(qtbot, panel, dialog, at)
    assert panel.corrective.topLevelItem(0).text(0) == "复查保温杯密封圈批次"
    assert panel.corrective.topLevelItem(0).text(2) == "2026-11-27"


@pytest.fixture
def with_open_corrective(tmp_db, owner) -> int:
    iid = new_incident(tmp_db, owner)
    with clock.fixed(SEEN + timedelta(minutes=40)), tmp_db.unit_of_work(owner) as session:
        incident_actions.add_corrective_action(
            session, owner, iid, title="打包台增加称重复核", owner_id=owner.user_id, due_on=date(2026, 12, 1)
        )
    return iid


def test_service_cannot_close_while_corrective_actions_are_open(
    qtbot, tmp_db, owner, tasks, with_open_corrective
):
    """Only the owner may close over open corrective actions (DOMAIN §6 closure review)."""
    from ui.context import PageContext

    service = add_staff(tmp_db, owner, Role.SERVICE)
    panel = make_panel(
        qtbot, PageContext(tmp_db, service, tasks), with_open_corrective, SEEN + timedelta(hours=2)
    )
    dialog = ask(panel, panel._ask_close)
    assert dialog.override is None and not dialog.ok_button.isEnabled()
    assert "打包台增加称重复核" in dialog.pending.text()
    with clock.fixed(SEEN + timedelta(hours=2)):
        assert not panel.close_incident("仓库打包漏装")
    assert "整改未完成" in panel.action_message.text()
    assert view_of(tmp_db, with_open_corrective).status != "closed"


def test_the_owner_closes_over_open_corrective_actions_with_a_reason(
    qtbot, context, tmp_db, with_open_corrective
):
    iid = with_open_corrective
    at = SEEN + timedelta(hours=2)
    panel = make_panel(qtbot, context, iid, at)
    dialog = ask(panel, panel._ask_close)
    with clock.fixed(at):
        dialog.accept()
    assert "根本原因" in dialog.form.error_text("root_cause")
    dialog.cause.setPlainText("仓库打包漏装，未称重复核")
    dialog.override.setPlainText("补发已签收，称重设备下月到货")
    accept_and_wait(qtbot, panel, dialog, at)
    view = view_of(tmp_db, iid)
    assert view.status == "closed" and view.close_override_reason == "补发已签收，称重设备下月到货"
    assert "仓库打包漏装" in panel.closure.text() and "称重设备下月到货" in panel.closure.text()
    assert panel.close_button.isHidden() and panel.action_button.isHidden()


def test_a_screenshot_that_is_not_an_image_is_refused_naming_the_file(
    qtbot, context, tmp_db, owner, tmp_path
):
    iid = new_incident(tmp_db, owner)
    panel = make_panel(qtbot, context, iid, SEEN + timedelta(hours=1))
    notes = tmp_path / "聊天记录.txt"
    notes.write_text("not a picture", encoding="utf-8")
    panel.choose_screenshot = lambda: str(notes)
    with clock.fixed(SEEN + timedelta(hours=1)):
        panel._ask_screenshot()
    assert "聊天记录.txt" in panel.action_message.text() and not panel.action_message.isHidden()
    assert view_of(tmp_db, iid).screenshots == ()

    png = tmp_path / "post.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    with clock.fixed(SEEN + timedelta(hours=1)), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        assert panel.attach_screenshot(str(png))
    assert panel.evidence.shots.count() == 1 and panel.evidence.shots.item(0).text() == "post.png"


def test_the_link_dialog_finds_a_ticket_by_code_and_refuses_an_unknown_one(qtbot, context, tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    at = SEEN + timedelta(hours=1)
    panel = make_panel(qtbot, context, iid, at)
    dialog = ask(panel, panel._ask_link)
    dialog.choose("ticket")
    dialog.ticket_code.setText("SH-209901-0001")
    with clock.fixed(at):
        dialog.accept()
    assert "SH-209901-0001" in dialog.form.error_text("target_id")
    dialog.choose("host")
    accept_and_wait(qtbot, panel, dialog, at)
    assert panel.links.topLevelItemCount() == 1


def test_a_role_without_incidents_work_sees_the_panel_read_only(qtbot, tmp_db, owner, host, tasks):
    from ui.context import PageContext

    iid = new_incident(tmp_db, owner)
    panel = make_panel(qtbot, PageContext(tmp_db, host, tasks), iid, SEEN + timedelta(minutes=10))
    assert panel.write_buttons and not any(b.isEnabled() for b in panel.write_buttons)
    assert panel.print_button.isEnabled()
