"""Opening a database file safely: look first (read-only), refuse what is not ours, migrate what is older.

A corrupt, foreign or newer file is never modified (DESIGN §Reliability): :func:`inspect_database` reads it with
plain ``sqlite3`` in read-only URI mode and only then does :func:`open_database` build an engine. An up-to-date
file opens without importing Alembic, because start-up time is budgeted (≤ 1.5 s to a painted window).
The read-only inspection lives in the light ``core.db.inspection`` (no SQLAlchemy) and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.db import schema
from core.db.engine import Database, make_engine
from core.db.inspection import (
    INSPECT_TIMEOUT_S,
    SQLITE_HEADER,
    STATES,
    USABLE,
    DatabaseInfo,
    inspect_database,
    problem_for,
)
from core.db.lock import InstanceLock

__all__ = [
    "INSPECT_TIMEOUT_S",
    "SQLITE_HEADER",
    "STATES",
    "USABLE",
    "DatabaseInfo",
    "create_database",
    "inspect_database",
    "open_database",
    "problem_for",
]


def open_database(
    path: Path,
    *,
    create: bool = False,
    lock: bool = False,
    migrate: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> Database:
    """Open the StudioDesk database at ``path``, or raise ``DatabaseProblem`` having changed nothing.

    - missing: "missing", unless ``create`` (then a new file migrated to the head schema);
    - corrupt / foreign / newer / unreadable / busy: refused with that kind and a message naming the file;
    - ``lock``: take the one-instance lock (``InstanceLock``) first, "locked" when another process holds it;
      the returned ``Database.lock`` is released by ``Database.dispose()``;
    - older and ``migrate``: an automatic "pre-migration" backup (``on_progress(done, total)`` pages), then
      the upgrade in one transaction.
    """
    path = Path(path)
    info = inspect_database(path)
    if info.state == "missing" and not create:
        raise problem_for(info)
    if info.state not in ("missing", *USABLE):
        raise problem_for(info)
    instance_lock = InstanceLock(path).acquire() if lock else None
    try:
        if info.state == "missing":
            _create(path)
        elif info.state == "older" and migrate:
            from core.db.backup import backup_database

            backup_database(path, reason="pre-migration", on_progress=on_progress)
            schema.upgrade(path)
        database = Database(path, make_engine(path))
        _probe(database)
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise
    database.lock = instance_lock
    return database


def create_database(path: Path) -> Database:
    """A new, empty database at ``path`` migrated to the head schema (the one call tests and tools need)."""
    return open_database(path, create=True)


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        schema.upgrade(path)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)  # it did not exist before we started
        raise


def _probe(database: Database) -> None:
    """Open the first pooled connection now, so a busy file is reported here and not at the first query."""
    from sqlalchemy.exc import OperationalError

    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except OperationalError as exc:
        database.engine.dispose()
        info = DatabaseInfo(database.path, True, True, None, None, "locked", str(exc.orig))
        if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
            info = DatabaseInfo(database.path, True, True, None, None, "unreadable", str(exc.orig))
        raise problem_for(info) from None
