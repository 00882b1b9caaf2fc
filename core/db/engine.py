"""The engine: SQLite pragmas on every connection, explicit transactions, one unit of work per user action.

Everything dialect-specific about connecting lives here (DESIGN §Storage: portability).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
_WRITE_OPTION = "studiodesk_write"


def _install_sqlite_pragmas(engine: Engine) -> None:
    """SQLAlchemy's documented recipe: take transactions away from the legacy ``sqlite3`` driver.

    Python 3.11's ``sqlite3`` opens transactions lazily and commits around DDL on its own; turning its
    isolation off and emitting BEGIN ourselves gives real, predictable transactions.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A unit of work takes the write lock at once (BEGIN IMMEDIATE): a deferred transaction that reads first
        # and writes later fails with "database is locked", without waiting, when another connection wrote in
        # between. Reads stay deferred, so they never wait for a writer (WAL).
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path`` with WAL, foreign keys and busy timeout on every connection."""
    if read_only:
        url = f"sqlite:///file:{path.resolve().as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path.resolve().as_posix()}"
    engine = create_engine(url)
    _install_sqlite_pragmas(engine)
    return engine


class Database:
    """An opened StudioDesk database: its file, engine and session factory."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        from core.db.audit import install_audit  # every ORM change of every session goes to the audit log

        install_audit(self.sessions)
        # The one-instance lock (core.db.lock.InstanceLock) when opened with lock=True; dispose() releases it.
        self.lock: Any | None = None

    @contextmanager
    def unit_of_work(self, actor: Any | None = None) -> Iterator[Session]:
        """One user action: commits on exit, rolls back on error. ``actor`` is recorded in the audit log."""
        with self.sessions() as session:
            session.info["actor"] = actor
            try:
                session.connection(execution_options={_WRITE_OPTION: True})  # BEGIN IMMEDIATE (see above)
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def vault_dir(self) -> Path:
        """Where this database's evidence files live (beside the database file)."""
        from core.paths import vault_dir_for

        return vault_dir_for(self.path)

    def dispose(self) -> None:
        """Close every connection and release the instance lock, if one is held."""
        self.engine.dispose()
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.release()
