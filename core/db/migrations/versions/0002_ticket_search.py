"""Ticket search: an FTS5 trigram index over each ticket's code, summary, buyer nickname and order number; a
narrow index of orders (id, platform, session) for the queue's platform filter; and each ticket's stream cached
from its order (tickets.session_id, kept by triggers) for the host and session filters.

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

import sqlalchemy as sa
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


# Each ticket's stream (tickets.session_id), copied from its order and kept by triggers, for the host and session
# filters: when a ticket is opened on an order or moved to another one, and when an order is attributed again.
SESSION_OF_ORDER = "(SELECT o.session_id FROM orders o WHERE o.id = new.order_id)"
SESSION_TRIGGERS = {
    "ticket_session_insert": (
        "AFTER INSERT ON tickets WHEN new.order_id IS NOT NULL BEGIN "
        f"UPDATE tickets SET session_id = {SESSION_OF_ORDER} WHERE id = new.id; END"
    ),
    "ticket_session_update": (
        "AFTER UPDATE OF order_id ON tickets BEGIN "
        f"UPDATE tickets SET session_id = {SESSION_OF_ORDER} WHERE id = new.id; END"
    ),
    "order_session_update": (
        "AFTER UPDATE OF session_id ON orders BEGIN "
        "UPDATE tickets SET session_id = new.session_id WHERE order_id = new.id; END"
    ),
}


def upgrade() -> None:
    op.create_index("ix_orders_queue", "orders", ["id", "platform", "session_id"])
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_tickets_session_id"), "tickets", ["session_id"])
    op.execute(
        "UPDATE tickets SET session_id = (SELECT o.session_id FROM orders o WHERE o.id = tickets.order_id)"
        " WHERE order_id IS NOT NULL"
    )
    for name, body in SESSION_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, tokenize = 'trigram')")
    op.execute(f"INSERT INTO {TABLE}(rowid, body) SELECT tickets.id, {TEXT.format(t='tickets')} FROM tickets")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in SESSION_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_tickets_session_id"), table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("session_id")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    op.drop_index("ix_orders_queue", table_name="orders")
