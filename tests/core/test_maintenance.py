"""Backup and restore check roles inside core (not only by hiding buttons) and leave an audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.db.models import AuditEvent
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import PermissionDenied
from core.services import maintenance


@pytest.mark.parametrize(
    ("role", "may_back_up", "may_restore"),
    [
        (Role.OWNER, True, True),
        (Role.OPERATOR, True, False),
        (Role.SERVICE, True, False),
        (Role.HOST, False, False),
    ],
    ids=["owner_does_both", "operator_backs_up_only", "service_backs_up_only", "host_neither"],
)
def test_roles_are_enforced_in_the_service(tmp_db, tmp_path, role, may_back_up, may_restore):
    actor = Actor(user_id=None, display_name="someone", role=role)
    out = tmp_path / "copy.db"
    if may_back_up:
        assert maintenance.back_up(actor, tmp_db.path, out) == out
    else:
        with pytest.raises(PermissionDenied, match="备份数据"):
            maintenance.back_up(actor, tmp_db.path, out)
        assert not out.exists()
        return
    tmp_db.dispose()
    before = tmp_db.path.read_bytes()
    if may_restore:
        assert maintenance.restore(actor, tmp_db.path, out) is not None
    else:
        with pytest.raises(PermissionDenied, match="从备份恢复数据"):
            maintenance.restore(actor, tmp_db.path, out)
        assert tmp_db.path.read_bytes() == before


def test_a_restore_is_written_to_the_restored_audit_log(tmp_db, owner, tmp_path):
    out = maintenance.back_up(owner, tmp_db.path, tmp_path / "copy.db")
    tmp_db.dispose()
    pre = maintenance.restore(owner, tmp_db.path, out)
    from core.db.opening import open_database

    db = open_database(tmp_db.path)
    with db.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "restore")).all()
    db.dispose()
    assert len(events) == 1
    assert events[0].actor_id == owner.user_id
    assert events[0].after["source"] == str(out)
    assert events[0].after["pre_restore_backup"] == str(pre)
