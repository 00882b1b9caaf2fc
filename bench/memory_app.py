"""Memory subject for the benchmark: the real main window, signed in as the owner, after visiting every page.

    python bench/memory_app.py DB

DB must be a file the caller may change (the parent passes a temporary copy): signing in records the sign-in.
Prepares the QApplication as the app does (font, stylesheet, language), opens DB, signs in "owner" /
"bench-owner-pass" with ``core.services.auth.login``, shows :class:`ui.main_window.MainWindow`, then opens each
page of the navigation in turn and waits until the task lane is idle (each page's reads done, at most
``PAGE_TIMEOUT_S`` a page) and the page painted. Prints one JSON line: ``rss_mb`` (VmRSS now), ``peak_mb``
(VmHWM, the high-water mark since the process began) and, per page, the RSS after it and how long its reads took.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OWNER, PASSWORD = "owner", "bench-owner-pass"
PAGE_TIMEOUT_S = 60.0


def status_mb() -> dict[str, float]:
    """VmRSS and VmHWM of this process in MiB (Linux /proc; ru_maxrss elsewhere, as both)."""
    try:
        found = {}
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
        return {"rss_mb": found["VmRSS"], "peak_mb": found["VmHWM"]}
    except (OSError, KeyError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
            1024 if sys.platform != "darwin" else 2**20
        )
        return {"rss_mb": peak, "peak_mb": peak}


def main() -> int:
    path = Path(sys.argv[1])
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from core.db.opening import open_database
    from core.services import auth
    from ui.app import prepare_application
    from ui.main_window import MainWindow
    from ui.pages import PAGES
    from ui.tasks import TaskRunner

    app = prepare_application()
    app.setQuitOnLastWindowClosed(False)
    db = open_database(path)
    with db.unit_of_work(None) as session:
        actor = auth.login(session, OWNER, PASSWORD)
    tasks = TaskRunner()
    window = MainWindow(db, actor, tasks)
    window.show()

    def settle() -> float:
        """Run the event loop until the lane has been idle for five turns (~0.35 s); seconds it took."""
        started = time.perf_counter()
        idle = 0
        while idle < 5 and time.perf_counter() - started < PAGE_TIMEOUT_S:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QCoreApplication.sendPostedEvents()
            idle = idle + 1 if not tasks.busy() else 0
            time.sleep(0.02)
        return time.perf_counter() - started

    pages = []
    settle()
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        took = settle()
        window.grab()  # painted, as a person would see it
        pages.append({"page": spec.key, "reads_s": round(took, 2), "timed_out": took >= PAGE_TIMEOUT_S,
                      **{k: round(v, 1) for k, v in status_mb().items()}})  # fmt: skip
    result = {**{k: round(v, 1) for k, v in status_mb().items()}, "pages": pages}
    print(json.dumps(result), flush=True)
    window.ledger_timer.stop()
    tasks.shutdown(10_000)
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
