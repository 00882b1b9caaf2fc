"""The pre-live checklist gate (issue #3 deliverable 3): a session cannot go live while a required item is open.

Basis: 《直播电商监督管理办法》(2026) — before each stream the room operator verifies seller, papers and wording and keeps
the record; every sign-off is a ledger entry so the record can be shown unchanged (电子商务法 Art 62).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from core import ledger, vault
from core.db.models import LiveSession
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.paths import vault_dir_for
from core.services import checklist
from tests.builders import add_staff, planned_session


@pytest.fixture
def live_id(tmp_db, owner) -> int:
    return planned_session(tmp_db, owner)


def staff(tmp_db, owner, role: Role) -> Actor:
    return add_staff(tmp_db, owner, role)


def start(tmp_db, actor, live_id) -> checklist.ChecklistView:
    with tmp_db.unit_of_work(actor) as session:
        return checklist.start_run(session, actor, live_id)


def close_all_required(tmp_db, owner, view: checklist.ChecklistView) -> None:
    with tmp_db.unit_of_work(owner) as session:
        for item in view.open_required:
            checklist.mark_done(session, owner, item.id)


def ledger_rows(tmp_db) -> list[tuple]:
    with tmp_db.sessions() as session:
        sql = "SELECT kind, subject_type, subject_id, payload FROM ledger_entries ORDER BY seq"
        return list(session.connection().exec_driver_sql(sql).all())


def test_bundled_template_has_at_least_ten_items_each_with_a_chapter_and_a_basis(tmp_db):
    body = checklist.bundled_template()
    assert body["version"] >= 1 and body["as_of"] and body["sources"]
    assert len(body["items"]) >= 10
    for item in body["items"]:
        assert item["basis"].strip(), item["code"]
        assert item["chapter"] in {"基本要求", "直播前准备"}, item["code"]
    codes = {item["code"] for item in body["items"]}
    assert {
        "seller_identity",
        "scripts_linted",
        "price_claims_backed",
        "host_verified",
        "sample_used",
    } <= codes
    with tmp_db.unit_of_work() as session:
        assert checklist.ensure_template(session) is True
        assert checklist.ensure_template(session) is False  # that version is already there


def test_a_run_lists_every_template_item_open_and_starting_again_returns_the_same_run(tmp_db, owner, live_id):
    view = start(tmp_db, owner, live_id)
    assert len(view.items) == len(checklist.bundled_template()["items"])
    assert all(item.state == "open" and item.basis for item in view.items)
    assert start(tmp_db, owner, live_id).run_id == view.run_id


def test_gate_refuses_before_any_checklist_was_started_zhibo_dianshang_banfa(tmp_db, owner, live_id):
    with tmp_db.unit_of_work(owner) as session:
        gate = checklist.can_go_live(session, live_id)
        assert not gate.allowed and not gate.run_started
        with pytest.raises(checklist.GateClosed):
            checklist.go_live(session, owner, live_id)


def test_gate_refuses_while_sample_used_guanggaofa_art38_is_open_and_names_it(tmp_db, owner, live_id):
    view = start(tmp_db, owner, live_id)
    with tmp_db.unit_of_work(owner) as session:
        for item in view.open_required:
            if item.code != "sample_used":
                checklist.mark_done(session, owner, item.id)
    with tmp_db.unit_of_work(owner) as session:
        gate = checklist.can_go_live(session, live_id)
        assert not gate.allowed
        assert [item.code for item in gate.open_items] == ["sample_used"]
        with pytest.raises(checklist.GateClosed) as refused:
            checklist.go_live(session, owner, live_id)
        assert "推荐商品的主播已实际使用过样品" in str(refused.value)
        assert [item.code for item in refused.value.open_items] == ["sample_used"]
    with tmp_db.sessions() as session:
        live = session.get(LiveSession, live_id)
        assert live.status == "planned" and live.actual_start is None


def test_done_not_applicable_and_waived_each_close_an_item_and_the_session_goes_live(tmp_db, owner, live_id):
    view = start(tmp_db, owner, live_id)
    by_code = {item.code: item for item in view.items}
    with tmp_db.unit_of_work(owner) as session:
        checklist.mark_not_applicable(
            session, owner, by_code["special_cosmetics_registered"].id, "本场只卖零食"
        )
        checklist.waive(session, owner, by_code["gift_stock_confirmed"].id, "本场没有赠品，店主确认")
    close_all_required(tmp_db, owner, checklist_view(tmp_db, live_id))
    went_live_at = datetime(2026, 12, 1, 12, 3, tzinfo=UTC)
    with tmp_db.unit_of_work(owner) as session:
        gate = checklist.go_live(session, owner, live_id, now=went_live_at)
        assert gate.allowed and not gate.overridden
    with tmp_db.sessions() as session:
        live = session.get(LiveSession, live_id)
        assert live.status == "live" and live.actual_start == went_live_at
        after = checklist.get_run(session, live_id)
    states = {item.code: (item.state, item.reason, item.by_user_id) for item in after.items}
    assert states["special_cosmetics_registered"] == ("na", "本场只卖零食", owner.user_id)
    assert states["gift_stock_confirmed"] == ("waived", "本场没有赠品，店主确认", owner.user_id)
    assert states["seller_identity"][0] == "done"
    assert states["comment_policy_briefed"][0] == "open"  # optional items do not hold the session back


@pytest.mark.parametrize("how", ["mark_not_applicable", "waive"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_not_applicable_and_waive_need_a_reason(tmp_db, owner, live_id, how, reason):
    item = start(tmp_db, owner, live_id).items[0]
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        getattr(checklist, how)(session, owner, item.id, reason)
    assert refused.value.field == "reason"
    assert item.title in str(refused.value)


def test_override_needs_a_reason(tmp_db, owner, live_id):
    start(tmp_db, owner, live_id)
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        checklist.override_gate(session, owner, live_id, " ")
    assert refused.value.field == "reason"


def test_a_service_agent_may_not_sign_waive_or_override(tmp_db, owner, live_id):
    agent = staff(tmp_db, owner, Role.SERVICE)
    item = start(tmp_db, owner, live_id).items[0]
    with tmp_db.unit_of_work(agent) as session:
        with pytest.raises(PermissionDenied):
            checklist.waive(session, agent, item.id, "客服觉得可以")
        with pytest.raises(PermissionDenied):
            checklist.override_gate(session, agent, live_id, "来不及了")
        with pytest.raises(PermissionDenied):
            checklist.mark_done(session, agent, item.id)


def test_an_operator_signs_items_but_only_the_owner_waives(tmp_db, owner, live_id):
    operator = staff(tmp_db, owner, Role.OPERATOR)
    view = start(tmp_db, operator, live_id)
    with tmp_db.unit_of_work(operator) as session:
        assert checklist.mark_done(session, operator, view.items[0].id).by_user_id == operator.user_id
        with pytest.raises(PermissionDenied):
            checklist.waive(session, operator, view.items[1].id, "场控觉得可以")
        with pytest.raises(PermissionDenied):
            checklist.override_gate(session, operator, live_id, "来不及了")
    with tmp_db.unit_of_work(owner) as session:
        assert checklist.waive(session, owner, view.items[1].id, "店主确认").state == "waived"


def test_the_owners_override_is_recorded_and_lets_the_session_go_live(tmp_db, owner, live_id):
    start(tmp_db, owner, live_id)
    at = datetime(2026, 12, 1, 11, 58, tzinfo=UTC)
    with tmp_db.unit_of_work(owner) as session:
        view = checklist.override_gate(session, owner, live_id, "平台临时改期，资料开播后补签", now=at)
        assert view.overridden and view.open_required  # the open items stay on record
        gate = checklist.go_live(session, owner, live_id)
        assert gate.allowed and gate.overridden and gate.open_items
    with tmp_db.sessions() as session:
        run = checklist.get_run(session, live_id)
        assert (run.override_by, run.override_reason, run.override_at) == (
            owner.user_id,
            "平台临时改期，资料开播后补签",
            at,
        )
        assert session.get(LiveSession, live_id).status == "live"
    override = [row for row in ledger_rows(tmp_db) if row[0] == "checklist.override"]
    assert len(override) == 1 and "平台临时改期" in override[0][3] and "sample_used" in override[0][3]


def test_items_cannot_be_signed_once_the_session_is_live(tmp_db, owner, live_id):
    view = start(tmp_db, owner, live_id)
    close_all_required(tmp_db, owner, view)
    with tmp_db.unit_of_work(owner) as session:
        checklist.go_live(session, owner, live_id)
    optional = next(item for item in view.items if not item.required)
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        checklist.mark_done(session, owner, optional.id)
    assert refused.value.field == "status"


def test_evidence_must_already_be_in_the_vault(tmp_db, owner, live_id):
    item = start(tmp_db, owner, live_id).items[0]
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        checklist.mark_done(session, owner, item.id, evidence_sha256="ab" * 32)
    assert refused.value.field == "evidence_sha256"
    with tmp_db.unit_of_work(owner) as session:
        sha = vault.store_bytes(
            session, vault_dir_for(tmp_db.path), "营业执照".encode(), owner, original_name="licence.pdf"
        )
        assert checklist.mark_done(session, owner, item.id, evidence_sha256=sha).evidence_sha256 == sha


def test_every_item_opened_and_every_sign_off_is_a_ledger_entry_and_the_ledger_verifies(
    tmp_db, owner, live_id
):
    view = start(tmp_db, owner, live_id)
    opened = [row for row in ledger_rows(tmp_db) if row[0] == "checklist.item_opened"]
    assert sorted(int(row[2]) for row in opened) == sorted(item.id for item in view.items)
    with tmp_db.unit_of_work(owner) as session:
        checklist.mark_not_applicable(session, owner, view.items[0].id, "不涉及")
        checklist.waive(session, owner, view.items[1].id, "店主确认")
    close_all_required(tmp_db, owner, checklist_view(tmp_db, live_id))
    signed = [row for row in ledger_rows(tmp_db) if row[0] == "checklist.signed"]
    assert all(row[1] == "checklist_item" for row in signed)
    assert len(signed) == sum(1 for item in checklist_view(tmp_db, live_id).items if item.state != "open")
    with tmp_db.unit_of_work(owner) as session:
        checklist.go_live(session, owner, live_id)
    report = ledger.verify(tmp_db)
    assert report.ok, report.first_problem


def test_changing_an_items_state_behind_the_apps_back_is_caught_by_verify(tmp_db, owner, live_id):
    view = start(tmp_db, owner, live_id)
    target = view.items[3]
    assert ledger.verify(tmp_db).ok
    conn = sqlite3.connect(tmp_db.path)
    try:
        conn.execute("UPDATE checklist_run_items SET state = 'done', reason = '' WHERE id = ?", (target.id,))
        conn.commit()
    finally:
        conn.close()
    report = ledger.verify(tmp_db)
    assert not report.ok
    assert report.first_problem.subject == f"checklist_item:{target.id}"


def checklist_view(tmp_db, live_id) -> checklist.ChecklistView:
    with tmp_db.sessions() as session:
        return checklist.get_run(session, live_id)
