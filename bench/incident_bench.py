"""Issue 6 on the three-year studio (5,000 incidents): the 舆情 register and one incident's page.

DESIGN has no row for them; they are held to the ticket list's budgets (a list change ≤ 150 ms, an item's page read
like a first page ≤ 50 ms), since a person meets them the same way. Each figure is the lane function's core call on
an open database, one untimed call first; the early-warning proposals are in the dashboard's row.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from bench.queue_bench import _median_ms


def measure(db_path: Path, repeat: int) -> dict[str, tuple[float, list[float]]]:
    from core import clock
    from core.db.opening import open_database
    from core.services import incident_view

    db = open_database(db_path)
    try:
        now = clock.now()
        with db.sessions() as session:
            rows = incident_view.incident_rows(session, now=now, status="")
            busiest = max(
                rows, key=lambda r: r.id
            )  # the newest incident: the longest log in the generated data
            cases = {
                "register: open incidents": partial(incident_view.incident_rows, session, now=now),
                "register: all 5,000": partial(incident_view.incident_rows, session, now=now, status=""),
                "register: search": partial(
                    incident_view.incident_rows, session, now=now, status="", text="漏水"
                ),
                "one incident's page": partial(incident_view.incident_view, session, busiest.id, now=now),
            }
            return {name: _median_ms(call, repeat) for name, call in cases.items()}
    finally:
        db.dispose()
