"""Initial schema: every table of the domain model, the append-only triggers, the application id.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 20:30:56.763209
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# PRAGMA application_id marks the file as StudioDesk's ("SDSK" = core.about.SQLITE_APPLICATION_ID). Frozen here as
# a literal: a migration must mean the same thing forever; test_migrations checks it still equals core.about.
APPLICATION_ID = 0x5344534B

# Evidence is append-only (DESIGN §Evidence and integrity): the database itself refuses edits and deletions, so
# even a bug or a hand-written UPDATE cannot rewrite history. Names are listed in core.db.schema.
APPEND_ONLY = (
    ("ledger_entries_no_update", "UPDATE", "ledger_entries", "ledger entries are append-only"),
    ("ledger_entries_no_delete", "DELETE", "ledger_entries", "ledger entries are append-only"),
    ("promises_no_update", "UPDATE", "promises", "promises are never edited"),
    ("promises_no_delete", "DELETE", "promises", "promises are never edited"),
)

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Creation order (parents first); downgrade drops them in reverse.
TABLES = (  # noqa: SIM905
    "calendar_days checklist_templates column_mappings reply_templates settings studio suppliers users "
    "audit_events checklist_template_items corrective_actions evaluations incidents ledger_entries "
    "live_sessions products rule_sets saved_views vault_files air_segments attachments checklist_runs "
    "console_drafts documents incident_actions incident_links lineup_items orders promises scripts "
    "session_hosts checklist_run_items lint_exemptions tickets ticket_events ticket_promises"
).split()


def upgrade() -> None:
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("is_holiday", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )
    op.create_table(
        "checklist_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_templates")),
        sa.UniqueConstraint("name", "version", name=op.f("uq_checklist_templates_name")),
    )
    op.create_table(
        "column_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_column_mappings_name")),
    )
    op.create_table(
        "reply_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_templates")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "studio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("legal_name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("shops", sa.JSON(), nullable=False),
        sa.Column("after_sales_policy", sa.Text(), nullable=False),
        sa.Column("return_address", sa.Text(), nullable=False),
        sa.Column("service_phone", sa.String(length=40), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio")),
    )
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("real_name_verified", sa.Boolean(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_at"), "audit_events", ["at"])
    op.create_table(
        "checklist_template_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("chapter", sa.String(length=40), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_templates.id"],
            name=op.f("fk_checklist_template_items_template_id_checklist_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_template_items")),
    )
    op.create_index(
        op.f("ix_checklist_template_items_template_id"), "checklist_template_items", ["template_id"]
    )
    op.create_table(
        "corrective_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["done_by"], ["users.id"], name=op.f("fk_corrective_actions_done_by_users")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_corrective_actions_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrective_actions")),
    )
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kpis", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("hard_fails", sa.JSON(), nullable=False),
        sa.Column("signed_by", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["signed_by"], ["users.id"], name=op.f("fk_evaluations_signed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
        sa.UniqueConstraint("period", "version", name=op.f("uq_evaluations_period")),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=False),
        sa.Column("link", sa.String(length=1000), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("snapshot_text", sa.Text(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("seen_by", sa.Integer(), nullable=True),
        sa.Column("reach", sa.Integer(), nullable=True),
        sa.Column("tier", sa.String(length=4), nullable=False),
        sa.Column("tier_confirmed_by", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("close_override_reason", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["seen_by"], ["users.id"], name=op.f("fk_incidents_seen_by_users")),
        sa.ForeignKeyConstraint(
            ["tier_confirmed_by"], ["users.id"], name=op.f("fk_incidents_tier_confirmed_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("code", name=op.f("uq_incidents_code")),
    )
    op.create_index(op.f("ix_incidents_first_seen_at"), "incidents", ["first_seen_at"])
    op.create_table(
        "ledger_entries",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("row_digest", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_ledger_entries_actor_id_users")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_ledger_entries")),
        sa.UniqueConstraint("hash", name=op.f("uq_ledger_entries_hash")),
    )
    op.create_index("ix_ledger_subject", "ledger_entries", ["subject_type", "subject_id", "seq"])
    op.create_table(
        "live_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("shop", sa.String(length=100), nullable=False),
        sa.Column("planned_start", sa.DateTime(), nullable=False),
        sa.Column("planned_end", sa.DateTime(), nullable=True),
        sa.Column("actual_start", sa.DateTime(), nullable=True),
        sa.Column("actual_end", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recording_ref", sa.String(length=255), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_live_sessions_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_sessions")),
    )
    op.create_index(op.f("ix_live_sessions_planned_start"), "live_sessions", ["planned_start"])
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("list_price_fen", sa.Integer(), nullable=True),
        sa.Column("three_guarantees", sa.Boolean(), nullable=False),
        sa.Column("no_reason_excluded", sa.Boolean(), nullable=False),
        sa.Column("exclusion_reason", sa.String(length=32), nullable=False),
        sa.Column("exclusion_needs_confirmation", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_products_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
    )
    op.create_index(op.f("ix_products_category"), "products", ["category"])
    op.create_index(op.f("ix_products_supplier_id"), "products", ["supplier_id"])
    op.create_table(
        "rule_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_rule_sets_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_sets")),
        sa.UniqueConstraint("kind", "version", name=op.f("uq_rule_sets_kind")),
    )
    op.create_index(op.f("ix_rule_sets_kind"), "rule_sets", ["kind"])
    op.create_table(
        "saved_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("page", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_saved_views_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
        sa.UniqueConstraint("user_id", "page", "name", name=op.f("uq_saved_views_user_id")),
    )
    op.create_table(
        "vault_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_vault_files_added_by_users")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_vault_files")),
    )
    op.create_table(
        "air_segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("price_fen", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_air_segments_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_air_segments_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_air_segments")),
    )
    op.create_index(op.f("ix_air_segments_session_id"), "air_segments", ["session_id"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("vault_sha256", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_attachments_added_by_users")),
        sa.ForeignKeyConstraint(
            ["vault_sha256"], ["vault_files.sha256"], name=op.f("fk_attachments_vault_sha256_vault_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index("ix_attachments_subject", "attachments", ["subject_type", "subject_id"])
    op.create_table(
        "checklist_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("override_by", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("override_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["override_by"], ["users.id"], name=op.f("fk_checklist_runs_override_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_checklist_runs_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_templates.id"],
            name=op.f("fk_checklist_runs_template_id_checklist_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_runs")),
        sa.UniqueConstraint("session_id", name=op.f("uq_checklist_runs_session_id")),
    )
    op.create_table(
        "console_drafts",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_console_drafts_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_console_drafts_user_id_users")),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_console_drafts")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("vault_sha256", sa.String(length=64), nullable=True),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(supplier_id IS NULL) <> (product_id IS NULL)", name=op.f("ck_documents_one_owner")
        ),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_documents_added_by_users")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_documents_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_documents_supplier_id_suppliers")
        ),
        sa.ForeignKeyConstraint(
            ["vault_sha256"], ["vault_files.sha256"], name=op.f("fk_documents_vault_sha256_vault_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(op.f("ix_documents_expires_on"), "documents", ["expires_on"])
    op.create_index(op.f("ix_documents_product_id"), "documents", ["product_id"])
    op.create_index(op.f("ix_documents_supplier_id"), "documents", ["supplier_id"])
    op.create_table(
        "incident_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_incident_actions_actor_id_users")),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_actions_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_actions")),
    )
    op.create_index(op.f("ix_incident_actions_incident_id"), "incident_actions", ["incident_id"])
    op.create_table(
        "incident_links",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_links_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "target_type", "target_id", name=op.f("pk_incident_links")),
    )
    op.create_table(
        "lineup_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("live_price_fen", sa.Integer(), nullable=False),
        sa.Column("claimed_original_fen", sa.Integer(), nullable=True),
        sa.Column("lowest_7d_fen", sa.Integer(), nullable=True),
        sa.Column("price_evidence", sa.Text(), nullable=False),
        sa.Column("gift_stock_confirmed", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("override_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["override_by"], ["users.id"], name=op.f("fk_lineup_items_override_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_lineup_items_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_lineup_items_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lineup_items")),
        sa.UniqueConstraint("session_id", "product_id", name=op.f("uq_lineup_items_session_id")),
    )
    op.create_index(op.f("ix_lineup_items_product_id"), "lineup_items", ["product_id"])
    op.create_index(op.f("ix_lineup_items_session_id"), "lineup_items", ["session_id"])
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("platform_order_id", sa.String(length=64), nullable=False),
        sa.Column("sub_order_id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("product_title", sa.String(length=255), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("after_sales_status", sa.String(length=40), nullable=False),
        sa.Column("buyer_nickname", sa.String(length=64), nullable=False),
        sa.Column("buyer_phone_masked", sa.String(length=20), nullable=False),
        sa.Column("region", sa.String(length=64), nullable=False),
        sa.Column("platform_deadline_at", sa.DateTime(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_orders_product_id_products")),
        sa.ForeignKeyConstraint(
            ["session_id"], ["live_sessions.id"], name=op.f("fk_orders_session_id_live_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("platform", "platform_order_id", "sub_order_id", name=op.f("uq_orders_platform")),
    )
    op.create_index("ix_orders_paid_at", "orders", ["paid_at"])
    op.create_index(op.f("ix_orders_product_id"), "orders", ["product_id"])
    op.create_index(op.f("ix_orders_session_id"), "orders", ["session_id"])
    op.create_table(
        "promises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("said_at", sa.DateTime(), nullable=False),
        sa.Column("offset_seconds", sa.Integer(), nullable=True),
        sa.Column("logged_by", sa.Integer(), nullable=True),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("correction", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["promises.id"], name=op.f("fk_promises_corrects_id_promises")
        ),
        sa.ForeignKeyConstraint(["logged_by"], ["users.id"], name=op.f("fk_promises_logged_by_users")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_promises_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["live_sessions.id"], name=op.f("fk_promises_session_id_live_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promises")),
    )
    op.create_index(op.f("ix_promises_corrects_id"), "promises", ["corrects_id"])
    op.create_index(op.f("ix_promises_product_id"), "promises", ["product_id"])
    op.create_index("ix_promises_session_said", "promises", ["session_id", "said_at"])
    op.create_table(
        "scripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_scripts_product_id_products")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_scripts_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_scripts_updated_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scripts")),
    )
    op.create_index(op.f("ix_scripts_product_id"), "scripts", ["product_id"])
    op.create_index(op.f("ix_scripts_session_id"), "scripts", ["session_id"])
    op.create_table(
        "session_hosts",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name=op.f("fk_session_hosts_session_id_live_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_session_hosts_user_id_users")),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_session_hosts")),
    )
    op.create_table(
        "checklist_run_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("template_item_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_user_id"], ["users.id"], name=op.f("fk_checklist_run_items_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["evidence_sha256"],
            ["vault_files.sha256"],
            name=op.f("fk_checklist_run_items_evidence_sha256_vault_files"),
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["checklist_runs.id"],
            name=op.f("fk_checklist_run_items_run_id_checklist_runs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_item_id"],
            ["checklist_template_items.id"],
            name=op.f("fk_checklist_run_items_template_item_id_checklist_template_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_run_items")),
        sa.UniqueConstraint("run_id", "template_item_id", name=op.f("uq_checklist_run_items_run_id")),
    )
    op.create_index(op.f("ix_checklist_run_items_run_id"), "checklist_run_items", ["run_id"])
    op.create_table(
        "lint_exemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"], ["users.id"], name=op.f("fk_lint_exemptions_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_lint_exemptions_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lint_exemptions")),
    )
    op.create_index(op.f("ix_lint_exemptions_script_id"), "lint_exemptions", ["script_id"])
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("buyer_nickname", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("first_response_at", sa.DateTime(), nullable=True),
        sa.Column("return_received_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("waiting_since", sa.DateTime(), nullable=True),
        sa.Column("refund_fen", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("rejected_reason", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("due_rule", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_tickets_created_by_users")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_tickets_order_id_orders")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_tickets_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("code", name=op.f("uq_tickets_code")),
    )
    op.create_index(op.f("ix_tickets_opened_at"), "tickets", ["opened_at"])
    op.create_index(op.f("ix_tickets_order_id"), "tickets", ["order_id"])
    op.create_index(op.f("ix_tickets_owner_id"), "tickets", ["owner_id"])
    op.create_index("ix_tickets_status_due", "tickets", ["status", "due_at"])
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_ticket_events_actor_id_users")),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    op.create_index(op.f("ix_ticket_events_ticket_id"), "ticket_events", ["ticket_id"])
    op.create_table(
        "ticket_promises",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promises.id"], name=op.f("fk_ticket_promises_promise_id_promises")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_promises_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ticket_id", "promise_id", name=op.f("pk_ticket_promises")),
    )

    for name, event, table, message in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    """Drop everything (the application id stays: the file is still StudioDesk's, at the empty schema)."""
    for name, _event, _table, _message in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in reversed(TABLES):
        op.drop_table(table)
