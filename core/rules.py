"""Rules are data: bundled rule files, their copies in the database, and the active version of each kind.

A bundled rule file is ``resources/rules/<kind>.json``::

    {"kind": "security", "version": 1, "as_of": "2026-11-28", "basis": ["个人信息保护法 第五十一条 …"],
     "data": {"max_failed_logins": 5, …}}

``as_of`` is the date the numbers were last checked against their sources, ``basis`` cites them (DESIGN §Rules are
data). The database keeps a copy of each (``RuleSet``; ``data`` holds the whole document) so the owner can edit
the numbers later; services read the active copy through :func:`active_rule`.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.paths import resource

i18n.register(
    {
        "rules.bad_file": (
            "随附规则文件 {file} 有误：{problem}",
            "The bundled rule file {file} is wrong: {problem}",
        ),
        "rules.unknown_kind": ("没有名为“{kind}”的规则", "There is no rule named “{kind}”"),
    }
)

_REQUIRED = {"kind": str, "version": int, "as_of": str, "basis": list, "data": dict}


def _check_document(name: str, body: Any) -> dict[str, Any]:
    """Refuse a rule file that lacks its kind, version, as-of date, citations or data."""

    def bad(problem: str) -> ValueError:
        return ValueError(i18n.t("rules.bad_file", file=name, problem=problem))

    if not isinstance(body, dict):
        raise bad("not a JSON object")
    for key, kind in _REQUIRED.items():
        if not isinstance(body.get(key), kind):
            raise bad(f"“{key}” missing or not {kind.__name__}")
    if f"{body['kind']}.json" != name:
        raise bad(f"kind “{body['kind']}” does not match the file name")
    date.fromisoformat(body["as_of"])
    if not body["basis"] or not all(isinstance(b, str) and b.strip() for b in body["basis"]):
        raise bad("“basis” must cite at least one source")
    return body


@cache
def _bundled() -> dict[str, dict[str, Any]]:
    folder = resource("rules")
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        body = _check_document(path.name, json.loads(path.read_text(encoding="utf-8")))
        found[body["kind"]] = body
    return found


def bundled_rules() -> dict[str, dict[str, Any]]:
    """Every bundled rule document by kind (a fresh deep copy; the caller may change it)."""
    return json.loads(json.dumps(_bundled()))


def ensure_rules(session: Session) -> list[str]:
    """Copy bundled rule versions the database does not hold yet into ``rule_sets``; return the kinds added.

    A new bundled version becomes active unless the owner has made their own version of that kind active (the
    owner's numbers win; the bundled one is kept, inactive, for comparison).
    """
    from core.db.models import RuleSet

    added: list[str] = []
    for kind, body in bundled_rules().items():
        rows = session.scalars(select(RuleSet).where(RuleSet.kind == kind)).all()
        if any(row.version == body["version"] for row in rows):
            continue
        owner_active = any(row.active and row.origin == "owner" for row in rows)
        if not owner_active:
            for row in rows:
                row.active = False
        session.add(
            RuleSet(
                kind=kind,
                version=body["version"],
                as_of=date.fromisoformat(body["as_of"]),
                origin="bundled",
                active=not owner_active,
                data=body,
            )
        )
        added.append(kind)
    if added:
        session.flush()
    return added


def active_rule(session: Session, kind: str) -> dict[str, Any]:
    """The active rule document of ``kind``: ``{"kind", "version", "as_of", "basis", "data"}``.

    Read from ``rule_sets`` (the owner's edits win); when the database holds no copy yet, the bundled file.
    Raises ``KeyError`` for a kind that exists nowhere.
    """
    from core.db.models import RuleSet

    row = session.scalars(
        select(RuleSet)
        .where(RuleSet.kind == kind, RuleSet.active.is_(True))
        .order_by(RuleSet.version.desc(), RuleSet.id.desc())
        .limit(1)
    ).first()
    if row is not None:
        return json.loads(json.dumps(row.data))
    bundled = _bundled().get(kind)
    if bundled is None:
        raise KeyError(i18n.t("rules.unknown_kind", kind=kind))
    return json.loads(json.dumps(bundled))


def bundled_rule(kind: str) -> dict[str, Any]:
    """The bundled document of ``kind``, for code that runs without a database (e.g. hashing a password)."""
    body = _bundled().get(kind)
    if body is None:
        raise KeyError(i18n.t("rules.unknown_kind", kind=kind))
    return json.loads(json.dumps(body))
