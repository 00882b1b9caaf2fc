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
