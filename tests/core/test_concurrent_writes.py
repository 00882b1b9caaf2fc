"""Two writers on one file (the GUI thread and the background lane): a unit of work that reads and then writes is
not failed by a write that landed in between; the later writer waits its turn (busy timeout)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from core.db.models import Supplier
from core.services import catalog


def test_a_read_then_write_unit_of_work_survives_a_concurrent_writer(tmp_db, owner):
    read_done, other_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        read_done.wait(5)
        try:
            with tmp_db.unit_of_work(owner) as s:
                catalog.add_supplier(s, owner, name="并发供应商")
        except BaseException as exc:
            errors.append(exc)
        finally:
            other_done.set()

    thread = threading.Thread(target=other_writer)
    thread.start()
    with tmp_db.unit_of_work(owner) as s:
        before = s.scalar(select(func.count()).select_from(Supplier))  # read first …
        read_done.set()
        other_done.wait(0.5)  # … give the other writer its chance to land in between …
        catalog.add_supplier(s, owner, name="本店供应商")  # … then write
    thread.join(10)
    assert errors == []
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Supplier)) == before + 2
