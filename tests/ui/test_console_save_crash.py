"""A crash in the middle of saving a promise (issue 4, bad input): the promise and the draft's removal are one unit
of work, so either both happen or neither — after the crash the draft is still there, no promise was written, and
saving again writes exactly one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.db.models import Promise
from core.services import catalog, checklist, console_drafts
from core.services.lineup import add_to_lineup
from tests.builders import planned_session
from ui.pages import live_console_data as data

TODAY = datetime(2026, 12, 1, tzinfo=UTC).date()
DRAFT = {"kind": "shipping_time", "wording": "今天拍下48小时内发货"}


@pytest.fixture
def live_id(tmp_db, owner) -> int:
    session_id = planned_session(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        product = catalog.add_product(s, owner, sku="SKU-1", name="保温杯", category="general")
        add_to_lineup(s, owner, session_id, product.id, live_price_fen=2990, today=TODAY)
        for item in checklist.start_run(s, owner, session_id).items:
            checklist.mark_done(s, owner, item.id)
    data.go_live(tmp_db, owner, session_id)
    data.save_draft(tmp_db, owner, session_id, DRAFT)
    return session_id


def promise_count(db) -> int:
    with db.sessions() as s:
        return s.query(Promise).count()


def test_a_crash_after_the_promise_row_but_before_commit_loses_nothing_and_duplicates_nothing(
    tmp_db, owner, live_id, monkeypatch
):
    def power_cut(*_args, **_kwargs):
        raise OSError("power cut while saving")

    monkeypatch.setattr(
        console_drafts, "clear_draft", power_cut
    )  # dies after the promise row and ledger entry
    with pytest.raises(OSError):
        data.log_promise(tmp_db, owner, live_id, kind="shipping_time", wording=DRAFT["wording"], said_at=None,
                         product_id=None)  # fmt: skip
    monkeypatch.undo()

    assert promise_count(tmp_db) == 0
    with tmp_db.sessions() as s:
        assert console_drafts.load_draft(s, owner.user_id, live_id) == DRAFT  # the console restores it

    saved = data.log_promise(
        tmp_db, owner, live_id, kind="shipping_time", wording=DRAFT["wording"], said_at=None, product_id=None
    )
    assert promise_count(tmp_db) == 1 and saved.terms == {"ship_within_hours": 48}
    with tmp_db.sessions() as s:
        assert console_drafts.load_draft(s, owner.user_id, live_id) is None  # nothing left to save twice
