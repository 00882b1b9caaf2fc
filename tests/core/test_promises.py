"""Promises said on air: logged, corrected by new rows, never edited, vouched for by the ledger (issue 4, items 2–4).

Basis: promises made in promotion must be kept (消费者权益保护法实施条例 2024, DOMAIN §1); in a dispute the seller
produces original records (电子商务法 Art 62), so a changed row must be caught by ``verify``.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import DatabaseError

from core import clock, ledger
from core.db.models import LiveSession
from core.domain.codes import Role
from core.errors import InvalidInput, PermissionDenied
from core.services import promises
from tests.builders import add_staff, planned_session
from tests.core.test_ledger import tamper

STARTED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def go_live(db, owner, title: str = "双十二宠粉夜") -> int:
    """A session that went live at STARTED (the checklist gate is tested elsewhere)."""
    sid = planned_session(db, owner, title=title)
    with db.unit_of_work(owner) as session:
        live = session.get(LiveSession, sid)
        live.status, live.actual_start = "live", STARTED
    return sid


def log(db, actor, sid: int, wording: str, *, kind: str = "shipping_time", minutes: int = 5, **extra):
    with clock.fixed(STARTED + timedelta(minutes=minutes)), db.unit_of_work(actor) as session:
        return promises.log_promise(session, actor, sid, kind=kind, wording=wording, **extra)


def test_a_logged_promise_keeps_wording_terms_offset_and_its_ledger_entry(tmp_db, owner):
    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    sid = go_live(tmp_db, owner)
    saved = log(tmp_db, operator, sid, "今天拍下48小时内发货", minutes=10)
    assert saved.terms == {"ship_within_hours": 48}
    assert saved.offset_seconds == 600
    assert saved.state == "active" and saved.logged_by == operator.user_id
    with tmp_db.sessions() as session:
        (listed,) = promises.list_promises(session, sid)
        assert listed.entry_hash == saved.entry_hash == ledger.head(session).hash
    assert ledger.verify(tmp_db).ok


def test_explicit_terms_win_over_what_the_wording_says(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    saved = log(tmp_db, owner, sid, "前100名送保温杯", kind="gift", terms={"limit": 80})
    assert saved.terms == {"limit": 80, "gift": "保温杯"}


def test_no_session_live_is_refused_naming_the_session(tmp_db, owner):
    sid = planned_session(tmp_db, owner)
    with pytest.raises(InvalidInput) as caught:
        log(tmp_db, owner, sid, "48小时发货")
    assert caught.value.field == "session_id"
    assert "没有场次在播" in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        log(tmp_db, owner, 999, "48小时发货")
    assert caught.value.field == "session_id"


@pytest.mark.parametrize("wording", ["", "   "])
def test_empty_wording_is_refused_and_nothing_written(tmp_db, owner, wording):
    sid = go_live(tmp_db, owner)
    with pytest.raises(InvalidInput) as caught:
        log(tmp_db, owner, sid, wording)
    assert caught.value.field == "wording"
    with tmp_db.sessions() as session:
        assert promises.list_promises(session, sid) == ()


def test_a_service_member_may_not_log_promises(tmp_db, owner):
    service = add_staff(tmp_db, owner, Role.SERVICE)
    sid = go_live(tmp_db, owner)
    with pytest.raises(PermissionDenied):
        log(tmp_db, service, sid, "48小时发货")


def test_amend_retract_and_on_air_correction_are_new_rows_pointing_at_the_original(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    first = log(tmp_db, owner, sid, "24小时发货", minutes=5)
    second = log(tmp_db, owner, sid, "前50名送面膜", kind="gift", minutes=6)
    third = log(tmp_db, owner, sid, "假一赔十", kind="compensation", minutes=7)
    with clock.fixed(STARTED + timedelta(minutes=8)), tmp_db.unit_of_work(owner) as session:
        amended = promises.amend(session, owner, first.id, session_id=sid, wording="48小时发货")
        retraction = promises.retract(
            session, owner, second.id, session_id=sid, reason="场控记错了，没有送面膜"
        )
        on_air = promises.correct_on_air(session, owner, third.id, session_id=sid, wording="口误，是假一赔三")
    assert (amended.corrects_id, amended.correction, amended.terms) == (
        first.id,
        "amendment",
        {"ship_within_hours": 48},
    )
    assert amended.said_at == first.said_at  # the record of what was said then
    assert (retraction.correction, retraction.terms) == ("retraction", {})
    assert (on_air.correction, on_air.offset_seconds, on_air.terms) == (
        "on_air",
        480,
        {"compensation_multiple": 3},
    )
    with tmp_db.sessions() as session:
        listed = {v.id: v for v in promises.list_promises(session, sid)}
        assert [v.id for v in promises.list_promises(session, sid)][:3] == [first.id, amended.id, second.id]
    assert (listed[first.id].state, listed[first.id].superseded_by) == ("amended", amended.id)
    assert (listed[second.id].state, listed[second.id].superseded_by) == ("retracted", retraction.id)
    assert listed[third.id].state == "amended"
    assert listed[retraction.id].state == "retraction"
    assert listed[first.id].wording == "24小时发货"  # never edited
    with tmp_db.sessions() as session:
        kinds = [
            k for (k,) in session.connection().exec_driver_sql(
                "SELECT kind FROM ledger_entries WHERE subject_type = 'promise' ORDER BY seq"
            )
        ]  # fmt: skip
    assert kinds[-3:] == ["promise.amended", "promise.retracted", "promise.corrected_on_air"]
    assert ledger.verify(tmp_db).ok


def test_a_corrected_promise_cannot_be_corrected_again_only_its_newest_entry(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    first = log(tmp_db, owner, sid, "24小时发货")
    with tmp_db.unit_of_work(owner) as session:
        amended = promises.amend(session, owner, first.id, session_id=sid, wording="48小时发货")
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        promises.retract(session, owner, first.id, session_id=sid, reason="记错")
    assert caught.value.field == "promise_id" and f"#{amended.id}" in str(caught.value)


def test_amending_a_promise_of_another_session_is_refused(tmp_db, owner):
    one = go_live(tmp_db, owner, "第一场")
    other = go_live(tmp_db, owner, "第二场")
    theirs = log(tmp_db, owner, other, "48小时发货")
    for call in (
        lambda s: promises.amend(s, owner, theirs.id, session_id=one, wording="72小时发货"),
        lambda s: promises.retract(s, owner, theirs.id, session_id=one, reason="不是本场的"),
        lambda s: promises.correct_on_air(s, owner, theirs.id, session_id=one, wording="72小时发货"),
        lambda s: promises.amend(s, owner, 999, session_id=one, wording="72小时发货"),
    ):
        with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
            call(session)
        assert caught.value.field == "promise_id"
    with tmp_db.sessions() as session:
        assert promises.list_promises(session, one) == ()
        assert [v.state for v in promises.list_promises(session, other)] == ["active"]


def test_an_on_air_correction_needs_the_session_live(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    first = log(tmp_db, owner, sid, "24小时发货")
    with tmp_db.unit_of_work(owner) as session:
        session.get(LiveSession, sid).status = "ended"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        promises.correct_on_air(session, owner, first.id, session_id=sid, wording="48小时发货")
    assert caught.value.field == "session_id"
    with tmp_db.unit_of_work(owner) as session:  # fixing the record after the stream is still possible
        assert (
            promises.amend(session, owner, first.id, session_id=sid, wording="48小时发货").state == "active"
        )


def test_a_raw_update_of_a_promise_is_refused_by_the_database(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    saved = log(tmp_db, owner, sid, "48小时发货")
    with pytest.raises(DatabaseError, match="never edited"), tmp_db.unit_of_work(owner) as session:
        session.connection().exec_driver_sql(
            f"UPDATE promises SET wording = '72小时发货' WHERE id = {saved.id}"
        )
    conn = sqlite3.connect(tmp_db.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="never edited"):
            conn.execute(f"UPDATE promises SET wording = '72小时发货' WHERE id = {saved.id}")
    finally:
        conn.close()


def test_a_promise_changed_behind_the_app_is_named_by_verify(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    log(tmp_db, owner, sid, "24小时发货")
    saved = log(tmp_db, owner, sid, "假一赔十", kind="compensation")
    assert ledger.verify(tmp_db).ok
    tamper(tmp_db.path, f"UPDATE promises SET wording = '假一赔一' WHERE id = {saved.id}")
    first = ledger.verify(tmp_db).first_problem
    assert (first.kind, first.subject, first.seq) == ("row", f"promise:{saved.id}", saved.entry_seq)


def test_quantity_counters_count_the_paid_orders_that_claim_the_gift_consumer_regulations_2024(tmp_db, owner):
    """前100名送…: the counter is the session's paid order lines of that product (imported, issue 5)."""
    from sqlalchemy import insert

    from core.db.models import Order, Product

    sid = go_live(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as session:
        product = Product(sku="CUP-1", name="保温杯", category="general")
        session.add(product)
        session.flush()
        product_id = product.id
    log(tmp_db, owner, sid, "前2名送杯套", kind="gift", product_id=product_id)
    with tmp_db.unit_of_work(owner) as session:
        session.execute(
            insert(Order),
            [{"platform": "douyin", "platform_order_id": f"69{n}", "session_id": sid, "product_id": product_id,
              "paid_at": None if n == 3 else datetime(2026, 12, 1, tzinfo=UTC)} for n in range(4)],
        )  # fmt: skip
    with tmp_db.sessions() as session:
        (counter,) = promises.quantity_counters(session, sid)
    assert (counter.limit, counter.given) == (2, 3)  # the unpaid line does not count


def test_quantity_counters_show_active_limits_with_nothing_given_yet(tmp_db, owner):
    sid = go_live(tmp_db, owner)
    cup = log(tmp_db, owner, sid, "前100名送保温杯", kind="gift")
    mask = log(tmp_db, owner, sid, "前50名送面膜", kind="gift")
    log(tmp_db, owner, sid, "48小时发货")
    with tmp_db.unit_of_work(owner) as session:
        promises.retract(session, owner, mask.id, session_id=sid, reason="没有面膜活动")
    with tmp_db.sessions() as session:
        counters = promises.quantity_counters(session, sid)
    assert [(c.promise_id, c.gift, c.limit, c.given) for c in counters] == [(cup.id, "保温杯", 100, 0)]
