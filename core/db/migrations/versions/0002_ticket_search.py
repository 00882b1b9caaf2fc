"""Ticket search: an FTS5 trigram index over each ticket's code, summary, buyer nickname and order number, and a
narrow index of orders (id, platform, session) for the queue's platform and host filters.

Issue 5 (the queue): search over ticket text, order numbers and buyer nicknames, ≤ 50 ms for three or more
characters on 200,000 tickets. SQLite's trigram tokenizer matches substrings of three or more characters in Chinese
and order numbers alike; shorter queries are a plain scan (core.services.ticket_queue). The index is kept by
triggers, so every path that writes a ticket (services, imports, the bench generator) keeps it current; existing
tickets are indexed here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 02:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: a migration means the same thing forever (core.db.schema lists the names for the tests).
TABLE = "ticket_search"
TEXT = (
    "{t}.code || ' ' || {t}.summary || ' ' || {t}.buyer_nickname || ' ' || "
    "coalesce((SELECT o.platform_order_id || ' ' || o.sub_order_id FROM orders o WHERE o.id = {t}.order_id), '')"
)
TRIGGERS = {
    "ticket_search_insert": (
        "AFTER INSERT ON tickets BEGIN "
        f"INSERT INTO {TABLE}(rowid, body) VALUES (new.id, {TEXT.format(t='new')}); END"
    ),
    "ticket_search_update": (
        "AFTER UPDATE OF code, summary, buyer_nickname, order_id ON tickets BEGIN "
        f"DELETE FROM {TABLE} WHERE rowid = old.id; "
        f"INSERT INTO {TABLE}(rowid, body) VALUES (new.id, {TEXT.format(t='new')}); END"
    ),
    "ticket_search_delete": f"AFTER DELETE ON tickets BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END",
}


def upgrade() -> None:
    op.create_index("ix_orders_queue", "orders", ["id", "platform", "session_id"])
    op.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, tokenize = 'trigram')")
    op.execute(f"INSERT INTO {TABLE}(rowid, body) SELECT tickets.id, {TEXT.format(t='tickets')} FROM tickets")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    op.drop_index("ix_orders_queue", table_name="orders")
