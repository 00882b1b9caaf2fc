"""Versions of the owner's rule data: storing a new ``RuleSet`` version and reading a kind's history.

Rules are data (DESIGN §Rules are data): the bundled files are copied into ``rule_sets`` and the owner may change
them. A change never edits a stored version: it adds a new one (``origin`` "owner", or "bundled" when the owner
goes back to the bundled copy), makes it the active one and leaves the earlier versions inactive, so what the
studio relied on at any time stays readable. Each insert and update is written to the audit log by
:mod:`core.db.audit` (who, when, before/after); rule changes are not ledger entries (the ledger's subjects are the
evidence rows themselves: documents, sign-offs, exemptions).

Contract shared by :mod:`core.services.rules_documents`, :mod:`core.services.rules_checklist` and
:mod:`core.services.rules_lexicon`:

- every change needs 'rules.edit' (owner only), checked in those services;
- ``as_of`` is the date the owner checked the rule against its sources: a real date, not in the future (studio
  timezone); ``note`` says what changed and why (required, at most :data:`NOTE_MAX` characters);
- the stored document carries ``kind``, ``version``, ``as_of``, ``basis``, ``note``, ``changed_by`` and ``data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import RuleSet, User
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.studio import studio_today

i18n.register(
    {
        "rules_edit.as_of_missing": (
            "请填写核对日期（本版规则与依据核对的日期）",
            "Enter the as-of date (the day this version was checked against its sources)",
        ),
        "rules_edit.as_of_not_a_date": (
            "核对日期“{value}”不是有效日期，请按 YYYY-MM-DD 填写",
            "The as-of date “{value}” is not a date; use YYYY-MM-DD",
        ),
        "rules_edit.as_of_future": (
            "核对日期 {day} 晚于今天，请填写实际核对的日期",
            "The as-of date {day} is after today; enter the day you actually checked",
        ),
        "rules_edit.note_missing": (
            "请写明这次修改的内容和依据",
            "Say what this change is and why (its basis)",
        ),
        "rules_edit.note_too_long": ("修改说明最多 {n} 个字", "The note may have at most {n} characters"),
        "rules_edit.reset_note": ("恢复为随附版本", "Back to the bundled version"),
    }
)

NOTE_MAX = 500
ORIGINS = ("bundled", "owner")


@dataclass(frozen=True)
class RuleVersion:
    """One stored version of a rule kind: the document as stored plus who made it and when."""

    id: int
    kind: str
    version: int
    as_of: date
    origin: str  # bundled | owner
    active: bool
    note: str
    changed_by: str  # the display name of who stored it ("" for the bundled copy)
    created_at: datetime | None
    document: dict[str, Any]

    @property
    def data(self) -> dict[str, Any]:
        return self.document.get("data", {})

    @property
    def basis(self) -> tuple[str, ...]:
        return tuple(self.document.get("basis") or ())


def check_as_of(session: Session, as_of: Any) -> date:
    """``as_of`` as a date; InvalidInput (field 'as_of') when missing, not a date or in the future."""
    if isinstance(as_of, str) and as_of.strip():
        try:
            as_of = date.fromisoformat(as_of.strip())
        except ValueError:
            raise InvalidInput(
                i18n.t("rules_edit.as_of_not_a_date", value=as_of.strip()), field="as_of"
            ) from None
    if isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise InvalidInput(i18n.t("rules_edit.as_of_missing"), field="as_of")
    if as_of > studio_today(session):
        raise InvalidInput(i18n.t("rules_edit.as_of_future", day=as_of.isoformat()), field="as_of")
    return as_of


def check_note(note: Any) -> str:
    """The change note, stripped; InvalidInput (field 'note') when empty or too long."""
    text = "" if note is None else str(note).strip()
    if not text:
        raise InvalidInput(i18n.t("rules_edit.note_missing"), field="note")
    if len(text) > NOTE_MAX:
        raise InvalidInput(i18n.t("rules_edit.note_too_long", n=NOTE_MAX), field="note")
    return text


def _view(row: RuleSet, names: dict[int, str]) -> RuleVersion:
    document = dict(row.data or {})
    return RuleVersion(
        id=row.id,
        kind=row.kind,
        version=row.version,
        as_of=row.as_of,
        origin=row.origin,
        active=row.active,
        note=str(document.get("note") or ""),
        changed_by=names.get(row.created_by or 0, ""),
        created_at=row.created_at,
        document=document,
    )


def display_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    """User id → display name for the given ids (None and unknown ids are left out)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all()
    return {user_id: name for user_id, name in rows}


def active_version(session: Session, kind: str) -> RuleVersion | None:
    """The active stored version of ``kind`` (None when the database holds none)."""
    row = session.scalars(
        select(RuleSet)
        .where(RuleSet.kind == kind, RuleSet.active.is_(True))
        .order_by(RuleSet.version.desc(), RuleSet.id.desc())
        .limit(1)
    ).first()
    return None if row is None else _view(row, display_names(session, {row.created_by}))


def history(session: Session, kind: str) -> tuple[RuleVersion, ...]:
    """Every stored version of ``kind``, newest first."""
    rows = session.scalars(
        select(RuleSet).where(RuleSet.kind == kind).order_by(RuleSet.version.desc(), RuleSet.id.desc())
    ).all()
    names = display_names(session, {r.created_by for r in rows})
    return tuple(_view(r, names) for r in rows)


def store_version(
    session: Session,
    actor: Actor,
    kind: str,
    document: dict[str, Any],
    *,
    origin: str,
    as_of: date,
    note: str,
    version: int | None = None,
) -> RuleVersion:
    """Add ``document`` as the next version of ``kind`` (or ``version`` when given), active; the others inactive.

    The caller has checked the permission and validated the document; this only numbers, stamps and stores it
    in the caller's unit of work (one flush, so a failure leaves nothing half-written).
    """
    assert origin in ORIGINS
    if version is None:
        latest = session.scalar(select(func.max(RuleSet.version)).where(RuleSet.kind == kind))
        version = (latest or 0) + 1
    for row in session.scalars(select(RuleSet).where(RuleSet.kind == kind, RuleSet.active.is_(True))):
        row.active = False
    body = dict(document)
    body.update(
        kind=kind,
        version=version,
        as_of=as_of.isoformat(),
        note=note,
        changed_by=actor.display_name,
    )
    row = RuleSet(
        kind=kind,
        version=version,
        as_of=as_of,
        origin=origin,
        active=True,
        data=body,
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    return _view(row, {actor.user_id or 0: actor.display_name})


__all__ = [
    "NOTE_MAX",
    "RuleVersion",
    "active_version",
    "check_as_of",
    "check_note",
    "display_names",
    "history",
    "store_version",
    "studio_today",
]
