"""Start-up subject for the benchmark: the app's own fast start, then a sign-in through the embedded form.

    python bench/startup_app.py DB

Does what ``ui.app.run`` does for an existing, usable file: prepare the QApplication (font, stylesheet,
language), look at the file read-only, take the instance lock, show the main window signed out with its sign-in
form, and open the database on the task lane (``ui.app.start_fast``). "Start to painted main window" ends at
that window's ``first_painted``. Then, once the lane has opened the database (a person is still typing by then),
it types "owner" / "bench-owner-pass" into the embedded form and clicks "Sign in"; "sign-in to signed-in main
window" ends at ``signed_in_painted`` (password check with scrypt on the lane, dashboard built, painted). The
day's automatic backup, which the app starts after a sign-in, is switched off here.
Prints one JSON line: ``painted_ns`` (``time.time_ns`` of the first paint, comparable with the parent's spawn
time), ``signed_in_ms`` (click to signed-in paint) and each phase's time since this file started running.
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

    from PySide6.QtCore import QTimer

    from ui.app import prepare_application, start_fast
    from ui.tasks import TaskRunner

    mark("imports")
    app = prepare_application()
    app.setQuitOnLastWindowClosed(False)
    mark("qt_app")
    tasks = TaskRunner()
    shell = start_fast(path, tasks)
    if shell is None:
        print(f"{path} is not usable at once (missing, damaged, newer or in use)", file=sys.stderr)
        return 1
    shell.daily_backup = False  # a copy of the whole file is not part of signing in
    window = shell.window
    mark("window_shown")
    result: dict[str, object] = {}
    waiting = {"painted", "opened"}
    clicked: list[int] = []

    def sign_in_when_ready(step: str) -> None:
        waiting.discard(step)
        if waiting:
            return
        form = window.sign_in_form
        form.username.setText(OWNER)
        form.password.setText(PASSWORD)
        form.attempted.connect(on_attempted)
        clicked.append(time.time_ns())
        mark("sign_in_clicked")
        form.sign_in.click()

    def on_painted() -> None:
        result["painted_ns"] = time.time_ns()
        mark("first_paint")
        shell.open_task.ended.connect(on_opened)  # the app queues the open once the window has painted
        sign_in_when_ready("painted")

    def on_opened() -> None:
        mark("database_open")
        sign_in_when_ready("opened")

    def on_attempted(ok: bool) -> None:
        if not ok:
            result["error"] = window.sign_in_form.message.text() if window.sign_in_form else "sign-in failed"
            app.quit()

    def on_signed_in_painted() -> None:
        result["signed_in_ms"] = (time.time_ns() - clicked[0]) / 1e6
        mark("signed_in_paint")
        app.quit()

    window.first_painted.connect(on_painted)
    window.signed_in_painted.connect(on_signed_in_painted)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    print(
        json.dumps(
            {
                "painted_ns": result.get("painted_ns"),
                "signed_in_ms": result.get("signed_in_ms"),
                "error": result.get("error"),
                "phases_ms": phases,
            }
        ),
        flush=True,
    )
    tasks.wait_for_done(5000)
    shell.dispose()
    return 0 if "painted_ns" in result and "signed_in_ms" in result else 1


if __name__ == "__main__":
    sys.exit(main())
