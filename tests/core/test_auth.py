"""Accounts, passwords, lockout and roles (issue #2 item 5; 个人信息保护法 Art 51)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.db.models import AuditEvent, RuleSet, User
from core.domain.codes import Role
from core.errors import AccountLocked, InvalidInput, LoginFailed, PermissionDenied
from core.services import auth

PASSWORD = "owner-pass-123"
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def attempt(db, password: str, at: datetime, username: str = "owner") -> str:
    """One sign-in attempt as the login dialog makes it; returns what the person sees."""
    try:
        with db.unit_of_work() as session:
            auth.login(session, username, password, now=at)
        return "ok"
    except AccountLocked as exc:
        return f"locked {exc.seconds_left}s"
    except LoginFailed:
        return "failed"


def test_a_password_is_stored_only_as_a_salted_scrypt_hash():
    first, second = auth.hash_password(PASSWORD), auth.hash_password(PASSWORD)
    assert first != second and PASSWORD not in first
    scheme, n, r, p, _salt, _digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert auth.check_password(PASSWORD, first) and auth.check_password(PASSWORD, second)
    assert not auth.check_password("owner-pass-124", first)


@pytest.mark.parametrize("encoded", ["", "plain-text", "scrypt$16384$8$1$!!$!!", "md5$x$y$z$a$b"])
def test_a_malformed_hash_never_matches(encoded):
    assert not auth.check_password(PASSWORD, encoded)


@pytest.mark.parametrize(
    ("attempts", "expected"),
    [
        ([("bad", 0)] * 4 + [(PASSWORD, 1)], ["failed"] * 4 + ["ok"]),
        ([("bad", 0)] * 5, ["failed"] * 4 + ["locked 30s"]),
        ([("bad", 0)] * 5 + [(PASSWORD, 10)], ["failed"] * 4 + ["locked 30s", "locked 20s"]),
        ([("bad", 0)] * 5 + [(PASSWORD, 31)], ["failed"] * 4 + ["locked 30s", "ok"]),
        ([("bad", 0)] * 4 + [(PASSWORD, 1)] + [("bad", 2)] * 4, ["failed"] * 4 + ["ok"] + ["failed"] * 4),
        ([("bad", 0)] * 5 + [("bad", 31)], ["failed"] * 4 + ["locked 30s", "failed"]),
    ],
    ids=[
        "four_failures_do_not_lock_security_rule",
        "lockout_after_5_failures_security_rule",
        "correct_password_refused_while_locked_security_rule",
        "lock_lifts_after_30_seconds_security_rule",
        "success_resets_the_failure_count_security_rule",
        "a_new_series_starts_after_the_lock_security_rule",
    ],
)
def test_lockout(tmp_db, owner, attempts, expected):
    seen = [attempt(tmp_db, password, T0 + timedelta(seconds=s)) for password, s in attempts]
    assert seen == expected


def test_lockout_numbers_come_from_the_owners_rules(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        row = session.scalars(
            select(RuleSet).where(RuleSet.kind == "security", RuleSet.active.is_(True))
        ).one()
        data = json.loads(json.dumps(row.data))
        data["data"].update(max_failed_logins=3, lock_seconds=120)
        row.active = False
        session.add(
            RuleSet(kind="security", version=2, as_of=row.as_of, origin="owner", active=True, data=data)
        )
    seen = [attempt(tmp_db, "bad", T0) for _ in range(3)]
    assert seen == ["failed", "failed", "locked 120s"]


def test_an_unknown_name_looks_like_a_wrong_password(tmp_db, owner):
    with pytest.raises(LoginFailed) as unknown, tmp_db.unit_of_work() as session:
        auth.login(session, "nobody", PASSWORD)
    with pytest.raises(LoginFailed) as wrong, tmp_db.unit_of_work() as session:
        auth.login(session, "owner", "wrong-password")
    assert str(unknown.value) == str(wrong.value) == "用户名或密码不正确"


def test_a_deactivated_account_cannot_sign_in(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        staff = auth.add_staff(
            session, owner, username="host01", display_name="小七", role="host", password="host-pass-1"
        )
        auth.update_staff(session, owner, staff.id, active=False)
    with pytest.raises(LoginFailed, match="停用"), tmp_db.unit_of_work() as session:
        auth.login(session, "host01", "host-pass-1")


def test_sign_ins_are_audited_even_when_they_fail(tmp_db, owner):
    attempt(tmp_db, "bad", T0)
    attempt(tmp_db, PASSWORD, T0)
    with tmp_db.sessions() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "users"))]
    assert "login_failed" in actions and "login" in actions
    assert actions.index("login_failed") < actions.index("login")


def test_sign_in_is_case_insensitive_on_the_name(tmp_db, owner):
    assert attempt(tmp_db, PASSWORD, T0, username=" Owner ") == "ok"


@pytest.mark.parametrize(
    ("username", "display_name", "password", "field"),
    [
        ("a", "小美", "long-enough", "username"),
        ("has space", "小美", "long-enough", "username"),
        ("x" * 41, "小美", "long-enough", "username"),
        ("owner", "小美", "long-enough", "username"),
        ("kefu01", "", "long-enough", "display_name"),
        ("kefu01", "小美", "short", "password"),
    ],
    ids=[
        "username_at_least_2_characters_so_张三_fits",
        "username_no_spaces",
        "username_at_most_40_characters",
        "username_unique",
        "display_name_required",
        "password_at_least_8_characters_security_rule",
    ],
)
def test_new_accounts_are_validated(tmp_db, owner, username, display_name, password, field):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as caught:
        auth.add_staff(
            session, owner, username=username, display_name=display_name, role="service", password=password
        )
    assert caught.value.field == field


def test_chinese_usernames_are_accepted(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        auth.add_staff(
            session,
            owner,
            username="客服小美",
            display_name="小美",
            role="service",
            password="service-pass-1",
        )
    assert attempt(tmp_db, "service-pass-1", T0, username="客服小美") == "ok"


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        (Role.SERVICE, "staff.manage", False),
        (Role.OPERATOR, "studio.edit", False),
        (Role.HOST, "promises.log", False),
        (Role.OPERATOR, "promises.log", True),
        (Role.SERVICE, "tickets.work", True),
        (Role.OWNER, "staff.manage", True),
    ],
    ids=[
        "service_cannot_manage_staff_roles_table",
        "operator_cannot_edit_studio_roles_table",
        "host_cannot_log_promises_roles_table",
        "operator_logs_promises_roles_table",
        "service_works_tickets_roles_table",
        "owner_manages_staff_roles_table",
    ],
)
def test_require_enforces_the_roles_table(role, action, allowed):
    from core.domain.roles import Actor

    actor = Actor(user_id=9, display_name="某人", role=role)
    if allowed:
        auth.require(actor, action)
    else:
        with pytest.raises(PermissionDenied):
            auth.require(actor, action)


def test_only_the_owner_manages_staff_whatever_the_ui_shows(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        auth.add_staff(
            session, owner, username="op01", display_name="阿强", role="operator", password="operator-pass"
        )
    with tmp_db.unit_of_work() as session:
        operator = auth.login(session, "op01", "operator-pass")
    with pytest.raises(PermissionDenied, match="场控"), tmp_db.unit_of_work(operator) as session:
        auth.add_staff(
            session, operator, username="op02", display_name="阿明", role="owner", password="operator-pass"
        )


@pytest.mark.parametrize(
    "change",
    [{"role": "service"}, {"active": False}],
    ids=["cannot_demote_last_owner", "cannot_deactivate_last_owner"],
)
def test_the_last_owner_stays(tmp_db, owner, change):
    with pytest.raises(InvalidInput, match="店主"), tmp_db.unit_of_work(owner) as session:
        auth.update_staff(session, owner, owner.user_id, **change)


def test_a_second_owner_allows_demoting_the_first(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        other = auth.add_staff(
            session, owner, username="boss2", display_name="老板娘", role="owner", password="owner-pass-2"
        )
        demoted = auth.update_staff(session, owner, owner.user_id, role="operator")
    assert demoted.role == Role.OPERATOR and other.role == Role.OWNER


def test_a_new_password_lifts_a_lock(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        staff = auth.add_staff(
            session, owner, username="kefu01", display_name="小美", role="service", password="service-pass-1"
        )
    now = datetime.now(UTC)
    for _ in range(5):
        attempt(tmp_db, "bad", now, username="kefu01")
    with tmp_db.sessions() as session:
        assert next(s for s in auth.list_staff(session) if s.id == staff.id).locked
    with tmp_db.unit_of_work(owner) as session:
        auth.update_staff(session, owner, staff.id, password="fresh-pass-22")
    assert attempt(tmp_db, "fresh-pass-22", now, username="kefu01") == "ok"


def test_the_owner_account_is_created_once(tmp_db):
    with tmp_db.unit_of_work() as session:
        assert not auth.has_owner(session)
        actor = auth.create_owner(session, "owner", "店主", PASSWORD)
        assert auth.has_owner(session) and actor.role == Role.OWNER
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work() as session:
        auth.create_owner(session, "owner2", "店主二", PASSWORD)
    with tmp_db.sessions() as session:
        assert session.scalar(select(User.password_hash)).startswith("scrypt$")


def test_staff_are_listed_owner_first(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        auth.add_staff(
            session, owner, username="aaa_host", display_name="主播甲", role="host", password="host-pass-1"
        )
        staff = auth.list_staff(session)
    assert [s.role for s in staff] == [Role.OWNER, Role.HOST]
    assert not any(s.locked for s in staff) and all(s.active for s in staff)
