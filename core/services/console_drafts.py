"""Console drafts (中控台草稿): what the operator was typing, saved on every pause so a crash or power cut loses nothing.

Why: a promise half-typed when the app dies would otherwise be lost, and the issue asks that no promise be lost
(issue 4, "Bad input"). A draft is not a record of what was said — only the saved promise is — so it lives in its own
table (:class:`~core.db.models.ConsoleDraft`, one row per session and person) and is not a ledger entry.

Contract:

- :func:`save_draft` upserts the person's draft for the session. The caller gives each save its own small unit of
  work (the UI saves on every pause in typing), so a committed draft survives the process dying right after.
- ``data`` is a small JSON object with only the keys in :data:`DRAFT_KEYS` (kind, wording, product_id, terms,
  said_at as ISO text); anything else, or more than :data:`MAX_DRAFT_CHARS` of JSON, is refused naming ``data``.
- :func:`load_draft` returns the saved dict or ``None``; :func:`clear_draft` removes it (after the promise is saved,
  or when the operator discards it). Both are harmless when there is no draft.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from core import clock, i18n
from core.db.models import ConsoleDraft, LiveSession
from core.errors import InvalidInput

i18n.register(
    {
        "drafts.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "drafts.bad_data": (
            "草稿内容无法保存：{why}",
            "The draft cannot be saved: {why}",
        ),
        "drafts.why.not_object": ("不是键值对象", "it is not a key/value object"),
        "drafts.why.unknown_keys": ("含有未知项 {keys}", "it has unknown keys {keys}"),
        "drafts.why.not_json": ("含有无法保存的值", "it holds a value that cannot be stored"),
        "drafts.why.too_long": ("超过 {n} 个字符", "it is longer than {n} characters"),
    }
)

DRAFT_KEYS = frozenset({"kind", "wording", "product_id", "terms", "said_at"})
MAX_DRAFT_CHARS = 20_000


def _bad(why: str) -> InvalidInput:
    return InvalidInput(i18n.t("drafts.bad_data", why=why), field="data")


def _checked(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad(i18n.t("drafts.why.not_object"))
    unknown = sorted(str(key) for key in data if key not in DRAFT_KEYS)
    if unknown:
        raise _bad(i18n.t("drafts.why.unknown_keys", keys="、".join(unknown)))
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise _bad(i18n.t("drafts.why.not_json")) from exc
    if len(text) > MAX_DRAFT_CHARS:
        raise _bad(i18n.t("drafts.why.too_long", n=MAX_DRAFT_CHARS))
    return json.loads(text)  # a private copy: later changes to the caller's dict are not saved by accident


def save_draft(session: Session, user_id: int, session_id: int, data: dict[str, Any]) -> None:
    """Store ``data`` as the person's draft for the session, replacing any earlier one (see the module contract)."""
    clean = _checked(data)
    if session.get(LiveSession, session_id) is None:
        raise InvalidInput(i18n.t("drafts.no_session", id=session_id), field="session_id")
    now = clock.now()
    draft = session.get(ConsoleDraft, (session_id, user_id))
    if draft is None:
        session.add(ConsoleDraft(session_id=session_id, user_id=user_id, data=clean, updated_at=now))
    else:
        draft.data = clean  # a new object, so the JSON column sees the change
        draft.updated_at = now
    session.flush()


def load_draft(session: Session, user_id: int, session_id: int) -> dict[str, Any] | None:
    """The person's saved draft for the session, or ``None`` (read-only)."""
    draft = session.get(ConsoleDraft, (session_id, user_id))
    return None if draft is None else dict(draft.data)


def clear_draft(session: Session, user_id: int, session_id: int) -> None:
    """Remove the person's draft for the session (nothing happens when there is none)."""
    draft = session.get(ConsoleDraft, (session_id, user_id))
    if draft is not None:
        session.delete(draft)
        session.flush()


__all__ = ["DRAFT_KEYS", "MAX_DRAFT_CHARS", "clear_draft", "load_draft", "save_draft"]
