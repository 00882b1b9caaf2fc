"""The fast start: paint the main window signed out first, open the database on the lane while the person types.

Nothing here imports SQLAlchemy, Alembic or the ORM models: :func:`open_on_lane` loads them on the task lane
(DESIGN budget ≤ 1.5 s to a painted window, ≤ 2× a bare window). The lane is one FIFO worker, so a sign-in
queued after the open always runs after it and finds :attr:`OpeningDatabase.database` filled in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class OpeningDatabase:
    """Stands in for a core ``Database`` that the lane is still opening.

    ``path`` is known at once (the status bar and the sign-in form show it). :meth:`open` runs on the lane and
    fills ``database`` (or ``problem``); :meth:`unit_of_work` and ``sessions`` then pass through to it, so the
    sign-in and owner-account tasks work on either this or a real ``Database``. Used (on the lane) before the
    queued open ran, they open the file themselves; after a failed open they raise the open's exception.
    """

    def __init__(self, path: Path, lock: Any | None = None) -> None:
        self.path = Path(path)
        self.lock = lock
        self.database: Any | None = None
        self.problem: BaseException | None = None

    def open(self, **_lane: Any) -> Any:
        """On the lane: open the file (an already checked, usable one), hand it the instance lock, warm auth.

        Opening twice returns the same ``Database``; after a failure it raises the same problem again.
        """
        from core.db.opening import open_database

        if self.database is not None:
            return self.database
        if self.problem is not None:
            raise self.problem
        try:
            database = open_database(self.path, lock=False)
            database.lock, self.lock = self.lock, None
            import core.services.auth  # noqa: F401 — the sign-in that follows needs it; load it here, not then
        except BaseException as exc:
            self.problem = exc
            raise
        self.database = database
        return database

    def opened(self) -> Any:
        """The open ``Database`` (on the lane: opening it now if the queued open has not run yet, so a sign-in
        can never overtake it); raises the open's problem when it failed."""
        return self.open()

    @property
    def sessions(self) -> Any:
        return self.opened().sessions

    @contextmanager
    def unit_of_work(self, actor: Any | None = None) -> Iterator[Any]:
        with self.opened().unit_of_work(actor) as session:
            yield session

    def release(self) -> None:
        """Give the instance lock back when the open never happened or failed (the Database owns it otherwise)."""
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.release()


def opened_database(source: Any) -> Any:
    """The core ``Database`` behind ``source`` (an :class:`OpeningDatabase`, or a ``Database`` itself)."""
    return source.opened() if isinstance(source, OpeningDatabase) else source
