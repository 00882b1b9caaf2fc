"""Console drafts (issue #4 deliverable 2): what the operator was typing survives a crash or power cut."""

from __future__ import annotations

import pytest

from core.db.opening import open_database
from core.errors import InvalidInput
from core.services.console_drafts import clear_draft, load_draft, save_draft
from tests.builders import planned_session

DRAFT = {
    "kind": "shipping_time",
    "wording": "今天拍下48小时内发货",
    "product_id": None,
    "terms": {"hours": 48},
    "said_at": "2026-12-01T12:05:00+00:00",
}


def test_a_saved_draft_survives_the_process_dying_and_clear_removes_it(tmp_db_path, tmp_db, owner):
    live_id = planned_session(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        save_draft(s, owner.user_id, live_id, {**DRAFT, "wording": "今天拍下"})
    with tmp_db.unit_of_work(owner) as s:
        save_draft(s, owner.user_id, live_id, DRAFT)
    tmp_db.dispose()  # the "crash": nothing else is done before the file is reopened

    reopened = open_database(tmp_db_path)
    try:
        with reopened.sessions() as s:
            assert load_draft(s, owner.user_id, live_id) == DRAFT
        with reopened.unit_of_work(owner) as s:
            clear_draft(s, owner.user_id, live_id)
            clear_draft(s, owner.user_id, live_id)  # twice is harmless
        with reopened.sessions() as s:
            assert load_draft(s, owner.user_id, live_id) is None
    finally:
        reopened.dispose()


def test_drafts_are_per_person(tmp_db, owner):
    live_id = planned_session(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        save_draft(s, owner.user_id, live_id, DRAFT)
    with tmp_db.sessions() as s:
        assert load_draft(s, owner.user_id + 1, live_id) is None


@pytest.mark.parametrize(
    ("data", "session_ok"),
    [({"note": "x"}, True), (["not", "a", "dict"], True), ({"wording": "长" * 30_000}, True), (DRAFT, False)],
    ids=["unknown key", "not an object", "too long", "no such session"],
)
def test_a_bad_draft_is_refused_and_nothing_saved(tmp_db, owner, data, session_ok):
    live_id = planned_session(tmp_db, owner)
    target = live_id if session_ok else live_id + 99
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        save_draft(s, owner.user_id, target, data)
    assert caught.value.field == ("data" if session_ok else "session_id")
    with tmp_db.sessions() as s:
        assert load_draft(s, owner.user_id, target) is None


def test_draft_keystrokes_do_not_fill_the_audit_log(tmp_db, owner):
    """Drafts are saved at every pause in typing; only the saved promise is evidence (ledger), not each draft."""
    from sqlalchemy import func, select

    from core.db.models import AuditEvent

    live = planned_session(tmp_db, owner)
    with tmp_db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))
    for text in ("前100名", "前100名送", "前100名送定制杯"):
        with tmp_db.unit_of_work(owner) as s:
            save_draft(s, owner.user_id, live, {"kind": "gift", "wording": text})
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == before
        assert load_draft(s, owner.user_id, live)["wording"] == "前100名送定制杯"
