"""Alembic migrations (batch mode for SQLite), driven programmatically by ``core.db.schema``."""
