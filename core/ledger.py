"""The ledger: an append-only SHA-256 hash chain over every evidence-relevant event (DESIGN §Evidence and integrity).

Why: in a dispute the seller must produce original records (电子商务法 Art 62), and what was promised on air binds
(消费者权益保护法实施条例 2024). A chain that names its first broken link lets the studio show that a promise,
ticket step or paper has not been changed since it was recorded; the printed ledger head anchors it on paper.

The hash format is fixed (other tools, e.g. the bench generator, write chains directly):

* ``entry_hash`` = sha256 of ``"\\n".join([seq, at_text, actor_id or "", kind, subject_type, subject_id, payload,
  row_digest, prev_hash])`` in UTF-8; the first entry's ``prev_hash`` is :data:`GENESIS_HASH`.
* ``at_text`` is :func:`format_at` — the very text SQLAlchemy stores in the ``at`` column.
* ``payload`` is :func:`canonical_json` of the event's data.
* ``row_digest`` vouches for the subject row: sha256 of ``canonical_json(dict(zip(spec.columns, values)))`` where
  ``values`` is the row exactly as SQLite returns it from :func:`snapshot_sql` (``spec.columns`` starts with the
  key column, so the digest binds the row's identity too). ``""`` when the entry has no subject.

Contract for services: whoever inserts or changes an evidence column of a subject table (``LEDGER_SUBJECTS``) calls
:func:`append` about that row in the same unit of work, so the latest entry about every row vouches for what the row
holds now; :func:`verify` (implemented in :mod:`core.ledger_verify`) checks exactly that.
Kinds are dotted strings: ``promise.logged``, ``promise.amended``, ``vault.added``, ``ticket.event``,
``checklist.signed``, ``incident.action``, ``document.added``, ``evaluation.signed`` …
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from core import clock, i18n
from core.errors import StudioDeskError

i18n.register({"verify.cancelled": ("校验已取消", "Verification cancelled")})

GENESIS_HASH = "0" * 64
AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class SubjectSpec:
    """Where a subject type lives: its table, key column and evidence-relevant columns (key first)."""

    table: str
    key_column: str
    columns: tuple[str, ...]
    integer_key: bool = True


def _spec(table: str, *columns: str, key: str = "id", integer_key: bool = True) -> SubjectSpec:
    return SubjectSpec(table, key, (key, *columns), integer_key)


# Columns are the ones a dispute turns on; caches (due_at), free notes and owner bookkeeping are left out so that
# ordinary work does not need a ledger entry.
# fmt: off
LEDGER_SUBJECTS: dict[str, SubjectSpec] = {
    "promise": _spec(
        "promises", "session_id", "product_id", "kind", "wording", "terms", "said_at", "offset_seconds",
        "logged_by", "logged_at", "corrects_id", "correction",
    ),
    "ticket_event": _spec("ticket_events", "ticket_id", "at", "actor_id", "kind", "body", "data"),
    "ticket": _spec(
        "tickets", "code", "kind", "reason", "status", "order_id", "opened_at", "first_response_at",
        "return_received_at", "resolved_at", "closed_at", "refund_fen", "satisfaction", "rejected_reason",
    ),
    "checklist_item": _spec(
        "checklist_run_items", "run_id", "template_item_id", "state", "reason", "by_user_id", "at",
        "evidence_sha256",
    ),
    "incident_action": _spec("incident_actions", "incident_id", "at", "actor_id", "kind", "body", "data"),
    "incident": _spec(
        "incidents", "code", "channel", "link", "snapshot_text", "first_seen_at", "tier", "status", "closed_at",
        "close_override_reason",
    ),
    "document": _spec(
        "documents", "doc_type", "number", "issued_on", "expires_on", "supplier_id", "product_id", "vault_sha256",
        "added_by", "added_at",
    ),
    "evaluation": _spec(
        "evaluations", "period", "version", "kpis", "scores", "total", "grade", "hard_fails", "signed_by",
        "signed_at",
    ),
    "vault_file": _spec(
        "vault_files", "size", "original_name", "media_type", "added_by", "added_at", key="sha256",
        integer_key=False,
    ),
    "lint_exemption": _spec(
        "lint_exemptions", "script_id", "term", "start", "end", "reason_code", "note", "by_user_id", "at",
    ),
    "air_segment": _spec("air_segments", "session_id", "product_id", "started_at", "ended_at", "price_fen"),
    "corrective_action": _spec(
        "corrective_actions", "source", "source_id", "title", "owner_id", "due_on", "done_at", "done_by",
        "created_at",
    ),
}
# fmt: on


@dataclass(frozen=True)
class LedgerHead:
    """The chain's head: how many entries and the last hash. Printed on every report."""

    count: int
    hash: str


@dataclass(frozen=True)
class LedgerEntryInfo:
    """An entry just appended."""

    seq: int
    at: datetime
    kind: str
    subject_type: str
    subject_id: str
    row_digest: str
    hash: str

    @property
    def head(self) -> LedgerHead:
        return LedgerHead(self.seq, self.hash)


