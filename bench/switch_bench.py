"""Time switching the product on air and saving a console draft on the three-year database (issue 4).

    python bench/switch_bench.py bench/out/three-year.db [--repeat 100]

Prints one JSON line: switch and draft, each with median_ms, p95_ms and samples_ms. Each sample is one user action
as the console does it: its own ``unit_of_work`` (BEGIN IMMEDIATE … commit) around
:func:`core.services.live_timeline.put_on_air` (budget ≤ 30 ms) or :func:`core.services.console_drafts.save_draft`
(no budget; the console saves on every pause in typing). Switches cycle through nine lineup products, so every
sample closes one segment and opens another.

Setup, untimed: a new session "bench: switch_product" with the first nine active products in its lineup (rows
written directly, not through the lineup gate) is put *live* directly. Afterwards the session is ended through
:func:`core.services.live_timeline.end_session` and the draft cleared. **It leaves rows in the database**: the
session, its lineup, its air segments with their ``air.on``/``air.off`` ledger entries (two per switch: the
timed figure includes both), their audit events and one ``session.ended`` ledger entry per run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def _summary(samples: list[float]) -> dict[str, object]:
    return {"median_ms": statistics.median(samples), "p95_ms": _p95(samples), "samples_ms": samples}


def measure(db_path: Path, repeat: int) -> dict[str, object]:
    """Set up a live bench session on ``db_path``, time ``repeat`` switches and draft saves, then end it."""
    from sqlalchemy import select

    from core import clock
    from core.db.models import LineupItem, LiveSession, Product, User
    from core.db.opening import open_database
    from core.domain.roles import SYSTEM
    from core.services.console_drafts import clear_draft, save_draft
    from core.services.live_timeline import end_session, put_on_air

    db = open_database(db_path)
    try:
        with db.unit_of_work(SYSTEM) as s:
            products = s.scalars(
                select(Product.id).where(Product.active.is_(True)).order_by(Product.id).limit(9)
            )
            product_ids = list(products)
            now = clock.now()
            live = LiveSession(
                title="bench: switch_product",
                platform="douyin",
                planned_start=now,
                actual_start=now,
                status="live",
            )
            s.add(live)
            s.flush()
            for position, product_id in enumerate(product_ids, start=1):
                s.add(
                    LineupItem(
                        session_id=live.id, product_id=product_id, position=position, live_price_fen=990
                    )
                )
            session_id = live.id
            user_id = s.scalar(select(User.id).order_by(User.id).limit(1))
            assert user_id is not None, "the database has no user"
        switch: list[float] = []
        draft: list[float] = []
        for n in range(repeat + 5):  # the first five are warm-up
            started = time.perf_counter()
            with db.unit_of_work(SYSTEM) as s:
                put_on_air(s, SYSTEM, session_id, product_id=product_ids[n % len(product_ids)])
            switch_ms = (time.perf_counter() - started) * 1000
            data = {
                "kind": "shipping_time",
                "wording": "今天拍下48小时内发货" + "。" * (n % 20),
                "terms": {"hours": 48},
            }
            started = time.perf_counter()
            with db.unit_of_work(SYSTEM) as s:
                save_draft(s, user_id, session_id, data)
            draft_ms = (time.perf_counter() - started) * 1000
            if n >= 5:
                switch.append(switch_ms)
                draft.append(draft_ms)
        with db.unit_of_work(SYSTEM) as s:
            clear_draft(s, user_id, session_id)
            end_session(s, SYSTEM, session_id)
    finally:
        db.dispose()
    return {"session_id": session_id, "switch": _summary(switch), "draft": _summary(draft)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(measure(args.db, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
