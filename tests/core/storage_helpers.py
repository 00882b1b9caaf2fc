"""Helpers for the storage tests: files in every bad state, and another process holding a database."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    """The file's bytes, hashed: "never modified" means this does not change."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")) if p.exists()]


def make_foreign(path: Path) -> Path:
    """Another program's SQLite database (application id 0, no alembic_version)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    con.commit()
    con.close()
    return path


def make_newer(path: Path, revision: str = "9999") -> Path:
    """A StudioDesk database as a newer release would leave it (a revision this app does not know)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@contextmanager
def held_by_another_process(db_path: Path) -> Iterator[subprocess.Popen]:
    """A second StudioDesk process that has ``db_path`` open with the instance lock until the block ends."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from core.db.opening import open_database\n"
        "db = open_database(Path(sys.argv[1]), lock=True)\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "db.dispose()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read()
        yield proc
    finally:
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=30)
