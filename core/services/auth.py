"""Staff accounts, passwords, sign-in and permissions (基本要求: staff and roles).

Passwords are stored only as a slow salted scrypt hash (个人信息保护法 Art 51; issue #2). Too many wrong passwords
in a row lock the account for a while; both numbers come from the ``security`` rule set so the owner can change
them. Roles are enforced here, inside the services, whatever the UI hides (:func:`require`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock, i18n, rules
from core.db.audit import record
from core.db.models import User
from core.domain.codes import Role
from core.domain.roles import ACTION_NAMES, PERMISSIONS, Actor
from core.errors import AccountLocked, InvalidInput, LoginFailed, PermissionDenied

i18n.register({f"action.{key}": ACTION_NAMES[key] for key in PERMISSIONS})
i18n.register(
    {
        "auth.denied": ("{role}没有权限{action}。", "A {role} may not {action}."),
        "auth.denied.nobody": ("请先登录", "Please sign in first"),
        "auth.role.owner": ("店主", "owner"),
        "auth.role.operator": ("场控", "operator"),
        "auth.role.service": ("客服", "customer-service agent"),
        "auth.role.host": ("主播", "host"),
        "auth.bad_username": (
            "用户名需为 2–40 个字符，只能使用字母、数字、汉字和 _ . -",
            "The username must be 2–40 characters: letters, digits, Chinese characters and _ . - only",
        ),
        "auth.username_taken": ("用户名“{username}”已被使用", "The username “{username}” is already taken"),
        "auth.bad_display_name": ("请填写 1–40 个字符的姓名", "Enter a name of 1–40 characters"),
        "auth.short_password": ("密码至少需要 {n} 个字符", "The password needs at least {n} characters"),
        "auth.long_password": ("密码不能超过 {n} 个字符", "The password may not exceed {n} characters"),
        "auth.bad_role": ("未知的角色“{role}”", "Unknown role “{role}”"),
        "auth.owner_exists": (
            "店主账户已经存在；其他账户请由店主在“设置 → 员工账户”中添加",
            "The owner account already exists; the owner adds other accounts in Settings → Staff",
        ),
        "auth.login_failed": ("用户名或密码不正确", "Wrong username or password"),
        "auth.inactive": ("该账户已停用，请联系店主", "This account has been deactivated; ask the owner"),
        "auth.locked": (
            "密码连续输错 {n} 次，账户已锁定，请 {seconds} 秒后再试",
            "{n} wrong passwords in a row: the account is locked; try again in {seconds} seconds",
        ),
        "auth.no_user": ("找不到编号为 {id} 的账户", "There is no account number {id}"),
        "auth.last_owner": (
            "至少要保留一位在职的店主账户",
            "At least one active owner account must remain",
        ),
    }
)

USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,40}$")
MAX_PASSWORD = 1024


@dataclass(frozen=True)
class StaffMember:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked: bool


def require(actor: Actor | None, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may do ``action`` (see ``core.domain.roles.PERMISSIONS``)."""
    if actor is None:
        raise PermissionDenied(i18n.t("auth.denied.nobody"))
    if not actor.may(action):
        raise PermissionDenied(
            i18n.t("auth.denied", role=i18n.t(f"auth.role.{actor.role}"), action=i18n.t(f"action.{action}"))
        )


def _security(session: Session | None) -> dict[str, Any]:
    doc = rules.active_rule(session, "security") if session is not None else rules.bundled_rule("security")
    return doc["data"]


def hash_password(password: str, *, salt: bytes | None = None, rule: dict[str, Any] | None = None) -> str:
    """``scrypt$n$r$p$salt_b64$hash_b64`` with a random 16-byte salt and the security rule's scrypt parameters."""
    params = (rule or _security(None))["scrypt"]
    n, r, p, dklen = int(params["n"]), int(params["r"]), int(params["p"]), int(params.get("dklen", 32))
    salt = os.urandom(16) if salt is None else salt
    digest = _scrypt(password, salt, n, r, p, dklen)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + (1 << 20)
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)


