"""Backups with SQLite's online backup API: consistent copies of a live file, daily rotation, one-step restore.

DESIGN §Storage: automatic daily rotating copies plus one before every migration and restore. Copies are made
page by page with ``sqlite3.Connection.backup`` (https://sqlite.org/backup.html), so the app may keep working
while a copy is taken; each copy is written to ``<name>.partial`` and renamed only once it has been checked.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core import i18n
from core.db.lock import InstanceLock
from core.db.opening import DatabaseInfo, inspect_database, problem_for
from core.errors import DatabaseProblem, InvalidInput, StudioDeskError
from core.paths import backups_dir_for, resource

STEP_PAGES = 256  # 1 MiB at SQLite's default 4 KiB pages: progress about every few milliseconds
_NAME = re.compile(r"^.+-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z-]*?)(?:-(?P<n>\d+))?\.db$")
_REASON = re.compile(r"^[a-z][a-z-]*[a-z]$|^[a-z]$")
_SIDE_FILES = ("-wal", "-shm", "-journal")

i18n.register(
    {
        "backup.missing": (
            "备份文件 {path} 不存在。请检查路径。",
            "The backup file {path} does not exist. Check the path.",
        ),
        "backup.corrupt": (
            "备份文件 {path} 不是直播售后服务台的数据文件，或已损坏。当前数据未做任何改动；请选择另一个备份。",
            "The backup file {path} is not a StudioDesk database or is damaged. Your current data was not "
            "changed; choose another backup.",
        ),
        "backup.foreign": (
            "备份文件 {path} 是其他程序的 SQLite 数据库。当前数据未做任何改动；请选择直播售后服务台的备份。",
            "The backup file {path} is another program's SQLite database. Your current data was not changed; "
            "choose a StudioDesk backup.",
        ),
        "backup.newer": (
            "备份文件 {path} 由更新版本的直播售后服务台创建（结构版本 {revision}）。当前数据未做任何改动；请先更新本程序再恢复。",
            "The backup file {path} was made by a newer StudioDesk (schema {revision}). Your current data was "
            "not changed; update the app, then restore.",
        ),
        "backup.unreadable": (
            "无法读取备份文件 {path}（{reason}）。请检查文件权限后重试。",
            "The backup file {path} cannot be read ({reason}). Check its permissions and try again.",
        ),
        "backup.cancelled": (
            "已取消备份 {path}，没有留下不完整的文件。",
            "The backup to {path} was cancelled; no partial file was left behind.",
        ),
        "backup.same_file": (
            "{path} 就是当前的数据文件。请选择另一个文件作为备份或恢复的来源。",
            "{path} is the data file itself. Choose another file to back up to or restore from.",
        ),
        "backup.mismatch": (
            "写入 {path} 的备份与原数据不一致，已删除。请检查磁盘空间后重试。",
            "The backup written to {path} did not match the data and was deleted. Check free disk space and try "
            "again.",
        ),
        "backup.reason": (
            "备份原因“{reason}”无效：只能用小写英文字母和连字符。",
            "The backup reason “{reason}” is invalid: use lowercase letters and hyphens only.",
        ),
    }
)


class BackupCancelled(StudioDeskError):
    """``cancel()`` returned True; the partial copy has been removed and nothing else changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime  # local time, aware
    reason: str  # manual | daily | pre-migration | pre-restore | …
    size: int


def keep_daily_default() -> int:
    """``keep_daily`` from the bundled rule file ``resources/rules/backup.json``."""
    data = json.loads(resource("rules", "backup.json").read_text(encoding="utf-8"))
    return int(data["data"]["keep_daily"])


