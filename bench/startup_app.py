"""Start-up subject for the benchmark: the app's own start-up path, with the login dialog replaced by a direct call.

    python bench/startup_app.py DB

Does what ``ui.app.run`` does up to the painted main window (prepare the QApplication — font, stylesheet,
language —, open the database with its instance lock, sign in, build ``MainWindow`` and show it), but signs in by
calling ``core.services.auth.login("owner", "bench-owner-pass")`` instead of showing the login dialog. Quits on
the window's ``first_painted`` signal and prints one JSON line: the wall-clock time of the first paint
(``time.time_ns``, comparable with the parent's spawn time) and the time of each phase since the interpreter
started running this file.
"""

from __future__ import annotations

import time

T0 = time.time_ns()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OWNER, PASSWORD = "owner", "bench-owner-pass"


def main() -> int:
    path = Path(sys.argv[1])
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    phases: dict[str, float] = {}

    def mark(name: str) -> None:
        phases[name] = (time.time_ns() - T0) / 1e6

    from ui.app import prepare_application

    mark("imports")
    app = prepare_application()
    app.setQuitOnLastWindowClosed(False)
    mark("qt_app")
    from core.db.opening import open_database

    db = open_database(path, lock=True)
    mark("database_open")
    from core.services import auth

    with db.unit_of_work(None) as session:
        actor = auth.login(session, OWNER, PASSWORD)
    mark("login")
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    window = MainWindow(db, actor, tasks)
    result: dict[str, object] = {}

    def on_painted() -> None:
        result["painted_ns"] = time.time_ns()
        mark("first_paint")
        app.quit()

    window.first_painted.connect(on_painted)
    window.show()
    mark("window_shown")
    app.exec()
    print(json.dumps({"painted_ns": result.get("painted_ns"), "phases_ms": phases}), flush=True)
    tasks.wait_for_done(5000)
    window.close()
    db.dispose()
    return 0 if "painted_ns" in result else 1


if __name__ == "__main__":
    sys.exit(main())
