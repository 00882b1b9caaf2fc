"""Issue 7's "one month's KPIs ≤ 0.5 s" on the three-year studio: :func:`core.services.kpis.month_kpis` for the newest
complete month (the studio's calendar month before the clock's), plain and broken down by host.

Each figure is the core call on an open database (what the evaluation page's lane calls), one untimed call first.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bench.queue_bench import _median_ms


def newest_complete_month(today_year: int, today_month: int) -> str:
    """ "YYYY-MM" of the month before the given one."""
    year, month = (today_year, today_month - 1) if today_month > 1 else (today_year - 1, 12)
    return f"{year:04d}-{month:02d}"


def measure(db_path: Path, repeat: int) -> tuple[str, dict[str, tuple[float, list[float]]]]:
    from core import clock
    from core.db.opening import open_database
    from core.services import kpis
    from core.services.studio import studio_zone

    db = open_database(db_path)
    try:
        now = clock.now()
        with db.sessions() as session:
            today = now.astimezone(studio_zone(session)).date()
            period = newest_complete_month(today.year, today.month)
            cases = {
                "plain": partial(kpis.month_kpis, session, period, now=now),
                'by="host"': partial(kpis.month_kpis, session, period, now=now, by="host"),
            }
            return period, {name: _median_ms(call, repeat) for name, call in cases.items()}
    finally:
        db.dispose()
