"""The PySide6 6.12 emit defect (ui/qtcompat.py) is neutralised: emits no longer drain the count of True."""

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    happened = Signal(object)


def test_many_emits_leave_the_reference_count_of_true_unchanged(qtbot):
    from ui.qtcompat import emit

    sender = _Sender()
    received = []
    sender.happened.connect(received.append)
    gc.collect()
    before = sys.getrefcount(True)
    for n in range(500):
        emit(sender.happened, n)
    gc.collect()
    assert len(received) == 500
    assert sys.getrefcount(True) - before in (0, 1)  # 500 leaked decrefs would show as -500


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(studio_app):
    """A collection started by an allocation on the background lane could destroy Qt objects there (a crash)."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from ui import gc_guard

    assert not gc.isenabled()
    guard = studio_app.findChild(gc_guard.GarbageCollector)
    assert guard is not None and guard.timer.isActive()

    class Holder:
        pass

    holder = Holder()
    holder.me = holder  # a reference cycle holding a Qt object
    holder.obj = QObject()
    gone = weakref.ref(holder)
    del holder
    assert gone() is not None  # not freed by reference counting, and no automatic collection
    gc_guard.GarbageCollector.collect_now()
    assert gone() is None
