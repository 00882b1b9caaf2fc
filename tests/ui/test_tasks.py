"""The background lane: one worker, progress, cancel, errors, results back on the GUI thread."""

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton


def test_a_task_returns_its_result_on_the_gui_thread_with_progress(qtbot, tasks):
    seen = []

    def count(n, *, progress, cancelled):
        for i in range(1, n + 1):
            progress(i, n)
        return threading.get_ident()

    task = tasks.run("count", count, 5)
    task.progressed.connect(lambda done, total: seen.append((done, total, QThread.currentThread())))
    with qtbot.waitSignal(task.succeeded, timeout=5_000) as blocker:
        pass
    assert blocker.args[0] != threading.get_ident()  # the work ran off the GUI thread
    assert seen and seen[-1][:2] == (5, 5)
    assert all(thread is QThread.currentThread() for *_, thread in seen)  # delivered on the GUI thread


def test_an_exception_comes_back_as_failed(qtbot, tasks):
    def broken(*, progress, cancelled):
        raise ValueError("第 3 行金额不是数字")

    task = tasks.run("broken", broken)
    with qtbot.waitSignal(task.failed, timeout=5_000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    assert str(blocker.args[0]) == "第 3 行金额不是数字"


def test_cancel_stops_a_running_task_and_says_so(qtbot, tasks):
    started = threading.Event()

    def endless(*, progress, cancelled):
        started.set()
        done = 0
        while not cancelled():
            done += 1
            progress(done % 100, 100)
            threading.Event().wait(0.001)
        return "should not be reported"

    task = tasks.run("endless", endless)
    succeeded = []
    task.succeeded.connect(succeeded.append)
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(task.was_cancelled, timeout=5_000):
        task.cancel()
    assert succeeded == []


def test_tasks_run_one_after_another_on_a_single_lane(qtbot, tasks):
    log = []
    gate = threading.Event()

    def first(*, progress, cancelled):
        log.append("first starts")
        gate.wait(5)
        log.append("first ends")

    def second(*, progress, cancelled):
        log.append("second starts")

    tasks.run("first", first)
    last = tasks.run("second", second)
    qtbot.waitUntil(lambda: "first starts" in log)
    assert log == ["first starts"]  # the second waits for the lane
    with qtbot.waitSignal(last.ended, timeout=5_000):
        gate.set()
    assert log == ["first starts", "first ends", "second starts"]


def test_the_progress_dialog_cancel_button_cancels_the_task(qtbot, tasks):
    from ui.tasks import TaskProgressDialog

    release = threading.Event()

    def waits(*, progress, cancelled):
        while not cancelled() and not release.is_set():
            threading.Event().wait(0.001)

    task = tasks.run("waits", waits)
    dialog = TaskProgressDialog(task)
    assert dialog.labelText() == "waits"
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    with qtbot.waitSignal(task.was_cancelled, timeout=5_000):
        cancel_button.click()
    release.set()


def test_a_result_for_a_closed_screen_is_dropped_but_the_task_still_ends(qtbot, tasks):
    """A page closed while its read is on the lane must not have the result delivered to its deleted widgets."""
    from PySide6.QtWidgets import QLabel

    release = threading.Event()

    def slow(*, progress, cancelled):
        release.wait(5)
        return "结果"

    label = QLabel()
    delivered = []
    task = tasks.run("slow", slow).bind(label)
    task.succeeded.connect(lambda text: delivered.append(label.setText(text)))
    label.deleteLater()
    qtbot.wait(50)  # the label is gone before the work finishes
    release.set()
    with qtbot.waitSignal(task.ended, timeout=5_000):
        pass
    assert delivered == []


def test_only_the_newest_read_of_a_panel_is_shown_and_a_dropped_one_is_not(qtbot, tasks):
    """Clicking ticket A then ticket B quickly: A's answer, arriving first, must not replace B on the panel."""
    from PySide6.QtWidgets import QWidget

    from ui.tasks import NewestRead

    panel = QWidget()
    qtbot.addWidget(panel)
    shown, errors = [], []
    reads = NewestRead(panel, tasks)

    def read(name, *, progress, cancelled):
        return name

    def broken(*, progress, cancelled):
        raise ValueError("没有这张工单")

    reads.run("A", read, "A", on_result=shown.append, on_error=errors.append)
    last = reads.run("B", read, "B", on_result=shown.append, on_error=errors.append)
    with qtbot.waitSignal(last.ended, timeout=5_000):
        pass
    assert shown == ["B"]
    failing = reads.run("C", broken, on_result=shown.append, on_error=errors.append)
    reads.drop()  # the panel went to its empty state meanwhile
    with qtbot.waitSignal(failing.ended, timeout=5_000):
        pass
    assert (shown, errors) == (["B"], [])
