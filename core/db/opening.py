"""Opening a database file safely: look first (read-only), refuse what is not ours, migrate what is older.

A corrupt, foreign or newer file is never modified (DESIGN §Reliability): :func:`inspect_database` reads it with
plain ``sqlite3`` in read-only URI mode and only then does :func:`open_database` build an engine. An up-to-date
file opens without importing Alembic, because start-up time is budgeted (≤ 1.5 s to a painted window).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import i18n
from core.about import SQLITE_APPLICATION_ID
from core.db import schema
from core.db.engine import Database, make_engine
from core.db.lock import InstanceLock
from core.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"
INSPECT_TIMEOUT_S = 2.0

# Every state a file can be in. The first four are refused; "older" is migrated; "current" opens as it is.
STATES = ("missing", "corrupt", "foreign", "newer", "locked", "unreadable", "older", "current")
USABLE = ("older", "current")

i18n.register(
    {
        "db.missing": (
            "数据文件 {path} 不存在。请检查路径，或新建一个数据库。",
            "The data file {path} does not exist. Check the path, or create a new database.",
        ),
        "db.corrupt": (
            "{path} 不是直播售后服务台的数据文件，或已损坏。文件未做任何改动；请从最近的备份恢复。",
            "{path} is not a StudioDesk database or is damaged. The file was not changed; restore the latest "
            "backup.",
        ),
        "db.foreign": (
            "{path} 是其他程序的 SQLite 数据库，不是 StudioDesk（直播售后服务台）的数据文件。文件未做任何改动；请选择正确的数据文件。",
            "{path} is another program's SQLite database, not a StudioDesk one. The file was not changed; choose "
            "the right data file.",
        ),
        "db.newer": (
            "数据文件 {path} 由更新版本的直播售后服务台创建（结构版本 {revision}）。文件未做任何改动；请更新本程序后再打开。",
            "The data file {path} was made by a newer StudioDesk (schema {revision}). The file was not changed; "
            "update the app to open it.",
        ),
        "db.locked.sqlite": (
            "数据文件 {path} 正被其他程序占用。请关闭其他正在使用它的程序后重试。",
            "The data file {path} is busy in another program. Close the other program using it and try again.",
        ),
        "db.unreadable": (
            "无法读取数据文件 {path}（{reason}）。请检查文件和文件夹的权限后重试。",
            "The data file {path} cannot be read ({reason}). Check the file and folder permissions and try "
            "again.",
        ),
    }
)


@dataclass(frozen=True)
class DatabaseInfo:
    """What a file is, learnt without changing it. ``state`` is one of :data:`STATES`."""

    path: Path
    exists: bool
    is_sqlite: bool
    application_id: int | None
    revision: str | None
    state: str
    detail: str = ""

    @property
    def usable(self) -> bool:
        return self.state in USABLE


def inspect_database(path: Path) -> DatabaseInfo:
    """Classify the file at ``path`` read-only (header bytes, ``PRAGMA application_id``, ``alembic_version``).

    A zero-byte or non-SQLite file is "corrupt"; an SQLite file with another application id, or with id 0 and no
    StudioDesk revision, is "foreign"; a StudioDesk file whose revision this app does not know is "newer".
    """
    path = Path(path)
    if not path.exists():
        return DatabaseInfo(path, False, False, None, None, "missing")
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        return DatabaseInfo(path, True, False, None, None, "unreadable", exc.strerror or str(exc))
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return DatabaseInfo(path, True, False, None, None, "corrupt", "not an SQLite file")
    # A WAL-mode file (header byte 18 = 2) with no -wal beside it has nothing outside the main file; reading it
    # as "immutable" keeps SQLite from creating -wal/-shm files next to a file we must not touch.
    immutable = header[18] == 2 and not Path(f"{path}-wal").exists()
    try:
        application_id, has_version_table, revisions = _read_marks(path, immutable=immutable)
    except sqlite3.Error as exc:
        return DatabaseInfo(path, True, True, None, None, _state_for_error(exc), str(exc))
    revision = revisions[0] if len(revisions) == 1 else None
    if len(revisions) > 1:  # several heads: branches this app never makes
        revision = ",".join(revisions)
    state = _classify(application_id, has_version_table, revision)
    return DatabaseInfo(path, True, True, application_id, revision, state)


def _read_marks(path: Path, *, immutable: bool) -> tuple[int, bool, list[str]]:
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True, timeout=INSPECT_TIMEOUT_S, isolation_level=None)
    try:
        application_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        has_table = (
            con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            is not None
        )
        revisions = (
            [row[0] for row in con.execute("SELECT version_num FROM alembic_version")] if has_table else []
        )
    finally:
        con.close()
    return application_id, has_table, revisions


def _state_for_error(exc: sqlite3.Error) -> str:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "locked"
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_AUTH):
        return "unreadable"
    if primary is None and "locked" in str(exc):
        return "locked"
    return "corrupt"  # SQLITE_NOTADB, SQLITE_CORRUPT, a malformed schema, …


def _classify(application_id: int, has_version_table: bool, revision: str | None) -> str:
    if application_id == SQLITE_APPLICATION_ID:
        if not has_version_table:
            return "corrupt"  # our mark without a schema version: a damaged file
        if not schema.is_known(revision):
            return "newer"
        return "older" if schema.is_older(revision) else "current"
    if application_id == 0 and has_version_table and revision is not None and schema.is_known(revision):
        # Ours, from before the mark was set (or the mark was lost in a copy): trust the revision.
        return "older" if schema.is_older(revision) else "current"
    return "foreign"


def problem_for(info: DatabaseInfo, *, prefix: str = "db") -> DatabaseProblem:
    """The ``DatabaseProblem`` that tells a person what is wrong with ``info.path`` and what to do.

    ``prefix`` chooses the wording: "db" for the data file, "backup" for a backup offered for restore.
    """
    kind = info.state
    key = f"{prefix}.{kind}"
    if kind == "locked":
        key = f"{prefix}.locked.sqlite" if prefix == "db" else "db.locked.sqlite"
    message = i18n.t(key, path=info.path, revision=info.revision or "?", reason=info.detail or "?")
    return DatabaseProblem(kind, info.path, message)


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
