"""The studio's clock: the one place core reads the current time.

Services, the ledger and the audit log ask :func:`now` rather than ``datetime.now`` so that the sample builder
(``tools/build_sample.py``) can replay a realistic history at fixed times and produce the same file every time.
Nothing in the running app sets the clock; :func:`fixed` is for builders and tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

_fixed: list[datetime] = []
_step = timedelta(0)


def now() -> datetime:
    """The current time, timezone-aware UTC. Under :func:`fixed`, the fixed time, advancing by ``step`` per call."""
    if not _fixed:
        return datetime.now(UTC)
    current = _fixed[-1]
    _fixed[-1] = current + _step
    return current


@contextmanager
def fixed(at: datetime, *, step: timedelta = timedelta(milliseconds=1)) -> Iterator[None]:
    """Inside the block, :func:`now` returns ``at`` and then each later call ``step`` later (keeps order)."""
    global _step
    if at.tzinfo is None:
        raise ValueError("the clock needs an aware datetime")
    previous = _step
    _fixed.append(at.astimezone(UTC))
    _step = step
    try:
        yield
    finally:
        _fixed.pop()
        _step = previous


def set_to(at: datetime) -> None:
    """Move a fixed clock (inside :func:`fixed`) to ``at``; used to replay events on their own days."""
    if not _fixed:
        raise RuntimeError("set_to is only for a fixed clock")
    _fixed[-1] = at.astimezone(UTC)
