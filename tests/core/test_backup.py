"""Backups: consistent online copies, daily rotation, and a restore that never loses the current data."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest

from core.about import SQLITE_APPLICATION_ID
from core.db import schema
from core.db.backup import (
    BackupCancelled,
    backup_database,
    daily_backup_if_due,
    keep_daily_default,
    list_backups,
    restore_database,
)
from core.db.opening import inspect_database, open_database
from core.errors import DatabaseProblem
from core.paths import backups_dir_for, resource
from tests.core.storage_helpers import (
    digest,
    held_by_another_process,
    make_foreign,
    make_newer,
    rows,
    side_files,
)


def _put(path, key: str, value: int) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))
    con.close()


def _keys(path) -> list[str]:
    return [k for (k,) in rows(path, "SELECT key FROM settings ORDER BY key")]


def test_a_backup_is_a_complete_studiodesk_database(tmp_db_path):
    _put(tmp_db_path, "a", 1)
    seen = []
    copy = backup_database(tmp_db_path, on_progress=lambda done, total: seen.append((done, total)))
    assert copy.parent == backups_dir_for(tmp_db_path)
    assert copy.name.startswith("studio-") and copy.name.endswith("-manual.db")
    info = inspect_database(copy)
    assert (info.state, info.application_id, info.revision) == (
        "current",
        SQLITE_APPLICATION_ID,
        schema.SCHEMA_HEAD,
    )
    assert _keys(copy) == ["a"]
    assert side_files(copy) == [], "a copy is one self-contained file"
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert [b.path for b in list_backups(tmp_db_path)] == [copy]
    assert list_backups(tmp_db_path)[0].reason == "manual"


def test_a_backup_holds_only_committed_data_while_the_app_is_writing(tmp_db_path):
    db = open_database(tmp_db_path)
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('committed', '1')")
            conn.commit()
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('in-flight', '2')")
            copy = backup_database(tmp_db_path, tmp_db_path.parent / "copy.db")
            conn.rollback()
    finally:
        db.dispose()
    assert _keys(copy) == ["committed"]
    assert rows(copy, "PRAGMA integrity_check") == [("ok",)]


def test_a_cancelled_backup_leaves_no_partial_file(tmp_db_path):
    con = sqlite3.connect(tmp_db_path, isolation_level=None)
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        [(f"k{i}", json.dumps("x" * 500)) for i in range(5000)],
    )
    con.execute("COMMIT")
    con.close()
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(BackupCancelled):
        backup_database(tmp_db_path, cancel=cancel)
    assert list(backups_dir_for(tmp_db_path).iterdir()) == []
    assert list_backups(tmp_db_path) == []


def test_a_corrupt_file_is_not_backed_up(tmp_path):
    path = tmp_path / "studio.db"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(DatabaseProblem) as caught:
        backup_database(path)
    assert caught.value.kind == "corrupt"
    assert not backups_dir_for(path).exists()


def test_the_daily_rotation_comes_from_the_rule_file():
    rule = json.loads(resource("rules", "backup.json").read_text(encoding="utf-8"))
    assert rule["kind"] == "backup" and rule["as_of"] and rule["basis"]
    assert keep_daily_default() == rule["data"]["keep_daily"] == 7


def test_daily_backups_are_made_once_a_day_and_keep_the_newest_seven(tmp_db_path):
    manual = backup_database(tmp_db_path)
    start = datetime(2026, 11, 1, 21, 0).astimezone()
    made = []
    for day in range(10):
        now = start + timedelta(days=day)
        made.append(daily_backup_if_due(tmp_db_path, now=now))
        assert daily_backup_if_due(tmp_db_path, now=now + timedelta(hours=1)) is None
    dailies = [b for b in list_backups(tmp_db_path) if b.reason == "daily"]
    assert [b.path for b in dailies] == list(reversed(made[-7:]))
    assert manual.exists(), "rotation never removes other copies"


def test_restore_brings_back_the_backup_and_keeps_what_was_there(tmp_db_path):
    _put(tmp_db_path, "before", 1)
    copy = backup_database(tmp_db_path)
    _put(tmp_db_path, "after", 2)
    pre = restore_database(tmp_db_path, copy)
    assert _keys(tmp_db_path) == ["before"]
    assert pre is not None and pre.name.endswith("-pre-restore.db")
    assert _keys(pre) == ["after", "before"]
    assert rows(tmp_db_path, "PRAGMA integrity_check") == [("ok",)]
    db = open_database(tmp_db_path)
    db.dispose()


@pytest.mark.parametrize("bad", ["missing", "corrupt", "foreign", "newer"])
def test_a_bad_backup_is_refused_and_nothing_is_written(tmp_db_path, tmp_path, bad):
    offered = tmp_path / "offered.db"
    if bad == "corrupt":
        offered.write_bytes(b"")
    elif bad == "foreign":
        make_foreign(offered)
    elif bad == "newer":
        offered.write_bytes(tmp_db_path.read_bytes())
        make_newer(offered)
    before = digest(tmp_db_path)
    with pytest.raises(DatabaseProblem) as caught:
        restore_database(tmp_db_path, offered)
    assert caught.value.kind == bad
    assert str(offered) in str(caught.value) and "\n" not in str(caught.value)
    assert digest(tmp_db_path) == before
    assert not backups_dir_for(tmp_db_path).exists()


def test_restore_is_refused_while_another_studiodesk_has_the_file(tmp_db_path):
    copy = backup_database(tmp_db_path)
    _put(tmp_db_path, "keep-me", 1)
    with held_by_another_process(tmp_db_path):
        with pytest.raises(DatabaseProblem) as caught:
            restore_database(tmp_db_path, copy)
        assert caught.value.kind == "locked"
    assert _keys(tmp_db_path) == ["keep-me"]
    assert [b.reason for b in list_backups(tmp_db_path)] == ["manual"]


def test_restore_over_a_damaged_file_moves_it_aside_untouched(tmp_db_path, tmp_path):
    good = tmp_path / "good.db"
    _put(tmp_db_path, "good", 1)
    backup_database(tmp_db_path, good)
    tmp_db_path.write_bytes(b"\x00garbage" * 100)
    for side in ("-wal", "-shm"):
        (tmp_db_path.parent / f"{tmp_db_path.name}{side}").unlink(missing_ok=True)
    pre = restore_database(tmp_db_path, good)
    assert pre.read_bytes() == b"\x00garbage" * 100
    assert _keys(tmp_db_path) == ["good"]
    assert inspect_database(tmp_db_path).state == "current"


def test_restoring_an_older_backup_migrates_it(tmp_db_path, tmp_path):
    old = tmp_path / "old.db"
    backup_database(tmp_db_path, old)
    schema.downgrade(old, "base")
    assert inspect_database(old).state == "older"
    restore_database(tmp_db_path, old)
    assert inspect_database(tmp_db_path).state == "current"
    assert inspect_database(old).state == "older", "the backup file itself is never changed"


def test_restore_into_a_new_place_needs_no_pre_restore_copy(tmp_db_path, tmp_path):
    copy = backup_database(tmp_db_path)
    target = tmp_path / "elsewhere" / "studio.db"
    assert restore_database(target, copy) is None
    assert inspect_database(target).state == "current"
