"""The demo runs on the sample's calendar (core.demo.start_demo_clock): whatever the real date, the demo shows what
the sample was built to show — papers expiring, tickets due today — because its clock starts on the sample's
"today" and runs on. The person's own database always runs on the real clock."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

from core import clock
from core.demo import SAMPLE_NOW, start_demo_clock
from tests.core.storage_helpers import ROOT


@pytest.fixture(autouse=True)
def real_clock_after():
    yield
    clock.run_from(None)


def test_the_demo_clock_starts_on_the_sample_today_and_runs_on():
    start_demo_clock()
    first = clock.now()
    assert abs(first - SAMPLE_NOW) < timedelta(seconds=5)
    assert clock.now() >= first  # it runs, it is not frozen
    assert clock.offset() != timedelta(0)


def test_back_to_the_real_clock():
    start_demo_clock()
    clock.run_from(None)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5) and clock.offset() == timedelta(0)


def test_a_naive_start_is_refused():
    with pytest.raises(ValueError):
        clock.run_from(datetime(2026, 11, 28, 12, 0))


def test_the_sample_builder_and_the_demo_agree_on_the_sample_today(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import build_sample

    assert build_sample.SAMPLE_NOW == SAMPLE_NOW
    sys.modules.pop("build_sample", None)
