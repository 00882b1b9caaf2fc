"""Backup and restore as use cases: the role check and the audit trail around core.db.backup's mechanics.

``core.db.backup`` knows how to copy a SQLite file safely; this module decides who may, and records that it
happened. The command line acts as :data:`core.domain.roles.SYSTEM` (whoever can run it already holds the files).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.db import audit
from core.db.backup import backup_database, restore_database
from core.domain.roles import Actor
from core.services.auth import require


def back_up(
    actor: Actor,
    db_path: Path,
    out: Path | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """A manual backup of ``db_path`` (``backup.create``); returns the file written."""
    require(actor, "backup.create")
    return backup_database(db_path, out, reason="manual", on_progress=on_progress, cancel=cancel)


def restore(
    actor: Actor,
    db_path: Path,
    backup_file: Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path | None:
    """Replace ``db_path`` with ``backup_file`` (``backup.restore``); returns the pre-restore backup.

    The restored database's audit log then records who restored which file and where the replaced data went,
    so the history explains the jump. Raises ``DatabaseProblem`` (nothing written) for a bad backup.
    """
    require(actor, "backup.restore")
    pre_restore = restore_database(db_path, backup_file, on_progress=on_progress)
    from core.db.opening import open_database

    db = open_database(db_path)
    try:
        with db.unit_of_work(actor) as session:
            audit.record(
                session,
                "restore",
                "database",
                "",
                source=str(backup_file),
                pre_restore_backup=str(pre_restore) if pre_restore else "",
            )
    finally:
        db.dispose()
    return pre_restore
