"""Python's cyclic garbage collector runs on the GUI thread only.

A collection can run in whatever thread happens to allocate, and when it frees a reference cycle holding a Qt
object the C++ object is destroyed in that thread. On the background lane that is a crash (seen once in the test
suite: "Garbage-collecting" on the worker, segmentation fault). So automatic collection is switched off and a timer on
the GUI thread collects instead: the young generations often (cheap), everything now and then. Reference counting
still frees almost everything at once; only cycles wait for the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 5_000
FULL_EVERY = 12  # one full collection every 12 young ones (about a minute)


class GarbageCollector(QObject):
    """Owns the timer; ``collect_now()`` is also called at quiet moments (a test's end, a window closing)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(YOUNG_EVERY_MS)
        self.timer.timeout.connect(self._tick)
        gc.disable()
        self.timer.start()

    def _tick(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 1)

    @staticmethod
    def collect_now(generation: int = 2) -> int:
        """Collect now, on the calling (GUI) thread; 2 = everything, 1 = the young generations only."""
        return gc.collect(generation)


def install(app: QObject) -> GarbageCollector:
    """Switch automatic collection off and collect on ``app``'s (GUI) thread; idempotent per application."""
    existing = app.findChild(GarbageCollector)
    return existing if existing is not None else GarbageCollector(app)
