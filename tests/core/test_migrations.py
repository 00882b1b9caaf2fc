"""Schema migrations: the models and the scripts agree, every released schema upgrades, evidence stays put."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from core.about import SQLITE_APPLICATION_ID
from core.db import schema
from core.db.backup import list_backups
from core.db.models import Base
from core.db.opening import inspect_database, open_database
from tests.core.storage_helpers import ROOT, rows

FIXTURES = ROOT / "tests" / "fixtures" / "schema"


def test_schema_head_is_the_scripts_head():
    assert schema.script_heads() == (schema.SCHEMA_HEAD,)
    assert schema.script_revisions() == schema.REVISIONS


def test_models_and_migrations_agree(tmp_db_path):
    """Autogenerate finds nothing to do on a freshly migrated file: no model change without a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from core.db.engine import make_engine

    engine = make_engine(tmp_db_path)
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "render_as_batch": True, "include_name": schema.include_name}
            context = MigrationContext.configure(conn, opts=opts)
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_a_new_database_has_every_table_and_our_mark(tmp_db_path):
    tables = {name for (name,) in rows(tmp_db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    search = {name for name in tables if name.startswith(schema.SEARCH_TABLE)}  # FTS5 and its shadow tables
    assert schema.SEARCH_TABLE in search
    assert tables - search == set(Base.metadata.tables) | {"alembic_version"}
    assert len(Base.metadata.tables) == 36
    assert rows(tmp_db_path, "PRAGMA application_id") == [(SQLITE_APPLICATION_ID,)]
    triggers = {
        name for (name,) in rows(tmp_db_path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    assert triggers == set(schema.APPEND_ONLY_TRIGGERS) | set(schema.SEARCH_TRIGGERS) | set(
        schema.CACHE_TRIGGERS
    )


def _migration_module():
    import importlib.util

    path = ROOT / "core" / "db" / "migrations" / "versions" / "0001_initial.py"
    spec = importlib.util.spec_from_file_location("migration_0001", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_frozen_application_id_is_still_ours():
    assert _migration_module().APPLICATION_ID == SQLITE_APPLICATION_ID


def _seed_promise(con: sqlite3.Connection) -> None:
    con.execute(
        "INSERT INTO live_sessions (id, title, platform, shop, planned_start, status, recording_ref, notes, "
        "created_at) VALUES (1, '场次', 'douyin', '', '2026-11-12 12:00:00.000000', 'ended', '', '', "
        "'2026-11-01 00:00:00.000000')"
    )
    con.execute(
        "INSERT INTO promises (id, session_id, kind, wording, terms, said_at, logged_at) VALUES "
        "(1, 1, 'shipping', '48小时内发货', '{}', '2026-11-12 12:30:00.000000', '2026-11-12 12:30:05.000000')"
    )
    con.execute(
        "INSERT INTO ledger_entries (seq, at, kind, subject_type, subject_id, payload, row_digest, prev_hash, "
        "hash) VALUES (1, '2026-11-12 12:30:05.000000', 'promise.logged', 'promise', '1', '{}', '', "
        "'0000', 'abcd')"
    )


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("UPDATE promises SET wording = '72小时内发货'", "promises are never edited"),
        ("DELETE FROM promises", "promises are never edited"),
        ("UPDATE ledger_entries SET payload = '{\"x\": 1}'", "ledger entries are append-only"),
        ("DELETE FROM ledger_entries", "ledger entries are append-only"),
    ],
)
def test_evidence_cannot_be_rewritten_even_with_raw_sql(tmp_db_path, statement, message):
    """DESIGN §Evidence: what was said on air and the ledger are append-only, enforced by the file itself."""
    con = sqlite3.connect(tmp_db_path, isolation_level=None)
    try:
        _seed_promise(con)
        with pytest.raises(sqlite3.IntegrityError, match=message):
            con.execute(statement)
        assert con.execute("SELECT wording FROM promises").fetchall() == [("48小时内发货",)]
        assert con.execute("SELECT payload FROM ledger_entries").fetchall() == [("{}",)]
    finally:
        con.close()


def test_every_released_schema_has_a_fixture():
    assert sorted(p.stem for p in FIXTURES.glob("*.db")) == sorted(schema.REVISIONS)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.db")), ids=lambda p: p.stem)
def test_each_released_schema_upgrades_with_its_data(fixture, tmp_path):
    path = tmp_path / "studio.db"
    shutil.copyfile(fixture, path)
    db = open_database(path)
    db.dispose()
    assert inspect_database(path).state == "current"
    assert rows(path, "SELECT wording FROM promises") == [("今天下单48小时内发货",)]
    assert rows(path, "SELECT username, role FROM users") == [("owner", "owner")]
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(path, "PRAGMA foreign_key_check") == []


def test_an_older_file_is_backed_up_then_migrated(tmp_db_path):
    """DESIGN §Storage: migrations run at start-up after an automatic backup."""
    schema.downgrade(tmp_db_path, "base")
    assert inspect_database(tmp_db_path).state == "older"
    db = open_database(tmp_db_path)
    db.dispose()
    assert inspect_database(tmp_db_path).state == "current"
    (backup,) = list_backups(tmp_db_path)
    assert backup.reason == "pre-migration"
    assert inspect_database(backup.path).state == "older"


def test_open_without_migrate_leaves_an_older_file_alone(tmp_db_path):
    schema.downgrade(tmp_db_path, "base")
    open_database(tmp_db_path, migrate=False).dispose()
    assert inspect_database(tmp_db_path).state == "older"
    assert list_backups(tmp_db_path) == []


def test_a_failed_migration_leaves_the_file_as_it_was(tmp_db_path):
    """Every step runs in one transaction: SQLite DDL rolls back, so a half-migrated file cannot happen."""
    schema.downgrade(tmp_db_path, "base")
    con = sqlite3.connect(tmp_db_path, isolation_level=None)
    con.execute("CREATE TABLE ticket_promises (x INTEGER)")  # the last table 0001 creates: it will collide
    con.close()
    with pytest.raises(Exception, match="ticket_promises"):
        schema.upgrade(Path(tmp_db_path))
    tables = {name for (name,) in rows(tmp_db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"alembic_version", "ticket_promises"}
    assert rows(tmp_db_path, "SELECT version_num FROM alembic_version") == []
