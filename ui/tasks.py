"""Background work on one slow lane, so the GUI thread never blocks (DESIGN §Screens: ≤ 100 ms).

Like Anki's ``taskman``: a QThreadPool with a single thread runs tasks one after another. A task is a plain
function that receives plain data plus two keyword callables, ``progress(done, total)`` and
``cancelled() -> bool``; it never touches a widget. Its outcome comes back on the GUI thread as a signal of
the :class:`Task` handle: ``progressed(done, total)``, then exactly one of ``succeeded(result)``,
``failed(exception)`` or ``was_cancelled()``, and always ``ended()`` last.
"""

from __future__ import annotations

import functools
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMetaObject,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.qtcompat import emit

# Progress callbacks can fire thousands of times a second; the GUI needs a few updates per second.
_PROGRESS_INTERVAL_S = 0.05


class Task(QObject):
    """The GUI-thread handle of one background task. Its signals are emitted on the GUI thread only.

    The worker never emits a signal itself: PySide6 calls a plain Python callable (a bound method of a
    non-QObject, such as pytest-qt's waitSignal) in the *emitting* thread, so a cross-thread emit could run a
    receiver on the worker. The worker puts each event in ``_inbox`` and queues a call to ``_drain`` on the
    GUI thread, which emits; every receiver then runs on the GUI thread, whatever kind of callable it is.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()
    ended = Signal()

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._cancel = threading.Event()
        self._inbox: queue.SimpleQueue[tuple[str, tuple]] = queue.SimpleQueue()
        self._posting = threading.Lock()  # a put and its queued _drain call are one step (_post)
        self.running = True
        self._orphaned = False

    def bind(self, owner: QObject) -> Task:
        """Deliver the outcome only while ``owner`` exists; returns the task, for chaining after ``run``.

        A page that connects lambdas (which Qt cannot tie to a receiver) binds the task to itself, so a result
        arriving after the page was closed is dropped instead of touching deleted widgets. ``ended`` still fires.
        """
        owner.destroyed.connect(self._orphan)
        return self

    @Slot()
    def _orphan(self) -> None:
        self._orphaned = True

    def cancel(self) -> None:
        """Ask the task to stop; it notices the next time it calls ``cancelled()``."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _post(self, kind: str, *args: Any) -> None:
        """From the worker: queue an event for the GUI thread.

        The put and the queued call are made under a lock :meth:`_drain` also takes, so the GUI thread cannot take
        "ended" (after which the runner deletes this object) while the worker is still inside ``invokeMethod`` on
        it: without the lock a drain between the two crashed the process now and then (seen in the test suite).
        """
        with self._posting:
            self._inbox.put((kind, args))
            QMetaObject.invokeMethod(self, "_drain", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _drain(self) -> None:
        while True:
            with self._posting:
                try:
                    kind, args = self._inbox.get_nowait()
                except queue.Empty:
                    return
            if self._orphaned and kind != "ended":
                continue
            emit(getattr(self, kind), *args)


class _Job(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._last_progress = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= _PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._task._post("progressed", int(done), int(total))

    def run(self) -> None:
        task = self._task
        try:
            result = self._fn(
                *self._args, progress=self._progress, cancelled=task.is_cancelled, **self._kwargs
            )
        except BaseException as exc:  # the lane must survive anything a task does
            if task.is_cancelled():
                task._post("was_cancelled")
            else:
                task._post("failed", exc)
        else:
            if task.is_cancelled():
                task._post("was_cancelled")
            else:
                task._post("succeeded", result)
        task._post("ended")


class TaskRunner(QObject):
    """One worker lane. ``run()`` returns the :class:`Task` handle at once; work happens on the lane."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: set[Task] = set()

    def run(self, label: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Queue ``fn(*args, progress=..., cancelled=..., **kwargs)`` on the lane.

        The work is handed to the lane on the next turn of the event loop, so the caller can connect to the
        returned task's signals first: even an instant task never finishes before anyone listens.
        """
        task = Task(label, self)
        self._tasks.add(task)
        task.ended.connect(self._on_task_ended)
        # The runner is the timer's context: if it is destroyed first (a window closed, a test torn down), the
        # hand-over is dropped instead of starting work on a deleted pool in some later event loop.
        QTimer.singleShot(0, self, functools.partial(self._pool.start, _Job(task, fn, args, kwargs)))
        return task

    def _on_task_ended(self) -> None:
        task = self.sender()
        if not isinstance(task, Task):
            return
        task.running = False
        self._tasks.discard(task)
        task.deleteLater()

    def busy(self) -> bool:
        return bool(self._tasks)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the lane is idle (for shutdown only, never while the window is in use)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = -1) -> bool:
        """Wait for the lane, deliver what it still has to say, and delete the finished tasks now.

        Used when the lane's owner goes away (the window closes, a test ends), so no task outcome or deferred
        delete is left in the queue for some later event loop to run against objects that are gone.
        """
        done = self._pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents()  # the tasks' queued _drain calls: results, then "ended"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return done


class NewestRead:
    """Reads for one widget on the lane where only the newest answer counts.

    A panel that shows "the selected item" asks again whenever the selection changes; an older read that finishes
    late must not overwrite the newer one. :meth:`run` delivers ``on_result``/``on_error`` only for the newest
    request, and only while ``owner`` exists; :meth:`drop` forgets any request in flight (the empty state).
    """

    def __init__(self, owner: QObject, tasks: TaskRunner) -> None:
        self.owner, self.tasks = owner, tasks
        self._asked = 0

    def run(
        self,
        label: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Task:
        self._asked += 1
        asked = self._asked
        task = self.tasks.run(label, fn, *args).bind(self.owner)
        task.succeeded.connect(lambda result: asked == self._asked and on_result(result))
        task.failed.connect(lambda exc: asked == self._asked and on_error(exc))
        return task

    def drop(self) -> None:
        self._asked += 1

    @property
    def asked(self) -> int:
        """How many requests were made (compare later to tell whether a newer one came since)."""
        return self._asked


class TaskProgressDialog(QProgressDialog):
    """A small window-modal progress dialog with Cancel for one task; closes itself when the task ends."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TaskProgressDialog", "Working…"))
        self.setLabelText(task.label)
        self.setCancelButtonText(QCoreApplication.translate("TaskProgressDialog", "Cancel"))
        self.setRange(0, 0)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._task = task
        task.progressed.connect(self._on_task_progressed)
        task.ended.connect(self._on_task_ended)
        self.canceled.connect(self._on_dialog_canceled)

    def _on_task_progressed(self, done: int, total: int) -> None:
        if total > 0:
            # QProgressDialog holds ints; scale big page counts into 0..1000.
            self.setRange(0, 1000)
            self.setValue(min(1000, int(done * 1000 / total)))

    def _on_dialog_canceled(self) -> None:
        self._task.cancel()
        self.setLabelText(QCoreApplication.translate("TaskProgressDialog", "Cancelling…"))

    def _on_task_ended(self) -> None:
        self.close()
        self.deleteLater()


def run_and_wait(
    runner: TaskRunner, label: str, fn: Callable[..., Any], *args: Any, parent: QWidget | None = None
) -> tuple[str, Any]:
    """Run ``fn`` on the lane with a progress dialog and keep the GUI alive until it ends.

    For the few steps that must finish before anything else can happen (a restore before the window
    reopens). Returns ("succeeded", result), ("failed", exception) or ("cancelled", None).
    """
    outcome: list[tuple[str, Any]] = [("cancelled", None)]
    loop = QEventLoop()
    task = runner.run(label, fn, *args)
    task.succeeded.connect(lambda result: outcome.__setitem__(0, ("succeeded", result)))
    task.failed.connect(lambda exc: outcome.__setitem__(0, ("failed", exc)))
    task.ended.connect(loop.quit)
    TaskProgressDialog(task, parent)
    loop.exec()
    return outcome[0]
