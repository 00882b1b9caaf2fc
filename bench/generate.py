"""Build DESIGN.md's "three-year studio": the dataset every performance budget is measured on.

    python bench/generate.py --out bench/out/three-year.db [--scale 1.0] [--seed 7] [--verify]

At scale 1.0: 3,300 sessions, 2,000,000 orders, ~200,000 tickets with ~1,000,000 events, 60,000 promises,
5,000 incidents, 3,000 documents (real small files in the vault folder), ~1.3 million ledger entries forming a
chain that ``core.ledger.verify`` accepts; every table gets realistic rows. The three years end now
(``--now YYYY-MM-DD``: at noon that day; the same seed, scale and --now give the same rows). The owner signs in as
"owner" / "bench-owner-pass"; the other staff use "bench-staff-pass".

Speed (budget: under 3 minutes on 2 cores): the schema comes from the app's own migrations, then rows go in with
raw ``sqlite3`` executemany in big batches, one transaction per table, with ``synchronous=OFF``, an in-memory
rollback journal, foreign-key checks off and the big tables' secondary indexes dropped and rebuilt at the end.
The file is switched back to WAL before it is handed over.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    gen_aftersales,
    gen_catalog,
    gen_ledger,
    gen_live,
    gen_opinion,
    gen_papers,
    gen_studio,
)
from bench.gen_base import Gen, us_of  # noqa: E402

STUDIO_TZ = ZoneInfo("Asia/Shanghai")


def dataset_now(day: date | None = None) -> datetime:
    """The dataset's "now": noon in the studio on ``day``, or (default) the start of the current hour, so open
    tickets fall due around the real today and nothing lies in the future of the app's own clock."""
    if day is None:
        return datetime.now(STUDIO_TZ).replace(minute=0, second=0, microsecond=0)
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=STUDIO_TZ)


BIG_TABLES = (
    "orders",
    "tickets",
    "ticket_events",
    "promises",
    "ledger_entries",
    "audit_events",
    "incident_actions",
)


def _remove_old(path: Path) -> None:
    from core.paths import backups_dir_for, vault_dir_for

    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    for folder in (vault_dir_for(path), backups_dir_for(path)):
        shutil.rmtree(folder, ignore_errors=True)


def _create_schema(path: Path) -> str:
    """A migrated, empty StudioDesk database, made by the app's own start-up path; returns how."""
    from core.db.opening import open_database

    open_database(path, create=True).dispose()
    return "open_database(create=True)"


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the named (non-unique-constraint) indexes of the big tables; returns their CREATE statements."""
    marks = ",".join("?" * len(BIG_TABLES))
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        BIG_TABLES,
    ).fetchall()
    for name, _ in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def generate(out: Path, *, scale: float = 1.0, seed: int = 7, now: datetime | None = None) -> Gen:
    """Write the dataset to ``out`` (replacing it and its vault) and return the generator state (counts, times)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_old(out)
    started = time.perf_counter()
    how = _create_schema(out)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("PRAGMA journal_mode = MEMORY")
    for pragma in ("synchronous = OFF", "foreign_keys = OFF", "cache_size = -400000", "temp_store = MEMORY"):
        conn.execute(f"PRAGMA {pragma}")
    indexes = _drop_secondary_indexes(conn)
    g = Gen(conn, out, scale=scale, seed=seed, now_us=us_of(now or dataset_now()))
    g.timings["schema"] = time.perf_counter() - started
    print(f"schema: {how}", flush=True)
    for name, part in (
        ("studio", gen_studio.build),
        ("catalog", gen_catalog.build),
        ("papers", gen_papers.build),
        ("live", gen_live.build),
        ("aftersales", gen_aftersales.build),
        ("opinion", gen_opinion.build),
        ("vault", gen_catalog.flush_vault_rows),
        ("ledger", gen_ledger.build),
    ):
        t0 = time.perf_counter()
        part(g)
        print(f"  {name:<11} {time.perf_counter() - t0:6.1f} s", flush=True)
    t0 = time.perf_counter()
    for sql in indexes:
        conn.execute(sql)
    print(f"  {'indexes':<11} {time.perf_counter() - t0:6.1f} s", flush=True)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.close()
    g.timings["total"] = time.perf_counter() - started
    return g


def table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        names = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def check(path: Path) -> bool:
    """The generator's own acceptance check: foreign keys hold, integrity is fine and the app's verify passes."""
    from core import ledger
    from core.db.opening import open_database

    with closing(sqlite3.connect(path)) as conn:
        fk = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
    print(f"foreign_key_check: {fk or 'ok'}; quick_check: {integrity}")
    db = open_database(path)
    try:
        t0 = time.perf_counter()
        report = ledger.verify(db)
        took = time.perf_counter() - t0
    finally:
        db.dispose()
    print(
        f"verify: ok={report.ok} entries={report.entries_checked} rows={report.rows_checked} "
        f"files={report.files_checked} in {took:.1f} s"
    )
    for problem in report.problems[:10]:
        print(f"  {problem.kind} seq={problem.seq} {problem.subject}: {problem.message}")
    return report.ok and not fk and integrity == "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "three-year.db")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the full three-year studio")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--now",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="end the three years at noon that day (default: now)",
    )
    parser.add_argument(
        "--verify", action="store_true", help="afterwards check foreign keys, integrity and verify"
    )
    args = parser.parse_args(argv)
    g = generate(args.out, scale=args.scale, seed=args.seed, now=dataset_now(args.now))
    counts = table_counts(args.out)
    width = max(len(n) for n in counts)
    for name, count in counts.items():
        print(f"{name:<{width}} {count:>10,}")
    size = args.out.stat().st_size / 2**20
    print(
        f"total {sum(counts.values()):,} rows, {size:,.0f} MiB, {g.timings['total']:.1f} s (scale {args.scale})"
    )
    if args.verify:
        return 0 if check(args.out) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
