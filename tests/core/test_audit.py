"""The audit log: "every change is written to the audit log" (issue #2 item 5), secrets never copied into it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from core import ledger
from core.db.models import AuditEvent, Supplier
from core.services import auth

OWNER_PASSWORD = "owner-pass-123"


def events(db, entity: str | None = None) -> list[AuditEvent]:
    with db.sessions() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if entity:
            query = query.where(AuditEvent.entity == entity)
        return list(session.scalars(query))


def test_insert_update_delete_are_each_recorded_with_the_actor(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        supplier = Supplier(name="优品家纺", credit_code="", contact="王经理")
        session.add(supplier)
    with tmp_db.unit_of_work(owner) as session:
        session.get(Supplier, supplier.id).contact = "李经理"
    with tmp_db.unit_of_work(owner) as session:
        session.delete(session.get(Supplier, supplier.id))
    inserted, updated, deleted = events(tmp_db, "suppliers")
    assert [e.action for e in (inserted, updated, deleted)] == ["insert", "update", "delete"]
    assert {e.actor_id for e in (inserted, updated, deleted)} == {owner.user_id}
    assert inserted.entity_id == str(supplier.id) and inserted.after["name"] == "优品家纺"
    assert (updated.before, updated.after) == ({"contact": "王经理"}, {"contact": "李经理"})
    assert deleted.before["contact"] == "李经理" and deleted.after is None


def test_an_unchanged_save_writes_nothing(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        session.add(Supplier(id=5, name="声科", credit_code="", contact=""))
    with tmp_db.unit_of_work(owner) as session:
        session.get(Supplier, 5).name = "声科"
    assert [e.action for e in events(tmp_db, "suppliers")] == ["insert"]


def test_a_rolled_back_change_leaves_no_audit_event(tmp_db, owner):
    with pytest.raises(RuntimeError), tmp_db.unit_of_work(owner) as session:
        session.add(Supplier(name="不会保存", credit_code="", contact=""))
        session.flush()
        raise RuntimeError("the user cancelled")
    assert events(tmp_db, "suppliers") == []


def test_times_are_recorded_in_utc(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        session.add(Supplier(name="优品", credit_code="", contact=""))
    (event,) = events(tmp_db, "suppliers")
    assert abs((datetime.now(UTC) - event.at).total_seconds()) < 60


@pytest.mark.parametrize(
    "change",
    ["create_owner", "add_staff", "reset_password"],
    ids=[
        "owner_account_pipl_art51_no_hash_in_log",
        "new_staff_pipl_art51_no_hash_in_log",
        "password_reset_pipl_art51_no_hash_in_log",
    ],
)
def test_password_hashes_never_reach_the_audit_log(tmp_db, tmp_db_path, owner, change):
    if change != "create_owner":
        with tmp_db.unit_of_work(owner) as session:
            staff = auth.add_staff(
                session,
                owner,
                username="kefu01",
                display_name="小美",
                role="service",
                password="service-pass-1",
            )
            if change == "reset_password":
                auth.update_staff(session, owner, staff.id, password="new-secret-99")
    conn = sqlite3.connect(tmp_db_path)
    stored_hashes = [h for (h,) in conn.execute("SELECT password_hash FROM users")]
    log = "\n".join(f"{b} {a}" for b, a in conn.execute("SELECT before, after FROM audit_events"))
    conn.close()
    assert '"password_hash": "***"' in log
    for stored in stored_hashes:
        assert stored not in log and stored.split("$")[-1] not in log
    for secret in (OWNER_PASSWORD, "service-pass-1", "new-secret-99"):
        assert secret not in log


def test_ledger_entries_are_not_duplicated_into_the_audit_log(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        ledger.append(session, owner, "test.note", data={"n": 1})
    assert events(tmp_db, "ledger_entries") == [] and events(tmp_db, "audit_events") == []


def test_every_opened_database_audits_its_changes(tmp_db_path):
    """Regression: each Database's sessions must be audited, even when Python reuses the id() of a collected
    session factory (SQLAlchemy's event.contains() then said "already listening" and changes went unaudited)."""
    import gc

    from core.db.opening import open_database

    unaudited = []
    for attempt in range(80):
        db = open_database(tmp_db_path)
        with db.unit_of_work() as session:
            session.add(Supplier(name=f"供应商{attempt}", credit_code="", contact=""))
        with db.sessions() as session:
            logged = session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "suppliers", AuditEvent.action == "insert")
            ).all()
        if len(logged) != attempt + 1:
            unaudited.append(attempt)
        db.dispose()
        del db
        gc.collect()
    assert unaudited == []
