"""Shared fixtures: real SQLite files, migrated once per run and copied per test (never a mocked database)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# Qt aborts without a display; this must be set before anything imports Qt (pytest-qt imports it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test away from the real per-user data folder.
os.environ.setdefault(
    "STUDIODESK_DATA_DIR", str(Path(os.environ.get("TMPDIR", "/tmp")) / "studiodesk-test-data")
)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

OWNER_USERNAME = "owner"
OWNER_PASSWORD = "owner-pass-123"


@pytest.fixture(scope="session")
def template_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to the head schema, built once per run."""
    from core.db.opening import open_database

    path = tmp_path_factory.mktemp("template") / "studio.db"
    db = open_database(path, create=True)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def tmp_db_path(template_db_file: Path, tmp_path: Path) -> Path:
    """A private copy of the template database file."""
    path = tmp_path / "studio.db"
    shutil.copyfile(template_db_file, path)
    return path


@pytest.fixture
def tmp_db(tmp_db_path: Path):
    """An opened, migrated, empty StudioDesk database in its own folder."""
    from core.db.opening import open_database

    db = open_database(tmp_db_path)
    yield db
    db.dispose()


@pytest.fixture
def owner(tmp_db):
    """The owner account of ``tmp_db``, signed in."""
    from core.services import auth

    with tmp_db.unit_of_work() as session:
        return auth.create_owner(session, OWNER_USERNAME, "店主", OWNER_PASSWORD)
