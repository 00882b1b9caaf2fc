"""Looking at a database file without changing it, and without loading SQLAlchemy.

Start-up reads these answers before the main window paints (DESIGN budget ≤ 1.5 s to a painted window), so this
module imports only the standard library, ``core.i18n``, ``core.errors``, ``core.about`` and ``core.db.schema``
(which loads Alembic only inside its migration functions). :func:`inspect_database` classifies a file read-only
(``sqlite3`` in read-only URI mode); ``core.db.opening`` builds the engine afterwards and re-exports these names.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core import i18n
from core.about import SQLITE_APPLICATION_ID
from core.db import schema
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


def has_active_owner(path: Path) -> bool:
    """True when the StudioDesk file at ``path`` has an active owner (店主) account, read with plain ``sqlite3``.

    Decides, before anything heavy is loaded, whether start-up asks for a sign-in or for the owner account to
    be created (core.services.auth keeps at least one active owner once one exists). A file that cannot be read
    answers True: the sign-in then reports the real problem.
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
        immutable = len(header) >= 100 and header[18] == 2 and not Path(f"{path}-wal").exists()
        uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
        con = sqlite3.connect(uri, uri=True, timeout=INSPECT_TIMEOUT_S, isolation_level=None)
        try:
            row = con.execute("SELECT 1 FROM users WHERE role = 'owner' AND active = 1 LIMIT 1").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return True
    return row is not None