def check_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches ``encoded`` (compared in constant time; a malformed hash never matches)."""
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = _scrypt(
            password, base64.b64decode(salt, validate=True), int(n), int(r), int(p), len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, display_name=user.display_name, role=Role(user.role))


def _now(now: datetime | None) -> datetime:
    return (now or clock.now()).astimezone(UTC)


def _check_new_account(session: Session, username: str, display_name: str, password: str) -> tuple[str, str]:
    username, display_name = username.strip(), display_name.strip()
    if not USERNAME.match(username):
        raise InvalidInput(i18n.t("auth.bad_username"), field="username")
    taken = session.scalar(select(User.id).where(func.lower(User.username) == username.lower()))
    if taken is not None:
        raise InvalidInput(i18n.t("auth.username_taken", username=username), field="username")
    if not 1 <= len(display_name) <= 40:
        raise InvalidInput(i18n.t("auth.bad_display_name"), field="display_name")
    _check_password_rule(session, password)
    return username, display_name


def _check_password_rule(session: Session, password: str) -> None:
    minimum = int(_security(session).get("min_password_length", 8))
    if len(password) < minimum:
        raise InvalidInput(i18n.t("auth.short_password", n=minimum), field="password")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(i18n.t("auth.long_password", n=MAX_PASSWORD), field="password")


def has_owner(session: Session) -> bool:
    """True once an owner account exists (the first run asks for one until then)."""
    return session.scalar(select(User.id).where(User.role == Role.OWNER.value).limit(1)) is not None


def create_owner(session: Session, username: str, display_name: str, password: str) -> Actor:
    """Create the first owner account (only while there is none) and return it as the signed-in actor.

    Also copies the bundled rule sets into the new database.
    """
    if has_owner(session):
        raise PermissionDenied(i18n.t("auth.owner_exists"))
    rules.ensure_rules(session)
    username, display_name = _check_new_account(session, username, display_name, password)
    user = User(
        username=username,
        display_name=display_name,
        role=Role.OWNER.value,
        password_hash=hash_password(password, rule=_security(session)),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return _actor(user)


def login(session: Session, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Sign in and return the actor.

    Raises :class:`LoginFailed` (same message for an unknown name and a wrong password), :class:`AccountLocked`
    with ``seconds_left`` after ``max_failed_logins`` wrong passwords in a row (for ``lock_seconds``; the
    correct password does not open a locked account), or :class:`LoginFailed` for a deactivated account.
    The failure counter and the audit event are committed before raising, so the caller's rollback cannot undo
    them. ``now`` is injectable for tests.
    """
    moment = _now(now)
    security = _security(session)
    limit, lock_seconds = int(security["max_failed_logins"]), int(security["lock_seconds"])
    user = session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))
    if user is None:
        hash_password(password, rule=security)  # spend the same time as a real check
        _fail(session, "login_failed", "", reason="unknown_user")
        raise LoginFailed(i18n.t("auth.login_failed"))
    if user.locked_until is not None and user.locked_until > moment:
        seconds = math.ceil((user.locked_until - moment).total_seconds())
        _fail(session, "login_failed", user.id, reason="locked")
        raise AccountLocked(i18n.t("auth.locked", n=limit, seconds=seconds), seconds)
    if not check_password(password, user.password_hash):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= limit:
            user.failed_logins = 0
            user.locked_until = moment + timedelta(seconds=lock_seconds)
            _fail(session, "login_failed", user.id, reason="wrong_password", locked_seconds=lock_seconds)
            raise AccountLocked(i18n.t("auth.locked", n=limit, seconds=lock_seconds), lock_seconds)
        _fail(session, "login_failed", user.id, reason="wrong_password", failures=user.failed_logins)
        raise LoginFailed(i18n.t("auth.login_failed"))
    if not user.active:
        _fail(session, "login_failed", user.id, reason="inactive")
        raise LoginFailed(i18n.t("auth.inactive"))
    if user.failed_logins:
        user.failed_logins = 0
    if user.locked_until is not None:
        user.locked_until = None
    actor = _actor(user)
    session.info["actor"] = actor
    record(session, "login", "users", user.id)
    session.flush()
    return actor


def _fail(session: Session, action: str, user_id: object, **details: Any) -> None:
    record(session, action, "users", user_id, **details)
    session.commit()


def _staff(user: User, moment: datetime) -> StaffMember:
    locked = user.locked_until is not None and user.locked_until > moment
    return StaffMember(user.id, user.username, user.display_name, Role(user.role), user.active, locked)


def list_staff(session: Session, *, now: datetime | None = None) -> list[StaffMember]:
    """Every account, owners first, then by name."""
    moment = _now(now)
    order = {Role.OWNER.value: 0, Role.OPERATOR.value: 1, Role.SERVICE.value: 2, Role.HOST.value: 3}
    users = session.scalars(select(User)).all()
    users = sorted(users, key=lambda u: (order.get(u.role, 9), u.username.lower()))
    return [_staff(u, moment) for u in users]


def _role(role: object) -> Role:
    try:
        return Role(str(role))
    except ValueError:
        raise InvalidInput(i18n.t("auth.bad_role", role=role), field="role") from None


def add_staff(
    session: Session, actor: Actor, *, username: str, display_name: str, role: Role | str, password: str
) -> StaffMember:
    """Add an account (``staff.manage``: owner only)."""
    require(actor, "staff.manage")
    chosen = _role(role)
    username, display_name = _check_new_account(session, username, display_name, password)
    user = User(
        username=username,
        display_name=display_name,
        role=chosen.value,
        password_hash=hash_password(password, rule=_security(session)),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return _staff(user, _now(None))


def update_staff(
    session: Session,
    actor: Actor,
    user_id: int,
    *,
    display_name: str | None = None,
    role: Role | str | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> StaffMember:
    """Change an account (``staff.manage``). A new password also lifts a lock.

    The last active owner can be neither demoted nor deactivated: someone must always be able to manage the studio.
    """
    require(actor, "staff.manage")
    user = session.get(User, user_id)
    if user is None:
        raise InvalidInput(i18n.t("auth.no_user", id=user_id), field="user_id")
    new_role = _role(role) if role is not None else Role(user.role)
    new_active = user.active if active is None else bool(active)
    if user.role == Role.OWNER.value and user.active and (new_role != Role.OWNER or not new_active):
        others = session.scalar(
            select(func.count(User.id)).where(
                User.role == Role.OWNER.value, User.active.is_(True), User.id != user.id
            )
        )
        if not others:
            raise InvalidInput(i18n.t("auth.last_owner"), field="role" if role is not None else "active")
    if display_name is not None:
        display_name = display_name.strip()
        if not 1 <= len(display_name) <= 40:
            raise InvalidInput(i18n.t("auth.bad_display_name"), field="display_name")
        user.display_name = display_name
    if password is not None:
        _check_password_rule(session, password)
        user.password_hash = hash_password(password, rule=_security(session))
        user.failed_logins = 0
        user.locked_until = None
    user.role = new_role.value
    user.active = new_active
    session.flush()
    return _staff(user, _now(None))
