"""Issue 5's queue budgets on the three-year studio: first page ≤ 50 ms, a filter or sort change ≤ 150 ms, search
≤ 50 ms (three or more characters, the FTS5 trigram index) and ≤ 300 ms (one or two characters, a plain scan).

Each figure is :func:`core.services.ticket_queue.queue_page` on an open database (what the page's lane function
calls), one untimed call first. A "change" is each of several realistic changes, and the slowest one's median is
the figure (every case is listed in the note).
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

FIRST_PAGE = ("open tickets, nearest deadline first", {"open_only": True})
CHANGES = (
    ("all tickets, nearest deadline first", {}),
    ("type and status", {"kinds": ("return_refund",), "statuses": ("new", "in_progress")}),
    ("platform and opened since 1 Jan", {"platforms": ("douyin",), "opened_from": date(2026, 1, 1)}),
    ("one owner's open tickets", {"owner_ids": (4,), "open_only": True}),
    ("one session", {"session_id": 3000}),
    ("one product", {"product_id": 17}),
    ("one host's open tickets", {"host_id": 9, "open_only": True}),
    ("one host, all tickets", {"host_id": 9}),
)
SORT_CHANGE = ("all tickets, newest first", {}, "opened")
LONG_SEARCHES = (("order number piece", "0000001378"), ("nickname piece", "林小*"), ("ticket text", "仅退款"))
SHORT_SEARCHES = (("one character", "退"), ("two characters", "订单"))


def _median_ms(call, repeat: int) -> tuple[float, list[float]]:
    call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


def measure(db_path: Path, repeat: int) -> dict[str, object]:
    from core.db.opening import open_database
    from core.services.ticket_queue import QueueFilter, queue_page

    zone = ZoneInfo("Asia/Shanghai")
    db = open_database(db_path)
    out: dict[str, object] = {}
    try:
        with db.sessions() as session:

            def page(values: dict, sort: str = "due"):
                return lambda: queue_page(session, QueueFilter(**values), zone=zone, sort=sort)

            out["first_page"] = _median_ms(page(FIRST_PAGE[1]), repeat)
            cases = [(name, _median_ms(page(values), repeat)) for name, values in CHANGES]
            cases.append((SORT_CHANGE[0], _median_ms(page(SORT_CHANGE[1], SORT_CHANGE[2]), repeat)))
            out["changes"] = cases
            out["long"] = [(name, _median_ms(page({"text": text}), repeat)) for name, text in LONG_SEARCHES]
            out["short"] = [(name, _median_ms(page({"text": text}), repeat)) for name, text in SHORT_SEARCHES]
            out["totals"] = {
                name: queue_page(session, QueueFilter(**values), zone=zone).total for name, values in CHANGES
            }
    finally:
        db.dispose()
    return out


__all__ = ["measure"]
