"""The studio's clock: the one place core reads the current time.

Services, the ledger and the audit log ask :func:`now` rather than ``datetime.now`` so that the sample builder
(``tools/build_sample.py``) can replay a realistic history at fixed times and produce the same file every time.
:func:`fixed` is for builders and tests. The one setting the running app makes is :func:`run_from`, for the
demo only: the demo copy's history ends on the sample's "today", so the demo's clock starts there and runs on
(a ticket due "today" in the sample is due today in the demo, whatever the real date).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

_fixed: list[datetime] = []
_step = timedelta(0)
_offset = timedelta(0)  # set by run_from (the demo): added to the real time


def now() -> datetime:
    """The current time, timezone-aware UTC. Under :func:`fixed`, the fixed time, advancing by ``step`` per call."""
    if not _fixed:
        return datetime.now(UTC) + _offset
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


def run_from(at: datetime | None) -> None:
    """From now on :func:`now` starts at ``at`` and runs at the real pace (None: the real time again)."""
    global _offset
    if at is not None and at.tzinfo is None:
        raise ValueError("the clock needs an aware datetime")
    _offset = timedelta(0) if at is None else at.astimezone(UTC) - datetime.now(UTC)


def offset() -> timedelta:
    """How far the clock runs from the real time (zero except in the demo)."""
    return _offset
