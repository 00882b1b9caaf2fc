"""舆情 incidents (issue 6, deliverables 1–3 and 5): register, screenshots, tiers and clocks, handling log, closure.

Basis: DOMAIN §6 (channels, tiers IV–I, their triggers and clocks as rule data [L–M]); 网络直播营销管理办法 Art 21
(no "delete the post" action); 电子商务法 Art 62 (every step is a ledger entry that verify checks).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core import clock, ledger, vault
from core.db.models import CorrectiveAction, Incident, IncidentAction, IncidentLink
from core.domain.codes import Role
from core.errors import InvalidInput, PermissionDenied
from core.services import incident_actions, incidents
from tests.builders import add_staff, planned_session
from tests.core.test_ledger import tamper

SEEN = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
GIF = b"GIF89a" + b"\x00" * 32
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 32


def new_incident(db, actor, *, at: datetime = SEEN, **fields) -> int:
    fields.setdefault("channel", "xiaohongshu")
    fields.setdefault("link", "https://www.xiaohongshu.com/explore/65a1b2c3")
    fields.setdefault("snapshot_text", "买的保温杯第二天就漏水，客服不理人")
    fields.setdefault("first_seen_at", at)
    with clock.fixed(at + timedelta(minutes=5)), db.unit_of_work(actor) as session:
        return incidents.open_incident(session, actor, **fields).id


def counts(db) -> tuple[int, int, int, int]:
    with db.sessions() as session:
        conn = session.connection()
        return tuple(  # type: ignore[return-value]
            conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in ("ledger_entries", "incidents", "incident_actions", "corrective_actions")
        )


def act(db, actor, fn, *args, at: datetime = SEEN + timedelta(minutes=30), **kwargs):
    with clock.fixed(at), db.unit_of_work(actor) as session:
        return fn(session, actor, *args, **kwargs)


# --- register --------------------------------------------------------------------------------------------------


def test_a_xiaohongshu_post_is_registered_with_a_code_and_ledger_entry(tmp_db, owner):
    iid = new_incident(tmp_db, owner, reach=3200, summary="保温杯漏水差评")
    with tmp_db.sessions() as session:
        row = session.get(Incident, iid)
        names = {c["code"]: c["zh"] for c in incidents.channels(session)}
    assert (row.code, row.tier, row.status, row.seen_by, row.reach) == (
        "YQ-202611-001",
        "IV",
        "open",
        1,
        3200,
    )
    assert names["xiaohongshu"] == "小红书" and names["heimao"] == "黑猫投诉" and names["12315"] == "12315"
    assert ledger.verify(tmp_db).ok


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"link": "小红书上那条"}, "link"),
        ({"link": "ftp://example.com/a"}, "link"),
        ({"link": "https://"}, "link"),
        ({"snapshot_text": "  "}, "snapshot_text"),
        ({"channel": "tieba"}, "channel"),
        ({"first_seen_at": SEEN + timedelta(days=1)}, "first_seen_at"),
        ({"reach": -1}, "reach"),
    ],
)
def test_bad_incident_fields_are_named_and_nothing_is_written(tmp_db, owner, fields, field):
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        new_incident(tmp_db, owner, **fields)
    assert caught.value.field == field and str(caught.value)
    assert counts(tmp_db) == before


def test_a_host_may_not_work_incidents(tmp_db, owner):
    host = add_staff(tmp_db, owner, Role.HOST)
    with pytest.raises(PermissionDenied):
        new_incident(tmp_db, host)


@pytest.mark.parametrize(
    ("name", "content"), [("a.png", PNG), ("a.jpg", JPEG), ("a.gif", GIF), ("a.webp", WEBP)]
)
def test_a_screenshot_goes_into_the_vault_evidence_first_domain_6(tmp_db, owner, tmp_path, name, content):
    shot = tmp_path / name
    shot.write_bytes(content)
    iid = new_incident(tmp_db, owner)
    action = act(tmp_db, owner, incidents.attach_screenshot, tmp_db.vault_dir, iid, shot)
    assert vault.file_matches(tmp_db.vault_dir, action.data["sha256"])
    assert ledger.verify(tmp_db).ok


def test_a_file_that_is_not_an_image_is_refused_naming_file_and_nothing_is_stored(tmp_db, owner, tmp_path):
    fake = tmp_path / "截图.png"
    fake.write_bytes(b"%PDF-1.7 not an image at all")
    iid = new_incident(tmp_db, owner)
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incidents.attach_screenshot, tmp_db.vault_dir, iid, fake)
    assert caught.value.field == "file" and "截图.png" in str(caught.value)
    assert counts(tmp_db) == before and not any(p.is_file() for p in tmp_db.vault_dir.rglob("*"))


def test_links_to_ticket_session_product_and_host(tmp_db, owner):
    from tests.core.test_tickets import new_ticket, product

    iid = new_incident(tmp_db, owner)
    targets = {
        "ticket": new_ticket(tmp_db, owner).id,
        "session": planned_session(tmp_db, owner),
        "product": product(tmp_db, owner),
        "host": add_staff(tmp_db, owner, Role.HOST).user_id,
    }
    for kind, target in targets.items():
        act(tmp_db, owner, incidents.link_to, iid, kind, target)
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incidents.link_to, iid, "ticket", 999)
    assert caught.value.field == "target_id"
    with tmp_db.sessions() as session:
        linked = {(r.target_type, r.target_id) for r in session.query(IncidentLink).all()}
    assert linked == set(targets.items())


# --- tiers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "similar", "reach", "safety", "tier"),
    [
        pytest.param("douyin", 1, None, False, "IV", id="domain6_single_complaint_no_spread_IV"),
        pytest.param("douyin", 10, None, False, "III", id="domain6_ten_similar_a_day_III"),
        pytest.param("weibo", 3, 10000, False, "III", id="domain6_reposted_reach_default_III"),
        pytest.param("douyin", 50, None, False, "II", id="domain6_fifty_complaints_II"),
        pytest.param("weibo", 1, 100000, False, "II", id="domain6_trending_reach_default_II"),
        pytest.param("12315", 1, None, False, "I", id="domain6_regulator_attention_12315_I"),
        pytest.param("heimao", 1, None, False, "III", id="heimao_public_complaint_platform_at_least_III"),
        pytest.param("media", 1, None, False, "I", id="domain6_mainstream_media_I"),
        pytest.param("douyin", 1, None, True, "I", id="domain6_safety_incident_I"),
    ],
)
def test_tier_suggestion_from_the_rule(tmp_db, channel, similar, reach, safety, tier):
    with tmp_db.sessions() as session:
        found = incidents.suggest_tier(
            session, channel=channel, similar_today=similar, reach=reach, safety_incident=safety
        )
    assert found.tier == tier and found.reasons and all(found.reasons)


def test_a_tier_change_needs_a_reason_and_is_recorded_as_escalation(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    act(tmp_db, owner, incidents.set_tier, iid, "IV")  # the first confirmation needs no reason
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incidents.set_tier, iid, "III")
    assert caught.value.field == "reason" and counts(tmp_db) == before
    up = act(tmp_db, owner, incidents.set_tier, iid, "III", reason="当日同类工单达到 10 条")
    down = act(tmp_db, owner, incidents.set_tier, iid, "IV", reason="原帖作者已撤回，未扩散")
    assert (up.data["direction"], down.data["direction"]) == ("escalation", "de-escalation")
    assert up.body == "当日同类工单达到 10 条"
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incidents.set_tier, iid, "V", reason="x")
    assert caught.value.field == "tier"


# --- clocks ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "kind", "hours"),
    [
        pytest.param("IV", "first_contact", 1, id="domain6_IV_contact_1h"),
        pytest.param("IV", "fix_plan", 24, id="domain6_IV_solution_24h"),
        pytest.param("III", "public_statement", 4, id="domain6_III_statement_4h"),
        pytest.param("II", "public_statement", 2, id="domain6_II_statement_2h"),
        pytest.param("II", "fix_plan", 24, id="domain6_II_fix_plan_24h"),
        pytest.param("I", "facts_out", 5, id="domain6_I_facts_out_5h"),
        pytest.param("I", "public_statement", 24, id="domain6_I_statement_24h"),
    ],
)
def test_each_tier_clock_runs_from_first_seen(tmp_db, owner, tier, kind, hours):
    iid = new_incident(tmp_db, owner)
    act(tmp_db, owner, incidents.set_tier, iid, tier)
    with tmp_db.sessions() as session:
        row = session.get(Incident, iid)
        early = {c.kind: c for c in incidents.clocks(session, row, SEEN + timedelta(minutes=10))}
        late = {c.kind: c for c in incidents.clocks(session, row, SEEN + timedelta(hours=hours, minutes=1))}
    assert early[kind].due == SEEN + timedelta(hours=hours)
    assert early[kind].state == "running" and early[kind].left == timedelta(hours=hours, minutes=-10)
    assert late[kind].state == "missed"


def test_contact_in_time_meets_the_clock_and_escalation_restarts_clocks(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    act(tmp_db, owner, incident_actions.record_action, iid, "contacted", at=SEEN + timedelta(minutes=40))
    escalated_at = SEEN + timedelta(hours=3)
    act(tmp_db, owner, incidents.set_tier, iid, "IV", at=escalated_at - timedelta(hours=1))
    with tmp_db.sessions() as session:
        contact, _plan = incidents.clocks(session, session.get(Incident, iid), escalated_at)
    assert (contact.kind, contact.state) == ("first_contact", "met")
    act(tmp_db, owner, incidents.set_tier, iid, "III", reason="十条同类投诉", at=escalated_at)
    with tmp_db.sessions() as session:
        row = session.get(Incident, iid)
        before = incidents.clocks(session, row, escalated_at + timedelta(hours=1))
    contact, plan, statement = before  # tier IV's clocks stay in the history, tier III's runs now
    assert (contact.tier, contact.current, contact.state) == ("IV", False, "met")
    assert (plan.tier, plan.state, statement.tier, statement.current) == ("IV", "superseded", "III", True)
    assert (statement.kind, statement.state) == ("public_statement", "running")
    assert abs(statement.due - (escalated_at + timedelta(hours=4))) < timedelta(seconds=1)
    act(tmp_db, owner, incident_actions.record_action, iid, "statement", body="致歉声明……", at=escalated_at)
    with tmp_db.sessions() as session:
        *_tier_iv, statement = incidents.clocks(
            session, session.get(Incident, iid), escalated_at + timedelta(hours=9)
        )
    assert statement.state == "met"


# --- handling log ----------------------------------------------------------------------------------------------


def test_there_is_no_delete_the_post_action_and_the_guide_says_why_art21(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    with tmp_db.sessions() as session:
        data = incident_actions.incidents_rule(session)
        guide = incident_actions.handling_guide(session)
    assert not any("delete" in a["code"] for a in data["actions"])
    assert "第二十一条" in guide or "Art 21" in guide
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incident_actions.record_action, iid, "delete_post")
    assert caught.value.field == "kind" and str(caught.value) == guide


def test_a_statement_needs_its_text_and_nothing_is_written(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incident_actions.record_action, iid, "statement", body=" ")
    assert caught.value.field == "body" and counts(tmp_db) == before


def test_actions_are_logged_with_who_and_when(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    service = add_staff(tmp_db, owner, Role.SERVICE)
    at = SEEN + timedelta(minutes=20)
    act(tmp_db, service, incident_actions.record_action, iid, "contacted", body="私信买家，约定换新", at=at)
    with tmp_db.sessions() as session:
        (row,) = session.query(IncidentAction).filter_by(kind="contacted").all()
        status = session.get(Incident, iid).status
    assert (row.actor_id, row.at, row.body, status) == (service.user_id, at, "私信买家，约定换新", "handling")


# --- corrective actions and closure ----------------------------------------------------------------------------


def test_a_due_date_in_the_past_is_refused_naming_due_on(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        act(
            tmp_db,
            owner,
            incident_actions.add_corrective_action,
            iid,
            title="x",
            owner_id=1,
            due_on=date(2026, 11, 1),
        )
    assert caught.value.field == "due_on" and counts(tmp_db) == before


def test_close_is_refused_while_a_corrective_action_is_open_then_allowed(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    fix = act(
        tmp_db, owner, incident_actions.add_corrective_action, iid,
        title="更换保温杯密封圈供应商", owner_id=owner.user_id, due_on=date(2026, 12, 5),
    )  # fmt: skip
    before = counts(tmp_db)
    with pytest.raises(InvalidInput) as caught:
        act(tmp_db, owner, incident_actions.close_incident, iid, root_cause="密封圈批次不良")
    assert caught.value.field == "corrective" and "更换保温杯密封圈供应商" in str(caught.value)
    assert counts(tmp_db) == before
    done_at = SEEN + timedelta(hours=5)
    act(tmp_db, owner, incident_actions.mark_action_done, fix.id, at=done_at)
    with tmp_db.sessions() as session:  # the handling log shows when the fix was made (电子商务法 Art 62)
        (logged,) = session.query(IncidentAction).filter_by(kind="corrective_done").all()
        assert (logged.body, logged.data, logged.actor_id) == (
            "更换保温杯密封圈供应商", {"corrective_id": fix.id}, owner.user_id
        )  # fmt: skip
        assert abs(logged.at - done_at) < timedelta(seconds=1)
    closed = act(tmp_db, owner, incident_actions.close_incident, iid, root_cause="密封圈批次不良")
    assert (closed.status, closed.root_cause, closed.close_override_reason) == (
        "closed",
        "密封圈批次不良",
        "",
    )
    assert ledger.verify(tmp_db).ok


def test_only_the_owner_may_close_over_an_open_corrective_action_with_a_reason(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    act(
        tmp_db, owner, incident_actions.add_corrective_action, iid,
        title="主播话术培训", owner_id=operator.user_id, due_on=date(2026, 12, 20),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        act(
            tmp_db,
            operator,
            incident_actions.close_incident,
            iid,
            root_cause="话术",
            override_reason="先结案",
        )
    closed = act(
        tmp_db,
        owner,
        incident_actions.close_incident,
        iid,
        root_cause="话术不当",
        override_reason="培训排在下月例会",
    )
    assert closed.close_override_reason == "培训排在下月例会" and closed.closed_at is not None
    with tmp_db.sessions() as session:
        assert session.query(CorrectiveAction).one().done_at is None


def test_verify_names_a_tampered_statement(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    row = act(
        tmp_db, owner, incident_actions.record_action, iid, "statement", body="已下架问题批次并全额退款"
    )
    assert ledger.verify(tmp_db).ok
    tamper(tmp_db.path, f"UPDATE incident_actions SET body = '不存在质量问题' WHERE id = {row.id}")
    first = ledger.verify(tmp_db).first_problem
    assert (first.kind, first.subject) == ("row", f"incident_action:{row.id}")
