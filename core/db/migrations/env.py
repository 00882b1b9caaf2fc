"""Alembic environment: online only, on the connection ``core.db.schema`` passes in, batch mode for SQLite.

The connection arrives inside an open transaction (``core.db.schema._run``), so every migration step and the
``alembic_version`` update commit or roll back together.
"""

from __future__ import annotations

from typing import Any

from alembic import context

import core.db.models  # noqa: F401  (registers every table on Base.metadata)
from core.db import schema
from core.db.models.base import Base
from core.db.types import UTCDateTime


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our column types as plain SQLAlchemy types so migration files never import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("StudioDesk migrations run through core.db.schema.upgrade(), not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
        include_name=schema.include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
_run_online()
