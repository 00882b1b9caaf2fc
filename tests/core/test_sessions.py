"""直播场次 session planning (issue 3, deliverable 2), on real SQLite files.

Basis: 直播电商监督管理办法 (2026) — verify papers and keep the record before every stream (so every session runs a
checklist, and a lineup copied from the past goes through the paper gate again); 明码标价和禁止价格欺诈规定 Art 16 —
a claimed original price must not exceed the 7-day lowest (recomputed for the new session, never copied);
网络直播营销管理办法（试行） Art 17 — on-camera sellers are real-name verified and at least 16.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core.db.models import AuditEvent, LiveSession, SessionHost, User
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.paths import vault_dir_for
from core.services import catalog, checklist, sessions
from core.services.catalog_documents import add_document
from core.services.lineup import add_to_lineup, session_lineup
from tests.builders import add_staff

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 12, 4, 20, 0, tzinfo=SHANGHAI)  # the session day is 4 December in the studio's zone
TODAY = date(2026, 12, 1)
CREDIT_CODE = "91350100M000100Y43"


def staff(tmp_db, owner, role: Role, name: str | None = None) -> Actor:
    return add_staff(tmp_db, owner, role, name)


@pytest.fixture
def operator(tmp_db, owner) -> Actor:
    return staff(tmp_db, owner, Role.OPERATOR)


@pytest.fixture
def host(tmp_db, owner) -> Actor:
    return staff(tmp_db, owner, Role.HOST)


def plan(tmp_db, actor, **overrides) -> int:
    fields = {"title": "双十二宠粉夜", "platform": "douyin", "shop": "星禾优选旗舰店", "planned_start": START}
    with tmp_db.unit_of_work(actor) as s:
        return sessions.plan_session(s, actor, **{**fields, **overrides})


def product_with_papers(tmp_db, owner, sku: str, name: str, *, conformity_expires: date | None) -> int:
    """A general product whose supplier holds a business licence and which holds a conformity certificate."""
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name=f"{name}供应商", credit_code=CREDIT_CODE)
        product = catalog.add_product(
            s, owner, sku=sku, name=name, category="general", supplier_id=supplier.id
        )
        vault = vault_dir_for(tmp_db.path)
        add_document(
            s, owner, vault, holder="supplier", holder_id=supplier.id, doc_type="business_licence",
            number=f"BL-{sku}", issued_on=date(2020, 1, 1),
        )  # fmt: skip
        add_document(
            s, owner, vault, holder="product", holder_id=product.id, doc_type="conformity_certificate",
            number=f"CC-{sku}", issued_on=date(2025, 1, 1), expires_on=conformity_expires,
        )  # fmt: skip
        return product.id


# --- planning ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "场" * 201}, "title"),
        ({"platform": "tiktok"}, "platform"),
        ({"shop": "店" * 101}, "shop"),
        ({"planned_start": datetime(2026, 12, 4, 20, 0)}, "planned_start"),
        ({"planned_start": "2026-12-04 20:00"}, "planned_start"),
        ({"planned_end": START}, "planned_end"),
        ({"planned_end": START - timedelta(hours=1)}, "planned_end"),
        ({"planned_end": datetime(2026, 12, 4, 23, 0)}, "planned_end"),
        ({"host_ids": [999]}, "host_ids"),
    ],
    ids=[
        "title-required", "title-over-200", "platform-not-a-known-code", "shop-over-100",
        "start-without-timezone", "start-not-a-datetime", "end-equal-to-start", "end-before-start",
        "end-without-timezone", "host-unknown",
    ],
)  # fmt: skip
def test_bad_plan_input_names_the_field_and_writes_nothing(tmp_db, owner, overrides, field):
    with pytest.raises(InvalidInput) as caught:
        plan(tmp_db, owner, **overrides)
    assert caught.value.field == field
    with tmp_db.sessions() as s:
        assert s.scalars(select(LiveSession)).all() == []


def test_a_customer_service_agent_cannot_be_put_on_camera(tmp_db, owner):
    agent = staff(tmp_db, owner, Role.SERVICE)
    with pytest.raises(InvalidInput) as caught:
        plan(tmp_db, owner, host_ids=[agent.user_id])
    assert caught.value.field == "host_ids"


def test_planning_starts_the_checklist_so_every_session_runs_one__zbds_measures_2026(tmp_db, operator, host):
    session_id = plan(tmp_db, operator, host_ids=[host.user_id], planned_end=START + timedelta(hours=3))
    with tmp_db.sessions() as s:
        run = checklist.get_run(s, session_id)
        row = sessions.get_session(s, session_id)
        gate = checklist.can_go_live(s, session_id)
    assert run is not None and run.open_required
    assert row.checklist_open_required == len(run.open_required) > 0
    assert row.host_names == (host.display_name,) and row.status == "planned" and row.lineup_count == 0
    assert row.planned_start == START.astimezone(UTC)
    assert not gate.allowed


def test_the_list_shows_upcoming_sessions_soonest_first_then_the_rest_newest_first(tmp_db, owner):
    later = plan(tmp_db, owner, title="后一场", planned_start=START + timedelta(days=2))
    sooner = plan(tmp_db, owner, title="前一场", planned_start=START)
    old, older = plan(tmp_db, owner, title="上周"), plan(tmp_db, owner, title="上上周")
    with tmp_db.unit_of_work(owner) as s:
        s.get(LiveSession, old).planned_start = START - timedelta(days=7)
        s.get(LiveSession, old).status = "reviewed"
        s.get(LiveSession, older).planned_start = START - timedelta(days=14)
        s.get(LiveSession, older).status = "ended"
    with tmp_db.sessions() as s:
        assert [r.id for r in sessions.list_sessions(s)] == [sooner, later, old, older]
        assert [r.id for r in sessions.list_sessions(s, status="ended")] == [older]
        assert [r.id for r in sessions.list_sessions(s, limit=3)] == [sooner, later, old]


def test_a_session_that_went_live_can_no_longer_be_changed(tmp_db, owner):
    session_id = plan(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        s.get(LiveSession, session_id).status = "live"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        sessions.update_session(s, owner, session_id, title="改名")
    assert caught.value.field == "status" and "开播" in str(caught.value)


def test_update_checks_the_end_against_the_stored_start(tmp_db, owner, host):
    session_id = plan(tmp_db, owner)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        sessions.update_session(s, owner, session_id, planned_end=START - timedelta(minutes=1))
    assert caught.value.field == "planned_end"
    with tmp_db.unit_of_work(owner) as s:
        row = sessions.update_session(
            s, owner, session_id, title=" 年货节 ", planned_end=START + timedelta(hours=2)
        )
        row = sessions.set_hosts(s, owner, session_id, [host.user_id, owner.user_id, host.user_id])
    assert row.title == "年货节" and set(row.host_ids) == {host.user_id, owner.user_id}


# --- lineup --------------------------------------------------------------------------------------------------------


def test_copying_a_lineup_skips_a_lapsed_paper_product_with_its_reason_and_rechecks_prices__art16(
    tmp_db, owner, operator
):
    towel = product_with_papers(tmp_db, owner, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    kettle = product_with_papers(tmp_db, owner, "SKU-2", "电热水壶", conformity_expires=date(2026, 12, 2))
    past = plan(tmp_db, owner, title="上周专场", planned_start=START - timedelta(days=3))
    with tmp_db.unit_of_work(owner) as s:
        add_to_lineup(
            s, owner, past, towel, live_price_fen=1990, claimed_original_fen=5990, lowest_7d_fen=5990,
            today=date(2026, 11, 30),
        )  # fmt: skip
        add_to_lineup(s, owner, past, kettle, live_price_fen=8900, today=date(2026, 11, 30))
        s.get(LiveSession, past).status = "reviewed"
    target = plan(tmp_db, operator)
    with tmp_db.unit_of_work(operator) as s:
        result = sessions.copy_lineup(
            s, operator, from_session_id=past, to_session_id=target, today=TODAY + timedelta(days=2)
        )
    assert result.copied == ("竹纤维毛巾",)
    [(name, reason)] = result.skipped
    assert name == "电热水壶" and "已过期" in reason and "直播电商监督管理办法" in reason
    with tmp_db.sessions() as s:
        [item] = session_lineup(s, target, today=TODAY)
    # live price and claim copied; the 7-day lowest is the price charged in the past session, not the entered 5990
    assert (item.live_price_fen, item.claimed_original_fen, item.lowest_7d_fen) == (1990, 5990, 1990)
    assert item.price_check.state == "higher_than_7d_lowest" and "第十六条" in item.price_check.basis


def test_copying_again_skips_what_the_target_already_has(tmp_db, owner):
    towel = product_with_papers(tmp_db, owner, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    past, target = plan(tmp_db, owner, title="上周"), plan(tmp_db, owner, title="本周")
    with tmp_db.unit_of_work(owner) as s:
        add_to_lineup(s, owner, past, towel, live_price_fen=1990, today=TODAY)
        first = sessions.copy_lineup(s, owner, from_session_id=past, to_session_id=target, today=TODAY)
        second = sessions.copy_lineup(s, owner, from_session_id=past, to_session_id=target, today=TODAY)
    assert first.copied == ("竹纤维毛巾",) and second.copied == ()
    assert second.skipped[0][0] == "竹纤维毛巾" and "已在本场排品中" in second.skipped[0][1]


def test_editing_prices_rejudges_the_claim_and_removing_closes_the_gap(tmp_db, owner, operator):
    towel = product_with_papers(tmp_db, owner, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    cup = product_with_papers(tmp_db, owner, "SKU-2", "保温杯", conformity_expires=None)
    target = plan(tmp_db, owner)
    with tmp_db.unit_of_work(operator) as s:
        first = sessions.add_lineup_item(
            s, operator, target, towel, live_price_fen=1990, claimed_original_fen=5990, today=TODAY
        )
        second = sessions.add_lineup_item(s, operator, target, cup, live_price_fen=3900, today=TODAY)
    assert first.price_check.state == "unbacked"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(operator) as s:
        sessions.update_lineup_item(s, operator, first.id, live_price_fen=-1, today=TODAY)
    assert caught.value.field == "live_price_fen"
    with tmp_db.unit_of_work(operator) as s:
        edited = sessions.update_lineup_item(
            s, operator, first.id, lowest_7d_fen=5990, gift_stock_confirmed=True, today=TODAY
        )
        sessions.remove_lineup_item(s, operator, first.id)
    assert edited.price_check.state == "ok" and edited.gift_stock_confirmed
    with tmp_db.sessions() as s:
        assert [(v.id, v.position) for v in session_lineup(s, target, today=TODAY)] == [(second.id, 1)]


# --- hosts ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verified", "birth", "problems"),
    [
        (True, date(1998, 5, 12), ()),
        (True, date(2010, 12, 4), ("under_age",)),
        (True, date(2010, 12, 3), ()),
        (False, date(1998, 5, 12), ("not_verified",)),
        (True, None, ("no_birth_date",)),
        (False, None, ("not_verified", "no_birth_date")),
    ],
    ids=[
        "adult-verified-ok",
        "16th-birthday-on-the-session-day-still-under-16__measures_art17_civil_code_art201",
        "16-from-the-day-after-the-birthday__civil_code_art201",
        "not-real-name-verified__measures_art17",
        "no-birth-date-cannot-prove-16__measures_art17",
        "neither",
    ],
)
def test_host_checks_on_the_session_day(tmp_db, owner, host, verified, birth, problems):
    session_id = plan(tmp_db, owner, host_ids=[host.user_id])
    with tmp_db.unit_of_work(owner) as s:
        sessions.set_host_verification(s, owner, host.user_id, real_name_verified=verified, birth_date=birth)
    with tmp_db.sessions() as s:
        [(user_id, name, check)] = sessions.host_checks(s, session_id)
    assert (user_id, name) == (host.user_id, host.display_name)
    assert check.on == date(2026, 12, 4) and check.problems == problems and check.ok == (not problems)
    assert all("网络直播营销管理办法" in issue.basis for issue in check.issues)


def test_host_verification_is_audited_and_refuses_a_future_birth_date(tmp_db, owner, host):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        sessions.set_host_verification(
            s, owner, host.user_id, real_name_verified=True, birth_date=date(2999, 1, 1)
        )
    assert caught.value.field == "birth_date"
    with tmp_db.unit_of_work(owner) as s:
        sessions.set_host_verification(
            s, owner, host.user_id, real_name_verified=True, birth_date=date(2001, 9, 3)
        )
    with tmp_db.sessions() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.entity == "users", AuditEvent.action == "update")
        ).all()
    assert any((e.after or {}).get("birth_date") == "2001-09-03" for e in events)


def test_no_birth_date_is_kept_for_someone_who_never_appears_on_camera__pipl_art6(tmp_db, owner):
    agent = staff(tmp_db, owner, Role.SERVICE)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        sessions.set_host_verification(
            s, owner, agent.user_id, real_name_verified=True, birth_date=date(1990, 1, 1)
        )
    assert caught.value.field == "user_id" and agent.display_name in str(caught.value)
    with tmp_db.sessions() as s:
        assert s.get(User, agent.user_id).birth_date is None


def test_candidates_are_hosts_first_then_owner_and_operator_never_service(tmp_db, owner, operator, host):
    staff(tmp_db, owner, Role.SERVICE)
    with tmp_db.sessions() as s:
        roles = [c.role for c in sessions.host_candidates(s)]
    assert roles == ["host", "owner", "operator"]


# --- permissions ---------------------------------------------------------------------------------------------------


def test_permission_refusals(tmp_db, owner, operator, host):
    towel = product_with_papers(tmp_db, owner, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    session_id = plan(tmp_db, owner)
    other = plan(tmp_db, owner, title="另一场")
    agent = staff(tmp_db, owner, Role.SERVICE)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(host) as s:
        sessions.plan_session(s, host, title="主播自排", platform="douyin", planned_start=START)
    with pytest.raises(PermissionDenied) as caught, tmp_db.unit_of_work(operator) as s:
        sessions.set_host_verification(s, operator, host.user_id, real_name_verified=True, birth_date=None)
    assert "管理员工账号" in str(caught.value)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(agent) as s:
        sessions.copy_lineup(s, agent, from_session_id=other, to_session_id=session_id, today=TODAY)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(host) as s:
        sessions.add_lineup_item(s, host, session_id, towel, live_price_fen=100, today=TODAY)
    with tmp_db.sessions() as s:
        assert s.scalars(select(SessionHost)).all() == []
        assert len(sessions.list_sessions(s)) == 2


def test_moving_a_product_changes_the_running_order_and_stops_at_the_ends(tmp_db, owner):
    live = plan(tmp_db, owner)
    ids = [
        product_with_papers(tmp_db, owner, f"SKU-{n}", name, conformity_expires=None)
        for n, name in enumerate(("毛巾", "枕头", "拖鞋"))
    ]
    with tmp_db.unit_of_work(owner) as s:
        items = [
            sessions.add_lineup_item(s, owner, live, pid, live_price_fen=990, today=TODAY).id for pid in ids
        ]
    with tmp_db.unit_of_work(owner) as s:
        assert sessions.move_lineup_item(s, owner, items[2], -1) == 2
        assert sessions.move_lineup_item(s, owner, items[0], -1) == 1  # already first: stays
    with tmp_db.sessions() as s:
        names = [v.product_name for v in session_lineup(s, live, today=TODAY)]
    assert names == ["毛巾", "拖鞋", "枕头"]
