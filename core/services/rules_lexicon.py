"""The studio's lexicon (违规词库): the bundled terms plus the owner's additions, minus the terms the owner disabled.

Basis: 广告法 Art 9(3), 17, 18 and the other sources the bundled lexicon cites (``resources/lexicon/lexicon.json``,
DOMAIN.md §3, which says the product ships "a fuller, editable lexicon"). SAMR's 2023 guide says context decides,
so a studio may need a term the bundled list lacks, or may find a bundled term wrong for its goods.

Contract:

- The owner's changes are ``RuleSet`` rows of kind "lexicon" holding ``added`` terms and ``disabled`` bundled
  terms (checked by :mod:`core.domain.lexicon_edits`). Each change stores a new version ('rules.edit', owner only);
  earlier versions stay, inactive; the audit log records who stored which (no ledger entry: the rule is not
  evidence of an event, and exemptions already record what a person accepted).
- All or nothing: the merged lexicon is built with :meth:`core.domain.lint.Lexicon.from_document` before anything
  is stored; bad input raises :class:`InvalidInput` naming the field.
- :func:`studio_lexicon` is what script checks use (:mod:`core.services.scripts`, :mod:`core.services.prelive`,
  the script checker). It is cached by the content of the active changes, so the compiled matcher is reused until
  the owner saves again (issue 3: 20,000 chars ≤ 20 ms); no changes means :func:`core.lexicon.default_lexicon`.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import RuleSet
from core.domain.lexicon_edits import (
    AddedTerm,
    DisabledTerm,
    LexiconEntry,
    check_changes,
    entries,
    key,
    merge,
)
from core.domain.lexicon_edits import search as search_lexicon
from core.domain.lint import Lexicon
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.lexicon import default_lexicon
from core.services.auth import require
from core.services.rules_versions import (
    NOTE_MAX,
    active_version,
    check_as_of,
    check_note,
    store_version,
    studio_today,
)

KIND = "lexicon"
_CACHE_SIZE = 8

i18n.register(
    {
        "lexicon_rule.no_change": ("词库中没有关于“{term}”的修改", "There is no change about “{term}”"),
        "lexicon_rule.note_add": ("新增“{term}”", "Added “{term}”"),
        "lexicon_rule.note_disable": ("停用“{term}”：{reason}", "Disabled “{term}”: {reason}"),
        "lexicon_rule.note_withdraw": ("撤回对“{term}”的修改", "Withdrew the change about “{term}”"),
    }
)


@dataclass(frozen=True)
class LexiconChanges:
    """The active version of the owner's changes (version 0, origin bundled: none stored yet)."""

    version: int
    as_of: date
    origin: str  # bundled | owner
    note: str
    changed_by: str
    added: tuple[AddedTerm, ...] = ()
    disabled: tuple[DisabledTerm, ...] = ()


def _changes_of(data: Mapping[str, Any]) -> tuple[tuple[AddedTerm, ...], tuple[DisabledTerm, ...]]:
    """The stored changes, re-checked against the bundled lexicon (marks which added terms replace one).

    A disabled term a newer bundled lexicon no longer has is dropped rather than refused: it disables nothing.
    """
    base = default_lexicon()
    known = {key(t.term) for t in base.terms}
    added = list(data.get("added") or ())
    taken = {key(str(a.get("term") or "")) for a in added}
    disabled = [
        d for d in data.get("disabled") or () if key(d["term"]) in known and key(d["term"]) not in taken
    ]
    return check_changes(base, added, disabled)


def lexicon_changes(session: Session) -> LexiconChanges:
    """The owner's active changes with their version, as-of date and origin."""
    stored = active_version(session, KIND)
    if stored is None:
        return LexiconChanges(0, date.fromisoformat(default_lexicon().as_of), "bundled", "", "")
    added, disabled = _changes_of(stored.document)
    return LexiconChanges(
        stored.version, stored.as_of, stored.origin, stored.note, stored.changed_by, added, disabled
    )


_cache: OrderedDict[str, Lexicon] = OrderedDict()
_cache_lock = threading.Lock()


def studio_lexicon(session: Session) -> Lexicon:
    """The lexicon the studio lints with: bundled + the owner's active changes, compiled once per content."""
    data = session.scalars(
        select(RuleSet.data)
        .where(RuleSet.kind == KIND, RuleSet.active.is_(True))
        .order_by(RuleSet.version.desc(), RuleSet.id.desc())
        .limit(1)
    ).first()
    if not data or not (data.get("added") or data.get("disabled")):
        return default_lexicon()
    cache_key = json.dumps(
        [data.get("as_of"), data.get("added"), data.get("disabled")], sort_keys=True, ensure_ascii=False
    )
    with _cache_lock:
        cached = _cache.get(cache_key)
        if cached is not None:
            _cache.move_to_end(cache_key)
            return cached
    added, disabled = _changes_of(data)
    lexicon = merge(default_lexicon(), added, disabled, as_of=str(data.get("as_of") or ""))
    with _cache_lock:
        _cache[cache_key] = lexicon
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return lexicon


