"""Time saving one promise on the three-year database (issue 4: ≤ 20 ms at the 95th percentile).

    python bench/promise_bench.py bench/out/three-year.db [--saves 250]

Prints one JSON line: median_ms, p95_ms, samples_ms, session_id. Each sample is one Enter in the live console: its
own ``unit_of_work`` (BEGIN IMMEDIATE … commit) around :func:`core.services.promises.log_promise` — the terms
parsed from the wording, the ``promises`` row, its ledger entry (the chain's head read, the row digested, the
entry inserted) and the commit. The saves cycle through the template examples of ``resources/rules/promises.json``.

Setup, untimed: a new session "bench: save_promise", put *live* directly, logged by the file's first active
operator. No copy of the 1.4 GB file is made, so **the saves stay in the database**: the session (ended afterwards
by a direct update, untimed), its promises and one ledger entry each; ``verify`` still passes on the file.
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


def measure(db_path: Path, saves: int) -> dict[str, object]:
    """Set up a live bench session on ``db_path``, time ``saves`` promise saves (after 5 warm-up saves), end it."""
    from sqlalchemy import select, update

    from core import clock, rules
    from core.db.models import LiveSession, Product, User
    from core.db.opening import open_database
    from core.domain.codes import Role
    from core.domain.roles import SYSTEM, Actor
    from core.services.promises import log_promise

    db = open_database(db_path)
    try:
        with db.unit_of_work(SYSTEM) as s:
            user = s.execute(
                select(User.id, User.display_name)
                .where(User.role == Role.OPERATOR.value, User.active.is_(True))
                .order_by(User.id)
                .limit(1)
            ).first()
            assert user is not None, "the database has no active operator"
            product_ids = list(
                s.scalars(select(Product.id).where(Product.active.is_(True)).order_by(Product.id).limit(9))
            )
            now = clock.now()
            live = LiveSession(
                title="bench: save_promise",
                platform="douyin",
                planned_start=now,
                actual_start=now,
                status="live",
            )
            s.add(live)
            s.flush()
            session_id = live.id
            templates = rules.active_rule(s, "promises")["data"]["templates"]
        actor = Actor(user.id, user.display_name, Role.OPERATOR)
        samples: list[float] = []
        for n in range(saves + 5):  # the first five are warm-up
            template = templates[n % len(templates)]
            started = time.perf_counter()
            with db.unit_of_work(actor) as s:
                log_promise(
                    s,
                    actor,
                    session_id,
                    kind=template["kind"],
                    wording=template["example"],
                    product_id=product_ids[n % len(product_ids)] if product_ids else None,
                )
            if n >= 5:
                samples.append((time.perf_counter() - started) * 1000)
        with db.unit_of_work(SYSTEM) as s:
            s.execute(
                update(LiveSession)
                .where(LiveSession.id == session_id)
                .values(status="ended", actual_end=clock.now())
            )
    finally:
        db.dispose()
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": _p95(samples),
        "samples_ms": samples,
        "session_id": session_id,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--saves", type=int, default=250)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.db, max(1, args.saves))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
