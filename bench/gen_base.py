"""Shared machinery for the bench generator: time text, batched raw inserts, ledger stubs, vault files.

Times are integer microseconds since the Unix epoch (UTC) inside the generator and become SQLAlchemy's stored
text form "YYYY-MM-DD HH:MM:SS.ffffff" only when a row is written.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

US = 1_000_000
MINUTE = 60 * US
HOUR = 3600 * US
DAY = 86_400 * US
CST = 8 * HOUR  # Asia/Shanghai has no daylight saving time: local = UTC + 8 h

_EPOCH = datetime(1970, 1, 1)
_day_text: dict[int, str] = {}


def us_of(dt: datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return int((dt.astimezone(UTC).replace(tzinfo=None) - _EPOCH) / timedelta(microseconds=1))


def ts(us: int | None) -> str | None:
    """The text SQLAlchemy stores for a UTC datetime: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    if us is None:
        return None
    days, rest = divmod(us, DAY)
    day = _day_text.get(days)
    if day is None:
        day = _day_text[days] = (_EPOCH + timedelta(days=days)).strftime("%Y-%m-%d ")
    seconds, micro = divmod(rest, US)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{day}{hours:02d}:{minutes:02d}:{seconds:02d}.{micro:06d}"


def day_of(us: int) -> date:
    """The calendar day (Asia/Shanghai) of a UTC instant."""
    return (_EPOCH + timedelta(microseconds=us + CST)).date()


def sa_json(value: Any) -> str:
    """JSON as SQLAlchemy's JSON type stores it (json.dumps with default settings)."""
    return json.dumps(value)


def canonical_json(value: Any) -> str:
    """The ledger's canonical JSON (CONTRACTS.md): sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Gen:
    """The generator's state: the connection, the random source, the scale, ids made so far and ledger stubs."""

    def __init__(
        self, conn: sqlite3.Connection, db_path: Path, *, scale: float, seed: int, now_us: int
    ) -> None:
        self.conn = conn
        self.db_path = db_path
        self.scale = scale
        self.rng = random.Random(seed)
        self.now = now_us
        self.start = now_us - 1095 * DAY  # three years
        self.counts: dict[str, int] = {}
        self.timings: dict[str, float] = {}
        # subject_type -> [(at_us, actor_id, kind, subject_id, payload_text)], in subject-key order
        self.stubs: dict[str, list[tuple[int, int | None, str, str, str]]] = {}
        self.shared: dict[str, Any] = {}  # ids and facts one part hands to the next

    def n(self, full: int, minimum: int = 1) -> int:
        """``full`` scaled, never below ``minimum``."""
        return max(minimum, round(full * self.scale))

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Insert ``rows`` into ``table`` with one executemany inside one transaction; returns the row count."""
        started = time.perf_counter()
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        cur = self.conn.cursor()
        cur.execute("BEGIN")
        cur.executemany(sql, rows)
        count = cur.rowcount
        cur.execute("COMMIT")
        self.counts[table] = self.counts.get(table, 0) + max(count, 0)
        self.timings[table] = self.timings.get(table, 0.0) + time.perf_counter() - started
        return count

    def stub(
        self, subject_type: str, subject_id: object, at_us: int, actor_id: int | None, kind: str, data: Any
    ) -> None:
        """Remember that a ledger entry about this subject was written at ``at_us`` (digest filled in later)."""
        self.stubs.setdefault(subject_type, []).append(
            (at_us, actor_id, kind, str(subject_id), canonical_json(data))
        )

    def pick(self, seq: Sequence[Any], weights: Sequence[float] | None = None) -> Any:
        if weights is None:
            return seq[int(self.rng.random() * len(seq))]
        return self.rng.choices(seq, weights)[0]


def vault_path(vault_dir: Path, sha: str) -> Path:
    """Where the vault keeps a file (core.vault.path_for when it is there; the same layout otherwise)."""
    try:
        from core.vault import path_for
    except ImportError:  # the evidence helper's module is not there yet
        return vault_dir / sha[:2] / sha
    return path_for(vault_dir, sha)


def write_vault_file(vault_dir: Path, content: bytes) -> tuple[str, int]:
    """Store ``content`` under its SHA-256 in the vault folder; returns (sha, size)."""
    sha = hashlib.sha256(content).hexdigest()
    path = vault_path(vault_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return sha, len(content)
