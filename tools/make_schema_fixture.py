"""Build ``tests/fixtures/schema/<revision>.db``: a small database at the current head schema, kept forever.

Every released schema version keeps one of these (DESIGN §Storage); ``tests/core/test_migrations.py`` copies
each one and upgrades it to the head, checking that the rows written by that release survive. Run it once when a
release adds a migration, then commit the file; a released fixture is never rebuilt (``--force`` to override).

    python tools/make_schema_fixture.py [--force]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures" / "schema"

# Rows as the release wrote them (raw SQL: the fixture is what that schema held, not what today's models say).
ROWS_0001 = [
    "INSERT INTO users (id, username, display_name, role, password_hash, active, failed_logins, "
    "real_name_verified, created_at) VALUES (1, 'owner', '店主', 'owner', "
    "'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==', 1, 0, 1, '2026-11-01 01:00:00.000000')",
    "INSERT INTO studio (id, legal_name, credit_code, display_name, shops, after_sales_policy, return_address, "
    "service_phone, timezone, retention_years, updated_at) VALUES (1, '样例电子商务有限公司', '', '样例直播间', "
    "'[{\"platform\": \"douyin\", \"shop\": \"样例旗舰店\"}]', '七天无理由退货', '广州市', '020-0000000', "
    "'Asia/Shanghai', 3, '2026-11-01 01:00:00.000000')",
    "INSERT INTO settings (key, value) VALUES ('fixture.revision', '\"0001\"')",
    "INSERT INTO products (id, sku, name, category, brand, list_price_fen, three_guarantees, no_reason_excluded, "
    "exclusion_reason, exclusion_needs_confirmation, active, created_at) VALUES (1, 'HM-001', '加厚珊瑚绒四件套', "
    "'general', '优品', 25900, 0, 0, '', 0, 1, '2026-11-01 01:00:00.000000')",
    "INSERT INTO live_sessions (id, title, platform, shop, planned_start, status, recording_ref, notes, "
    "created_by, created_at) VALUES (1, '双十一返场', 'douyin', '样例旗舰店', '2026-11-12 12:00:00.000000', "
    "'ended', '', '', 1, '2026-11-01 01:00:00.000000')",
    "INSERT INTO promises (id, session_id, product_id, kind, wording, terms, said_at, offset_seconds, logged_by, "
    "logged_at) VALUES (1, 1, 1, 'shipping', '今天下单48小时内发货', '{\"hours\": 48}', "
    "'2026-11-12 12:30:00.000000', 1800, 1, '2026-11-12 12:30:05.000000')",
]
ROWS_0002 = [
    *ROWS_0001[:2],
    "INSERT INTO settings (key, value) VALUES ('fixture.revision', '\"0002\"')",
    *ROWS_0001[3:],
    "INSERT INTO orders (id, platform, platform_order_id, sub_order_id, session_id, product_id, product_title, "
    "quantity, amount_fen, paid_at, status, after_sales_status, buyer_nickname, buyer_phone_masked, region, "
    "imported_at) VALUES (1, 'douyin', '6938475610293847561', '', 1, 1, '加厚珊瑚绒四件套', 1, 19420, "
    "'2026-11-12 12:40:00.000000', '已完成', '', '小**', '138****2210', '', '2026-11-13 01:00:00.000000')",
    "INSERT INTO tickets (id, code, kind, reason, status, order_id, owner_id, summary, buyer_nickname, opened_at, "
    "rejected_reason, due_rule, created_by) VALUES (1, 'SH-202611-0001', 'return_refund', 'no_reason', 'new', 1, 1, "
    "'四件套起球，要求退货', '小**', '2026-11-15 02:00:00.000000', '', '', 1)",
]
ROWS = {"0001": ROWS_0001, "0002": ROWS_0002}


def build(revision: str, out: Path) -> Path:
    """Write a fresh database at ``revision`` with that release's sample rows to ``out``."""
    from core.db import schema

    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    schema.upgrade(out, revision)
    con = sqlite3.connect(out, isolation_level=None)
    try:
        con.execute("BEGIN")
        for statement in ROWS[revision]:
            con.execute(statement)
        con.execute("COMMIT")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("VACUUM")
        con.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to commit
    finally:
        con.close()
    return out


def main(argv: list[str] | None = None) -> int:
    from core.db.schema import SCHEMA_HEAD

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild a fixture that already exists")
    args = parser.parse_args(argv)
    out = FIXTURES / f"{SCHEMA_HEAD}.db"
    if out.exists() and not args.force:
        print(f"{out} exists; released fixtures are frozen (use --force to rebuild)", file=sys.stderr)
        return 2
    print(build(SCHEMA_HEAD, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