def lexicon_entries(session: Session) -> tuple[LexiconEntry, ...]:
    """Every term for the settings list: bundled ones (marked disabled/replaced), then the owner's additions."""
    changes = lexicon_changes(session)
    return entries(default_lexicon(), changes.added, changes.disabled)


def save_lexicon_changes(
    session: Session,
    actor: Actor,
    *,
    added: Iterable[AddedTerm | Mapping[str, Any]],
    disabled: Iterable[DisabledTerm | Mapping[str, Any]],
    note: str,
    as_of: date | None = None,
    origin: str = "owner",
) -> LexiconChanges:
    """Store the whole set of changes as a new active version ('rules.edit'); all or nothing.

    ``as_of`` defaults to today in the studio's timezone (the owner checked the terms' basis when adding them).
    """
    require(actor, "rules.edit")
    clean_added, clean_disabled = check_changes(default_lexicon(), added, disabled)
    merge(default_lexicon(), clean_added, clean_disabled)  # refuses anything the linter could not compile
    day = check_as_of(session, as_of if as_of is not None else studio_today(session))
    text = check_note(note)
    document = {
        "basis": sorted({a.basis for a in clean_added}),
        "added": [a.as_dict() for a in clean_added],
        "disabled": [{"term": d.term, "reason": d.reason} for d in clean_disabled],
    }
    store_version(session, actor, KIND, document, origin=origin, as_of=day, note=text)
    return lexicon_changes(session)


def add_term(
    session: Session,
    actor: Actor,
    *,
    term: str,
    category: str,
    severity: Mapping[str, str],
    basis: str,
    reason: str,
    unless_followed_by: Iterable[str] | str = (),
    unless_preceded_by: Iterable[str] | str = (),
) -> LexiconChanges:
    """Add one term (replacing the owner's earlier entry, or a bundled term spelled the same); a new version."""
    current = lexicon_changes(session)
    spelled = (term or "").strip()
    new = {
        "term": spelled,
        "category": category,
        "severity": dict(severity or {}),
        "basis": basis,
        "reason": reason,
        "unless_followed_by": unless_followed_by,
        "unless_preceded_by": unless_preceded_by,
    }
    kept = [a for a in current.added if key(a.term) != key(spelled)]
    note = i18n.t("lexicon_rule.note_add", term=spelled)
    return save_lexicon_changes(session, actor, added=[*kept, new], disabled=current.disabled, note=note)


def disable_term(session: Session, actor: Actor, term: str, *, reason: str) -> LexiconChanges:
    """Stop flagging the bundled ``term``, with the owner's ``reason``; a new version."""
    current = lexicon_changes(session)
    kept = [d for d in current.disabled if key(d.term) != key(term)]
    note = i18n.t("lexicon_rule.note_disable", term=term, reason=(reason or "").strip())
    changes = [*kept, DisabledTerm(term, reason)]
    return save_lexicon_changes(session, actor, added=current.added, disabled=changes, note=note[:NOTE_MAX])


def withdraw_change(session: Session, actor: Actor, term: str) -> LexiconChanges:
    """Undo the owner's change about ``term`` (remove an added term, or flag a disabled one again)."""
    current = lexicon_changes(session)
    added = [a for a in current.added if key(a.term) != key(term)]
    disabled = [d for d in current.disabled if key(d.term) != key(term)]
    if len(added) == len(current.added) and len(disabled) == len(current.disabled):
        raise InvalidInput(i18n.t("lexicon_rule.no_change", term=term), field="term")
    note = i18n.t("lexicon_rule.note_withdraw", term=term)
    return save_lexicon_changes(session, actor, added=added, disabled=disabled, note=note)


def reset_lexicon(session: Session, actor: Actor) -> LexiconChanges:
    """Back to the bundled lexicon: a new version with no changes (origin "bundled", the bundled as-of date)."""
    return save_lexicon_changes(
        session,
        actor,
        added=(),
        disabled=(),
        note=i18n.t("rules_edit.reset_note"),
        as_of=date.fromisoformat(default_lexicon().as_of),
        origin="bundled",
    )


__all__ = [
    "KIND",
    "AddedTerm",
    "DisabledTerm",
    "LexiconChanges",
    "LexiconEntry",
    "add_term",
    "disable_term",
    "lexicon_changes",
    "lexicon_entries",
    "reset_lexicon",
    "save_lexicon_changes",
    "search_lexicon",
    "studio_lexicon",
    "withdraw_change",
]
