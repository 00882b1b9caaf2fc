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


# --- None -----------------------------------------------------------------------------------------------------------
# The same binding also drops a reference to ``None`` on every wrapped call that returns nothing (``setText``,
# ``setToolTip``, ``click``, a ``property`` that is unset …): one decref per call, so a few thousand widget calls
# (one refill of a tree) bring ``None`` to zero and the interpreter aborts with "none_dealloc" (seen at the end of
# the checklist panel's tests). No wrapper can catch every call, so when the probe sees the drain, ``None`` is
# given a reference count no session can exhaust — what CPython 3.12+ does for it anyway (immortal objects).
_NONE_HEADROOM = 1 << 48  # ~2.8e14 calls


def _void_calls_drop_none() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return lost >= _PROBES


VOID_CALLS_DROP_NONE = _void_calls_drop_none()
if VOID_CALLS_DROP_NONE and sys.implementation.name == "cpython":
    # ob_refcnt is the first field of every CPython object
    ctypes.c_ssize_t.from_address(id(None)).value += _NONE_HEADROOM
    # True and False drain the same way somewhere in the binding (seen once as "bool_dealloc" while the
    # interpreter finalised after a passing run); the probe above cannot find every call, so they get the same
    # headroom. Both are immortal on CPython 3.12+ anyway.
    for _singleton in (True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += _NONE_HEADROOM
