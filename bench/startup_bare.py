"""The baseline for the start-up ratio: a bare PySide6 window opening the same SQLite file.

    python bench/startup_bare.py DB

Imports PySide6, opens the file with ``sqlite3`` and runs one query (the ledger head, as the app's status bar
shows), shows an empty ``QMainWindow`` and quits at its first paint, printing the paint time as ``startup_app.py``
does.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time


def main() -> int:
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    head = conn.execute("SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1").fetchone()
    result: dict[str, object] = {}

    class Window(QMainWindow):
        def paintEvent(self, event: object) -> None:
            super().paintEvent(event)
            if "painted_ns" not in result:
                result["painted_ns"] = 0
                QTimer.singleShot(0, painted)

    def painted() -> None:
        result["painted_ns"] = time.time_ns()
        app.quit()

    window = Window()
    window.setWindowTitle(f"bare {head[0] if head else 0}")
    window.resize(1180, 740)
    window.show()
    app.exec()
    conn.close()
    print(json.dumps({"painted_ns": result.get("painted_ns")}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
