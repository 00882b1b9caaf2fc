"""One running instance per database file (DESIGN §Reliability): an OS lock on ``<db>.lock``.

The lock is advisory and held by the operating system for the life of the open file, so a crashed or killed
process releases it automatically; the lock file itself is left in place (removing it would race with another
process opening it) and only carries the holder's process id for people reading it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from core import i18n
from core.errors import DatabaseProblem

i18n.register(
    {
        "db.locked.instance": (
            "数据文件 {path} 正被另一个正在运行的直播售后服务台使用。请切换到那个窗口，或先关闭它再重试。",
            "The data file {path} is in use by another running StudioDesk. Switch to that window, or close it "
            "and try again.",
        ),
    }
)


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """An exclusive, non-blocking lock on ``<db>.lock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows).

    ``acquire()`` raises ``DatabaseProblem("locked")`` when another process (or another ``InstanceLock`` in this
    process) holds it. Usable as a context manager.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise DatabaseProblem(
                "locked", self.db_path, i18n.t("db.locked.instance", path=self.db_path)
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:  # the pid is a courtesy only
            pass
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._fd is not None:
            self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
