"""Which schema a file has, and how to bring it to the head: the only place that drives Alembic.

Start-up compares a file's ``alembic_version`` with :data:`SCHEMA_HEAD` using plain ``sqlite3`` (see
``core.db.opening``); Alembic itself is imported only inside :func:`upgrade`, when a migration is really needed,
because start-up time is budgeted (DESIGN §Performance budget: ≤ 1.5 s to a painted window).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

# Every released revision, oldest first. A new migration appends its id here; ``test_migrations`` checks this
# tuple against Alembic's script directory so the two can never drift apart.
REVISIONS: tuple[str, ...] = ("0001", "0002")
SCHEMA_HEAD = REVISIONS[-1]

# Names of the SQLite triggers that keep evidence append-only (created by revision 0001). Tamper tests drop
# them to simulate someone editing the file behind the app's back.
APPEND_ONLY_TRIGGERS: tuple[str, ...] = (
    "ledger_entries_no_update",
    "ledger_entries_no_delete",
    "promises_no_update",
    "promises_no_delete",
)


# The ticket search index (revision 0002): an FTS5 virtual table, which SQLite backs with shadow tables, kept current
# by triggers on ``tickets``. Not part of the ORM models; the migration tests know these names.
SEARCH_TABLE = "ticket_search"
SEARCH_TRIGGERS: tuple[str, ...] = ("ticket_search_insert", "ticket_search_update", "ticket_search_delete")
# Revision 0002 also keeps tickets.session_id (the order's stream, for the queue's host filter) by triggers.
CACHE_TRIGGERS: tuple[str, ...] = ("ticket_session_insert", "ticket_session_update", "order_session_update")


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic's autogenerate filter: the search index is not an ORM table (its migration owns it)."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE))


def is_known(revision: str | None) -> bool:
    """True when ``revision`` is one of ours (``None`` = an empty schema, before the first migration)."""
    return revision is None or revision in REVISIONS


def is_older(revision: str | None) -> bool:
    """True when a known ``revision`` is behind the head and needs :func:`upgrade`."""
    return is_known(revision) and revision != SCHEMA_HEAD


def alembic_config(connection: Connection | None = None) -> Config:
    """A programmatic Alembic configuration (no ``alembic.ini``); ``env.py`` uses ``connection`` as given."""
    from alembic.config import Config

    from core.paths import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def script_heads() -> tuple[str, ...]:
    """The head revision(s) of the migration scripts on disk (tests compare them with :data:`SCHEMA_HEAD`)."""
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())


def script_revisions() -> tuple[str, ...]:
    """Every revision id of the migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([s.revision for s in scripts.walk_revisions()]))


def upgrade(path: Path, revision: str = "head") -> None:
    """Migrate the database file at ``path`` to ``revision`` in one transaction.

    SQLite's procedure for schema changes is followed (https://sqlite.org/lang_altertable.html, "Making Other
    Kinds Of Table Schema Changes"): foreign keys off outside the transaction, every step inside one
    ``BEGIN … COMMIT`` (SQLite DDL is transactional, so a failed migration leaves the file as it was),
    ``PRAGMA foreign_key_check`` before committing. The caller makes any backup first.
    """
    _run(path, lambda config: _command("upgrade")(config, revision))


def downgrade(path: Path, revision: str) -> None:
    """Migrate down to ``revision`` ("base" empties the schema). Used by tests and by developers only."""
    _run(path, lambda config: _command("downgrade")(config, revision))


def _command(name: str) -> Any:
    from alembic import command

    return getattr(command, name)


def _run(path: Path, action: Any) -> None:
    from sqlalchemy import text

    from core.db.engine import make_engine

    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            # PRAGMA foreign_keys is a no-op inside a transaction: set it on the driver connection before
            # SQLAlchemy's (explicit) BEGIN. Batch-mode table rebuilds would otherwise cascade or fail.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            try:
                with connection.begin():
                    action(alembic_config(connection))
                    broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if broken:
                        raise RuntimeError(f"migration left {len(broken)} broken foreign keys: {broken[:5]}")
            finally:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
    finally:
        engine.dispose()
