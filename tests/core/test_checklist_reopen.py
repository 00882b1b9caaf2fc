"""Sign-offs that vouched for a session's hosts or lineup reopen when those change (rule data:
resources/rules/checklist_reopen.json), with the earlier sign-off kept in the ledger."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core import ledger
from core.db.models import LedgerEntry
from core.domain.codes import Role
from core.services import checklist, sessions
from tests.builders import add_staff
from tests.core.test_sessions import TODAY, plan, product_with_papers


def _sign(tmp_db, actor, session_id: int, *codes: str) -> None:
    with tmp_db.unit_of_work(actor) as s:
        for item in checklist.get_run(s, session_id).items:
            if item.code in codes:
                checklist.mark_done(s, actor, item.id)


def _states(tmp_db, session_id: int) -> dict[str, str]:
    with tmp_db.sessions() as s:
        return {item.code: item.state for item in checklist.get_run(s, session_id).items}


def test_swapping_the_host_reopens_host_verified_but_not_unrelated_items(tmp_db, owner):
    first = add_staff(tmp_db, owner, Role.HOST, "zhubo1")
    second = add_staff(tmp_db, owner, Role.HOST, "zhubo2")
    live = plan(tmp_db, owner, host_ids=[first.user_id])
    _sign(tmp_db, owner, live, "host_verified", "seller_identity")
    with tmp_db.unit_of_work(owner) as s:
        sessions.set_hosts(s, owner, live, [second.user_id])
    states = _states(tmp_db, live)
    assert states["host_verified"] == "open"
    assert states["seller_identity"] == "done"
    with tmp_db.sessions() as s:
        kinds = s.scalars(select(LedgerEntry.kind).order_by(LedgerEntry.seq.desc()).limit(1)).all()
    assert kinds == ["checklist.reopened"]
    assert ledger.verify(tmp_db).ok


def test_adding_a_product_reopens_the_paper_and_price_checks(tmp_db, owner):
    live = plan(tmp_db, owner)
    _sign(tmp_db, owner, live, "product_papers", "price_claims_backed", "recording_set_up")
    towel = product_with_papers(tmp_db, owner, "HM-1", "毛巾", conformity_expires=date(2030, 1, 1))
    with tmp_db.unit_of_work(owner) as s:
        sessions.add_lineup_item(s, owner, live, towel, live_price_fen=1990, today=TODAY)
    states = _states(tmp_db, live)
    assert states["product_papers"] == states["price_claims_backed"] == "open"
    assert states["recording_set_up"] == "done"


def test_confirming_gift_stock_alone_reopens_nothing(tmp_db, owner):
    live = plan(tmp_db, owner)
    towel = product_with_papers(tmp_db, owner, "HM-1", "毛巾", conformity_expires=date(2030, 1, 1))
    with tmp_db.unit_of_work(owner) as s:
        item = sessions.add_lineup_item(s, owner, live, towel, live_price_fen=1990, today=TODAY)
    _sign(tmp_db, owner, live, "gift_stock_confirmed", "price_claims_backed")
    with tmp_db.unit_of_work(owner) as s:
        sessions.update_lineup_item(s, owner, item.id, today=TODAY, gift_stock_confirmed=True)
    assert _states(tmp_db, live)["price_claims_backed"] == "done"


def test_editing_a_hosts_verification_reopens_host_verified_on_their_planned_sessions(tmp_db, owner):
    zhubo = add_staff(tmp_db, owner, Role.HOST, "zhubo1")
    live = plan(tmp_db, owner, host_ids=[zhubo.user_id])
    _sign(tmp_db, owner, live, "host_verified")
    with tmp_db.unit_of_work(owner) as s:
        sessions.set_host_verification(
            s, owner, zhubo.user_id, real_name_verified=True, birth_date=date(2012, 5, 1)
        )
    assert _states(tmp_db, live)["host_verified"] == "open"
