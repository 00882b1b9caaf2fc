"""Time the 商品与资质 page on 5,000 products with 30,000 papers (issue 3 budget: opens in ≤ 150 ms).

    python bench/products_page.py [--db bench/out/products.db] [--repeat 7] [--rebuild]

Builds ``bench/out/products.db`` once (kept and reused while its build marker matches): 5,000 products spread
over the documents rule's categories (70 % branded), 250 suppliers, and exactly 30,000 papers — each required paper
present and valid, expiring within the warning window, lapsed, or missing, plus superseded older copies — written
with SQLAlchemy Core ``insert()`` and lists of dicts. Then measures, median of ``--repeat`` runs:

- ``list_products``: the service alone on a fresh session (every product judged on today's date);
- the page: constructing ``ProductsPage`` on a real ``Database`` until its table model is filled and the table
  has painted (offscreen unless DISPLAY is set), the read going through the task lane as in the app.

Prints one JSON line with both medians (wall clock; CPU time beside it, which a busy machine inflates less), their
samples and the row counts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DB = ROOT / "bench" / "out" / "products.db"
PRODUCTS, DOCUMENTS, SUPPLIERS = 5_000, 30_000, 250
MARKER = f"products-bench v2 {PRODUCTS}/{DOCUMENTS}/{SUPPLIERS}"
STEMS = ["保温杯", "面膜", "红糖姜茶", "蓝牙耳机", "四件套", "精华液", "益生菌", "脐橙", "充电器", "手绳"]
BRANDS = ["禾丰", "澜颜", "声科", "优品", "山野集", "暖居", "轻氧", "金禧"]


def _is_built(path: Path) -> bool:
    import sqlite3

    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT note FROM suppliers WHERE id = 1").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == MARKER


def _paper(rng: random.Random, today: date, expires: bool) -> tuple[date, date | None]:
    """Issue and expiry dates: 80 % valid, 8 % expiring within 30 days, 12 % lapsed."""
    issued = today - timedelta(days=rng.randint(30, 1500))
    if not expires:
        return issued, None
    roll = rng.random()
    if roll < 0.80:
        return issued, today + timedelta(days=rng.randint(31, 1800))
    if roll < 0.88:
        return issued, today + timedelta(days=rng.randint(0, 30))
    expires = today - timedelta(days=rng.randint(1, 400))
    return min(issued, expires - timedelta(days=365)), expires


def build(path: Path, *, today: date, seed: int = 7) -> Path:
    """Write the bench database at ``path`` (replacing it) and return it."""
    from sqlalchemy import insert

    from core import rules
    from core.db.models import Document, Product, Supplier
    from core.db.opening import open_database

    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    db = open_database(path, create=True)
    try:
        with db.sessions() as session:
            rules.ensure_rules(session)
            data = rules.active_rule(session, "documents")["data"]
            session.commit()
        reqs, cats = data["requirements"], data["categories"]
        suppliers = [
            {"id": i, "name": f"{rng.choice(BRANDS)}供应链{i:03d}", "credit_code": "", "contact": "",
             "note": MARKER if i == 1 else "", "active": True}
            for i in range(1, SUPPLIERS + 1)
        ]  # fmt: skip
        documents: list[dict] = []
        for s in suppliers:
            for code in ("business_licence", "food_business_licence", "medical_device_business_licence"):
                if code == "business_licence" or rng.random() < 0.5:
                    issued, expires = _paper(rng, today, reqs[code]["expires"])
                    documents.append(
                        {"doc_type": code, "number": f"S{s['id']}-{code[:4]}", "issued_on": issued,
                         "expires_on": expires, "supplier_id": s["id"], "product_id": None}
                    )  # fmt: skip
        products: list[dict] = []
        keys = list(cats)
        for i in range(1, PRODUCTS + 1):
            category = keys[i % len(keys)]
            brand = rng.choice(BRANDS) if rng.random() < 0.7 else ""
            products.append(
                {"id": i, "sku": f"{category[:3].upper()}-{i:05d}",
                 "name": f"{brand}{rng.choice(STEMS)} {i}号", "category": category, "brand": brand,
                 "supplier_id": rng.randint(1, SUPPLIERS), "list_price_fen": rng.randint(9, 2999) * 100,
                 "three_guarantees": category == "ccc", "active": rng.random() > 0.03}
            )  # fmt: skip
            codes = list(cats[category]["requires"]) + (
                list(data["conditions"]["branded"]["requires"]) if brand else []
            )
            for code in codes:
                if reqs[code]["holder"] != "product" or rng.random() < 0.06:  # 6 % missing
                    continue
                issued, expires = _paper(rng, today, reqs[code]["expires"])
                documents.append(
                    {"doc_type": code, "number": f"P{i}-{code[:4]}", "issued_on": issued,
                     "expires_on": expires, "supplier_id": None, "product_id": i}
                )  # fmt: skip
        product_codes = [code for code, req in reqs.items() if req["holder"] == "product" and req["expires"]]
        while len(documents) < DOCUMENTS:  # superseded copies: an older paper of the same kind, long lapsed
            pid = rng.randint(1, PRODUCTS)
            issued = today - timedelta(days=rng.randint(1500, 3000))
            documents.append(
                {"doc_type": rng.choice(product_codes), "number": f"OLD-{len(documents)}", "issued_on": issued,
                 "expires_on": issued + timedelta(days=1095), "supplier_id": None, "product_id": pid}
            )  # fmt: skip
        with db.unit_of_work() as session:
            session.execute(insert(Supplier), suppliers)
            session.execute(insert(Product), products)
            session.execute(insert(Document), documents[:DOCUMENTS])
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    return path


def ensure_built(path: Path = DEFAULT_DB, *, rebuild: bool = False) -> Path:
    """The bench database, built on first use (dates relative to the day it was built)."""
    if rebuild or not _is_built(path):
        started = time.perf_counter()
        build(path, today=date.today())
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def measure_list(path: Path, repeat: int) -> dict[str, object]:
    from core.db.opening import open_database
    from core.services.product_list import list_products, studio_today

    db = open_database(path)
    try:
        with db.sessions() as session:
            today = studio_today(session)
            rows = list_products(session, today=today)  # warm-up: imports, rule JSON, page cache
        samples, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.thread_time()
            with db.sessions() as session:
                rows = list_products(session, today=today)
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
    finally:
        db.dispose()
    states: dict[str, int] = {}
    for row in rows:
        states[row.state] = states.get(row.state, 0) + 1
    return {
        "median_ms": statistics.median(samples),
        "cpu_median_ms": statistics.median(cpu),
        "samples_ms": samples,
        "rows": len(rows),
        "states": states,
    }


def measure_page(path: Path, repeat: int) -> dict[str, object]:
    """Construct the page, wait for the filled model, then for the table's first paint after it."""
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from core.db.opening import open_database
    from core.domain.codes import Role
    from core.domain.roles import Actor
    from ui.app import prepare_application
    from ui.context import PageContext
    from ui.pages.products import ProductsPage
    from ui.tasks import TaskRunner

    app = QApplication.instance() or prepare_application()

    class PaintWatch(QObject):
        def __init__(self, loop: QEventLoop, page: ProductsPage) -> None:
            super().__init__()
            self.loop, self.page, self.painted = loop, page, False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.page.model.rowCount() > 0 and not self.painted:
                self.painted = True
                QTimer.singleShot(0, self.loop.quit)
            return False

    db = open_database(path)
    tasks = TaskRunner()
    actor = Actor(user_id=None, display_name="bench", role=Role.OWNER)
    samples, cpu, rows = [], [], 0
    try:
        for run in range(repeat + 1):  # the first run warms imports and caches and is not counted
            loop = QEventLoop()
            started, started_cpu = time.perf_counter(), time.process_time()
            page = ProductsPage(PageContext(db=db, actor=actor, tasks=tasks))
            watch = PaintWatch(loop, page)
            page.table.viewport().installEventFilter(watch)
            page.resize(1400, 860)
            page.show()
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
            took = (time.perf_counter() - started) * 1000
            took_cpu = (time.process_time() - started_cpu) * 1000
            if not watch.painted:
                raise RuntimeError("the products page never painted a filled table")
            rows = page.model.rowCount()
            if run:
                samples.append(took)
                cpu.append(took_cpu)
            page.close()
            page.deleteLater()
            app.processEvents()
        tasks.wait_for_done(10_000)
    finally:
        db.dispose()
    return {
        "median_ms": statistics.median(samples),
        "cpu_median_ms": statistics.median(cpu),
        "samples_ms": samples,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", choices=["list", "page"])
    args = parser.parse_args(argv)
    path = ensure_built(args.db, rebuild=args.rebuild)
    result: dict[str, object] = {}
    if args.only in (None, "list"):
        result["list"] = measure_list(path, max(5, args.repeat))
    if args.only in (None, "page"):
        result["page"] = measure_page(path, max(5, args.repeat))
    print(json.dumps(result, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
