"""The live timeline (issue #4 deliverable 1): which product was on air when, at what price; ending the stream.

Basis: what is said on air binds the studio (消费者权益保护法实施条例 2024, DOMAIN §1); a promise or a price is only
provable against the product on air at that moment, so every switch and price change is its own segment.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core import clock, ledger
from core.db.models import LineupItem, LiveSession
from core.domain.codes import Role
from core.errors import InvalidInput, PermissionDenied
from core.services import catalog, checklist
from core.services.lineup import add_to_lineup
from core.services.live_timeline import (
    elapsed_seconds,
    end_session,
    lineup_by_number,
    on_air,
    put_on_air,
    timeline,
)
from tests.builders import add_staff, planned_session

START = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
TODAY = START.date()


@pytest.fixture
def studio(tmp_db, owner):
    """A planned session with three lineup products (towel ¥19.90, cup ¥29.90, socks ¥9.90); returns ids."""
    live_id = planned_session(tmp_db, owner)
    ids = []
    with tmp_db.unit_of_work(owner) as s:
        for n, (name, fen) in enumerate((("竹纤维毛巾", 1990), ("保温杯", 2990), ("棉袜", 990)), start=1):
            product = catalog.add_product(s, owner, sku=f"SKU-{n}", name=name, category="general")
            add_to_lineup(s, owner, live_id, product.id, live_price_fen=fen, today=TODAY)
            ids.append(product.id)
    return live_id, ids


def go_live(tmp_db, owner, live_id: int, at: datetime = START) -> None:
    with tmp_db.unit_of_work(owner) as s:
        checklist.override_gate(s, owner, live_id, "测试场：店主放行")
        checklist.go_live(s, owner, live_id, now=at)


def switch(tmp_db, actor, live_id: int, product_id: int, at: datetime, price_fen: int | None = None):
    with clock.fixed(at), tmp_db.unit_of_work(actor) as s:
        return put_on_air(s, actor, live_id, product_id=product_id, price_fen=price_fen)


def segments(tmp_db, live_id: int):
    with tmp_db.sessions() as s:
        return timeline(s, live_id)


def test_a_session_not_live_refuses_a_switch_and_writes_nothing(tmp_db, owner, studio):
    live_id, (towel, _, _) = studio
    with pytest.raises(InvalidInput) as caught:
        switch(tmp_db, owner, live_id, towel, START)
    assert caught.value.field == "status" and "双十二宠粉夜" in str(caught.value)
    assert segments(tmp_db, live_id) == ()


def test_switching_builds_segments_and_closes_the_previous_one(tmp_db, owner, studio):
    live_id, (towel, cup, _) = studio
    go_live(tmp_db, owner, live_id)
    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    switch(tmp_db, operator, live_id, towel, START + timedelta(seconds=30))
    switch(tmp_db, operator, live_id, cup, START + timedelta(minutes=5))
    first, second = segments(tmp_db, live_id)
    assert (first.product_name, first.price_fen, first.offset_seconds) == ("竹纤维毛巾", 1990, 30)
    assert first.ended_at == START + timedelta(minutes=5) and not first.open
    assert (second.product_name, second.price_fen, second.offset_seconds) == ("保温杯", 2990, 300)
    assert second.open
    with tmp_db.sessions() as s:
        assert on_air(s, live_id).product_id == cup


def test_a_price_change_on_air_is_its_own_segment(tmp_db, owner, studio):
    live_id, (towel, _, _) = studio
    go_live(tmp_db, owner, live_id)
    switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=1))
    switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=2), price_fen=1590)
    before, after = segments(tmp_db, live_id)
    assert (before.price_fen, after.price_fen) == (1990, 1590)
    assert before.ended_at == after.started_at == START + timedelta(minutes=2)


def test_the_same_product_and_price_again_changes_nothing(tmp_db, owner, studio):
    live_id, (towel, _, _) = studio
    go_live(tmp_db, owner, live_id)
    first = switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=1))
    again = switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=3), price_fen=1990)
    assert again == first
    assert len(segments(tmp_db, live_id)) == 1


def test_ending_closes_the_segment_stamps_actual_end_and_is_a_ledger_entry(tmp_db, owner, studio):
    live_id, (towel, _, _) = studio
    go_live(tmp_db, owner, live_id)
    switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=1))
    end = START + timedelta(hours=2)
    with clock.fixed(end), tmp_db.unit_of_work(owner) as s:
        end_session(s, owner, live_id)
    (segment,) = segments(tmp_db, live_id)
    assert segment.ended_at == end
    with tmp_db.sessions() as s:
        live = s.get(LiveSession, live_id)
        assert (live.status, live.actual_end) == ("ended", end)
        assert elapsed_seconds(live, end + timedelta(hours=5)) == 7200
        assert on_air(s, live_id) is None
        kinds = s.connection().exec_driver_sql("SELECT kind FROM ledger_entries").scalars().all()
    assert "session.ended" in kinds
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        end_session(s, owner, live_id)
    assert caught.value.field == "status"
    with pytest.raises(InvalidInput):
        switch(tmp_db, owner, live_id, towel, end + timedelta(minutes=1))


def test_number_keys_follow_lineup_positions(tmp_db, owner, studio):
    live_id, (towel, cup, socks) = studio
    with tmp_db.sessions() as s:
        assert lineup_by_number(s, live_id) == {1: towel, 2: cup, 3: socks}
    with tmp_db.unit_of_work(owner) as s:
        for item in s.scalars(select(LineupItem).where(LineupItem.session_id == live_id)):
            item.position = {towel: 3, cup: 1, socks: 2}[item.product_id]
    with tmp_db.sessions() as s:
        assert lineup_by_number(s, live_id) == {1: cup, 2: socks, 3: towel}


def test_a_product_outside_the_lineup_is_refused_naming_it(tmp_db, owner, studio):
    live_id, _ = studio
    with tmp_db.unit_of_work(owner) as s:
        stranger = catalog.add_product(s, owner, sku="SKU-X", name="不在排品的锅", category="general").id
    go_live(tmp_db, owner, live_id)
    with pytest.raises(InvalidInput) as caught:
        switch(tmp_db, owner, live_id, stranger, START + timedelta(minutes=1))
    assert caught.value.field == "product_id" and str(stranger) in str(caught.value)
    assert segments(tmp_db, live_id) == ()


def test_a_host_may_not_switch_and_a_negative_price_is_refused(tmp_db, owner, studio):
    live_id, (towel, _, _) = studio
    go_live(tmp_db, owner, live_id)
    host = add_staff(tmp_db, owner, Role.HOST)
    with pytest.raises(PermissionDenied):
        switch(tmp_db, host, live_id, towel, START)
    with pytest.raises(InvalidInput) as caught:
        switch(tmp_db, owner, live_id, towel, START, price_fen=-1)
    assert caught.value.field == "price_fen"


def test_the_big_clock_counts_from_actual_start(tmp_db, owner, studio):
    live_id, _ = studio
    with tmp_db.sessions() as s:
        assert elapsed_seconds(s.get(LiveSession, live_id), START) == 0
    go_live(tmp_db, owner, live_id)
    with tmp_db.sessions() as s:
        assert elapsed_seconds(s.get(LiveSession, live_id), START + timedelta(minutes=10, seconds=5)) == 605


def test_a_price_on_air_changed_behind_the_app_is_named_by_verify(tmp_db, owner, studio):
    """电子商务法 Art 62 (original records in a dispute): the price on air is a ledger-vouched fact."""
    live_id, (towel, cup, _) = studio
    go_live(tmp_db, owner, live_id)
    first = switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=1))
    switch(tmp_db, owner, live_id, cup, START + timedelta(minutes=5))
    with tmp_db.unit_of_work(owner) as s:
        end_session(s, owner, live_id)
    assert ledger.verify(tmp_db).ok
    conn = sqlite3.connect(tmp_db.path)
    with conn:
        conn.execute(f"UPDATE air_segments SET price_fen = 990 WHERE id = {first.id}")
    conn.close()
    problem = ledger.verify(tmp_db).first_problem
    assert (problem.kind, problem.subject) == ("row", f"air_segment:{first.id}")
    assert f"上播记录 #{first.id}" in problem.message


def test_coming_back_to_a_product_keeps_its_cut_price(tmp_db, owner, studio):
    live_id, (towel, cup, _) = studio
    go_live(tmp_db, owner, live_id)
    switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=1))
    switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=2), price_fen=1590)
    switch(tmp_db, owner, live_id, cup, START + timedelta(minutes=3))
    back = switch(tmp_db, owner, live_id, towel, START + timedelta(minutes=4))
    assert back.price_fen == 1590  # not the lineup's ¥19.90
    assert [s.price_fen for s in segments(tmp_db, live_id)] == [1990, 1590, 2990, 1590]
