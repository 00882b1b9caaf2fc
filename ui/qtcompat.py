"""Work-arounds for defects of the Qt binding, each probed at import so it switches itself off once fixed.

PySide6 6.12 on CPython 3.11: ``Signal.emit()`` returns ``True`` without taking a reference to it, so every
emit from Python code lowers the reference count of ``True`` by one; after enough emits the interpreter aborts
with "Fatal Python error: bool_dealloc" (seen at exit after a few hundred emits, and it would hit a long
session or a long import mid-work). CPython 3.12+ makes ``True`` immortal, where the probe finds nothing.
Every emit in ``ui/`` goes through :func:`emit`, which gives the missing reference back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBES = 8


class _Probe(QObject):
    fired = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= _PROBES


EMIT_DROPS_A_REFERENCE = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, returning the reference the binding takes from ``True``/``False`` (see above)."""
    result = signal.emit(*args)
    if EMIT_DROPS_A_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
