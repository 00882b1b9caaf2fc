"""Issue 7's "the monthly PDF with charts ≤ 3 s" on the three-year studio: the newest complete month's
:func:`core.services.monthly_report.monthly_report_data` (data) then
:func:`core.reports.monthly_report.build_monthly_report` (layout), what ``report monthly`` does.

The file is opened read-only (an SQLite ``mode=ro`` engine): the report only reads, and the benchmark must not
change the 1.6 GB file. One untimed run first (fonts registered, pages of the file in the OS cache), then
``repeat`` timed runs; each sample is data + layout, both parts are kept for the note.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from bench.kpi_bench import newest_complete_month


def measure(db_path: Path, repeat: int) -> dict[str, object]:
    from core import clock, i18n
    from core.db.engine import Database, make_engine
    from core.reports.monthly_report import build_monthly_report
    from core.services.monthly_report import monthly_report_data
    from core.services.studio import studio_zone

    i18n.set_language("zh_CN")
    db = Database(db_path, make_engine(db_path, read_only=True))
    try:
        now = clock.now()
        with db.sessions() as session:
            today = now.astimezone(studio_zone(session)).date()
        period = newest_complete_month(today.year, today.month)
        data_ms: list[float] = []
        layout_ms: list[float] = []
        pdf = b""
        for run in range(repeat + 1):
            started = time.perf_counter()
            with db.sessions() as session:
                data = monthly_report_data(session, period, now=now)
            middle = time.perf_counter()
            pdf = build_monthly_report(data)
            ended = time.perf_counter()
            if run:  # the first run is the warm-up
                data_ms.append((middle - started) * 1000)
                layout_ms.append((ended - middle) * 1000)
    finally:
        db.dispose()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))  # ReportLab writes one page object per page
    total = [d + lay for d, lay in zip(data_ms, layout_ms, strict=True)]
    return {
        "period": period,
        "samples_ms": total,
        "median_ms": statistics.median(total),
        "data_ms": statistics.median(data_ms),
        "layout_ms": statistics.median(layout_ms),
        "pages": pages,
        "bytes": len(pdf),
        "overdue": data.overdue_total,
        "incidents": len(data.incidents),
    }