def backup_database(
    db_path: Path,
    out: Path | None = None,
    *,
    reason: str = "manual",
    on_progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Copy the live database at ``db_path`` to ``out`` (default: the backups folder) and return the copy's path.

    Refuses a file that is not a usable StudioDesk database (``DatabaseProblem``). ``on_progress(done, total)``
    counts pages; ``cancel()`` returning True stops the copy, removes the partial file and raises
    ``BackupCancelled``. The finished copy has the same application id and schema revision as the source.
    """
    db_path = Path(db_path)
    source = inspect_database(db_path)
    if not source.usable:
        raise problem_for(source)
    if not _REASON.match(reason):
        raise InvalidInput(i18n.t("backup.reason", reason=reason), field="reason")
    target = Path(out) if out is not None else _default_name(db_path, reason)
    if _same_file(target, db_path):
        raise InvalidInput(i18n.t("backup.same_file", path=target), field="out")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    _copy(db_path, partial, on_progress=on_progress, cancel=cancel, shown_as=target)
    copy = inspect_database(partial)
    if (copy.application_id, copy.revision) != (source.application_id, source.revision):
        _remove(partial)
        raise DatabaseProblem("corrupt", target, i18n.t("backup.mismatch", path=target))
    os.replace(partial, target)
    return target


def daily_backup_if_due(
    db_path: Path, keep: int | None = None, *, now: datetime | None = None
) -> Path | None:
    """Make today's "daily" copy unless one exists, then keep only the newest ``keep`` daily copies.

    Other copies (manual, pre-migration, pre-restore) are never rotated away. Returns the new copy or None.
    """
    db_path = Path(db_path)
    keep = keep_daily_default() if keep is None else keep
    today = (now or datetime.now().astimezone()).date()
    dailies = [b for b in list_backups(db_path) if b.reason == "daily"]
    if any(b.created_at.date() == today for b in dailies):
        return None
    made = backup_database(db_path, _default_name(db_path, "daily", now=now))
    for old in [b for b in list_backups(db_path) if b.reason == "daily"][max(keep, 1) :]:
        _remove(old.path)
    return made


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every copy in ``db_path``'s backups folder, newest first."""
    folder = backups_dir_for(Path(db_path))
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        match = _NAME.match(path.name)
        if match is None:
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").astimezone()
        stat = path.stat()
        found.append((created, stat.st_mtime_ns, BackupInfo(path, created, match["reason"], stat.st_size)))
    found.sort(key=lambda item: item[:2], reverse=True)  # same second: the later-written copy first
    return [info for _created, _mtime, info in found]


def restore_database(
    db_path: Path, backup_file: Path, *, on_progress: Callable[[int, int], None] | None = None
) -> Path | None:
    """Replace the data in ``db_path`` with ``backup_file``; returns the "pre-restore" copy of what was there.

    The backup is checked first: a missing, corrupt, foreign or newer one is refused with ``DatabaseProblem``
    and nothing is written. The instance lock is taken for the whole restore ("locked" while another StudioDesk
    has the file open; dispose your own ``Database`` first). A readable current file is copied to a
    "pre-restore" backup; a damaged one is moved there untouched. A backup from an older schema is migrated.
    Returns None only when there was no current file.
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    if _same_file(backup_file, db_path):
        raise InvalidInput(i18n.t("backup.same_file", path=backup_file), field="file")
    offered = inspect_database(backup_file)
    if not offered.usable:
        raise problem_for(offered, prefix="backup")
    with InstanceLock(db_path):
        current = inspect_database(db_path)
        if current.state in ("locked", "unreadable"):
            raise problem_for(current)
        pre: Path | None = None
        if current.state == "corrupt":
            pre = _move_aside(db_path)
        elif current.exists:
            pre = _default_name(db_path, "pre-restore")
            pre.parent.mkdir(parents=True, exist_ok=True)
            _copy(db_path, pre.with_name(pre.name + ".partial"), shown_as=pre)
            os.replace(pre.with_name(pre.name + ".partial"), pre)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _copy(
            backup_file,
            db_path,
            on_progress=on_progress,
            shown_as=db_path,
            into_live=current.exists and current.state != "corrupt",
            writable_source=False,
        )
        if offered.state == "older":
            from core.db import schema

            schema.upgrade(db_path)
    return pre


def _copy(
    source: Path,
    target: Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    shown_as: Path,
    into_live: bool = False,
    writable_source: bool = True,
) -> None:
    """Page-by-page online copy. A new ``target`` is removed on any failure; a live one is left to SQLite's
    own transaction (the backup API writes the destination atomically)."""
    if not into_live:
        _remove(target)

    class _Stop(Exception):
        pass

    def progress(_status: int, remaining: int, total: int) -> None:
        if on_progress is not None:
            on_progress(total - remaining, total)
        if cancel is not None and cancel():
            raise _Stop

    if writable_source:  # our own live file: the last connection to close checkpoints and tidies its WAL
        src = sqlite3.connect(source, timeout=5.0)
    else:  # a file offered for restore is only ever read
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=5.0)
    try:
        dst = sqlite3.connect(target, timeout=5.0)
        try:
            src.backup(dst, pages=STEP_PAGES, progress=progress)
            if not into_live:
                # A copy is one self-contained file (no -wal/-shm): safe to move, mail or put on a USB stick.
                dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except _Stop:
        _remove(target)
        raise BackupCancelled(i18n.t("backup.cancelled", path=shown_as)) from None
    except BaseException:
        if not into_live:
            _remove(target)
        raise
    finally:
        src.close()


def _move_aside(db_path: Path) -> Path:
    """Move a damaged file (and its WAL/SHM) into the backups folder untouched, so nothing is ever lost."""
    aside = _default_name(db_path, "pre-restore")
    aside.parent.mkdir(parents=True, exist_ok=True)
    os.replace(db_path, aside)
    for suffix in _SIDE_FILES:
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    return aside


def _default_name(db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now().astimezone()).strftime("%Y%m%d-%H%M%S")
    folder = backups_dir_for(db_path)
    candidate = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 2
    while candidate.exists() or Path(f"{candidate}.partial").exists():
        candidate = folder / f"{db_path.stem}-{stamp}-{reason}-{n}.db"
        n += 1
    return candidate


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _remove(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


__all__ = [
    "BackupCancelled",
    "BackupInfo",
    "DatabaseInfo",
    "backup_database",
    "daily_backup_if_due",
    "keep_daily_default",
    "list_backups",
    "restore_database",
]
