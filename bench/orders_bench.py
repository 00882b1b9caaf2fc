"""Time importing 100,000 order rows from CSV (DESIGN: ≤ 5 s and ≤ 3× a raw sqlite3 executemany of the same rows).

    python bench/orders_bench.py DB [--rows 100000]

``DB`` is copied first (the import writes); pass a fresh migrated database or a copy of the three-year file.
A 抖店-shaped CSV (25 columns, 19-digit order numbers, masked on the way in) is generated in a temp folder.
Measured: :func:`core.services.order_import.import_orders` in one ``unit_of_work`` including the commit (read,
parse, check, attribute, write), once untimed-for-the-ratio (``first_import_s``, cold pages), then — after the
baseline and the rows deleted again — timed; the baseline: the same rows, already parsed (taken back from the
table), deleted and re-inserted by a bare ``sqlite3`` ``executemany`` + commit on the same file, with the app's pragmas
(WAL, synchronous NORMAL, foreign keys). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def write_csv(path: Path, rows: int) -> None:
    from tests.fixtures.orders.generate import DOUYIN, DOUYIN_ROWS

    template = DOUYIN_ROWS[0]
    at = {h: i for i, h in enumerate(DOUYIN)}
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DOUYIN)
        for n in range(rows):
            row = list(template)
            row[at["主订单编号"]] = f"69{n // 2:017d}"
            row[at["子订单编号"]] = f"70{n:017d}"
            row[at["支付完成时间"]] = f"2026-11-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:03"
            row[at["收件人手机号"]] = f"138{n % 10**8:08d}"
            writer.writerow(row)


def _timed_import(db: object, source: Path) -> tuple[float, object]:
    from core.domain.roles import SYSTEM
    from core.services.order_import import import_orders

    started = time.perf_counter()
    with db.unit_of_work(SYSTEM) as session:  # type: ignore[attr-defined]
        result = import_orders(session, SYSTEM, source, platform="douyin")
    return time.perf_counter() - started, result


def measure(db_path: Path, rows: int) -> dict[str, object]:
    from core.db.opening import open_database

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "bench.db"
        shutil.copyfile(db_path, work)
        source = Path(folder) / "orders.csv"
        write_csv(source, rows)
        file_mb = round(source.stat().st_size / 2**20, 1)
        db = open_database(work)
        try:
            with db.engine.connect() as c:  # rows above this id are the import's
                before = c.exec_driver_sql("SELECT coalesce(max(id), 0) FROM orders").scalar()
            cold_s, result = _timed_import(db, source)  # also warms the file's pages for both timed runs
        finally:
            db.dispose()
        connection = sqlite3.connect(work)
        try:  # the app's own connection settings (core.db.engine), so only the Python work differs
            for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
                connection.execute(f"PRAGMA {pragma}")
            names = [c[1] for c in connection.execute("PRAGMA table_info(orders)") if c[1] != "id"]
            parsed = connection.execute(
                f"SELECT {', '.join(names)} FROM orders WHERE id > ?", (before,)
            ).fetchall()
            connection.execute("DELETE FROM orders WHERE id > ?", (before,))
            connection.commit()
            started = time.perf_counter()
            connection.executemany(
                f"INSERT INTO orders ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", parsed
            )
            connection.commit()
            raw_s = time.perf_counter() - started
            connection.execute("DELETE FROM orders WHERE id > ?", (before,))
            connection.commit()
        finally:
            connection.close()
        db = open_database(work)
        try:
            import_s, result = _timed_import(db, source)
        finally:
            db.dispose()
    return {
        "rows": rows,
        "added": result.added,
        "file_mb": file_mb,
        "import_s": import_s,
        "first_import_s": cold_s,
        "raw_executemany_s": raw_s,
        "ratio": import_s / raw_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.db, max(1, args.rows))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
