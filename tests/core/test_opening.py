"""Opening a data file: bad files are refused with a message that names them, and are never touched."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core import i18n
from core.about import SQLITE_APPLICATION_ID
from core.db import opening
from core.db.lock import InstanceLock
from core.db.opening import inspect_database, open_database
from core.db.schema import SCHEMA_HEAD
from core.errors import DatabaseProblem
from tests.core.storage_helpers import (
    ROOT,
    digest,
    held_by_another_process,
    make_foreign,
    make_newer,
    rows,
    side_files,
)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def _refused(path: Path, kind: str, **kwargs: object) -> DatabaseProblem:
    before = digest(path) if path.exists() else None
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path, **kwargs)
    problem = caught.value
    assert problem.kind == kind
    assert str(path) in str(problem) and "\n" not in str(problem)
    if before is not None:
        assert digest(path) == before, "a refused file must not change"
    return problem


def test_a_missing_file_is_refused_and_not_created(tmp_path):
    path = tmp_path / "nowhere" / "studio.db"
    _refused(path, "missing")
    assert not path.exists() and not path.parent.exists()


def test_create_makes_a_marked_database_at_the_head_schema(tmp_path):
    path = tmp_path / "new" / "studio.db"
    db = open_database(path, create=True)
    db.dispose()
    info = inspect_database(path)
    assert (info.state, info.revision, info.application_id) == ("current", SCHEMA_HEAD, SQLITE_APPLICATION_ID)
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize(
    "content",
    [b"", "店铺备忘：周五上新\n".encode(), b"SQLite format 3\x00" + b"\x07" * 4000],
    ids=["zero-bytes", "text-file", "damaged-sqlite"],
)
def test_a_corrupt_file_is_refused_untouched_with_its_name(tmp_path, content, english):
    path = tmp_path / "studio.db"
    path.write_bytes(content)
    problem = _refused(path, "corrupt")
    assert "not a StudioDesk database or is damaged" in str(problem)
    assert "backup" in str(problem)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studio.db"]


def test_the_corrupt_message_is_chinese_by_default(tmp_path):
    path = tmp_path / "studio.db"
    path.write_bytes(b"")
    problem = _refused(path, "corrupt")
    assert "不是直播售后服务台的数据文件" in str(problem)


def test_another_programs_sqlite_file_is_foreign_and_untouched(tmp_path, english):
    path = make_foreign(tmp_path / "notes.db")
    problem = _refused(path, "foreign", create=True)
    assert "another program" in str(problem)
    assert rows(path, "SELECT body FROM notes") == [("someone else's data",)]
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'alembic_version'") == []


def test_looking_at_a_foreign_wal_file_leaves_nothing_beside_it(tmp_path):
    path = make_foreign(tmp_path / "notes.db")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    assert side_files(path) == []
    _refused(path, "foreign")
    assert side_files(path) == []


def test_a_file_marked_by_another_application_is_foreign(tmp_db_path):
    con = sqlite3.connect(tmp_db_path, isolation_level=None)
    con.execute("PRAGMA application_id = 42")
    con.close()
    _refused(tmp_db_path, "foreign")


def test_a_file_from_a_newer_release_is_refused_untouched(tmp_db_path, english):
    make_newer(tmp_db_path)
    problem = _refused(tmp_db_path, "newer")
    assert "newer StudioDesk" in str(problem) and "update the app" in str(problem)
    assert rows(tmp_db_path, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_an_up_to_date_file_opens_and_knows_its_vault(tmp_db_path):
    db = open_database(tmp_db_path)
    try:
        with db.unit_of_work() as session:
            assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert db.vault_dir == tmp_db_path.parent / "studio.vault"
        assert db.lock is None
    finally:
        db.dispose()


def test_a_second_instance_on_the_same_file_is_refused(tmp_db_path):
    first = open_database(tmp_db_path, lock=True)
    try:
        assert first.lock is not None and first.lock.held
        problem = _refused(tmp_db_path, "locked", lock=True)
        assert "另一个正在运行" in str(problem)
    finally:
        first.dispose()
    again = open_database(tmp_db_path, lock=True)  # dispose() released the lock
    again.dispose()


def test_a_file_held_by_another_process_is_refused(tmp_db_path):
    with held_by_another_process(tmp_db_path):
        _refused(tmp_db_path, "locked", lock=True)
        with pytest.raises(DatabaseProblem), InstanceLock(tmp_db_path):
            pass
    open_database(tmp_db_path, lock=True).dispose()


def test_a_file_kept_busy_by_sqlite_is_reported_locked(tmp_db_path, monkeypatch):
    monkeypatch.setattr(opening, "INSPECT_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(tmp_db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _refused(tmp_db_path, "locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_opening_an_up_to_date_file_does_not_load_alembic(tmp_db_path):
    """Start-up is budgeted (DESIGN §Performance): Alembic loads only when a migration is due."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from core.db.opening import open_database\n"
        "db = open_database(Path(sys.argv[1]), lock=True)\n"
        "db.dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_db_path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_process_loses_nothing_it_committed(tmp_db_path):
    """DESIGN §Reliability: kill -9 right after a commit; the row is there and the file is sound."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from core.db.models import Setting\n"
        "from core.db.opening import open_database\n"
        "db = open_database(Path(sys.argv[1]), lock=True)\n"
        "for i in range(50):\n"
        "    with db.unit_of_work() as s:\n"
        "        s.add(Setting(key=f'k{i}', value={'n': i}))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_db_path)], cwd=ROOT, capture_output=True)
    assert result.returncode == -signal.SIGKILL, result.stderr
    db = open_database(tmp_db_path, lock=True)  # the dead process's lock went with it
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("SELECT count(*) FROM settings WHERE key LIKE 'k%'").scalar() == 50
    finally:
        db.dispose()
    assert os.path.exists(f"{tmp_db_path}.lock")
