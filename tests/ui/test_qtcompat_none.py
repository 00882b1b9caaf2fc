"""The PySide6 6.12 defect that drains the reference count of None (ui/qtcompat.py) cannot crash a long session."""

import gc
import sys


def test_many_calls_that_return_nothing_cannot_bring_none_to_zero(qtbot):
    from PySide6.QtWidgets import QLabel

    from ui import qtcompat

    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for n in range(20_000):
        label.setText(str(n))
    gc.collect()
    assert label.text() == "19999"
    if qtcompat.VOID_CALLS_DROP_NONE:
        assert before > 1 << 40 and sys.getrefcount(None) > 1 << 40  # the headroom is there and still is
    else:
        assert abs(sys.getrefcount(None) - before) < 1000