def format_at(dt: datetime) -> str:
    """``dt`` in UTC as ``YYYY-MM-DD HH:MM:SS.ffffff`` — the same text SQLAlchemy stores. Naive times refused."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime given to the ledger; attach a timezone first")
    return dt.astimezone(UTC).strftime(AT_FORMAT)


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return format_at(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not allowed in ledger JSON (use int fen for money)")


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=_json_default
)


def canonical_json(obj: object) -> str:
    """Canonical JSON text: sorted keys, no spaces, UTF-8 characters kept; datetimes as UTC text, dates ISO.

    ``Decimal``, NaN and other non-JSON values raise (money is integer fen).
    """
    return _ENCODER.encode(obj)


def entry_hash(
    seq: int,
    at_text: str,
    actor_id: int | None,
    kind: str,
    subject_type: str,
    subject_id: str,
    payload: str,
    row_digest: str,
    prev_hash: str,
) -> str:
    """The entry's own hash (the fixed format in the module docstring)."""
    text = "\n".join(
        [
            str(seq),
            at_text,
            "" if actor_id is None else str(actor_id),
            kind,
            subject_type,
            subject_id,
            payload,
            row_digest,
            prev_hash,
        ]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_sql(subject_type: str, *, one: bool = False) -> str:
    """``SELECT <key>, <columns…> FROM <table>``; with ``one=True`` it ends in ``WHERE <key> = ?``."""
    spec = LEDGER_SUBJECTS[subject_type]
    columns = ", ".join(f'"{c}"' for c in spec.columns)
    sql = f'SELECT {columns} FROM "{spec.table}"'
    if one:
        sql += f' WHERE "{spec.key_column}" = ?'
    return sql


def row_digest(subject_type: str, raw_values: Sequence[Any]) -> str:
    """sha256 of the canonical JSON of the row read with :func:`snapshot_sql` (key included, raw SQLite values)."""
    spec = LEDGER_SUBJECTS[subject_type]
    if len(raw_values) != len(spec.columns):
        raise ValueError(f"{subject_type}: expected {len(spec.columns)} values, got {len(raw_values)}")
    return hashlib.sha256(
        _ENCODER.encode(dict(zip(spec.columns, raw_values, strict=True))).encode()
    ).hexdigest()


def _last(session: Session) -> tuple[int, str]:
    row = (
        session.connection()
        .exec_driver_sql("SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1")
        .first()
    )
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def head(session: Session) -> LedgerHead:
    """The current head of the chain (``LedgerHead(0, GENESIS_HASH)`` for an empty ledger)."""
    count, last_hash = _last(session)
    return LedgerHead(count, last_hash)


def append(
    session: Session,
    actor: Any,
    kind: str,
    *,
    subject_type: str = "",
    subject_id: int | str | None = None,
    data: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> LedgerEntryInfo:
    """Append one entry to the chain inside the caller's transaction and return it.

    Flushes the session first, so the subject row (e.g. a promise just added) is read exactly as it will be
    committed. ``actor`` is a :class:`core.domain.roles.Actor` or ``None`` (the app itself). Raises ``ValueError``
    for an unknown subject type or a subject row that does not exist.
    """
    if not kind or len(kind) > 40:
        raise ValueError("ledger kind must be 1–40 characters")
    session.flush()
    sid = "" if subject_id is None else str(subject_id)
    digest = ""
    if subject_type:
        if subject_type not in LEDGER_SUBJECTS:
            raise ValueError(f"unknown ledger subject type {subject_type!r}")
        raw = (
            session.connection().exec_driver_sql(snapshot_sql(subject_type, one=True), (subject_id,)).first()
        )
        if raw is None:
            raise ValueError(f"ledger subject {subject_type} {sid} does not exist")
        digest = row_digest(subject_type, tuple(raw))
    elif sid:
        raise ValueError("a subject id needs a subject type")
    when = at or clock.now()
    at_text = format_at(when)
    actor_id = getattr(actor, "user_id", None)
    payload = canonical_json(data or {})
    last_seq, prev = _last(session)
    seq = last_seq + 1
    own = entry_hash(seq, at_text, actor_id, kind, subject_type, sid, payload, digest, prev)
    session.connection().exec_driver_sql(
        "INSERT INTO ledger_entries (seq, at, actor_id, kind, subject_type, subject_id, payload, row_digest,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at_text, actor_id, kind, subject_type, sid, payload, digest, prev, own),
    )
    return LedgerEntryInfo(seq, when.astimezone(UTC), kind, subject_type, sid, digest, own)


class VerifyCancelled(StudioDeskError):
    """``cancel()`` returned true; no verdict was reached."""


@dataclass(frozen=True)
class VerifyProblem:
    """One broken item. ``kind``: chain | sequence | row | missing_row | file_missing | file_changed.

    ``seq`` is the ledger entry concerned (None for a row no entry knows, or a file); ``subject`` is
    ``"<subject_type>:<id>"`` (or ``""``); ``message`` is a sentence in the current language.
    """

    kind: str
    seq: int | None
    subject: str
    message: str


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    entries_checked: int
    rows_checked: int
    files_checked: int
    head: LedgerHead
    problems: tuple[VerifyProblem, ...]
    problems_total: int = 0  # may exceed len(problems): at most MAX_PROBLEMS are kept

    @property
    def first_problem(self) -> VerifyProblem | None:
        return self.problems[0] if self.problems else None


def verify(
    db: Any,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> VerifyReport:
    """Check the chain, every subject row and every vault file of ``db`` (a ``Database``); never writes.

    ``on_progress(done, total)`` is called from the calling thread every few ten-thousand items; ``cancel()`` is
    polled as often and, when true, raises :class:`VerifyCancelled`. Problems come in order: the chain (by entry),
    then subject rows (by entry), then vault files; :attr:`VerifyReport.first_problem` is the first broken item.
    See :mod:`core.ledger_verify` for how.
    """
    from core.ledger_verify import run_verify

    return run_verify(db, on_progress=on_progress, cancel=cancel)


__all__ = [
    "GENESIS_HASH",
    "LEDGER_SUBJECTS",
    "LedgerEntryInfo",
    "LedgerHead",
    "SubjectSpec",
    "VerifyCancelled",
    "VerifyProblem",
    "VerifyReport",
    "append",
    "canonical_json",
    "entry_hash",
    "format_at",
    "head",
    "row_digest",
    "snapshot_sql",
    "verify",
]
